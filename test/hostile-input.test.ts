import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import type { PexParticipantMenu } from '../components/participant-menu/participant-menu.js';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';
import { TEXT_LIMITS } from '../src/config/branding.js';
import { formatDiagnostic, type Diagnostic } from '../src/config/diagnostics.js';
import type { Participant } from '../src/conference/types.js';
import { connectInfinity } from '../src/conference/infinity/index.js';
import { participant } from '../testing/participants.js';
import { until } from './support/menu-helpers.js';
import { control, resetSimulator } from './support/simulator-client.js';

/**
 * Hostile text in every place the host renders text: the payloads of the common XSS cheat
 * sheets (test/fixtures/xss/payloads.json), each of which calls window.__xss(id) if it ever
 * runs. In the package file's name, description and version, its menu labels, a plugin's
 * state$ labels, participant names, the conference name and chat messages as plugins pass
 * them on into labels and dialog titles, and the error messages the settings page shows:
 * nothing runs, each text shows as exactly that text, and no element comes of it (each
 * rendered place has the same elements as it has for plain text).
 *
 * The host's elements render no participant name, conference name or chat message of their
 * own: those reach the page only through what a plugin makes of them, which is what is tried.
 */

interface Payload {
  id: number;
  source: string;
  text: string;
}

declare global {
  interface Window {
    __xss: (id: number) => void;
    __echo?: {
      label(text: string): void;
      labelFromConferenceName(): void;
      dialog(title: string): Promise<{ close(): void }>;
      nextError(text: string): void;
    };
  }
}

let payloads: Payload[] = [];
const executed: number[] = [];
/** place → payload ids tried there. */
const tried = new Map<string, Set<number>>();
let renderedAsMarkup = 0;

before(async () => {
  window.__xss = (id) => executed.push(id);
  const response = await fetch('/test/fixtures/xss/payloads.json');
  payloads = ((await response.json()) as { payloads: Payload[] }).payloads;
});

after(async () => {
  // Handlers of elements that never came to be cannot fire; but an image's onerror, were one
  // rendered, fires once its load fails: give the page the time for that before counting.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const places = tried.size;
  const total = [...tried.values()].reduce((sum, ids) => sum + ids.size, 0);
  console.log(
    `hostile input: ${payloads.length} payloads × ${places} places = ${total} tried, ${new Set(executed).size} executed, ${renderedAsMarkup} rendered as markup`,
  );
  expect(executed, 'payloads that ran').to.deep.equal([]);
  expect(renderedAsMarkup, 'payloads rendered as markup').to.equal(0);
});

// ---------------------------------------------------------------------------------------------
// Scratch brandings (the test server keeps PUT files in memory).

let folder = '';
let container: HTMLElement | undefined;

beforeEach(() => {
  folder = `/_scratch/xss-${Math.random().toString(36).slice(2)}/`;
});

afterEach(async () => {
  const found = container ? inlineHandlersAndScripts(container) : [];
  container?.remove();
  container = undefined;
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(found, `elements with inline handlers or of a kind the host never renders: ${found.join(' | ')}`).to.deep.equal([]);
});

async function put(path: string, body: string | object): Promise<void> {
  const response = await fetch(`${folder}${path}`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) });
  expect(response.status, `PUT ${path}`).to.equal(204);
}

interface ScratchPlugin {
  id: string;
  pkg: object;
  js: string;
}

async function branding(plugins: ScratchPlugin[]): Promise<void> {
  await put('manifest.json', { brandingID: '1', isSettingsBranded: true });
  await put('settings.json', { plugins: plugins.map(({ id }) => ({ id, srcURL: `plugins/${id}/${id}.plugin.package.json`, enabled: true })) });
  await Promise.all(
    plugins.flatMap(({ id, pkg, js }) => [put(`plugins/${id}/${id}.plugin.package.json`, pkg), put(`plugins/${id}/${id}.plugin.js`, js)]),
  );
}

const quiet = (id: string) => `PEX.pluginAPI.registerPlugin({ id: ${JSON.stringify(id)}, load: function () {}, unload: function () {}, act: function () {} });\n`;

interface Mounted {
  host: PexPluginHost;
  settings: PexPluginSettings;
  participantMenu: PexParticipantMenu;
  diagnostics: Diagnostic[];
}

async function mount(): Promise<Mounted> {
  container = document.createElement('div');
  document.body.append(container);
  const host = document.createElement('pex-plugin-host');
  const diagnostics: Diagnostic[] = [];
  host.addEventListener('pex-diagnostic', (e) => diagnostics.push(e.detail.diagnostic));
  host.registerTimeout = 2000;
  host.setAttribute('branding-url', folder);
  host.setAttribute('participant-role', 'chair');
  host.innerHTML = '<pex-toolbar></pex-toolbar><pex-conference-menu></pex-conference-menu><pex-participant-menu></pex-participant-menu><pex-plugin-settings></pex-plugin-settings>';
  container.append(host);
  await host.updateComplete;
  await host.settled;
  const mounted = {
    host,
    settings: host.querySelector('pex-plugin-settings')!,
    participantMenu: host.querySelector('pex-participant-menu')!,
    diagnostics,
  };
  await flush();
  return mounted;
}

async function flush(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const el of document.querySelectorAll('pex-toolbar, pex-conference-menu, pex-participant-menu, pex-plugin-settings, pex-template-dialog')) {
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  }
}

// ---------------------------------------------------------------------------------------------
// What is checked at each place.

function rootOf(selector: string): ShadowRoot {
  const root = document.querySelector(selector)?.shadowRoot;
  if (!root) throw new Error(`${selector} has no shadow root`);
  return root;
}

/** The elements under `el`, in order, by name: what a payload that became markup would add to. */
function shape(el: Element | null | undefined): string[] {
  if (!el) return ['(missing)'];
  return [el, ...el.querySelectorAll('*')].map((node) => node.localName);
}

/**
 * The text at one place is the payload, as text: `actual` must equal `expected`, and the
 * place must have the elements it has for plain text (`controlShape`, from a twin with plain text).
 */
function check(place: string, payload: Payload, actual: string | null, expected: string, el?: Element | null, controlShape?: string[]): void {
  let ids = tried.get(place);
  if (!ids) tried.set(place, (ids = new Set()));
  ids.add(payload.id);
  const markup = el !== undefined && controlShape !== undefined && JSON.stringify(shape(el)) !== JSON.stringify(controlShape);
  if (markup) renderedAsMarkup++;
  expect(actual, `${place}: payload ${payload.id} (${payload.source})`).to.equal(expected);
  expect(shape(el ?? null), `${place}: the elements of payload ${payload.id} (${payload.source})`).to.deep.equal(controlShape ?? shape(el ?? null));
}

/** Every element under `root` and in its shadow roots, the dialogs' light DOM included. */
function deepElements(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** Under the host (its dialogs are inside it): elements with an `on…` attribute, or of a kind the host never renders. */
function inlineHandlersAndScripts(root: Element): string[] {
  return deepElements(root)
    .filter(
      (el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')) ||
        ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'math', 'marquee', 'noscript', 'form', 'input', 'select', 'video', 'audio', 'img', 'x'].includes(el.localName),
    )
    .map((el) => el.outerHTML.slice(0, 120));
}

const text = (el: Element | null | undefined) => (el ? (el.textContent ?? '') : null);
const toolbarButton = (key: string) => rootOf('pex-toolbar').querySelector<HTMLElement>(`[part="button"][data-key="${key}"]`);
const menuItem = (menu: string, key: string) => rootOf(menu).querySelector<HTMLElement>(`[part="item"][data-key="${key}"]`);
const settingsRow = (id: string) => rootOf('pex-plugin-settings').querySelector<HTMLElement>(`[part="item"][data-id="${id}"]`);

/** A toolbar button shows its name three ways: aria-label, title, and (with no icon) its label. */
function checkToolbar(place: string, payload: Payload, key: string, expected: string, controlKey: string): void {
  const button = toolbarButton(key);
  const control = shape(toolbarButton(controlKey));
  check(`${place} (toolbar label)`, payload, text(button?.querySelector('[part="label"]')), expected, button, control);
  check(`${place} (toolbar accessible name)`, payload, button?.getAttribute('aria-label') ?? null, expected);
  check(`${place} (toolbar tooltip)`, payload, button?.getAttribute('title') ?? null, expected);
}

function checkMenu(place: string, payload: Payload, menu: 'pex-conference-menu' | 'pex-participant-menu', key: string, expected: string, controlKey: string): void {
  const item = menuItem(menu, key);
  check(`${place} (${menu === 'pex-conference-menu' ? 'conference' : 'participant'} menu)`, payload, text(item?.querySelector('[part="label"]')), expected, item, shape(menuItem(menu, controlKey)));
}

// ---------------------------------------------------------------------------------------------

describe('hostile input: XSS payloads in every text the host renders', () => {
  it('the package file: name, description and version on the settings page, the name and item labels in the menus', async () => {
    // Menu items in one location per package, as the guide asks: the toolbar with the
    // package (one item with no label, named after the package), the menus in packages of their own.
    const packageOf = (id: string, text: string, location: 'toolbar' | 'conference' | 'participants') => ({
      id,
      name: text,
      description: text,
      version: text,
      srcURL: `${id}.plugin.js`,
      menuItems: {
        [location]:
          location === 'toolbar'
            ? [
                { icon: null, label: null, action: 'act' },
                { icon: null, label: text, action: 'act' },
              ]
            : [{ icon: null, label: text, action: 'act' }],
      },
    });
    const plugin = (id: string, text: string, location: 'toolbar' | 'conference' | 'participants') => ({ id, pkg: packageOf(id, text, location), js: quiet(id) });
    await branding(
      [{ id: 'plain', text: 'Plain text' }, ...payloads.map((p) => ({ id: `xss-${p.id}`, text: p.text }))].flatMap(({ id, text }) => [
        plugin(id, text, 'toolbar'),
        plugin(`${id}-c`, text, 'conference'),
        plugin(`${id}-p`, text, 'participants'),
      ]),
    );
    const { host, participantMenu } = await mount();
    participantMenu.participant = participant({ uuid: 'p1', name: 'Ann' });
    await flush();
    expect(host.plugins.filter((p) => p.status !== 'loaded').map((p) => p.id)).to.deep.equal([]);

    const controlRow = settingsRow('plain');
    for (const p of payloads) {
      const id = `xss-${p.id}`;
      const row = settingsRow(id);
      const part = (name: string) => row?.querySelector(`[part="${name}"]`);
      check('package name (settings)', p, text(part('name')), p.text, part('name'), shape(controlRow?.querySelector('[part="name"]')));
      check('package name (settings switch)', p, part('switch')?.getAttribute('aria-label') ?? null, p.text);
      check('package description (settings)', p, text(part('description')), p.text, part('description'), shape(controlRow?.querySelector('[part="description"]')));
      // A version is a few characters: a longer one is cut (with a warning), and the rest shows.
      const version = p.text.length > TEXT_LIMITS.version ? `${p.text.slice(0, TEXT_LIMITS.version - 1)}…` : p.text;
      check('package version (settings)', p, text(part('version')), `Version ${version}`, part('version'), shape(controlRow?.querySelector('[part="version"]')));
      check('settings row', p, row?.dataset.status ?? null, 'loaded', row, shape(controlRow));
      checkToolbar('package name', p, `${id}/toolbar/0`, p.text, 'plain/toolbar/0');
      checkToolbar('package label', p, `${id}/toolbar/1`, p.text, 'plain/toolbar/1');
      checkMenu('package label', p, 'pex-conference-menu', `${id}-c/conference/0`, p.text, 'plain-c/conference/0');
      checkMenu('package label', p, 'pex-participant-menu', `${id}-p/participants/0`, p.text, 'plain-p/participants/0');
    }
  });

  /**
   * One plugin that does with conference data what real plugins do: names a participant's
   * item after the participant ("Mute Ann"), puts the conference name and the last chat
   * message on its button, opens a dialog titled with a message.
   */
  const ECHO = `(function () {
  var state$ = PEX.pluginAPI.createNewState({});
  var state = {};
  function emit(change) { state = Object.assign({}, state, change); state$.next(state); }
  window.__echo = {
    label: function (text) { emit({ label: text }); },
    labelFromConferenceName: function () { emit({ label: PEX.pexrtc.conference_name }); },
    dialog: function (title) { return PEX.pluginAPI.openTemplateDialog({ title: title, body: '<p class="echo-body">Body</p>' }); },
    nextError: function (text) { window.__echoError = text; }
  };
  PEX.pluginAPI.registerPlugin({
    id: 'echo',
    load: function (participants$, conferenceDetails$) {
      participants$.subscribe(function (participants) {
        var labels = {};
        participants.forEach(function (p) { labels[p.uuid] = { label: p.name }; });
        emit(labels);
      });
      PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(function (action) {
        emit({ label: action.payload.payload });
      });
    },
    unload: function () {},
    act: function () { throw new Error(window.__echoError); },
    state$: state$
  });
})();
`;
  const echoPackage = {
    id: 'echo',
    name: 'Echo',
    version: '1',
    srcURL: 'echo.plugin.js',
    menuItems: { toolbar: [{ icon: null, label: 'Echo', action: 'act' }], conference: [{ icon: null, label: 'Echo', action: 'act' }], participants: [{ icon: null, label: 'Echo', action: 'act' }] },
  };

  async function mountEcho(): Promise<Mounted> {
    await branding([{ id: 'echo', pkg: echoPackage, js: ECHO }]);
    const mounted = await mount();
    expect(mounted.host.plugins.map((p) => [p.id, p.status])).to.deep.equal([['echo', 'loaded']]);
    mounted.participantMenu.participant = participant({ uuid: 'nobody', name: 'Nobody' });
    return mounted;
  }

  /** The echo plugin's three items with a plain label, to compare elements against. */
  async function controlShapes(label: () => void): Promise<{ toolbar: string[]; conference: string[]; participant: string[] }> {
    label();
    await flush();
    return {
      toolbar: shape(toolbarButton('echo/toolbar/0')),
      conference: shape(menuItem('pex-conference-menu', 'echo/conference/0')),
      participant: shape(menuItem('pex-participant-menu', 'echo/participants/0')),
    };
  }

  function checkEchoItems(place: string, p: Payload, control: { toolbar: string[]; conference: string[]; participant: string[] }): void {
    const button = toolbarButton('echo/toolbar/0');
    check(`${place} (toolbar label)`, p, text(button?.querySelector('[part="label"]')), p.text, button, control.toolbar);
    check(`${place} (toolbar accessible name)`, p, button?.getAttribute('aria-label') ?? null, p.text);
    check(`${place} (toolbar tooltip)`, p, button?.getAttribute('title') ?? null, p.text);
    const conference = menuItem('pex-conference-menu', 'echo/conference/0');
    check(`${place} (conference menu)`, p, text(conference?.querySelector('[part="label"]')), p.text, conference, control.conference);
    const item = menuItem('pex-participant-menu', 'echo/participants/0');
    check(`${place} (participant menu)`, p, text(item?.querySelector('[part="label"]')), p.text, item, control.participant);
  }

  it('state$ labels in the toolbar, the conference menu and the participant menu', async () => {
    await mountEcho();
    const control = await controlShapes(() => window.__echo!.label('Plain text'));
    for (const p of payloads) {
      window.__echo!.label(p.text);
      await flush();
      checkEchoItems('state$ label', p, control);
    }
  });

  it('participant names, as a plugin labels each participant’s item with them', async () => {
    const { host, participantMenu } = await mountEcho();
    const people: Participant[] = payloads.map((p) => participant({ uuid: `uuid-${p.id}`, name: p.text }));
    host.participants = [participant({ uuid: 'uuid-plain', name: 'Plain text' }), ...people];
    participantMenu.participant = host.participants[0];
    await flush();
    await until(() => text(menuItem('pex-participant-menu', 'echo/participants/0')?.querySelector('[part="label"]')) === 'Plain text', 'the plain name');
    const control = shape(menuItem('pex-participant-menu', 'echo/participants/0'));
    for (const [index, p] of payloads.entries()) {
      participantMenu.participant = people[index];
      await flush();
      const item = menuItem('pex-participant-menu', 'echo/participants/0');
      check('participant name (participant menu)', p, text(item?.querySelector('[part="label"]')), p.text, item, control);
    }
  });

  it('the conference name, as a plugin shows it on its button', async () => {
    const { host } = await mountEcho();
    const control = await controlShapes(() => {
      host.callInfo = { conferenceName: 'Plain text' };
      window.__echo!.labelFromConferenceName();
    });
    for (const p of payloads) {
      host.callInfo = { conferenceName: p.text };
      window.__echo!.labelFromConferenceName();
      await flush();
      checkEchoItems('conference name', p, control);
    }
  });

  it('chat messages, as a plugin shows the last one on its button', async () => {
    const { host } = await mountEcho();
    const chat = (message: string) => host.dispatchAction({ type: '[Conference] Receive Chat Message', payload: { origin: 'Ann', uuid: 'u1', type: 'text/plain', payload: message } });
    const control = await controlShapes(() => chat('Plain text'));
    for (const p of payloads) {
      chat(p.text);
      await flush();
      checkEchoItems('chat message', p, control);
    }
  });

  it('dialog titles (openTemplateDialog({title}))', async () => {
    await mountEcho();
    const dialogShape = async (title: string) => {
      const ref = await window.__echo!.dialog(title);
      const dialog = document.querySelector('pex-template-dialog')!;
      await flush();
      return { ref, dialog, title: dialog.shadowRoot!.querySelector('[part="title"]'), header: dialog.shadowRoot!.querySelector('[part="header"]') };
    };
    const control = await dialogShape('Plain text');
    const controlHeader = shape(control.header);
    control.ref.close();
    await flush();
    for (const p of payloads) {
      const { ref, dialog, title, header } = await dialogShape(p.text);
      check('dialog title', p, text(title), p.text, header, controlHeader);
      const labelledBy = dialog.shadowRoot!.querySelector('dialog')!.getAttribute('aria-labelledby');
      check('dialog accessible name', p, labelledBy ? text(dialog.shadowRoot!.getElementById(labelledBy)) : null, p.text);
      ref.close();
      await flush();
    }
    expect(document.querySelectorAll('pex-template-dialog').length).to.equal(0);
  });

  it('participant names and chat messages from a real conference (the Infinity simulator, through the host’s connection)', async () => {
    await resetSimulator();
    const { host, participantMenu } = await mountEcho();
    const connection = await connectInfinity({ node: location.origin, alias: 'meet', displayName: 'Plugin user' });
    try {
      host.connection = connection;
      for (const p of [{ id: 0, source: 'plain', text: 'Plain text' }, ...payloads]) await control('conferences/meet/participants', { body: { display_name: p.text } });
      await until(() => payloads.every((p) => host.participants.some((x) => x.name === p.text)), 'every hostile participant in the roster');
      const byName = (name: string) => host.participants.find((x) => x.name === name)!;
      participantMenu.participant = byName('Plain text');
      await until(() => text(menuItem('pex-participant-menu', 'echo/participants/0')?.querySelector('[part="label"]')) === 'Plain text', 'the plain name');
      const control_ = shape(menuItem('pex-participant-menu', 'echo/participants/0'));
      for (const p of payloads) {
        participantMenu.participant = byName(p.text);
        await flush();
        const item = menuItem('pex-participant-menu', 'echo/participants/0');
        check('participant name from the conference (participant menu)', p, text(item?.querySelector('[part="label"]')), p.text, item, control_);
      }

      const toolbarLabel = () => text(toolbarButton('echo/toolbar/0')?.querySelector('[part="label"]'));
      await control('conferences/meet/messages', { body: { origin: 'Ann', payload: 'Plain text' } });
      await until(() => toolbarLabel() === 'Plain text', 'the plain message');
      const controlButton = shape(toolbarButton('echo/toolbar/0'));
      for (const p of payloads) {
        await control('conferences/meet/messages', { body: { origin: p.text, payload: p.text } });
        await until(() => toolbarLabel() === p.text, `the message of payload ${p.id}`);
        const button = toolbarButton('echo/toolbar/0');
        check('chat message from the conference (toolbar label)', p, toolbarLabel(), p.text, button, controlButton);
      }
    } finally {
      await connection.leave();
      await resetSimulator();
    }
  });

  it('error messages on the settings page: a failed load, a failed action, a package that cannot be used', async () => {
    const throwing = (id: string, message: string) =>
      `PEX.pluginAPI.registerPlugin({ id: ${JSON.stringify(id)}, load: function () { throw new Error(${JSON.stringify(message)}); }, unload: function () {} });\n`;
    const failing = (id: string, name: string) => ({ id, name, version: '1', srcURL: `${id}.plugin.js` });
    // "toolbar" must be a list: the diagnostic quotes the string it is instead.
    const unusable = (id: string, value: string) => ({ id, name: id, srcURL: `${id}.plugin.js`, menuItems: { toolbar: value } });
    await branding([
      { id: 'echo', pkg: echoPackage, js: ECHO },
      { id: 'fail-plain', pkg: failing('fail-plain', 'Plain text'), js: throwing('fail-plain', 'Plain text') },
      { id: 'bad-plain', pkg: unusable('bad-plain', 'Plain text'), js: quiet('bad-plain') },
      ...payloads.flatMap((p) => [
        { id: `fail-${p.id}`, pkg: failing(`fail-${p.id}`, p.text), js: throwing(`fail-${p.id}`, p.text) },
        { id: `bad-${p.id}`, pkg: unusable(`bad-${p.id}`, p.text), js: quiet(`bad-${p.id}`) },
      ]),
    ]);
    // 180 deliberate failures, each logged by the host: kept out of the test's output.
    const logged = { error: console.error, warn: console.warn };
    console.error = console.warn = () => {};
    let mounted: Mounted;
    try {
      mounted = await mount();
    } finally {
      Object.assign(console, logged);
    }
    const { host, diagnostics } = mounted;
    const statuses = new Set(host.plugins.filter((p) => p.id !== 'echo').map((p) => p.status));
    expect([...statuses]).to.deep.equal(['failed']);
    const details = (id: string) => settingsRow(id)?.querySelector('[part="error-details"]');
    const firstError = (id: string) => diagnostics.find((d) => d.pluginId === id && d.severity === 'error');

    for (const p of payloads) {
      check('load error (settings details)', p, text(details(`fail-${p.id}`)), p.text, settingsRow(`fail-${p.id}`), shape(settingsRow('fail-plain')));
      check('package name (settings retry button)', p, settingsRow(`fail-${p.id}`)?.querySelector('[part="retry"]')?.getAttribute('aria-label') ?? null, `Retry ${p.text}`);
      const diagnostic = firstError(`bad-${p.id}`);
      expect(diagnostic?.message, `the diagnostic of bad-${p.id}`).to.include(JSON.stringify(p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text));
      check('package diagnostic (settings details)', p, text(details(`bad-${p.id}`)), diagnostic ? formatDiagnostic(diagnostic) : '(none)', details(`bad-${p.id}`), shape(details('bad-plain')));
    }

    // An action that throws: the settings page shows it as the plugin's last problem.
    const echoButton = () => toolbarButton('echo/toolbar/0')!;
    const problem = () => settingsRow('echo')?.querySelector('[part="problem"] [part="error-details"]');
    window.__echo!.nextError('Plain text');
    echoButton().click();
    await until(() => text(problem()) === 'Plain text', 'the plain problem');
    const control = shape(settingsRow('echo'));
    console.error = () => {};
    try {
      for (const p of payloads) {
        window.__echo!.nextError(p.text);
        echoButton().click();
        await until(() => text(problem()) === p.text, `the problem of payload ${p.id}`);
        await flush();
        check('action error (settings problem details)', p, text(problem()), p.text, settingsRow('echo'), control);
      }
    } finally {
      console.error = logged.error;
    }
  });
});
