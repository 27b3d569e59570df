import { expect } from '@open-wc/testing';
import { mountPluginHost, participant, type PluginHostHarness } from '../testing/index.js';

/**
 * The testing kit in app-driven mode, on the demo's recording plugin: the test plays the app
 * (the roster, the answers to commands), and the kit's failures say what they waited for.
 */
// The demo's branding as the demo serves it: custom_configuration/ beside a page whose base is
// /demo/, so the plugins that fetch their own files page-relative find them.
const BRANDING = '/demo/custom_configuration/';
const ME = participant({ uuid: 'me', name: 'Me', role: 'chair' });

async function startRecordingDialog(harness: PluginHostHarness) {
  (await harness.menuItem('Start recording', { location: 'toolbar' })).click();
  const dialog = await harness.dialog({ title: 'Start recording' });
  dialog.fill('Stream the conference to (an RTMP address)', 'rtmp://stream.example.com/live/kit');
  dialog.submit();
  return dialog;
}

describe('the testing kit (app-driven)', () => {
  let base: HTMLBaseElement;
  before(() => {
    base = Object.assign(document.createElement('base'), { href: '/demo/' });
    document.head.prepend(base);
  });
  after(() => base.remove());
  beforeEach(() => localStorage.removeItem('pexDemoRecordingAlias'));

  it('holds a command until the test answers it, and the plugin gets the answer', async () => {
    const harness = await mountPluginHost({ brandingUrl: BRANDING, role: 'chair', participants: [ME], selfUUID: 'me' });
    const dialog = await startRecordingDialog(harness);
    const command = await harness.nextCommand('dialOut');
    expect({ name: command.name, args: command.args, pluginId: command.pluginId, handledBy: command.handledBy, outcome: command.outcome }).to.deep.equal({
      name: 'dialOut',
      args: { alias: 'rtmp://stream.example.com/live/kit', protocol: 'auto', role: 'guest', options: { streaming: true } },
      pluginId: 'recording-plugin-1.0',
      handledBy: 'test',
      outcome: undefined,
    });
    expect(dialog.isOpen).to.equal(true);
    harness.answer(command, ['streamer']);
    expect(command.outcome).to.deep.equal({ value: ['streamer'] });
    expect(() => harness.answer(command, [])).to.throw('answer: the dialOut command was answered already');
    expect(await dialog.closed()).to.equal('streamer');

    // The app's roster now has the streaming participant: the plugin's state$ says Stop.
    harness.host.participants = [ME, participant({ uuid: 'streamer', isStreaming: true })];
    const state = await harness.waitForState('recording-plugin-1.0', (s) => s.items[0]?.label === 'Stop recording');
    expect(state.items.map((i) => i.icon?.replace(/^.*\//, '').replace(/\?[^#]*/, ''))).to.deep.equal(['stop-recording.svg#stopRecording']);
    (await harness.menuItem('Stop recording')).click();
    const stop = await harness.nextCommand();
    expect([stop.name, stop.args]).to.deep.equal(['disconnectParticipant', { uuid: 'streamer' }]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it("refuses a command with the server's reason, which the plugin shows", async () => {
    const harness = await mountPluginHost({ brandingUrl: BRANDING, role: 'chair' });
    const dialog = await startRecordingDialog(harness);
    harness.refuse(await harness.nextCommand('dialOut'), 'Gateway dial out failed');
    const error = dialog.body.querySelector<HTMLElement>('#recordingPluginError')!;
    await harness.waitForState('recording-plugin-1.0', () => !error.hidden, 'the error shown');
    expect(error.textContent).to.equal('Could not start recording to rtmp://stream.example.com/live/kit: Gateway dial out failed. Check the address and try again.');
  });

  it('answers every command itself with autoAnswer', async () => {
    const harness = await mountPluginHost({ brandingUrl: BRANDING, role: 'chair', autoAnswer: (c) => (c.name === 'dialOut' ? ['auto-uuid'] : null) });
    const dialog = await startRecordingDialog(harness);
    expect(await dialog.closed()).to.equal('auto-uuid');
    expect(harness.commands.map((c) => [c.name, c.handledBy, c.outcome])).to.deep.equal([['dialOut', 'auto', { value: ['auto-uuid'] }]]);
    expect(() => harness.answer(harness.commands[0]!, [])).to.throw('answer: the dialOut command is answered by the autoAnswer option, not the test');
  });

  it('removed the previous tests\' hosts, and says what it waited for when a wait fails', async () => {
    expect(document.querySelectorAll('[data-pex-test-harness]').length).to.equal(0);
    const harness = await mountPluginHost({ brandingUrl: BRANDING, role: 'chair' });
    // The branding's Web App 3 sample adds its button and its participant action once its frame
    // has registered: waited for, so the menus the failure lists are the same every time.
    await harness.menuItem('Web App 3 sample: a form');
    await harness.menuItem('Say hello');
    const failure = await harness.menuItem('Record', { timeout: 50 }).catch((error: Error) => error.message);
    expect(failure).to.equal(
      'timed out after 50 ms waiting for a menu item labelled "Record"; toolbar: ["No raised hands", "Start recording", "Chat bot: no unread messages", "Web App 3 sample: a form"]; ' +
        'conference: ["Conference info", "Change layout", "Lock", "Mute guests"]; participants: ["Spotlight", "Say hello"]',
    );
    const noCommand = await harness.nextCommand('dialOut', { timeout: 50 }).catch((error: Error) => error.message);
    expect(noCommand).to.equal('timed out after 50 ms waiting for a "dialOut" command; no command was sent');
    const noDialog = await harness.dialog({ title: 'Nope', timeout: 50 }).catch((error: Error) => error.message);
    expect(noDialog).to.equal('timed out after 50 ms waiting for the dialog "Nope" to open; open dialogs: []');
    expect(() => harness.plugin('nope')).to.throw(/^no plugin "nope" in the branding folder \(it has: hand-count-plugin-1\.0, recording-plugin-1\.0,/);
    (await harness.menuItem('Start recording')).click();
    const dialog = await harness.dialog();
    expect(() => dialog.fill('Address', 'x')).to.throw('the dialog "Start recording" has no field "Address" (its labels: "Stream the conference to (an RTMP address)")');
  });
});
