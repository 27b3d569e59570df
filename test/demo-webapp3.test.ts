import { expect } from '@open-wc/testing';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';
import { joinSimulator, mountPluginHost, simulator, waitFor, type PluginHostHarness } from '../testing/index.js';

/**
 * The demo's Web App 3 sample plugin (built from demo/webapp3-sample/ into the demo's branding,
 * demo/branding/webapp2/plugins/webapp3-sample/, and listed in its manifest.json) in a host that
 * reads the demo's real branding folder, as test/demo-plugins.test.ts does: its frame loads the
 * committed page and script (cross-origin, as its sandbox makes it), and its button, form,
 * participant action and toasts sit among the webapp2 plugins' in one toolbar, one participant
 * menu and one settings page.
 */
const ID = 'webapp3-sample';
const DISPLAY_NAME = 'Demo tester';
const BUTTON = 'Web App 3 sample: a form';
const RECEIVE_CHAT_MESSAGE = '[Conference] Receive Chat Message';

/** Sets a control's value as typing would, with its input and change events. */
function fill(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe("the demo's Web App 3 sample plugin, beside the webapp2 ones", () => {
  let base: HTMLBaseElement;

  before(() => {
    // The page as the demo's: custom_configuration/ beside it is the demo's branding folder.
    base = Object.assign(document.createElement('base'), { href: '/demo/' });
    document.head.prepend(base);
  });
  after(() => base.remove());

  beforeEach(() => simulator.reset());

  /** Mounts the demo branding, joins `meet` as DISPLAY_NAME and waits until the sample's button is on the toolbar. */
  async function joined(): Promise<PluginHostHarness> {
    const harness = await mountPluginHost();
    const connection = await joinSimulator({ alias: 'meet', displayName: DISPLAY_NAME });
    await harness.connect(connection);
    await harness.menuItem(BUTTON, { location: 'toolbar' });
    return harness;
  }

  const shadow = (harness: PluginHostHarness) => harness.host.shadowRoot!;
  /** The text of the toast showing in the host's own polite live region, or undefined. */
  const toast = (harness: PluginHostHarness) =>
    shadow(harness).querySelector('pex-toasts')?.shadowRoot?.querySelector('[role="status"] [part~="message"]')?.textContent ?? undefined;
  /** Every toast text seen while waiting for `text` (toasts show one at a time, in order). */
  const toastShown = async (harness: PluginHostHarness, text: string): Promise<string[]> => {
    const seen: string[] = [];
    await waitFor(() => {
      const now = toast(harness);
      if (now !== undefined && seen.at(-1) !== now) seen.push(now);
      return now === text;
    }, `the toast "${text}"`);
    return seen;
  };

  it('loads from the branding with the webapp2 plugins: its button on the toolbar, listed in Settings > Plugins', async () => {
    const harness = await joined();
    const frame = shadow(harness).querySelector<HTMLIFrameElement>(`iframe[data-webapp3-plugin="${ID}"]`)!;
    expect(new URL(frame.src).pathname).to.equal('/demo/custom_configuration/plugins/webapp3-sample/index.html');
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts');
    expect(harness.plugin(ID).status).to.equal('loaded');
    expect(harness.host.plugins.filter((p) => p.status === 'loaded').map((p) => p.id)).to.include.members(['hand-count-plugin-1.0', 'recording-plugin-1.0', ID]);
    expect(harness.labels('toolbar')).to.deep.equal(['No raised hands', 'Start recording', 'Chat bot: no unread messages', BUTTON]);
    const icon = harness.menuItems('toolbar')[3]!.icon ?? '';
    // A named icon, drawn by the host itself: the testing kit gives its name.
    expect(icon).to.equal('IconPexipLogo');

    const settings = document.createElement('pex-plugin-settings') as PexPluginSettings;
    harness.host.append(settings);
    await settings.updateComplete;
    const items = [...settings.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
    expect(items.map((li) => li.dataset.id)).to.include.members(['chat-bot-plugin-1.0', ID]);
    expect(items.find((li) => li.dataset.id === ID)!.dataset.status).to.equal('loaded');
    expect(harness.problems()).to.deep.equal([]);
    expect(harness.errors).to.deep.equal([]);
  });

  it('its toolbar button opens a form; what is submitted comes back as a toast', async () => {
    const harness = await joined();
    (await harness.menuItem(BUTTON, { location: 'toolbar' })).click();
    let form: HTMLElement | null = null;
    await waitFor(() => !!(form = shadow(harness).querySelector('pex-plugin-form'))?.shadowRoot?.querySelector('dialog[open]'), 'the form open');
    const root = form!.shadowRoot!;
    expect(root.getElementById('title')!.textContent).to.equal('Web App 3 sample');
    const byLabel = (text: string) => {
      const label = [...root.querySelectorAll('label[for]')].find((l) => l.textContent!.trim().startsWith(text));
      return root.getElementById(label!.getAttribute('for')!) as HTMLInputElement;
    };
    expect(['Your name', 'How are you?', 'A note'].map((name) => byLabel(name).localName)).to.deep.equal(['input', 'select', 'textarea']);
    expect(byLabel('How are you?').value).to.equal('fine');

    fill(byLabel('Your name'), 'Ada');
    fill(byLabel('How are you?'), 'great');
    fill(byLabel('A note'), 'ready to present');
    const submit = root.querySelector<HTMLElement>('[part="submit-button"]')!;
    expect(submit.textContent!.trim()).to.equal('Show it');
    submit.click();
    await toastShown(harness, 'Ada feels great: ready to present');
    await waitFor(() => !root.querySelector('dialog[open]'), 'the form closed');
    expect(harness.problems()).to.deep.equal([]);
  });

  it('"Say hello" is in the participant menu beside the webapp2 action, and sends that participant an application message', async () => {
    const harness = await joined();
    const zed = await simulator.addParticipant('meet', 'Zed');
    await harness.showParticipant(zed);
    await harness.waitForLabels('participants', ['Spotlight', 'Say hello'], { participant: zed });
    (await harness.menuItem('Say hello', { participant: zed })).click();
    await toastShown(harness, 'You said hello to Zed.');
    const sent = (await simulator.conference('meet')).requests.filter((r) => r.path.endsWith(`/participants/${zed}/message`));
    expect(sent.map((r) => r.body)).to.deep.equal([{ type: 'application/json', payload: JSON.stringify({ type: 'webapp3-sample:hello', from: DISPLAY_NAME }) }]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('shows a toast when an application message arrives', async () => {
    const harness = await joined();
    harness.dispatchAction(RECEIVE_CHAT_MESSAGE, {
      origin: 'Zed',
      uuid: 'zed-uuid',
      type: 'application/json',
      payload: JSON.stringify({ type: 'webapp3-sample:hello', from: 'Zed' }),
      direct: true,
    });
    expect(await toastShown(harness, 'Zed says hello.')).to.deep.equal(['Zed says hello.']);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('shows any other application message as its JSON, and no toast for a chat message', async () => {
    const harness = await joined();
    harness.dispatchAction(RECEIVE_CHAT_MESSAGE, { origin: 'Amy', uuid: 'amy-uuid', type: 'text/plain', payload: 'Hello all' });
    harness.dispatchAction(RECEIVE_CHAT_MESSAGE, { origin: 'Amy', uuid: 'amy-uuid', type: 'application/json', payload: '{"poll":2}' });
    expect(await toastShown(harness, 'Application message from Amy: {"poll":2}')).to.deep.equal(['Application message from Amy: {"poll":2}']);
    expect(harness.problems()).to.deep.equal([]);
  });
});
