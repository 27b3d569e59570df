import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';
import type { Diagnostic } from '../src/config/diagnostics.js';
import { parseJson } from '../src/config/json-location.js';
import type { PluginErrorDetail } from '../src/runtime/plugin-error.js';
import { until } from './support/menu-helpers.js';

/**
 * Hostile values in a branding: files nested thousands of levels deep, every field of
 * settings.json and of a package file given a value of the wrong type, names and descriptions
 * of hundreds of kilobytes. Each gives a diagnostic that names the file, the field and the fix;
 * nothing throws out of the host, and the plugin beside the bad one still loads and works.
 */

let folder = '';
let container: HTMLElement | undefined;
const escaped: string[] = [];
const onError = (e: ErrorEvent) => escaped.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => escaped.push(`rejection: ${String(e.reason)}`);

before(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

after(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});

beforeEach(() => {
  folder = `/_scratch/hostile-${Math.random().toString(36).slice(2)}/`;
  escaped.length = 0;
});

afterEach(async () => {
  container?.remove();
  container = undefined;
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(escaped, 'errors that escaped to the page').to.deep.equal([]);
});

const url = (path: string) => new URL(`${folder}${path}`, location.href).href;

async function put(path: string, body: string | object): Promise<void> {
  const response = await fetch(`${folder}${path}`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) });
  expect(response.status, `PUT ${path}`).to.equal(204);
}

const source = (id: string) => `PEX.pluginAPI.registerPlugin({ id: ${JSON.stringify(id)}, load: function () {}, unload: function () {}, act: function () { window.__acted = (window.__acted || []).concat(${JSON.stringify(id)}); } });\n`;

const healthyPackage = { id: 'healthy', name: 'Healthy', version: '1', srcURL: 'healthy.plugin.js', menuItems: { toolbar: [{ icon: null, label: 'Healthy', action: 'act' }] } };
const healthyEntry = { id: 'healthy', srcURL: 'plugins/healthy/healthy.plugin.package.json', enabled: true };

/** A branding whose settings.json is `settings` (text is put as is), with the healthy plugin's files. */
async function brandingWithSettings(settings: string | object): Promise<void> {
  await put('manifest.json', { brandingID: '1', isSettingsBranded: true });
  await put('settings.json', settings);
  await put('plugins/healthy/healthy.plugin.package.json', healthyPackage);
  await put('plugins/healthy/healthy.plugin.js', source('healthy'));
}

/** A branding of the healthy plugin and these plugins (package file as given, text put as is). */
async function brandingWithPackages(packages: Array<{ id: string; pkg: string | object }>): Promise<void> {
  await brandingWithSettings({
    plugins: [healthyEntry, ...packages.map(({ id }) => ({ id, srcURL: `plugins/${id}/${id}.plugin.package.json`, enabled: true }))],
  });
  await Promise.all(packages.flatMap(({ id, pkg }) => [put(`plugins/${id}/${id}.plugin.package.json`, pkg), put(`plugins/${id}/${id}.plugin.js`, source(id))]));
}

interface Mounted {
  host: PexPluginHost;
  settings: PexPluginSettings;
  diagnostics: Diagnostic[];
  errors: PluginErrorDetail[];
}

async function mount(): Promise<Mounted> {
  container = document.createElement('div');
  document.body.append(container);
  const host = document.createElement('pex-plugin-host');
  const diagnostics: Diagnostic[] = [];
  const errors: PluginErrorDetail[] = [];
  host.addEventListener('pex-diagnostic', (e) => diagnostics.push(e.detail.diagnostic));
  host.addEventListener('pex-plugin-error', (e) => errors.push(e.detail));
  host.setAttribute('branding-url', folder);
  host.innerHTML = '<pex-toolbar></pex-toolbar><pex-plugin-settings></pex-plugin-settings>';
  container.append(host);
  await host.updateComplete;
  await host.settled;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await host.querySelector('pex-toolbar')!.updateComplete;
  const settings = host.querySelector('pex-plugin-settings')!;
  await settings.updateComplete;
  return { host, settings, diagnostics, errors };
}

/** The healthy plugin loaded, and its button reaches it. */
async function expectHealthyWorks(host: PexPluginHost): Promise<void> {
  expect(host.plugins.find((p) => p.id === 'healthy')?.status, 'the healthy plugin').to.equal('loaded');
  const button = host.querySelector('pex-toolbar')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"][data-key="healthy/toolbar/0"]');
  expect(button, "the healthy plugin's button").to.not.equal(null);
  (window as { __acted?: string[] }).__acted = [];
  button!.click();
  expect((window as { __acted?: string[] }).__acted).to.deep.equal(['healthy']);
}

/** The technical message the settings page shows for a failed plugin. */
function detailsOf(settings: PexPluginSettings, id: string): string | null {
  const el = settings.shadowRoot!.querySelector(`[part="item"][data-id="${id}"] [part="error-details"]`);
  return el ? (el.textContent ?? '') : null;
}

type Brief = [severity: string, file: string, pointer: string | undefined, message: string, fix: string | undefined];
const brief = (d: Diagnostic): Brief => [d.severity, d.file.replace(url(''), ''), d.pointer, d.message, d.fix];

/** `depth` arrays, one in another: `[[[...]]]`. */
const nestedArrays = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
/** `depth` objects, one in another: `{"a":{"a":...}}`. */
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;

describe('hostile values: deep nesting', () => {
  it('a settings.json 10,000 levels deep in a field the host does not read: the plugins load, nothing is said', async () => {
    await brandingWithSettings(`{"plugins": [${JSON.stringify(healthyEntry)}], "theme": ${nestedObjects(10_000)}}`);
    const { host, diagnostics } = await mount();
    expect(diagnostics.map(brief)).to.deep.equal([]);
    await expectHealthyWorks(host);
  });

  it('a settings.json with an entry 10,000 levels deep: that entry is reported, the others load', async () => {
    await brandingWithSettings(`{"plugins": [${JSON.stringify(healthyEntry)}, ${nestedArrays(10_000)}]}`);
    const { host, diagnostics } = await mount();
    expect(diagnostics.map(brief)).to.deep.equal([['error', 'settings.json', '/plugins/1', '"plugins[1]" must be an object ({ ... }), not a list', 'make it an object ({ ... })']]);
    expect(host.plugins.map((p) => p.id)).to.deep.equal(['healthy']);
    await expectHealthyWorks(host);
  });

  it('package files with menuItems 5,000 levels deep (lists, and objects in a label) fail alone; a deep configuration is the plugin’s own', async () => {
    await brandingWithPackages([
      { id: 'deep-list', pkg: `{"id": "deep-list", "name": "Deep", "srcURL": "deep-list.plugin.js", "menuItems": {"toolbar": ${nestedArrays(5_000)}}}` },
      {
        id: 'deep-label',
        pkg: `{"id": "deep-label", "name": "Deep", "srcURL": "deep-label.plugin.js", "menuItems": {"toolbar": [{"action": "act", "label": ${nestedObjects(5_000)}}]}}`,
      },
      { id: 'deep-config', pkg: `{"id": "deep-config", "name": "Deep", "srcURL": "deep-config.plugin.js", "configuration": ${nestedObjects(10_000)}}` },
    ]);
    const { host, diagnostics, settings } = await mount();
    // The packages load in parallel: each one's diagnostics come when it has been read and checked.
    expect(diagnostics.map(brief)).to.have.deep.members([
      ['error', 'plugins/deep-list/deep-list.plugin.package.json', '/menuItems/toolbar/0', '"toolbar[0]" must be an object ({ ... }), not a list', 'make it an object ({ ... })'],
      ['error', 'plugins/deep-label/deep-label.plugin.package.json', '/menuItems/toolbar/0/label', '"label" must be a string or null, not an object', 'make it a string or null'],
    ]);
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ healthy: 'loaded', 'deep-list': 'failed', 'deep-label': 'failed', 'deep-config': 'loaded' });
    expect(detailsOf(settings, 'deep-list')).to.equal(
      `error [deep-list] ${url('plugins/deep-list/deep-list.plugin.package.json')}#/menuItems/toolbar/0: "toolbar[0]" must be an object ({ ... }), not a list Fix: make it an object ({ ... })`,
    );
    await expectHealthyWorks(host);
  });

  it('a broken file 10,000 levels deep, too deep to explain: the engine’s reason and the depth, the others load', async () => {
    // One ] short: the file's closing } is where JSON.parse stops.
    const broken = `{"id": "broken", "name": "Broken", "srcURL": "broken.plugin.js", "configuration": ${nestedArrays(10_000).slice(0, -1)}}`;
    const at = broken.length - 1;
    await brandingWithPackages([{ id: 'broken', pkg: broken }]);
    const { host, diagnostics } = await mount();
    expect(diagnostics.map((d) => [...brief(d), d.line, d.column])).to.deep.equal([
      [
        'error',
        'plugins/broken/broken.plugin.package.json',
        undefined,
        `the file is not valid JSON: Expected ',' or ']' after array element in JSON at position ${at} (line 1 column ${at + 1}); it is nested 10,001 levels deep, too deep to say more`,
        'check for a missing comma, quote or bracket; a branding file needs a few levels of nesting, not thousands',
        1,
        at + 1,
      ],
    ]);
    expect(host.plugins.find((p) => p.id === 'broken')?.status).to.equal('failed');
    await expectHealthyWorks(host);
  });

  it('broken JSON is explained in words up to 1,000 levels deep, past that by the engine’s reason (never by a stack overflow, whose depth varies)', async () => {
    const broken = (depth: number) => `{"a": ${nestedArrays(depth - 1).slice(0, -1)}}`;
    const explained = await parseJson(broken(1000), 'f.json');
    expect('diagnostic' in explained && explained.diagnostic.message).to.equal('the file is not valid JSON: missing closing `]`: the `[` at line 1, column 7 is followed by `}`');
    const tooDeep = await parseJson(broken(1001), 'f.json');
    expect('diagnostic' in tooDeep && tooDeep.diagnostic.message).to.match(/^the file is not valid JSON: Expected ',' or ']' after array element in JSON at position \d+ \(line 1 column \d+\); it is nested 1,001 levels deep, too deep to say more$/);
  });

  it('a valid package file 200,000 levels deep loads (its configuration is the plugin’s own)', async () => {
    await brandingWithPackages([{ id: 'deepest', pkg: `{"id": "deepest", "name": "Deepest", "srcURL": "deepest.plugin.js", "configuration": ${nestedArrays(200_000)}}` }]);
    const { host, diagnostics } = await mount();
    expect(diagnostics.map(brief)).to.deep.equal([]);
    expect(host.plugins.find((p) => p.id === 'deepest')?.status).to.equal('loaded');
    await expectHealthyWorks(host);
  });
});

/** A package file with one field wrong: `[pointer, value]` set on a good package. */
const WRONG_PACKAGE_FIELDS: Array<[pointer: string, values: unknown[]]> = [
  ['', [[], 42, 'text', null]],
  ['/id', [7, null, {}, []]],
  ['/name', [7, null, {}, [], true]],
  ['/srcURL', [7, null, {}, []]],
  ['/description', [7, {}, [], true, null]],
  ['/version', [true, {}, [], null]],
  ['/allowUnload', ['true', 1, {}, null]],
  ['/platforms', ['web', {}, [7], null]],
  ['/participantRoles', ['chair', 1, [null], {}]],
  ['/menuItems', [[], 'toolbar', 7, null]],
  ['/menuItems/toolbar', [{}, 'x', 7, null]],
  ['/menuItems/toolbar/0', ['x', 7, null, []]],
  ['/menuItems/toolbar/0/id', [7, {}, null]],
  ['/menuItems/toolbar/0/icon', [7, {}, [], true]],
  ['/menuItems/toolbar/0/label', [7, {}, [], true]],
  ['/menuItems/toolbar/0/action', [7, null, {}, []]],
  ['/configuration', [7, null, 'x', [], {}]],
];

function withValueAt(base: object, pointer: string, value: unknown): unknown {
  if (pointer === '') return value;
  const copy = structuredClone(base) as Record<string, unknown>;
  const parts = pointer.split('/').slice(1);
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy;
}

/** How a case's plugin ends: a wrong id, name, source or menu leaves nothing to run or show. */
function expectedStatus(pointer: string, value: unknown): string {
  if (/^(?:|\/id|\/name|\/srcURL|\/menuItems.*)$/.test(pointer)) return 'failed';
  // A platform that is not one drops out of the list, and a list of none fits nowhere.
  if (pointer === '/platforms' && Array.isArray(value)) return 'filtered-out';
  return 'loaded';
}

describe('hostile values: wrong types everywhere', () => {
  it('every field of a package file with a value of the wrong type: one diagnostic naming file, field and fix each; the healthy plugin works', async () => {
    const cases = WRONG_PACKAGE_FIELDS.flatMap(([pointer, values]) =>
      values.map((value, i) => ({ pointer, value, id: `p${pointer.replace(/\//g, '-')}-${i}` })),
    );
    await brandingWithPackages(
      cases.map(({ id, pointer, value }) => ({
        id,
        pkg: JSON.stringify(
          withValueAt({ id, name: 'Wrong', version: '1', srcURL: `${id}.plugin.js`, menuItems: { toolbar: [{ id: 'item', icon: null, label: 'Wrong', action: 'act' }] } }, pointer, value),
        ),
      })),
    );
    const { host, diagnostics, settings, errors } = await mount();
    for (const { id, pointer, value } of cases) {
      const what = `${id}: ${pointer || 'the file'} = ${JSON.stringify(value)}`;
      const own = diagnostics.filter((d) => d.pluginId === id);
      const status = host.plugins.find((p) => p.id === id)?.status;
      if (pointer === '/configuration') {
        // Any JSON: the plugin's own settings.
        expect([status, own], what).to.deep.equal(['loaded', []]);
        continue;
      }
      expect(own.length, `${what}: one diagnostic`).to.equal(1);
      const [d] = own;
      const parts = pointer.split('/').slice(1);
      const last = parts.at(-1);
      const field = last === undefined ? 'the file' : /^\d+$/.test(last) ? `"${parts.at(-2)}[${last}]"` : `"${last}"`;
      // An element of a list is named as the list's: "platforms[0]".
      const inList = Array.isArray(value) && value.length > 0;
      expect(d!.file, what).to.equal(url(`plugins/${id}/${id}.plugin.package.json`));
      expect(d!.pointer, what).to.equal(inList ? `${pointer}/0` : pointer);
      expect(d!.message, what).to.match(
        inList
          ? new RegExp(`^"${pointer.split('/').at(-1)}\\[0\\]" is ${JSON.stringify(value[0])}, which is not one of the allowed values$`)
          : new RegExp(`^${escapeRegExp(field)} must be .+, not ${escapeRegExp(valueWords(value))}$`),
      );
      expect(d!.fix, what).to.match(/^(?:make it |write |use one of: )\S/);
      expect(status, what).to.equal(expectedStatus(pointer, value));
      if (status === 'failed') {
        expect(errors.filter((e) => e.id === id).map((e) => e.phase), what).to.deep.equal(['config']);
        expect(detailsOf(settings, id), what).to.include(`${d!.file}${pointer ? `#${d!.pointer}` : ''}: ${d!.message} Fix: ${d!.fix}`);
      }
    }
    await expectHealthyWorks(host);
  });

  it('every field of settings.json with a value of the wrong type: the entries that are fine load', async () => {
    const roots: unknown[] = [42, 'text', [], null];
    const lists: unknown[] = [{}, 'healthy', 7, null];
    for (const [value, pointer] of [...roots.map((v) => [v, ''] as const), ...lists.map((v) => [{ plugins: v }, '/plugins'] as const)]) {
      await brandingWithSettings(JSON.stringify(value));
      const { host, diagnostics } = await mount();
      const what = `settings.json ${JSON.stringify(value)}`;
      expect(host.plugins, what).to.deep.equal([]);
      expect(diagnostics.map((d) => [d.severity, d.file, d.pointer]), what).to.deep.equal([['error', url('settings.json'), pointer]]);
      expect(diagnostics[0]!.message, what).to.match(pointer ? /^"plugins" must be a list \(\[ \.\.\. \]\), not / : /^the file must be an object \(\{ \.\.\. \}\), not /);
      container!.remove();
      container = undefined;
    }

    // Entries of every wrong kind beside the healthy one.
    await brandingWithSettings({
      plugins: [
        healthyEntry,
        'healthy',
        7,
        null,
        [],
        { id: 7, srcURL: 'plugins/healthy/healthy.plugin.package.json', enabled: true },
        { id: 'src', srcURL: ['a.json'], enabled: true },
        { id: 'quoted', srcURL: 'plugins/quoted/quoted.plugin.package.json', enabled: 'true' },
        { id: 'nulled', srcURL: 'plugins/nulled/nulled.plugin.package.json', enabled: null },
      ],
    });
    for (const id of ['quoted', 'nulled']) {
      await put(`plugins/${id}/${id}.plugin.package.json`, { id, name: id, srcURL: `${id}.plugin.js` });
      await put(`plugins/${id}/${id}.plugin.js`, source(id));
    }
    const { host, diagnostics } = await mount();
    expect(diagnostics.map((d) => [d.severity, d.pointer, d.message, d.fix])).to.deep.equal([
      ['error', '/plugins/1', '"plugins[1]" must be an object ({ ... }), not the string "healthy"', 'make it an object ({ ... })'],
      ['error', '/plugins/2', '"plugins[2]" must be an object ({ ... }), not 7', 'make it an object ({ ... })'],
      ['error', '/plugins/3', '"plugins[3]" must be an object ({ ... }), not null', 'make it an object ({ ... })'],
      ['error', '/plugins/4', '"plugins[4]" must be an object ({ ... }), not a list', 'make it an object ({ ... })'],
      ['error', '/plugins/5/id', '"id" must be a string, not 7', 'make it a string'],
      ['error', '/plugins/6/srcURL', '"srcURL" must be a string, not a list', 'make it a string'],
      ['warning', '/plugins/7/enabled', '"enabled" must be true or false, not the string "true"; the plugin is treated as not enabled', 'write true without quotes'],
      ['warning', '/plugins/8/enabled', '"enabled" must be true or false, not null; the plugin is treated as not enabled', 'make it true or false'],
    ]);
    expect(diagnostics.every((d) => d.file === url('settings.json'))).to.equal(true);
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ healthy: 'loaded', quoted: 'not-loaded', nulled: 'not-loaded' });
    await expectHealthyWorks(host);
  });

  it('manifest.json with values of the wrong type: said, and no plugin is used unless it says so', async () => {
    for (const [manifest, pointer, message] of [
      [[], '', 'the file must be an object ({ ... }), not a list'],
      [{ brandingID: '1', isSettingsBranded: 'true' }, '/isSettingsBranded', '"isSettingsBranded" must be true or false, not the string "true"'],
    ] as const) {
      await brandingWithSettings({ plugins: [healthyEntry] });
      await put('manifest.json', manifest);
      const { host, diagnostics } = await mount();
      const what = `manifest.json ${JSON.stringify(manifest)}`;
      expect(host.plugins, what).to.deep.equal([]);
      const first = diagnostics[0]!;
      expect([first.severity, first.file, first.pointer, first.message], what).to.deep.equal(['error', url('manifest.json'), pointer, message]);
      container!.remove();
      container = undefined;
    }
  });
});

describe('hostile values: huge strings', () => {
  it('a name and a description of 200,000 characters, a version of 10,000, a label of 100,000: cut, with a warning naming file, field and fix', async () => {
    const pkg = {
      id: 'huge',
      name: 'N'.repeat(200_000),
      description: 'D'.repeat(200_000),
      version: '9'.repeat(10_000),
      srcURL: 'huge.plugin.js',
      menuItems: { toolbar: [{ icon: null, label: null, action: 'act' }, { icon: null, label: `${'L'.repeat(198)}😀${'L'.repeat(100_000)}`, action: 'act' }] },
    };
    await brandingWithPackages([{ id: 'huge', pkg }]);
    const { host, diagnostics, settings } = await mount();
    expect(host.plugins.find((p) => p.id === 'huge')?.status).to.equal('loaded');
    expect(diagnostics.map(brief)).to.deep.equal([
      ['warning', 'plugins/huge/huge.plugin.package.json', '/menuItems/toolbar/1/label', 'the label is 100,200 characters long, so only its first 200 are shown', 'keep the label to a few words'],
      ['warning', 'plugins/huge/huge.plugin.package.json', '/name', 'the name is 200,000 characters long, so only its first 200 are shown', 'keep the name to a few words, and say more in "description"'],
      ['warning', 'plugins/huge/huge.plugin.package.json', '/description', 'the description is 200,000 characters long, so only its first 1,000 are shown', 'keep the description to a few sentences'],
      ['warning', 'plugins/huge/huge.plugin.package.json', '/version', 'the version is 10,000 characters long, so only its first 50 are shown', 'give a version number such as "1.2.3"'],
    ]);
    const row = settings.shadowRoot!.querySelector('[part="item"][data-id="huge"]')!;
    expect(row.querySelector('[part="name"]')!.textContent).to.equal(`${'N'.repeat(199)}…`);
    expect(row.querySelector('[part="description"]')!.textContent).to.equal(`${'D'.repeat(999)}…`);
    expect(row.querySelector('[part="version"]')!.textContent).to.equal(`Version ${'9'.repeat(49)}…`);
    const names = [...host.querySelector('pex-toolbar')!.shadowRoot!.querySelectorAll('[part="button"]')].map((b) => b.getAttribute('aria-label'));
    // The emoji would be cut in half at 199: it goes whole.
    expect(names).to.deep.equal(['Healthy', `${'N'.repeat(199)}…`, `${'L'.repeat(198)}…`]);
    await expectHealthyWorks(host);
  });
});

/** How a wrong value is named at the end of a type message. */
function valueWords(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hostile values: references that are no URL', () => {
  it('"http://[" as a package file, a plugin source, an icon and a state$ icon: refused with a diagnostic each, the others load', async () => {
    await brandingWithSettings({
      plugins: [
        healthyEntry,
        { id: 'entry', srcURL: 'http://[', enabled: true },
        ...['src', 'icon', 'state'].map((id) => ({ id, srcURL: `plugins/${id}/${id}.plugin.package.json`, enabled: true })),
      ],
    });
    await put('plugins/src/src.plugin.package.json', { id: 'src', name: 'Src', srcURL: 'http://[' });
    await put('plugins/icon/icon.plugin.package.json', { id: 'icon', name: 'Icon', srcURL: 'icon.plugin.js', menuItems: { toolbar: [{ icon: 'http://[', label: 'Icon', action: 'act' }] } });
    await put('plugins/icon/icon.plugin.js', source('icon'));
    await put('plugins/state/state.plugin.package.json', { id: 'state', name: 'State', srcURL: 'state.plugin.js', menuItems: { toolbar: [{ icon: null, label: 'State', action: 'act' }] } });
    await put(
      'plugins/state/state.plugin.js',
      `var state$ = PEX.pluginAPI.createNewState({});
PEX.pluginAPI.registerPlugin({ id: 'state', load: function () { state$.next({ icon: 'http://[', label: 'From state' }); }, unload: function () {}, act: function () {}, state$: state$ });\n`,
    );
    const { host, diagnostics, errors } = await mount();
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ healthy: 'loaded', entry: 'failed', src: 'failed', icon: 'loaded', state: 'loaded' });
    // The plugins' files are read at once: their diagnostics come in any order.
    const byFile = (a: Brief, b: Brief) => a[1].localeCompare(b[1]);
    const expected: Brief[] = [
      ['error', 'settings.json', undefined, 'the package file http://[ of plugin "entry" is not read: "http://[" is not a URL', 'give a path inside the branding folder'],
      ['error', 'plugins/src/src.plugin.package.json', '/srcURL', 'the plugin source http://[ is not loaded: "http://[" is not a URL', 'give a path inside the branding folder'],
      ['warning', 'plugins/icon/icon.plugin.package.json', '/menuItems/toolbar/0/icon', 'the icon http://[ is not used: "http://[" is not a URL', 'give a path inside the branding folder'],
    ];
    expect(diagnostics.map(brief).sort(byFile)).to.deep.equal(expected.sort(byFile));
    // Its words are loaded on first use: the report comes once they are.
    await until(() => errors.some((e) => e.id === 'state'), "the state plugin's report");
    const stateError = errors.find((e) => e.id === 'state');
    expect(stateError?.phase).to.equal('state');
    expect(String((stateError?.error as Error | undefined)?.message)).to.include('"http://[" is not a URL');
    const toolbar = host.querySelector('pex-toolbar')!.shadowRoot!;
    await until(() => toolbar.querySelector('[data-key="state/toolbar/0"]')?.getAttribute('aria-label') === 'From state', 'the state label');
    expect([...toolbar.querySelectorAll('[part="button"]')].map((b) => [b.getAttribute('aria-label'), b.querySelector('use, img')?.outerHTML ?? null])).to.deep.equal([
      ['Healthy', null],
      ['Icon', null],
      ['From state', null],
    ]);
    await expectHealthyWorks(host);
  });
});

describe('hostile values: prototype keys', () => {
  it('"__proto__" and "constructor" in every file pollute nothing: unknown fields, warned of, and the plugin loads', async () => {
    const proto = (where: string) => `"__proto__": {"polluted": "${where}"}`;
    await brandingWithSettings(
      `{${proto('settings')}, "plugins": [${JSON.stringify(healthyEntry)}, {"id": "proto", "srcURL": "plugins/proto/proto.plugin.package.json", "enabled": true, ${proto('entry')}}]}`,
    );
    await put('manifest.json', `{"brandingID": "1", "isSettingsBranded": true, ${proto('manifest')}}`);
    await put(
      'plugins/proto/proto.plugin.package.json',
      `{"id": "proto", "name": "Proto", "srcURL": "proto.plugin.js", ${proto('package')}, "constructor": {"prototype": {"polluted": "constructor"}},
        "menuItems": {${proto('menuItems')}, "toolbar": [{"action": "act", "label": "Proto", ${proto('item')}}]}, "configuration": {${proto('configuration')}}}`,
    );
    await put('plugins/proto/proto.plugin.js', source('proto'));
    const { host, diagnostics } = await mount();
    expect(({} as { polluted?: unknown }).polluted, 'Object.prototype').to.equal(undefined);
    const unknown = (field: string) => `unknown field "${field}" is ignored`;
    const fix = 'remove it, or check its spelling against the plugin guide';
    const pkg = 'plugins/proto/proto.plugin.package.json';
    expect(diagnostics.map(brief)).to.deep.equal([
      ['warning', 'manifest.json', '/__proto__', unknown('__proto__'), fix],
      ['warning', 'settings.json', '/plugins/1/__proto__', unknown('__proto__'), fix],
      ['warning', pkg, '/__proto__', unknown('__proto__'), fix],
      ['warning', pkg, '/constructor', unknown('constructor'), fix],
      ['warning', pkg, '/menuItems/__proto__', unknown('__proto__'), fix],
      ['warning', pkg, '/menuItems/toolbar/0/__proto__', unknown('__proto__'), fix],
    ]);
    expect(host.plugins.map((p) => [p.id, p.status])).to.deep.equal([
      ['healthy', 'loaded'],
      ['proto', 'loaded'],
    ]);
    await expectHealthyWorks(host);
  });
});
