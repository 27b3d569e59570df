import { expect } from '@open-wc/testing';
import type { InfinityConnection } from '../src/conference/infinity/index.js';
import { joinSimulator, mountPluginHost, openDialogs, simulator, waitFor, type PluginHostHarness } from '../testing/index.js';

/**
 * The demo's sample branding folder (demo/branding/webapp2/) as the demo serves it: byte for byte,
 * as custom_configuration/ beside the page (here the page's base is /demo/, and
 * web-test-runner.config.mjs serves the folder at /demo/custom_configuration/), read by a host
 * with the default branding-url, which loads its plugins and then joins the simulator's `meet`
 * through the real Infinity connection, as the demo does. Each plugin is used as a user would —
 * its toolbar button, menu item or dialog — and its effect is checked in the simulator and in the
 * rendered menus. Written with the testing kit (testing/, `pex-plugin-host/testing`), so the kit
 * is held to what these tests need.
 */
const BRANDING = '/demo/custom_configuration/';
const DISPLAY_NAME = 'Demo tester';
const RECORDING_KEY = 'pexDemoRecordingAlias';

const ALL_IDS = [
  'hand-count-plugin-1.0',
  'recording-plugin-1.0',
  'chat-bot-plugin-1.0',
  'spotlight-plugin-1.0',
  'conference-info-plugin-1.0',
  'layout-plugin-1.0',
  'lock-plugin-1.0',
  'mute-guests-plugin-1.0',
  'guest-help-plugin-1.0',
  'desktop-shortcuts-plugin-1.0',
  'welcome-plugin-1.0',
  'webapp3-sample',
];
// The Web App 3 sample's button and participant action (demo/webapp3-sample/, test/demo-webapp3.test.ts).
const SAMPLE_BUTTON = 'Web App 3 sample: a form';
const SAY_HELLO = 'Say hello';

const dialogTitles = () => openDialogs().map((d) => d.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? '');

/** The focused element through shadow roots, by id (never the node itself). */
function focusedId(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active?.id || active?.localName || '(none)';
}

describe('the demo branding folder (demo/branding/webapp2/) in a host joined to the simulator', () => {
  let connection: InfinityConnection | undefined;
  let base: HTMLBaseElement;

  before(() => {
    // The page as the demo's: custom_configuration/ beside it is the demo's branding folder.
    base = Object.assign(document.createElement('base'), { href: '/demo/' });
    document.head.prepend(base);
  });
  after(() => base.remove());

  beforeEach(async () => {
    await simulator.reset();
    localStorage.removeItem(RECORDING_KEY);
  });

  afterEach(() => {
    connection = undefined;
  });

  /** Until the welcome plugin's JSON file has arrived and its library has run. */
  const welcomeFilesArrived = () => {
    const json = new URL(`${BRANDING}plugins/welcome/assets/welcome.json`, location.href).href;
    return waitFor(() => 'DemoWelcomeText' in window && performance.getEntriesByType('resource').some((e) => e.name === json), "the welcome plugin's files");
  };

  /** Mounts the demo branding, then joins `alias` as DISPLAY_NAME and hands the host the connection, as the demo does. */
  async function joined(options: { alias?: string; platform?: 'web' | 'electron' } = {}): Promise<PluginHostHarness> {
    performance.clearResourceTimings(); // the buffer holds 250 entries; the test modules filled it
    const harness = await mountPluginHost(options.platform ? { platform: options.platform } : {});
    // The welcome plugin fetches its files in load, and warns if the conference starts first:
    // join once they are here, as a user would (the demo joins when they click Join).
    if (harness.statuses()['welcome-plugin-1.0'] === 'loaded') await welcomeFilesArrived();
    connection = await joinSimulator({ alias: options.alias ?? 'meet', displayName: DISPLAY_NAME });
    await harness.connect(connection);
    return harness;
  }

  /** The toolbar icons' `<use href>`, file name and fragment only. */
  const toolbarIcons = (harness: PluginHostHarness) =>
    harness.menuItems('toolbar').map((item) => (item.icon ?? '').replace(/^.*\//, '').replace(/\?[^#]*/, ''));
  const click = async (harness: PluginHostHarness, label: string, location: 'toolbar' | 'conference') =>
    (await harness.menuItem(label, { location })).click();

  it('loads every plugin a host on the web may use, with no error, warning or diagnostic', async () => {
    const harness = await joined();
    await harness.waitForStatus('guest-help-plugin-1.0', 'filtered-out');
    expect(harness.host.brandingID).to.equal('1764500000000');
    expect(harness.host.plugins.map((p) => p.id)).to.deep.equal(ALL_IDS);
    expect(harness.statuses()).to.deep.equal({
      'hand-count-plugin-1.0': 'loaded',
      'recording-plugin-1.0': 'loaded',
      'chat-bot-plugin-1.0': 'loaded',
      'spotlight-plugin-1.0': 'loaded',
      'conference-info-plugin-1.0': 'loaded',
      'layout-plugin-1.0': 'loaded',
      'lock-plugin-1.0': 'loaded',
      'mute-guests-plugin-1.0': 'loaded',
      'guest-help-plugin-1.0': 'filtered-out',
      'desktop-shortcuts-plugin-1.0': 'filtered-out',
      'welcome-plugin-1.0': 'loaded',
      'webapp3-sample': 'loaded',
    });
    expect(harness.problems()).to.deep.equal([]);
    expect(harness.diagnostics.map((d) => `${d.severity}: ${d.message}`)).to.deep.equal([]);
    expect(harness.console.filter((line) => line.includes(BRANDING) || line.includes('pex') || line.includes('welcome'))).to.deep.equal([]);
    await harness.waitForLabels('toolbar', ['No raised hands', 'Start recording', 'Chat bot: no unread messages', SAMPLE_BUTTON]);
    expect(harness.labels('conference')).to.deep.equal(['Conference info', 'Change layout', 'Lock', 'Mute guests']);
  });

  it('welcome: loaded before the join, it greets with its JSON and library, fetched page-relative through custom_configuration/', async () => {
    performance.clearResourceTimings(); // the buffer holds 250 entries; the test modules filled it
    const harness = await mountPluginHost();
    await harness.waitForStatus('welcome-plugin-1.0', 'loaded');
    const folder = new URL(BRANDING, location.href).href;
    const library = `${folder}plugins/welcome/lib/welcome-text.js`;
    await welcomeFilesArrived();
    expect(harness.actions).to.deep.equal([]);

    await simulator.addParticipant('meet', 'Alice');
    connection = await joinSimulator({ alias: 'meet', displayName: DISPLAY_NAME });
    await harness.connect(connection);
    const notice = await harness.nextAction('[Demo] Notice');
    expect((await simulator.conference('meet')).participants.map((p) => p.display_name)).to.have.members(['Alice', DISPLAY_NAME]);
    expect(notice.payload).to.equal("Welcome: the conference has started, with 2 people in it. This branding's plugins are on the toolbar and in the Conference menu.");
    expect([...document.head.querySelectorAll('script')].filter((script) => script.src === library).map((script) => script.getAttribute('src'))).to.deep.equal([
      'custom_configuration/plugins/welcome/lib/welcome-text.js',
    ]);
    expect(harness.problems()).to.deep.equal([]);
    expect(harness.console.filter((line) => line.includes('welcome'))).to.deep.equal([]);

    // Unloaded, it takes its library's script element away with it.
    await harness.host.runtime.unloadPlugin('welcome-plugin-1.0');
    expect([...document.head.querySelectorAll('script')].filter((script) => script.src === library)).to.have.length(0);
  });

  it('recording: the dialog dials a streaming participant, the button becomes Stop recording, Stop disconnects it', async () => {
    const harness = await joined();
    await click(harness, 'Start recording', 'toolbar');
    const dialog = await harness.dialog({ title: 'Start recording' });
    expect(dialogTitles()).to.deep.equal(['Start recording']);
    const input = dialog.field('Stream the conference to (an RTMP address)') as HTMLInputElement;
    expect(input.id).to.equal('recordingPluginAlias');
    expect(input.className).to.equal('pex-text-input');
    expect(input.value).to.equal('rtmp://example.com/live/demo');
    expect(focusedId()).to.equal('recordingPluginAlias');
    expect(dialog.button('Start').id).to.equal('recordingPluginStart');
    expect(dialog.button('Start').className).to.equal('dialog-button green-action-button');

    dialog.fill('Stream the conference to (an RTMP address)', 'rtmp://stream.example.com/live/test-run');
    dialog.submit();

    // The command went to the connection, as the plugin called it.
    const command = await harness.nextCommand('dialOut');
    expect(command.handledBy).to.equal('connection');
    expect(command.pluginId).to.equal('recording-plugin-1.0');
    expect(command.args).to.deep.equal({ alias: 'rtmp://stream.example.com/live/test-run', protocol: 'auto', role: 'guest', options: { streaming: true } });

    const streamer = await waitFor(
      async () => (await simulator.conference('meet')).participants.find((p) => p.is_streaming_conference === true)?.uuid,
      'a streaming participant in the simulator',
    );
    const dial = (await simulator.conference('meet')).requests.find((r) => r.path.endsWith('/dial'));
    expect(dial?.body).to.deep.include({ destination: 'rtmp://stream.example.com/live/test-run', protocol: 'auto', role: 'GUEST', streaming: 'yes' });
    expect(await dialog.closed()).to.equal(streamer);
    expect(openDialogs()).to.have.length(0);
    await harness.menuItem('Stop recording', { location: 'toolbar' });
    expect(toolbarIcons(harness)[1]).to.equal('stop-recording.svg#stopRecording');
    expect(localStorage.getItem(RECORDING_KEY)).to.equal('rtmp://stream.example.com/live/test-run');

    await click(harness, 'Stop recording', 'toolbar');
    expect((await harness.nextCommand()).name).to.equal('disconnectParticipant');
    await waitFor(async () => !(await simulator.conference('meet')).participants.some((p) => p.uuid === streamer), 'the streaming participant to leave');
    await harness.menuItem('Start recording', { location: 'toolbar' });
    expect(toolbarIcons(harness)[1]).to.equal('start-recording.svg#startRecording');

    // The alias is remembered for next time.
    await click(harness, 'Start recording', 'toolbar');
    const again = await harness.dialog({ title: 'Start recording' });
    expect((again.field('#recordingPluginAlias') as HTMLInputElement).value).to.equal('rtmp://stream.example.com/live/test-run');
    expect(harness.commands.map((c) => c.name)).to.deep.equal(['dialOut', 'disconnectParticipant']);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('recording: a failed dial-out is shown in the dialog, which stays open', async () => {
    const harness = await joined();
    await click(harness, 'Start recording', 'toolbar');
    const dialog = await harness.dialog({ title: 'Start recording' });
    dialog.fill('#recordingPluginAlias', 'rtmp://fail.example.com/live');
    dialog.submit();
    const error = () => dialog.body.querySelector<HTMLElement>('#recordingPluginError');
    await waitFor(() => error()?.hidden === false && (error()?.textContent ?? '').includes('Gateway dial out failed'), "the error with the server's reason");
    expect(error()!.textContent).to.equal(
      'Could not start recording to rtmp://fail.example.com/live: Gateway dial out failed. Check the address and try again.',
    );
    expect(dialogTitles()).to.deep.equal(['Start recording']);
    expect(dialog.isOpen).to.equal(true);
    expect(dialog.button('Start').disabled).to.equal(false);
    expect((await simulator.conference('meet')).participants.some((p) => p.is_streaming_conference === true)).to.equal(false);
    expect(localStorage.getItem(RECORDING_KEY)).to.equal(null);
    expect(harness.labels('toolbar')).to.include('Start recording');
    expect(harness.problems()).to.deep.equal([]);
  });

  it("layout: the dialog's inline buttons change the layout and the dialog marks the current one", async () => {
    const harness = await joined();
    await click(harness, 'Change layout', 'conference');
    const dialog = await harness.dialog({ title: 'Layout' });
    expect(dialogTitles()).to.deep.equal(['Layout']);
    const current = () => dialog.body.querySelector('#layoutPluginCurrent')?.textContent ?? '';
    const pressed = () => [...dialog.body.querySelectorAll('#layoutPluginButtons [aria-pressed="true"]')].map((b) => b.textContent?.trim() ?? '');
    expect(current()).to.equal('Choose how everyone sees the conference.');
    expect(dialog.button('Equal (4:0)').getAttribute('onclick')).to.equal("window.PEX.pluginAPI.transformConferenceLayout({layout: '4:0'})");

    for (const [label, layout] of [['Equal (4:0)', '4:0'], ['Speaker (1:7)', '1:7'], ['Large speaker (1:0)', '1:0']] as const) {
      dialog.click(label);
      expect((await harness.nextCommand('transformConferenceLayout')).args).to.deep.equal({ layout: { layout } });
      await waitFor(async () => (await simulator.conference('meet')).layout.layout === layout, `the simulator's layout ${layout}`);
      await waitFor(() => current() === `The conference shows: ${label}.`, `the dialog to mark ${label}`);
      expect(pressed()).to.deep.equal([label]);
    }

    dialog.click('Reset');
    await waitFor(async () => JSON.stringify((await simulator.conference('meet')).layout) === JSON.stringify({ layout: 'ac' }), 'the layout reset');
    await waitFor(() => current() === 'The conference shows: Adaptive composition (ac).', 'the dialog to follow the reset');
    expect(pressed()).to.deep.equal([]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('spotlight: the participant menu turns the spotlight on and off, per participant', async () => {
    const harness = await joined();
    const zed = await simulator.addParticipant('meet', 'Zed');
    const amy = await simulator.addParticipant('meet', 'Amy');
    const inRoster = (uuid: string) => harness.host.participants.find((p) => p.uuid === uuid);
    const spotlightOf = async (uuid: string) => (await simulator.conference('meet')).participants.find((p) => p.uuid === uuid)?.spotlight as number;

    await harness.showParticipant(zed);
    await harness.waitForLabels('participants', ['Spotlight', SAY_HELLO], { participant: zed });
    (await harness.menuItem('Spotlight', { participant: zed })).click();
    await waitFor(async () => (await spotlightOf(zed)) > 0, 'Zed spotlighted in the simulator');
    await waitFor(() => inRoster(zed)!.spotlight > 0, 'the spotlight in the roster');
    await harness.waitForLabels('participants', ['Remove spotlight', SAY_HELLO], { participant: zed });
    // Per participant: Amy's item still offers the spotlight.
    await harness.showParticipant(amy);
    expect(harness.labels('participants')).to.deep.equal(['Spotlight', SAY_HELLO]);

    (await harness.menuItem('Remove spotlight', { participant: zed })).click();
    await waitFor(async () => (await spotlightOf(zed)) === 0, "Zed's spotlight off in the simulator");
    await waitFor(() => inRoster(zed)!.spotlight === 0, 'the spotlight off in the roster');
    await harness.waitForLabels('participants', ['Spotlight', SAY_HELLO], { participant: zed });
    expect(harness.commands.map((c) => `${c.name} ${'uuid' in c.args ? c.args.uuid === zed : ''}`)).to.deep.equal([
      'spotlightOnParticipant true',
      'spotlightOffParticipant true',
    ]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('chat bot: answers !help and !time, counts unread messages and shows them', async () => {
    const harness = await joined();
    const botReplies = async () => (await simulator.conference('meet')).messages.filter((m) => m.origin === DISPLAY_NAME).map((m) => m.payload);
    expect(harness.labels('toolbar')).to.include('Chat bot: no unread messages');

    await simulator.sendMessage('meet', 'Zed', '!help');
    await waitFor(async () => (await botReplies()).length === 1, "the bot's answer to !help");
    expect(await botReplies()).to.deep.equal(['Chat bot commands: !help (this list), !time (the time where the bot runs).']);
    await harness.menuItem('Chat bot: 1 unread message', { location: 'toolbar' });
    expect(toolbarIcons(harness)[2]).to.equal('chat-unread.svg#chatUnread');

    await simulator.sendMessage('meet', 'Amy', 'Hello everyone');
    await harness.menuItem('Chat bot: 2 unread messages', { location: 'toolbar' });
    expect(await botReplies()).to.have.length(1);

    // The user's own !time (sent by the client, not a plugin) is answered too.
    await connection!.execute({ name: 'sendChatMessage', args: { type: 'text/plain', payload: '!time' } });
    await waitFor(async () => (await botReplies()).length === 3, "the bot's answer to !time");
    expect((await botReplies())[2]).to.match(/^The time here is .+\.$/);
    expect(harness.labels('toolbar')).to.include('Chat bot: 2 unread messages');

    await click(harness, 'Chat bot: 2 unread messages', 'toolbar');
    const dialog = await harness.dialog({ title: 'Chat bot' });
    expect(dialogTitles()).to.deep.equal(['Chat bot']);
    expect([...dialog.body.querySelectorAll('#chatBotRecent li')].map((li) => li.textContent)).to.deep.equal(['Zed: !help', 'Amy: Hello everyone']);
    await harness.menuItem('Chat bot: no unread messages', { location: 'toolbar' });
    dialog.click('OK');
    await dialog.closed();
    expect(openDialogs()).to.have.length(0);
    expect(harness.commands.map((c) => c.name)).to.deep.equal(['sendChatMessage', 'sendChatMessage']);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('lock and mute guests: sendRequest toggles the conference and the items follow it', async () => {
    const harness = await joined();
    const state = () => simulator.conference('meet');

    await click(harness, 'Lock', 'conference');
    await waitFor(async () => (await state()).locked, 'the conference locked');
    await click(harness, 'Unlock', 'conference');
    await waitFor(async () => !(await state()).locked, 'the conference unlocked');
    await harness.menuItem('Lock', { location: 'conference' });

    await click(harness, 'Mute guests', 'conference');
    await waitFor(async () => (await state()).guests_muted, 'the guests muted');
    await click(harness, 'Unmute guests', 'conference');
    await waitFor(async () => !(await state()).guests_muted, 'the guests unmuted');
    await harness.menuItem('Mute guests', { location: 'conference' });

    // The labels follow the conference however it changes (here the client's own request).
    await connection!.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    await harness.waitForLabels('conference', ['Conference info', 'Change layout', 'Unlock', 'Mute guests']);
    expect((await state()).requests.filter((r) => /\/(un)?(lock|muteguests)$/.test(r.path)).map((r) => r.path.replace(/^.*\//, ''))).to.deep.equal([
      'lock',
      'unlock',
      'muteguests',
      'unmuteguests',
      'lock',
    ]);
    expect(harness.commands.map((c) => (c.name === 'sendRequest' ? c.args.path : c.name))).to.deep.equal(['lock', 'unlock', 'muteguests', 'unmuteguests']);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('a guest gets guest help and the plugins for everyone; host-only plugins are hidden', async () => {
    // `guests` lets a guest in without a PIN: the connection reports the role guest.
    const harness = await joined({ alias: 'guests' });
    await harness.waitForStatus('recording-plugin-1.0', 'filtered-out');
    expect(harness.statuses()).to.deep.equal({
      'hand-count-plugin-1.0': 'filtered-out',
      'recording-plugin-1.0': 'filtered-out',
      'chat-bot-plugin-1.0': 'loaded',
      'spotlight-plugin-1.0': 'filtered-out',
      'conference-info-plugin-1.0': 'loaded',
      'layout-plugin-1.0': 'filtered-out',
      'lock-plugin-1.0': 'filtered-out',
      'mute-guests-plugin-1.0': 'filtered-out',
      'guest-help-plugin-1.0': 'loaded',
      'desktop-shortcuts-plugin-1.0': 'filtered-out',
      'welcome-plugin-1.0': 'loaded',
      'webapp3-sample': 'loaded',
    });
    await harness.waitForLabels('toolbar', ['Chat bot: no unread messages', 'Help', SAMPLE_BUTTON]);
    // The sample's named icon is one the host draws itself: the testing kit gives its name.
    expect(toolbarIcons(harness).map((icon) => icon.replace(/^.*#/, '#'))).to.deep.equal(['#chat', '#help', 'IconPexipLogo']);
    expect(toolbarIcons(harness).slice(0, 2)).to.deep.equal(['chat.svg#chat', 'help.svg#help']);
    expect(harness.labels('conference')).to.deep.equal(['Conference info']);
    // Web App 3 participant actions have no roles: the sample's is a guest's too.
    expect(harness.labels('participants')).to.deep.equal([SAY_HELLO]);

    await click(harness, 'Help', 'toolbar');
    const notice = await harness.nextAction('[Demo] Notice');
    expect(`${notice.type}: ${String(notice.payload)}`).to.equal('[Demo] Notice: Ask the host to admit you.');
    expect(harness.actions.map((a) => `${a.type}: ${String(a.payload)}`)).to.deep.equal(['[Demo] Notice: Ask the host to admit you.']);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('the role attribute guest hides the host-only plugins before any connection', async () => {
    const harness = await mountPluginHost({ role: 'guest' });
    expect(harness.host.plugins.filter((p) => p.status === 'loaded').map((p) => p.id)).to.deep.equal([
      'chat-bot-plugin-1.0',
      'conference-info-plugin-1.0',
      'guest-help-plugin-1.0',
      'welcome-plugin-1.0',
      'webapp3-sample',
    ]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('the desktop app (platform electron) gets the desktop-only plugin', async () => {
    const harness = await joined({ platform: 'electron' });
    await harness.waitForStatus('guest-help-plugin-1.0', 'filtered-out');
    expect(harness.plugin('desktop-shortcuts-plugin-1.0').status).to.equal('loaded');
    expect(harness.labels('conference')).to.deep.equal(['Conference info', 'Change layout', 'Lock', 'Mute guests', 'Keyboard shortcuts']);
    await click(harness, 'Keyboard shortcuts', 'conference');
    const dialog = await harness.dialog({ title: 'Keyboard shortcuts' });
    expect(dialogTitles()).to.deep.equal(['Keyboard shortcuts']);
    expect(dialog.body.querySelectorAll('#desktopShortcutsTable tr').length).to.equal(4);
    dialog.click('OK');
    await dialog.closed();
    expect(openDialogs()).to.have.length(0);
    expect(harness.problems()).to.deep.equal([]);
  });
});
