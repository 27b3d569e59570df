import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { loadPluginPackage, type BrandingResult } from '../src/config/branding.js';
import type { Diagnostic } from '../src/config/diagnostics.js';
import type { StateProblem } from '../src/config/problem-texts.js';
import { MAX_LABEL_LENGTH, readPluginState } from '../src/runtime/menu-items.js';
import type { PluginErrorDetail } from '../src/runtime/plugin-error.js';
import { pluginScripts, until } from './support/menu-helpers.js';

/**
 * Hostile and malformed values from a branding and from a plugin's state$: each is refused or
 * cut with a report that names the plugin, the field and the fix, and nothing of it is fetched.
 * The brandings live in the test server's scratch files, so a test can name origins it computes.
 */

let folder = '';
let container: HTMLElement | undefined;
/** The test server under another name: a different origin that serves the same files. */
const otherOrigin = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

async function put(path: string, body: string | object): Promise<void> {
  const response = await fetch(`${folder}${path}`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body, null, 2) });
  expect(response.status, `PUT ${path}`).to.equal(204);
}

const packageFile = (id: string, menuItems: unknown[], srcURL = `${id}.plugin.js`) => ({
  id,
  name: id,
  version: '1',
  srcURL,
  menuItems: { toolbar: menuItems },
});

const source = (id: string, stateIcon?: string) => `(function () {
  var state$ = PEX.pluginAPI.createNewState({});
  PEX.pluginAPI.registerPlugin({
    id: '${id}',
    load: function () { ${stateIcon ? `state$.next({ icon: '${stateIcon}', label: 'From state' });` : ''} },
    unload: function () {},
    act: function () {},
    state$: state$
  });
})();
`;

/** A scratch branding with these plugins (each `{id, pkg, js}`), all enabled, in `folder`. */
async function branding(plugins: Array<{ id: string; pkg: string | object; js?: string }>): Promise<void> {
  await put('manifest.json', { brandingID: '9', isSettingsBranded: true });
  await put('settings.json', { plugins: plugins.map(({ id }) => ({ id, srcURL: `plugins/${id}/${id}.plugin.package.json`, enabled: true })) });
  for (const { id, pkg, js } of plugins) {
    await put(`plugins/${id}/${id}.plugin.package.json`, pkg);
    await put(`plugins/${id}/${id}.plugin.js`, js ?? source(id));
  }
}

async function mount(attributes: Record<string, string> = {}): Promise<{ host: PexPluginHost; diagnostics: Diagnostic[]; errors: PluginErrorDetail[] }> {
  container = document.createElement('div');
  document.body.append(container);
  const host = document.createElement('pex-plugin-host');
  const diagnostics: Diagnostic[] = [];
  const errors: PluginErrorDetail[] = [];
  host.addEventListener('pex-diagnostic', (e) => diagnostics.push(e.detail.diagnostic));
  host.addEventListener('pex-plugin-error', (e) => errors.push(e.detail));
  host.setAttribute('branding-url', folder);
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  host.innerHTML = '<pex-toolbar></pex-toolbar>';
  container.append(host);
  await host.updateComplete;
  await host.settled;
  return { host, diagnostics, errors };
}

beforeEach(() => {
  folder = `/_scratch/malformed-${Math.random().toString(36).slice(2)}/`;
});

afterEach(async () => {
  container?.remove();
  container = undefined;
  await new Promise((resolve) => setTimeout(resolve, 0));
});

function toolbar(): Array<{ label: string | null; icon: string | null }> {
  const root = document.querySelector('pex-toolbar')!.shadowRoot!;
  return [...root.querySelectorAll('[part="button"]')].map((button) => {
    const icon = button.querySelector('use, img');
    return { label: button.getAttribute('aria-label'), icon: icon?.getAttribute('href') ?? icon?.getAttribute('src') ?? null };
  });
}

const requestsTo = (text: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(text)).map((entry) => entry.name);

describe('hostile package values', () => {
  it('drops javascript:, data: and other-origin icons with a diagnostic naming the file, the item and the fix; the labels stay', async () => {
    await branding([
      {
        id: 'icons',
        pkg: packageFile('icons', [
          { icon: 'javascript:alert(1)', label: 'Script icon', action: 'act' },
          { icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', label: 'Data icon', action: 'act' },
          { icon: 'https://icons.example.invalid/track.svg#track', label: 'Foreign icon', action: 'act' },
          { icon: 'good.svg#good', label: 'Own icon', action: 'act' },
        ]),
      },
    ]);
    await put('plugins/icons/good.svg', '<svg xmlns="http://www.w3.org/2000/svg" id="good" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8"/></svg>');
    const { host, diagnostics } = await mount();
    expect(host.plugins.find((p) => p.id === 'icons')?.status).to.equal('loaded');
    await until(() => toolbar().length === 4, 'the four items');
    expect(toolbar()).to.deep.equal([
      { label: 'Script icon', icon: null },
      { label: 'Data icon', icon: null },
      { label: 'Foreign icon', icon: null },
      { label: 'Own icon', icon: new URL(`${folder}plugins/icons/good.svg?pexBrandingID=9#good`, location.href).href },
    ]);
    const file = new URL(`${folder}plugins/icons/icons.plugin.package.json`, location.href).href;
    const iconDiagnostics = diagnostics.filter((d) => d.pointer?.endsWith('/icon'));
    expect(iconDiagnostics.map((d) => [d.severity, d.file, d.pointer, d.pluginId])).to.deep.equal([
      ['error', file, '/menuItems/toolbar/0/icon', 'icons'],
      ['warning', file, '/menuItems/toolbar/1/icon', 'icons'],
      ['warning', file, '/menuItems/toolbar/2/icon', 'icons'],
    ]);
    expect(iconDiagnostics[0]!.message).to.equal('the icon javascript:alert(1) is not used: it is a javascript: URL, which the host never loads');
    expect(iconDiagnostics[1]!.message).to.match(/^the icon data:image\/svg\+xml,.* is not used: it is a data: URL, which the host never loads$/);
    expect(iconDiagnostics[0]!.fix).to.equal('use a file of the plugin, e.g. "icon.svg#icon"');
    expect(iconDiagnostics[2]!.message).to.equal(
      "the icon https://icons.example.invalid/track.svg#track is not used: it is on https://icons.example.invalid, which is neither this page's origin nor the branding folder's",
    );
    expect(iconDiagnostics[2]!.fix).to.equal(
      'put the file in the branding folder, or name the origin on the host if it is trusted: <pex-plugin-host allowed-origins="https://icons.example.invalid">',
    );
    expect(requestsTo('icons.example.invalid')).to.deep.equal([]);
  });

  it('refuses a source on another origin, and loads it with its icons once allowed-origins names that origin', async () => {
    const remoteSource = `${otherOrigin}${folder.replace(/\/$/, '')}-remote/remote.plugin.js`;
    const remoteIcon = `${otherOrigin}/test/fixtures/runtime/good/plugins/toolbar/start.svg#start`;
    await branding([
      { id: 'remote', pkg: packageFile('remote', [{ icon: remoteIcon, label: 'Remote', action: 'act' }], remoteSource) },
      { id: 'local', pkg: packageFile('local', [{ icon: null, label: 'Local', action: 'act' }]) },
    ]);
    await fetch(remoteSource.replace(otherOrigin, ''), { method: 'PUT', body: source('remote', remoteIcon) });

    const refused = await mount();
    expect(Object.fromEntries(refused.host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ remote: 'failed', local: 'loaded' });
    const diagnostic = refused.diagnostics.find((d) => d.pointer === '/srcURL')!;
    expect(diagnostic).to.deep.include({ severity: 'error', pluginId: 'remote' });
    expect(diagnostic.message).to.equal(`the plugin source ${remoteSource} is not loaded: it is on ${otherOrigin}, which is neither this page's origin nor the branding folder's`);
    expect(diagnostic.fix).to.include(`<pex-plugin-host allowed-origins="${otherOrigin}">`);
    expect(refused.errors.map((e) => [e.id, e.phase])).to.deep.equal([['remote', 'config']]);
    expect(pluginScripts().map((s) => s.src).filter((src) => src.startsWith(otherOrigin)), 'the source was not inserted').to.deep.equal([]);
    container!.remove();

    const { host, errors } = await mount({ 'allowed-origins': `https://cdn.example.invalid ${otherOrigin}` });
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ remote: 'loaded', local: 'loaded' });
    expect(errors).to.deep.equal([]);
    // Its state$ gave the same icon: allowed too.
    await until(() => toolbar().some((item) => item.label === 'From state'), 'the state of the remote plugin');
    expect(toolbar()).to.deep.equal([
      { label: 'From state', icon: remoteIcon },
      { label: 'Local', icon: null },
    ]);
  });

  it('refuses a 3 MB package file with a diagnostic naming the file, its size, the limit and the fix; the other plugin loads', async () => {
    const big = { ...packageFile('big', [{ icon: null, label: 'Big', action: 'act' }]), configuration: { blob: 'x'.repeat(3 * 1024 * 1024) } };
    await branding([
      { id: 'big', pkg: big },
      { id: 'local', pkg: packageFile('local', [{ icon: null, label: 'Local', action: 'act' }]) },
    ]);
    const { host, diagnostics, errors } = await mount();
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ big: 'failed', local: 'loaded' });
    const file = new URL(`${folder}plugins/big/big.plugin.package.json`, location.href).href;
    const tooBig = diagnostics.find((d) => d.pluginId === 'big')!;
    expect(tooBig).to.deep.include({ severity: 'error', file });
    expect(tooBig.message).to.equal('the package file of plugin "big" is 3,072 KB, over the 512 KB a branding file may be, so it is not used');
    expect(tooBig.fix).to.match(/put large data in a file of its own that the plugin fetches/);
    expect(errors.map((e) => [e.id, e.phase])).to.deep.equal([['big', 'config']]);
  });

  it('stops reading a file that says no size once it passes the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const brandingResult: BrandingResult = {
      brandingUrl: new URL('/nowhere/', location.href).href,
      manifest: {},
      brandingID: null,
      settingsBranded: true,
      entries: [],
      webapp3Entries: [],
      diagnostics: [],
    };
    const { pkg, diagnostics } = await loadPluginPackage({ id: 'endless', srcURL: 'endless.json', enabled: true }, brandingResult, {
      fetch: async () => new Response(endless),
    });
    expect(pkg).to.equal(null);
    expect(diagnostics.map((d) => d.message)).to.deep.equal([
      'the package file of plugin "endless" is more than the 512 KB a branding file may be, so it is not used',
    ]);
    expect(pulled, 'read no further than the limit').to.be.below(1024 * 1024);
  });
});

describe('malformed state values', () => {
  const resolve = (icon: string) => `https://branding.test/${icon}`;

  it('complains of a state that is not an object, a label or an icon of the wrong type, and a label too long to show', async () => {
    const { pluginProblems } = await import('../src/config/problem-texts.js');
    const complaints: string[] = [];
    const complain = (problem: StateProblem) => complaints.push(`${problem.kind}: ${pluginProblems.state('p', problem)}`);
    expect(readPluginState(42, resolve, complain)).to.deep.equal({ item: {}, participants: {} });
    expect(readPluginState(['a'], resolve, complain)).to.deep.equal({ item: {}, participants: {} });
    expect(readPluginState({ label: { text: 'x' }, icon: 7 }, resolve, complain)).to.deep.equal({ item: {}, participants: {} });
    const long = readPluginState({ p1: { label: 'y'.repeat(MAX_LABEL_LENGTH + 1) } }, resolve, complain);
    expect(long.participants.p1!.label).to.have.length(MAX_LABEL_LENGTH);
    expect(long.participants.p1!.label!.endsWith('…')).to.equal(true);
    expect(complaints).to.deep.equal([
      'shape: Plugin "p": its state$ emitted a number, not a state. Fix: emit {icon, label} or {[uuid]: {icon, label}}.',
      'shape: Plugin "p": its state$ emitted an array, not a state. Fix: emit {icon, label} or {[uuid]: {icon, label}}.',
      'icon type: Plugin "p": its state$ gave an icon that is a number. Fix: give a file name such as "icon.svg#icon", or null.',
      'label type: Plugin "p": its state$ gave a label that is an object. Fix: give text, or null.',
      'label length: Plugin "p": its state$ gave a label of 201 characters, cut to 200. Fix: keep labels to a few words.',
    ]);
  });

  it('takes null, undefined, {} and a label of exactly the limit without a word', () => {
    const complaints: string[] = [];
    const complain = (problem: StateProblem) => complaints.push(problem.kind);
    readPluginState(null, resolve, complain);
    readPluginState(undefined, resolve, complain);
    readPluginState({}, resolve, complain);
    const exact = readPluginState({ label: 'z'.repeat(MAX_LABEL_LENGTH), icon: null }, resolve, complain);
    expect(exact.item.label).to.have.length(MAX_LABEL_LENGTH);
    expect(readPluginState({ label: 3, icon: 'a.svg#a' }, resolve, complain).item).to.deep.equal({ label: '3', icon: 'https://branding.test/a.svg#a' });
    expect(complaints).to.deep.equal([]);
  });
});
