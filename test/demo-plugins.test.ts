import { expect } from '@open-wc/testing';
import type { PexParticipantMenu } from '../components/participant-menu/participant-menu.js';
import type { PexTemplateDialog } from '../components/template-dialog/template-dialog.js';
import type { Participant } from '../src/conference/types.js';
import { connectInfinity, type InfinityConnection } from '../src/conference/infinity/index.js';
import { mountBranding, problemsOf, type MountedBranding } from './support/branding-host.js';
import { menuItems, toolbarButtons } from './support/menu-helpers.js';
import { conferenceState, control, resetSimulator } from './support/simulator-client.js';

/**
 * The demo's sample branding folder (demo/branding/webapp2/, served byte for byte like the test
 * fixtures) in a host joined to the simulator's `meet` through the real Infinity connection:
 * each plugin is used as a user would — its toolbar button, menu item or dialog — and its effect
 * is checked in the simulator and in the rendered menus.
 */
const BRANDING = '/demo/branding/webapp2/';
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
];

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const toolbarLabels = () => toolbarButtons().map((b) => b.getAttribute('aria-label') ?? '');
const conferenceLabels = () => menuItems('pex-conference-menu').map((b) => b.querySelector('[part="label"]')?.textContent?.trim() ?? '');
const participantLabels = () => menuItems('pex-participant-menu').map((b) => b.querySelector('[part="label"]')?.textContent?.trim() ?? '');
/** The toolbar icons' `<use href>`, file name and fragment only. */
const toolbarIcons = () =>
  toolbarButtons().map((b) => {
    const href = b.querySelector('use')?.getAttribute('href') ?? '';
    return href.replace(/^.*\//, '').replace(/\?[^#]*/, '');
  });

function clickToolbar(label: string): void {
  const button = toolbarButtons().find((b) => b.getAttribute('aria-label') === label);
  if (!button) throw new Error(`no toolbar button "${label}"; there are: ${toolbarLabels().join(', ')}`);
  button.click();
}

function clickMenuItem(menu: 'pex-conference-menu' | 'pex-participant-menu', label: string): void {
  const item = menuItems(menu).find((b) => b.querySelector('[part="label"]')?.textContent?.trim() === label);
  if (!item) throw new Error(`no ${menu} item "${label}"`);
  item.click();
}

const dialogs = () => [...document.querySelectorAll<PexTemplateDialog>('pex-template-dialog')];
const dialogTitles = () => dialogs().map((d) => d.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() ?? '');

/**
 * Waits for the dialog titled `title` and for its plugin's `.then(ref => ...)` to have run: the
 * ref resolves once the element has rendered, and the plugin's callback is a microtask after.
 */
async function dialogReady(title: string): Promise<void> {
  await eventually(() => dialogTitles().includes(title), `the dialog "${title}"`);
  for (const dialog of dialogs()) await dialog.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function dialogButton(label: string): HTMLButtonElement {
  const button = [...document.querySelectorAll<HTMLButtonElement>('pex-template-dialog button')].find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`no dialog button "${label}"`);
  return button;
}

/** The focused element through shadow roots, by id (never the node itself). */
function focusedId(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active?.id || active?.localName || '(none)';
}

describe('the demo branding folder (demo/branding/webapp2/) in a host joined to the simulator', () => {
  let connection: InfinityConnection | undefined;

  beforeEach(async () => {
    await resetSimulator();
  });

  afterEach(async () => {
    for (const dialog of dialogs()) dialog.close();
    await connection?.leave();
    connection = undefined;
  });

  /** Mounts the demo branding and joins `alias` as DISPLAY_NAME; the host gets the connection. */
  async function joined(options: { alias?: string; platform?: string } = {}): Promise<MountedBranding> {
    const mounted = await mountBranding(BRANDING, { platform: options.platform, clearStorage: [RECORDING_KEY] });
    connection = await connectInfinity({ node: location.origin, alias: options.alias ?? 'meet', displayName: DISPLAY_NAME });
    mounted.host.connection = connection;
    await mounted.host.updateComplete;
    return mounted;
  }

  const statuses = (mounted: MountedBranding) => Object.fromEntries(mounted.host.plugins.map((p) => [p.id, p.status]));

  it('loads every plugin a host on the web may use, with no error, warning or diagnostic', async () => {
    const mounted = await joined();
    await eventually(() => statuses(mounted)['guest-help-plugin-1.0'] === 'filtered-out', 'the role filter (chair) to apply');
    expect(mounted.host.brandingID).to.equal('1764500000000');
    expect(mounted.host.plugins.map((p) => p.id)).to.deep.equal(ALL_IDS);
    expect(statuses(mounted)).to.deep.equal({
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
    });
    expect(problemsOf(mounted)).to.deep.equal([]);
    expect(mounted.diagnostics.map((d) => `${d.severity}: ${d.message}`)).to.deep.equal([]);
    expect(mounted.console.filter((line) => line.includes(BRANDING) || line.includes('pex'))).to.deep.equal([]);
    expect(toolbarLabels()).to.deep.equal(['No raised hands', 'Start recording', 'Chat bot: no unread messages']);
    expect(conferenceLabels()).to.deep.equal(['Conference info', 'Change layout', 'Lock', 'Mute guests']);
  });

  it('recording: the dialog dials a streaming participant, the button becomes Stop recording, Stop disconnects it', async () => {
    const mounted = await joined();
    clickToolbar('Start recording');
    await dialogReady('Start recording');
    expect(dialogTitles()).to.deep.equal(['Start recording']);
    const input = document.getElementById('recordingPluginAlias') as HTMLInputElement;
    expect(input.className).to.equal('pex-text-input');
    expect(input.value).to.equal('rtmp://example.com/live/demo');
    expect(focusedId()).to.equal('recordingPluginAlias');
    expect(document.getElementById('recordingPluginStart')!.className).to.equal('dialog-button green-action-button');

    input.value = 'rtmp://stream.example.com/live/test-run';
    document.getElementById('recordingPluginStart')!.click();

    let streamer: string | undefined;
    await eventually(async () => {
      const found = (await conferenceState('meet')).participants.find((p) => p.is_streaming_conference === true);
      streamer = found?.uuid;
      return found !== undefined;
    }, 'a streaming participant in the simulator');
    const dial = (await conferenceState('meet')).requests.find((r) => r.path.endsWith('/dial'));
    expect(dial?.body).to.deep.include({ destination: 'rtmp://stream.example.com/live/test-run', protocol: 'auto', role: 'GUEST', streaming: 'yes' });
    await eventually(() => dialogs().length === 0, 'the dialog to close on success');
    await eventually(() => toolbarLabels().includes('Stop recording'), 'the toolbar to say Stop recording');
    expect(toolbarIcons()[1]).to.equal('stop-recording.svg#stopRecording');
    expect(localStorage.getItem(RECORDING_KEY)).to.equal('rtmp://stream.example.com/live/test-run');

    clickToolbar('Stop recording');
    await eventually(async () => !(await conferenceState('meet')).participants.some((p) => p.uuid === streamer), 'the streaming participant to leave');
    await eventually(() => toolbarLabels().includes('Start recording'), 'the toolbar to say Start recording again');
    expect(toolbarIcons()[1]).to.equal('start-recording.svg#startRecording');

    // The alias is remembered for next time.
    clickToolbar('Start recording');
    await dialogReady('Start recording');
    expect((document.getElementById('recordingPluginAlias') as HTMLInputElement).value).to.equal('rtmp://stream.example.com/live/test-run');
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('recording: a failed dial-out is shown in the dialog, which stays open', async () => {
    const mounted = await joined();
    clickToolbar('Start recording');
    await dialogReady('Start recording');
    (document.getElementById('recordingPluginAlias') as HTMLInputElement).value = 'rtmp://fail.example.com/live';
    document.getElementById('recordingPluginStart')!.click();
    const error = () => document.getElementById('recordingPluginError');
    await eventually(() => error()?.hidden === false && (error()?.textContent ?? '').includes('Gateway dial out failed'), 'the error with the server\'s reason');
    expect(error()!.textContent).to.equal(
      'Could not start recording to rtmp://fail.example.com/live: Gateway dial out failed. Check the address and try again.',
    );
    expect(dialogTitles()).to.deep.equal(['Start recording']);
    expect((document.getElementById('recordingPluginStart') as HTMLButtonElement).disabled).to.equal(false);
    expect((await conferenceState('meet')).participants.some((p) => p.is_streaming_conference === true)).to.equal(false);
    expect(localStorage.getItem(RECORDING_KEY)).to.equal(null);
    expect(toolbarLabels()).to.include('Start recording');
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('layout: the dialog\'s inline buttons change the layout and the dialog marks the current one', async () => {
    const mounted = await joined();
    clickMenuItem('pex-conference-menu', 'Change layout');
    await dialogReady('Layout');
    expect(dialogTitles()).to.deep.equal(['Layout']);
    const current = () => document.getElementById('layoutPluginCurrent')?.textContent ?? '';
    const pressed = () =>
      [...document.querySelectorAll('#layoutPluginButtons [aria-pressed="true"]')].map((b) => b.textContent?.trim() ?? '');
    expect(current()).to.equal('Choose how everyone sees the conference.');
    expect(dialogButton('Equal (4:0)').getAttribute('onclick')).to.equal("window.PEX.pluginAPI.transformConferenceLayout({layout: '4:0'})");

    for (const [label, layout] of [['Equal (4:0)', '4:0'], ['Speaker (1:7)', '1:7'], ['Large speaker (1:0)', '1:0']] as const) {
      dialogButton(label).click();
      await eventually(async () => (await conferenceState('meet')).layout.layout === layout, `the simulator's layout ${layout}`);
      await eventually(() => current() === `The conference shows: ${label}.`, `the dialog to mark ${label}`);
      expect(pressed()).to.deep.equal([label]);
    }

    dialogButton('Reset').click();
    await eventually(async () => JSON.stringify((await conferenceState('meet')).layout) === JSON.stringify({ layout: 'ac' }), 'the layout reset');
    await eventually(() => current() === 'The conference shows: Adaptive composition (ac).', 'the dialog to follow the reset');
    expect(pressed()).to.deep.equal([]);
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('spotlight: the participant menu turns the spotlight on and off, per participant', async () => {
    const mounted = await joined();
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });
    const { uuid: amy } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Amy' } });
    let roster: readonly Participant[] = [];
    const subscription = connection!.participants$.subscribe((list) => (roster = list));
    const menu = document.querySelector<PexParticipantMenu>('pex-participant-menu')!;
    /** Points the menu at the latest roster entry for `uuid`, as a client's roster would. */
    const showMenuFor = async (uuid: string) => {
      await eventually(() => roster.some((p) => p.uuid === uuid), 'the participant in the roster');
      menu.participant = roster.find((p) => p.uuid === uuid);
      await menu.updateComplete;
    };
    const spotlightOf = async (uuid: string) => (await conferenceState('meet')).participants.find((p) => p.uuid === uuid)?.spotlight as number;
    try {
      await showMenuFor(zed);
      expect(participantLabels()).to.deep.equal(['Spotlight']);
      clickMenuItem('pex-participant-menu', 'Spotlight');
      await eventually(async () => (await spotlightOf(zed)) > 0, 'Zed spotlighted in the simulator');
      await eventually(() => roster.find((p) => p.uuid === zed)!.spotlight > 0, 'the spotlight in the roster');
      await showMenuFor(zed);
      await eventually(() => participantLabels().join() === 'Remove spotlight', 'Zed\'s item to say Remove spotlight');
      // Per participant: Amy's item still offers the spotlight.
      await showMenuFor(amy);
      expect(participantLabels()).to.deep.equal(['Spotlight']);

      await showMenuFor(zed);
      clickMenuItem('pex-participant-menu', 'Remove spotlight');
      await eventually(async () => (await spotlightOf(zed)) === 0, 'Zed\'s spotlight off in the simulator');
      await eventually(() => roster.find((p) => p.uuid === zed)!.spotlight === 0, 'the spotlight off in the roster');
      await showMenuFor(zed);
      await eventually(() => participantLabels().join() === 'Spotlight', 'Zed\'s item to say Spotlight again');
    } finally {
      subscription.unsubscribe();
    }
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('chat bot: answers !help and !time, counts unread messages and shows them', async () => {
    const mounted = await joined();
    const botReplies = async () =>
      (await conferenceState('meet')).messages.filter((m) => m.origin === DISPLAY_NAME).map((m) => m.payload);
    expect(toolbarLabels()).to.include('Chat bot: no unread messages');

    await control('conferences/meet/messages', { body: { origin: 'Zed', payload: '!help' } });
    await eventually(async () => (await botReplies()).length === 1, 'the bot\'s answer to !help');
    expect(await botReplies()).to.deep.equal(['Chat bot commands: !help (this list), !time (the time where the bot runs).']);
    await eventually(() => toolbarLabels().includes('Chat bot: 1 unread message'), 'one unread message');
    expect(toolbarIcons()[2]).to.equal('chat-unread.svg#chatUnread');

    await control('conferences/meet/messages', { body: { origin: 'Amy', payload: 'Hello everyone' } });
    await eventually(() => toolbarLabels().includes('Chat bot: 2 unread messages'), 'two unread messages');
    expect(await botReplies()).to.have.length(1);

    // The user's own !time (sent by the client, not a plugin) is answered too.
    await connection!.execute({ name: 'sendChatMessage', args: { type: 'text/plain', payload: '!time' } });
    await eventually(async () => (await botReplies()).length === 3, 'the bot\'s answer to !time');
    expect((await botReplies())[2]).to.match(/^The time here is .+\.$/);
    expect(toolbarLabels()).to.include('Chat bot: 2 unread messages');

    clickToolbar('Chat bot: 2 unread messages');
    await dialogReady('Chat bot');
    expect(dialogTitles()).to.deep.equal(['Chat bot']);
    expect([...document.querySelectorAll('#chatBotRecent li')].map((li) => li.textContent)).to.deep.equal(['Zed: !help', 'Amy: Hello everyone']);
    await eventually(() => toolbarLabels().includes('Chat bot: no unread messages'), 'the count to reset');
    dialogButton('OK').click();
    await eventually(() => dialogs().length === 0, 'the dialog to close');
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('lock and mute guests: sendRequest toggles the conference and the items follow it', async () => {
    const mounted = await joined();
    const state = () => conferenceState('meet');

    clickMenuItem('pex-conference-menu', 'Lock');
    await eventually(async () => (await state()).locked, 'the conference locked');
    await eventually(() => conferenceLabels().includes('Unlock'), 'the item to say Unlock');
    clickMenuItem('pex-conference-menu', 'Unlock');
    await eventually(async () => !(await state()).locked, 'the conference unlocked');
    await eventually(() => conferenceLabels().includes('Lock'), 'the item to say Lock');

    clickMenuItem('pex-conference-menu', 'Mute guests');
    await eventually(async () => (await state()).guests_muted, 'the guests muted');
    await eventually(() => conferenceLabels().includes('Unmute guests'), 'the item to say Unmute guests');
    clickMenuItem('pex-conference-menu', 'Unmute guests');
    await eventually(async () => !(await state()).guests_muted, 'the guests unmuted');
    await eventually(() => conferenceLabels().includes('Mute guests'), 'the item to say Mute guests');

    // The labels follow the conference however it changes (here the client's own request).
    await connection!.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    await eventually(() => conferenceLabels().join() === 'Conference info,Change layout,Unlock,Mute guests', 'the menu to follow a lock from elsewhere');
    expect((await state()).requests.filter((r) => /\/(un)?(lock|muteguests)$/.test(r.path)).map((r) => r.path.replace(/^.*\//, ''))).to.deep.equal([
      'lock',
      'unlock',
      'muteguests',
      'unmuteguests',
      'lock',
    ]);
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('a guest gets guest help and the plugins for everyone; host-only plugins are hidden', async () => {
    // `guests` lets a guest in without a PIN: the connection reports the role guest.
    const mounted = await joined({ alias: 'guests' });
    await eventually(() => statuses(mounted)['recording-plugin-1.0'] === 'filtered-out', 'the role filter (guest) to apply');
    expect(statuses(mounted)).to.deep.equal({
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
    });
    await eventually(() => toolbarLabels().join() === 'Chat bot: no unread messages,Help', 'the guest toolbar');
    expect(toolbarIcons()).to.deep.equal(['chat.svg#chat', 'help.svg#help']);
    expect(conferenceLabels()).to.deep.equal(['Conference info']);
    expect(participantLabels()).to.deep.equal([]);

    const notices: string[] = [];
    mounted.host.addEventListener('pex-action', (e) => notices.push(`${e.detail.action.type}: ${String(e.detail.action.payload)}`));
    clickToolbar('Help');
    await eventually(() => notices.length === 1, 'the help notice');
    expect(notices).to.deep.equal(['[Demo] Notice: Ask the host to admit you.']);
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('the role attribute guest hides the host-only plugins before any connection', async () => {
    const mounted = await mountBranding(BRANDING, { role: 'guest' });
    expect(mounted.host.plugins.filter((p) => p.status === 'loaded').map((p) => p.id)).to.deep.equal([
      'chat-bot-plugin-1.0',
      'conference-info-plugin-1.0',
      'guest-help-plugin-1.0',
    ]);
    expect(problemsOf(mounted)).to.deep.equal([]);
  });

  it('the desktop app (platform electron) gets the desktop-only plugin', async () => {
    const mounted = await joined({ platform: 'electron' });
    await eventually(() => statuses(mounted)['guest-help-plugin-1.0'] === 'filtered-out', 'the role filter (chair) to apply');
    expect(statuses(mounted)['desktop-shortcuts-plugin-1.0']).to.equal('loaded');
    expect(conferenceLabels()).to.deep.equal(['Conference info', 'Change layout', 'Lock', 'Mute guests', 'Keyboard shortcuts']);
    clickMenuItem('pex-conference-menu', 'Keyboard shortcuts');
    await dialogReady('Keyboard shortcuts');
    expect(dialogTitles()).to.deep.equal(['Keyboard shortcuts']);
    expect(document.querySelectorAll('#desktopShortcutsTable tr').length).to.equal(4);
    dialogButton('OK').click();
    await eventually(() => dialogs().length === 0, 'the dialog to close');
    expect(problemsOf(mounted)).to.deep.equal([]);
  });
});
