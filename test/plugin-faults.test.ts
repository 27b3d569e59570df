import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';
import type { PluginPhase } from '../src/runtime/plugin-error.js';
import type { PluginStatus } from '../src/runtime/plugin-runtime.js';
import { participant } from '../testing/participants.js';
import { until } from './support/menu-helpers.js';
import { flushSettings, itemOf, partText, switchOf } from './support/settings-fixture.js';

/**
 * The fault suite: one faulty plugin per fault (test/fixtures/faults/<fault>/), each in a
 * branding beside the same healthy plugin. For every fault the host stays up, the healthy
 * plugin still works (its toolbar item's command and action reach the app), the fault is
 * reported exactly once with the plugin's id and phase, the settings page shows it, and no
 * error escapes to the page.
 */

interface Mounted {
  host: PexPluginHost;
  settings: PexPluginSettings;
  errors: Array<{ id: string; phase: PluginPhase; error: unknown }>;
  commands: Array<{ pluginId: string; name: string; args: unknown }>;
  actions: string[];
}

interface Fault {
  id: string;
  phase: PluginPhase;
  /** Where the faulty plugin ends. */
  status: PluginStatus;
  /** What the report's message says (and the settings page's details with it). */
  message: RegExp;
  /** What makes the fault happen once the plugins settled. */
  trigger?: (m: Mounted) => unknown;
  /** What else must hold once the fault happened. */
  check?: (m: Mounted) => unknown;
}

const FAULTS: Fault[] = [
  { id: 'syntax-error', phase: 'script', status: 'failed', message: /SyntaxError|Unexpected token/ },
  { id: 'throws-at-top-level', phase: 'script', status: 'failed', message: /Cannot set properties of undefined/ },
  { id: 'throws-in-timer', phase: 'async', status: 'loaded', message: /^timer exploded$/ },
  {
    id: 'throws-in-listener',
    phase: 'async',
    status: 'loaded',
    message: /^listener exploded$/,
    trigger: () => void document.dispatchEvent(new Event('pex-fault-poke')),
  },
  { id: 'unhandled-rejection', phase: 'async', status: 'loaded', message: /^nobody caught this rejection$/ },
  { id: 'registers-twice', phase: 'register', status: 'loaded', message: /registerPlugin was called again/ },
  {
    id: 'registers-other-id',
    phase: 'register',
    status: 'loaded',
    message: /registered the id "healthy"/,
    // Paired by its code, not by the id it claims: the healthy plugin keeps its own registration.
    check: (m) => expect(m.host.plugins.find((p) => p.id === 'healthy')?.status).to.equal('loaded'),
  },
  { id: 'never-registers', phase: 'register', status: 'failed', message: /did not call PEX\.pluginAPI\.registerPlugin within 300 ms/ },
  { id: 'load-throws', phase: 'load', status: 'failed', message: /^load exploded$/ },
  { id: 'load-rejects', phase: 'load', status: 'failed', message: /^load rejected$/ },
  { id: 'load-never-resolves', phase: 'load', status: 'failed', message: /did not settle within 500 ms/ },
  { id: 'action-throws', phase: 'action', status: 'loaded', message: /^action exploded$/, trigger: (m) => clickFault(m, 'action-throws') },
  {
    id: 'participants-subscriber-throws',
    phase: 'subscriber',
    status: 'loaded',
    message: /^participants subscriber exploded$/,
    trigger: (m) => void (m.host.participants = [participant({ uuid: 'p1', name: 'Ann' })]),
    check: () => expect(healthyCalls('participants').at(-1)).to.include({ count: 1 }),
  },
  {
    id: 'conference-subscriber-throws',
    phase: 'subscriber',
    status: 'loaded',
    message: /^conference subscriber exploded$/,
    trigger: (m) => void (m.host.conference = { locked: true }),
    check: () => expect(healthyCalls('conference').at(-1)).to.include({ locked: true }),
  },
  {
    id: 'actions-subscriber-throws',
    phase: 'subscriber',
    status: 'loaded',
    message: /^actions subscriber exploded$/,
    trigger: (m) => m.host.dispatchAction({ type: '[Fault] Poke' }),
    check: () => expect(healthyCalls('poked')).to.have.length(1),
  },
  {
    id: 'state-subscriber-throws',
    phase: 'subscriber',
    status: 'loaded',
    message: /^state subscriber exploded$/,
    trigger: (m) => clickFault(m, 'state-subscriber-throws'),
    // The host's own subscriber to that state still hears it.
    check: async () => until(() => toolbarLabels().includes('Poked'), 'the state reaching the toolbar'),
  },
  {
    id: 'state-not-object',
    phase: 'state',
    status: 'loaded',
    message: /its state\$ emitted a number, not a state/,
    trigger: (m) => clickFault(m, 'state-not-object'),
  },
  {
    id: 'state-huge-label',
    phase: 'state',
    status: 'loaded',
    message: /gave a label of 1,048,576 characters, cut to 200/,
    trigger: (m) => clickFault(m, 'state-huge-label'),
    check: async () => {
      await until(() => toolbarLabels().some((label) => label.startsWith('xxx')), 'the cut label');
      expect(toolbarLabels().find((label) => label.startsWith('xxx'))).to.have.length(200);
    },
  },
  {
    id: 'state-foreign-icon',
    phase: 'state',
    status: 'loaded',
    message: /icons\.example\.invalid.*not shown: it is on https:\/\/icons\.example\.invalid, which is neither this page's origin/,
    trigger: (m) => clickFault(m, 'state-foreign-icon'),
    check: async () => {
      await until(() => toolbarLabels().includes('Tracked'), 'the label of that state');
      const toolbar = document.querySelector('pex-toolbar')!.shadowRoot!;
      expect([...toolbar.querySelectorAll('use, img')].map((el) => el.getAttribute('href') ?? el.getAttribute('src'))).to.deep.equal([]);
      expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('icons.example.invalid'))).to.deep.equal([]);
    },
  },
  {
    id: 'unload-throws',
    phase: 'unload',
    status: 'not-loaded',
    message: /^unload exploded$/,
    trigger: async (m) => {
      await flushSettings();
      switchOf(m.settings, 'unload-throws').click();
    },
  },
  {
    id: 'wrong-argument-types',
    phase: 'load',
    status: 'loaded',
    message: /^PEX\.pluginAPI\.sendRequest: the path must be a string .* plugin "wrong-argument-types" passed a number\.$/,
    check: (m) => {
      expect(m.commands.filter((c) => c.pluginId === 'wrong-argument-types'), 'nothing of it reached the app').to.deep.equal([]);
      expect(document.querySelectorAll('pex-template-dialog').length).to.equal(0);
    },
  },
  {
    id: 'fifty-dialogs',
    phase: 'action',
    status: 'loaded',
    message: /plugin "fifty-dialogs" has 3 dialogs open, so this one does not open/,
    trigger: (m) => clickFault(m, 'fifty-dialogs'),
    check: () => expect(document.querySelectorAll('pex-template-dialog[data-pex-plugin-id="fifty-dialogs"]').length).to.equal(3),
  },
  {
    id: 'thousand-requests',
    phase: 'action',
    status: 'loaded',
    message: /plugin "thousand-requests" has 256 commands waiting for an answer, so this one is not sent/,
    trigger: (m) => clickFault(m, 'thousand-requests'),
    check: async (m) => {
      // The commands reach the app once the command router's chunk is in (fetched with the first).
      const sent = () => m.commands.filter((c) => c.pluginId === 'thousand-requests');
      await until(() => sent().length >= 256, '256 commands');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(sent()).to.have.length(256);
    },
  },
  {
    id: 'dialog-script',
    phase: 'action',
    status: 'loaded',
    message: /the body of plugin "dialog-script" has a <script>, which does not run/,
    trigger: (m) => clickFault(m, 'dialog-script'),
    check: async () => {
      await until(() => document.getElementById('scriptedBody') !== null, 'the dialog body');
      expect(window.pexTest.dialogScriptRan).to.equal(undefined);
    },
  },
  {
    id: 'dialog-inline-handler-throws',
    phase: 'async',
    status: 'loaded',
    message: /^inline handler exploded$/,
    trigger: async (m) => {
      clickFault(m, 'dialog-inline-handler-throws');
      await until(() => document.getElementById('throwingInline') !== null, 'the dialog');
      document.getElementById('throwingInline')!.click();
      expect(window.pexTest.inlineRan).to.equal(true);
    },
  },
  {
    id: 'removes-host-dom',
    phase: 'action',
    status: 'loaded',
    message: /Plugin "removes-host-dom" removed the dialog of plugin "healthy" from the page, so it closed/,
    trigger: async (m) => {
      (window.pexTest.healthyOpenDialog as () => void)();
      await until(() => healthyCalls('dialog-open').length === 1, 'the healthy plugin\'s dialog');
      clickFault(m, 'removes-host-dom');
    },
    check: async (m) => {
      await until(() => healthyCalls('dialog-closed').length === 1, 'the healthy plugin hearing its dialog close');
      expect(document.querySelectorAll('pex-template-dialog').length).to.equal(0);
      // Its script element gone, the healthy plugin still unloads and loads again.
      m.host.runtime.unloadPlugin('healthy');
      expect(await m.host.runtime.loadPlugin('healthy')).to.equal(true);
    },
  },
];

const containers: HTMLElement[] = [];
const contained = new Set<string>();
let escaped: string[] = [];

function onEscapedError(event: ErrorEvent): void {
  escaped.push(`error: ${event.message}`);
}
function onEscapedRejection(event: PromiseRejectionEvent): void {
  escaped.push(`unhandledrejection: ${String(event.reason)}`);
}

before(() => {
  // Added after the host's own router: they hear only what no plugin was found for.
  window.addEventListener('error', onEscapedError);
  window.addEventListener('unhandledrejection', onEscapedRejection);
});

afterEach(async () => {
  for (const container of containers.splice(0)) container.remove();
  // A removed host unloads in a microtask: let it, before the next branding mounts.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

after(() => {
  window.removeEventListener('error', onEscapedError);
  window.removeEventListener('unhandledrejection', onEscapedRejection);
  console.log(`${contained.size} of ${FAULTS.length} faults contained`);
  expect([...FAULTS.map((f) => f.id)].filter((id) => !contained.has(id)), 'faults not contained').to.deep.equal([]);
});

function healthyCalls(fn: string): Array<Record<string, unknown>> {
  return window.pexTest.calls.filter((c) => c.plugin === 'healthy' && c.fn === fn);
}

function toolbarButtons(): HTMLButtonElement[] {
  return [...document.querySelector('pex-toolbar')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="button"]')];
}

function toolbarLabels(): string[] {
  return toolbarButtons().map((button) => button.getAttribute('aria-label') ?? '');
}

function clickFault(m: Mounted, id: string): void {
  const button = toolbarButtons().find((b) => b.dataset.key === `${id}/toolbar/0`);
  if (!button) throw new Error(`no toolbar button for ${id} (the toolbar has ${toolbarLabels().join(', ')})`);
  expect(m.host.isConnected).to.equal(true);
  button.click();
}

/** A host on the fault's branding with a toolbar and a settings page, answering every command. */
async function mount(fault: Fault): Promise<Mounted> {
  window.pexTest = { calls: [] };
  for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  const host = document.createElement('pex-plugin-host');
  host.setAttribute('branding-url', new URL(`/test/fixtures/faults/${fault.id}/`, location.href).href);
  host.setAttribute('participant-role', 'chair');
  host.setAttribute('register-timeout', '300');
  host.setAttribute('load-timeout', '500');
  host.innerHTML = '<pex-toolbar></pex-toolbar><pex-plugin-settings></pex-plugin-settings>';
  const mounted: Mounted = { host, settings: host.querySelector('pex-plugin-settings')!, errors: [], commands: [], actions: [] };
  host.addEventListener('pex-plugin-error', (e) => mounted.errors.push(e.detail));
  host.addEventListener('pex-action', (e) => mounted.actions.push(e.detail.action.type));
  host.addEventListener('pex-command', (e) => {
    mounted.commands.push({ pluginId: e.detail.pluginId, name: e.detail.name, args: e.detail.args });
    e.detail.resolve(undefined as never);
  });
  container.append(host);
  await host.updateComplete;
  await host.settled;
  await flushSettings();
  return mounted;
}

/** The healthy plugin's toolbar item, clicked: its command and its action reach the app. */
async function healthyStillWorks(m: Mounted): Promise<void> {
  expect(m.host.plugins.find((p) => p.id === 'healthy')?.status, 'the healthy plugin is loaded').to.equal('loaded');
  await until(() => toolbarButtons().some((b) => b.dataset.key === 'healthy/toolbar/0'), 'the healthy plugin\'s button');
  const before = m.commands.filter((c) => c.pluginId === 'healthy').length;
  toolbarButtons().find((b) => b.dataset.key === 'healthy/toolbar/0')!.click();
  await until(() => m.commands.filter((c) => c.pluginId === 'healthy').length === before + 1, 'the healthy plugin\'s command');
  expect(m.commands.filter((c) => c.pluginId === 'healthy').at(-1)).to.deep.include({ name: 'sendChatMessage' });
  expect(m.actions.at(-1)).to.equal('[Healthy] Acted');
}

describe('plugin faults: each is contained', () => {
  for (const fault of FAULTS) {
    it(`${fault.id}: the host stays up, the healthy plugin works, one ${fault.phase} report, shown in settings`, async () => {
      escaped = [];
      const m = await mount(fault);
      await fault.trigger?.(m);
      const reports = () => m.errors.filter((e) => e.id === fault.id);
      await until(() => reports().length > 0, `a report of ${fault.id}`);
      await fault.check?.(m);
      await healthyStillWorks(m);
      await until(() => m.host.plugins.find((p) => p.id === fault.id)?.status === fault.status, `${fault.id} to be ${fault.status}`);
      await flushSettings();

      expect(m.host.isConnected, 'the host is still in the page').to.equal(true);
      // Counted after the healthy plugin's round trip, which gives a second report time to come.
      expect(reports().map((e) => e.phase), 'reported exactly once, with its phase').to.deep.equal([fault.phase]);
      const message = (reports()[0]!.error as Error).message ?? String(reports()[0]!.error);
      expect(message).to.match(fault.message);
      expect(m.errors.filter((e) => e.id !== fault.id), 'nothing reported for another plugin').to.deep.equal([]);

      const row = itemOf(m.settings, fault.id);
      expect(row.dataset.status).to.equal(fault.status);
      expect(row.querySelector(fault.status === 'failed' ? '[part="error"]' : '[part="problem"]'), 'the settings page shows it').to.exist;
      expect(partText(m.settings, fault.id, 'error-details')).to.match(fault.message);
      expect(escaped, 'nothing escaped to the page').to.deep.equal([]);
      contained.add(fault.id);
    });
  }
});
