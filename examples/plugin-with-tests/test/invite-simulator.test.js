// The Invite plugin on the Infinity simulator the test server runs: the host is joined to a
// conference through the real Infinity connection, and the plugin's dial-out reaches the
// simulator over HTTP.
import { expect } from '@open-wc/testing';
import { joinSimulator, mountPluginHost, simulator, waitFor } from 'pex-plugin-host/testing';

const BRANDING = '/branding/';

describe('Invite (on the simulator)', () => {
  beforeEach(() => simulator.reset());

  it('dials someone into the conference', async () => {
    const connection = await joinSimulator({ alias: 'meet', displayName: 'Plugin author' });
    const harness = await mountPluginHost({ brandingUrl: BRANDING, connection });

    (await harness.menuItem('Invite someone')).click();
    const dialog = await harness.dialog({ title: 'Invite someone' });
    dialog.fill('Address', 'sip:alice@example.com');
    dialog.submit();

    const uuid = await dialog.closed();
    const { participants, requests } = await simulator.conference('meet');
    expect(participants.find((p) => p.uuid === uuid)?.uri).to.equal('sip:alice@example.com');
    expect(requests.find((r) => r.path.endsWith('/dial'))?.body).to.deep.include({ destination: 'sip:alice@example.com', protocol: 'auto', role: 'GUEST' });
    await harness.menuItem('Invite someone (1 invited)');
    await waitFor(() => harness.host.participants.some((p) => p.uuid === uuid), 'the invited participant in the roster');
    expect(harness.commands.map((c) => [c.name, c.handledBy])).to.deep.equal([['dialOut', 'connection']]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it("shows the simulator's refusal in the dialog", async () => {
    const harness = await mountPluginHost({ brandingUrl: BRANDING, connection: await joinSimulator() });
    (await harness.menuItem('Invite someone')).click();
    const dialog = await harness.dialog();
    dialog.fill('Address', 'sip:fail@example.com'); // the simulator refuses any address with "fail" in it
    dialog.submit();
    const error = dialog.body.querySelector('#invitePluginError');
    await waitFor(() => !error.hidden, 'the error in the dialog');
    expect(error.textContent).to.equal('Could not invite sip:fail@example.com: Gateway dial out failed.');
  });

  it('gives a guest of the conference no Invite button', async () => {
    // `guests` lets guests in without a PIN: the connection reports the role guest.
    const harness = await mountPluginHost({ brandingUrl: BRANDING, connection: await joinSimulator({ alias: 'guests' }) });
    await harness.waitForStatus('invite-plugin-1.0', 'filtered-out');
    expect(harness.labels('toolbar')).to.deep.equal([]);
  });
});
