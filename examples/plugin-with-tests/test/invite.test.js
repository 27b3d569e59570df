// The Invite plugin in a host the test drives itself (app-driven mode): the test gives the
// roster and the conference, and answers the commands the plugin sends.
import { expect } from '@open-wc/testing';
import { mountPluginHost, participant, waitFor } from 'pex-plugin-host/testing';

const BRANDING = '/branding/'; // web-test-runner.config.mjs serves branding/webapp2/ there
const ID = 'invite-plugin-1.0';

/** A host for a chair in a started conference of two. */
function mountForChair(options = {}) {
  return mountPluginHost({
    brandingUrl: BRANDING,
    role: 'chair',
    participants: [participant({ uuid: 'me', name: 'Me', role: 'chair' }), participant({ uuid: 'zed', name: 'Zed' })],
    conference: { started: true },
    selfUUID: 'me',
    ...options,
  });
}

/** Clicks the button labelled `label`, types `address` in the dialog and submits it; resolves to the dialog. */
async function invite(harness, address, label = 'Invite someone') {
  (await harness.menuItem(label, { location: 'toolbar' })).click();
  const dialog = await harness.dialog({ title: 'Invite someone' });
  dialog.fill('Address', address);
  dialog.submit();
  return dialog;
}

describe('Invite (app-driven)', () => {
  it('loads for a chair, with its button in the toolbar', async () => {
    const harness = await mountForChair();
    expect(harness.plugin(ID).status).to.equal('loaded');
    expect(harness.problems()).to.deep.equal([]);
    expect(harness.labels('toolbar')).to.deep.equal(['Invite someone']);
    expect(harness.menuItems('toolbar')[0].icon).to.match(/\/plugins\/invite\/invite\.svg(\?[^#]*)?#invite$/);
  });

  it('is not for guests', async () => {
    const harness = await mountForChair({ role: 'guest' });
    expect(harness.plugin(ID).status).to.equal('filtered-out');
    expect(harness.labels('toolbar')).to.deep.equal([]);
  });

  it('dials the address typed in its dialog out, and counts the people invited', async () => {
    const harness = await mountForChair();
    const dialog = await invite(harness, 'sip:alice@example.com');

    const command = await harness.nextCommand('dialOut');
    expect(command.pluginId).to.equal(ID);
    expect(command.args).to.deep.include({ alias: 'sip:alice@example.com', protocol: 'auto', role: 'guest' });
    harness.answer(command, ['uuid-of-alice']);

    expect(await dialog.closed()).to.equal('uuid-of-alice');
    await harness.menuItem('Invite someone (1 invited)');
    const state = await harness.waitForState(ID, (s) => s.items[0]?.label === 'Invite someone (1 invited)');
    expect(state.items.map((item) => item.location)).to.deep.equal(['toolbar']);
  });

  it("shows the server's reason when the dial-out is refused, and stays open", async () => {
    const harness = await mountForChair();
    const dialog = await invite(harness, 'sip:nobody@example.com');
    harness.refuse(await harness.nextCommand('dialOut'), 'Gateway dial out failed');

    const error = dialog.body.querySelector('#invitePluginError');
    await waitFor(() => !error.hidden, 'the error in the dialog');
    expect(error.textContent).to.equal('Could not invite sip:nobody@example.com: Gateway dial out failed.');
    expect(dialog.isOpen).to.equal(true);
    expect(dialog.button('Invite').disabled).to.equal(false);
    expect(harness.labels('toolbar')).to.deep.equal(['Invite someone']);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('asks for an address before it dials', async () => {
    const harness = await mountForChair();
    const dialog = await invite(harness, '   ');
    expect(dialog.body.querySelector('#invitePluginError').textContent).to.equal('Type the address to invite.');
    expect(harness.commands).to.deep.equal([]);
  });

  it('starts counting again when the conference is left', async () => {
    // Every dialOut answered at once with a uuid made from the address.
    const harness = await mountForChair({ autoAnswer: (command) => [`uuid-${command.args.alias}`] });
    await (await invite(harness, 'sip:alice@example.com')).closed();
    await (await invite(harness, 'sip:bob@example.com', 'Invite someone (1 invited)')).closed();
    await harness.menuItem('Invite someone (2 invited)');

    harness.dispatchAction('[Conference] Disconnect Success');
    await harness.waitForLabels('toolbar', ['Invite someone']);
    expect(harness.commands.map((c) => [c.name, c.handledBy, c.outcome])).to.deep.equal([
      ['dialOut', 'auto', { value: ['uuid-sip:alice@example.com'] }],
      ['dialOut', 'auto', { value: ['uuid-sip:bob@example.com'] }],
    ]);
  });
});
