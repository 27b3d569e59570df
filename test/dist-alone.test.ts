/**
 * The built drop-in served alone, as a page that copied `pex-plugin-host.js` and none of the
 * files beside it (test/support/drop-in-alone.mjs answers 404 for every chunk). Start-up needs no
 * chunk, so plugins still load; every rare path that would fetch one still reports its problem
 * where it belongs, names the file or the plugin, and says what to serve. Nothing waits for good.
 */
import { expect } from '@open-wc/testing';
import type { Diagnostic } from '../src/config/diagnostics.js';
import type { PluginInfo } from '../src/runtime/plugin-runtime.js';
import { until } from './support/menu-helpers.js';

interface AloneHost extends HTMLElement {
  settled: Promise<void>;
  plugins: readonly PluginInfo[];
  updateComplete: Promise<unknown>;
}

interface DropIn {
  connectInfinity(options: { node: string; alias: string; displayName: string }): Promise<unknown>;
}

const SERVE_ALL = "Fix: serve all of the package's files, not only pex-plugin-host.js.";
const folder = `/_scratch/dist-alone-${Math.random().toString(36).slice(2)}/`;
/** The chunks asked for since this file began (the server keeps its list for its life). */
let askedBefore = 0;
const chunksAsked = async () =>
  ((await (await fetch('/_dist-alone/asked')).json()) as string[]).slice(askedBefore).filter((name) => !name.startsWith('pex-plugin-host.js'));

async function put(path: string, body: string | object): Promise<void> {
  const response = await fetch(`${folder}${path}`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body, null, 2) });
  expect(response.status, `PUT ${path}`).to.equal(204);
}

const packageFile = (id: string, extra: object = {}) => ({ id, name: id, version: '1', srcURL: `${id}.plugin.js`, ...extra });
const registers = (id: string, load: string) => `PEX.pluginAPI.registerPlugin({ id: '${id}', load: function () { ${load} }, unload: function () {} });`;

describe('dist/pex-plugin-host.js served without its chunks', () => {
  let dropIn: DropIn;
  let host: AloneHost;
  const diagnostics: Diagnostic[] = [];
  const consoleErrors: string[] = [];
  const originalError = console.error;

  before(async () => {
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args.map(String).join(' '));
    };
    askedBefore = ((await (await fetch('/_dist-alone/asked')).json()) as string[]).length;
    dropIn = (await import(/* @vite-ignore */ new URL('/dist-alone/pex-plugin-host.js', location.href).href)) as DropIn;
    await put('manifest.json', { brandingID: '7', isSettingsBranded: true });
    const ids = ['fine', 'never-registers', 'never-loads', 'misuses', 'no-srcurl', 'odd-field', 'not-json', 'no-package', 'script-icon'];
    await put('settings.json', { plugins: ids.map((id) => ({ id, srcURL: `plugins/${id}/${id}.plugin.package.json`, enabled: true })) });
    const plugin = async (id: string, pkg: string | object, source: string) => {
      await put(`plugins/${id}/${id}.plugin.package.json`, pkg);
      await put(`plugins/${id}/${id}.plugin.js`, source);
    };
    await plugin('fine', packageFile('fine'), registers('fine', ''));
    await plugin('never-registers', packageFile('never-registers'), '/* forgets registerPlugin */');
    await plugin('never-loads', packageFile('never-loads'), registers('never-loads', 'return new Promise(function () {});'));
    await plugin(
      'misuses',
      packageFile('misuses'),
      registers('misuses', "PEX.pluginAPI.openTemplateDialog(5).catch(function (error) { window.misuseRejection = error.message; });"),
    );
    await plugin('no-srcurl', { id: 'no-srcurl', name: 'no-srcurl', version: '1' }, registers('no-srcurl', ''));
    await plugin('odd-field', packageFile('odd-field', { colour: 'red' }), registers('odd-field', ''));
    await plugin('not-json', '{ "id": "not-json", }', registers('not-json', ''));
    const scriptIcon = { menuItems: { toolbar: [{ icon: 'javascript:alert(1)', label: 'Script icon', action: 'act' }] } };
    await plugin('script-icon', packageFile('script-icon', scriptIcon), registers('script-icon', '').replace('unload:', 'act: function () {}, unload:'));

    host = document.createElement('pex-plugin-host') as AloneHost;
    host.addEventListener('pex-diagnostic', (event) => diagnostics.push((event as CustomEvent<{ diagnostic: Diagnostic }>).detail.diagnostic));
    host.setAttribute('branding-url', folder);
    host.setAttribute('register-timeout', '300');
    host.setAttribute('load-timeout', '300');
    host.innerHTML = '<pex-toolbar></pex-toolbar>';
    document.body.append(host);
    await host.updateComplete;
    await host.settled;
  });

  after(() => {
    console.error = originalError;
    host.remove();
  });

  const plugin = (id: string) => host.plugins.find((info) => info.id === id);
  const fileOf = (id: string) => new URL(`${folder}plugins/${id}/${id}.plugin.package.json`, location.href).href;

  it('loads the plugins that need no chunk, and settles', () => {
    expect(host.plugins.map((info) => [info.id, info.status])).to.deep.equal([
      ['fine', 'loaded'],
      ['never-registers', 'failed'],
      ['never-loads', 'failed'],
      ['misuses', 'loaded'],
      ['no-srcurl', 'failed'],
      ['odd-field', 'loaded'],
      ['not-json', 'failed'],
      ['no-package', 'failed'],
      ['script-icon', 'loaded'],
    ]);
  });

  it('fails a plugin on its timeouts, naming the problem and its facts, when the words for problems did not come', () => {
    const source = new URL(`${folder}plugins/never-registers/never-registers.plugin.js?pexBrandingID=7`, location.href).href;
    expect(plugin('never-registers')?.error).to.deep.equal({
      phase: 'register',
      message: `runtimeProblems.registrationTimeout(${JSON.stringify(source)}, 300, "never-registers") (the words for this problem did not load). ${SERVE_ALL}`,
    });
    expect(plugin('never-loads')?.error).to.deep.equal({
      phase: 'load',
      message: `pluginProblems.loadTimeout(300) (the words for this problem did not load). ${SERVE_ALL}`,
    });
  });

  it('reports a misuse of the API to the plugin and to the settings page', async () => {
    await until(() => (window as { misuseRejection?: string }).misuseRejection !== undefined, 'the rejection');
    const words = `pluginProblems.misuse("misuses", "openTemplateDialog", "options", 5) (the words for this problem did not load). ${SERVE_ALL}`;
    expect((window as { misuseRejection?: string }).misuseRejection).to.equal(words);
    expect(plugin('misuses')?.problem).to.deep.equal({ phase: 'load', message: words });
  });

  it("checks package files against the schema without the schema errors' words, with the severity those words give", () => {
    const reason = 'the words for schema errors did not load (Failed to fetch dynamically imported module: ';
    const missing = diagnostics.find((d) => d.file === fileOf('no-srcurl'));
    expect(missing).to.deep.include({ severity: 'error', pluginId: 'no-srcurl', pointer: '', fix: "serve all of the package's files, not only pex-plugin-host.js" });
    expect(missing?.message).to.match(/^does not match its schema here: required \{"missingProperty":"srcURL"\} \(/);
    expect(missing?.message).to.contain(reason);
    const odd = diagnostics.find((d) => d.file === fileOf('odd-field'));
    expect(odd).to.deep.include({ severity: 'warning', pluginId: 'odd-field', pointer: '' });
    expect(odd?.message).to.match(/^does not match its schema here: additionalProperties \{"additionalProperty":"colour"\} \(/);
  });

  it('keeps to the diagnostic shape: a missing file and a refused icon, named by their problem and its facts', () => {
    for (const d of diagnostics) expect([typeof d.message, typeof d.fix], d.message).to.deep.equal(['string', 'string']);
    const missing = diagnostics.find((d) => d.file === fileOf('no-package'));
    expect(missing?.severity).to.equal('error');
    const settingsUrl = new URL(`${folder}settings.json`, location.href).href;
    const facts = ['the package file of plugin "no-package"', 'HTTP 404 Not Found', `${fileOf('no-package')}?pexBrandingID=7`];
    const entry = { id: 'no-package', srcURL: 'plugins/no-package/no-package.plugin.package.json', settingsUrl };
    expect(missing?.message).to.equal(`brandingProblems.notLoaded(${[...facts, entry].map((fact) => JSON.stringify(fact)).join(', ')}) (the words for this problem did not load)`);
    expect(missing?.fix).to.equal("serve all of the package's files, not only pex-plugin-host.js");
    const icon = diagnostics.find((d) => d.pointer === '/menuItems/toolbar/0/icon');
    expect(icon).to.deep.include({ severity: 'error', file: fileOf('script-icon'), fix: "serve all of the package's files, not only pex-plugin-host.js" });
    expect(icon?.message).to.equal(
      `brandingProblems.iconNotUsed("javascript:alert(1)", "refusalText(\\"javascript:alert(1)\\", \\"scheme\\") (the words for this problem did not load)") (the words for this problem did not load). ${SERVE_ALL}`,
    );
  });

  it("says where a file is not JSON in the browser's words without the explainer", () => {
    const broken = diagnostics.find((d) => d.file === fileOf('not-json'));
    expect(broken?.severity).to.equal('error');
    expect(broken?.message).to.match(/^the file is not valid JSON: .+ \(the explanation of broken JSON did not load \(Failed to fetch dynamically imported module: .+json-problem-[\w-]+\.js\)\)$/);
    expect(broken?.fix).to.equal("check for a missing comma, quote or bracket; and serve all of the package's files, not only pex-plugin-host.js");
  });

  it('says once on the console which words did not load', async () => {
    const said = consoleErrors.filter((line) => line.includes('the words for problems did not load'));
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/^\[pex-plugin-host\] the words for problems did not load \(Failed to fetch dynamically imported module: .+problem-texts-[\w-]+\.js\): serve all of the package's files, not only pex-plugin-host\.js\.$/);
    const asked = await chunksAsked();
    // Asked at each of the three problems; Chromium 156 keeps a failed import in its module map
    // and fetches once (browsers that follow whatwg/html#10327, which does not keep failures, fetch three times).
    expect(asked.filter((name) => name.startsWith('problem-texts-')).length, asked.join(', ')).to.be.oneOf([1, 3]);
  });

  it('rejects connectInfinity saying that its code did not load, at each call', async () => {
    const attempt = () => dropIn.connectInfinity({ node: location.origin, alias: 'meet', displayName: 'Alone' }).then(
      () => 'connected',
      (error: Error) => error.message,
    );
    const infinityAsked = async () => (await chunksAsked()).filter((name) => name.startsWith('infinity-')).length;
    expect(await infinityAsked()).to.equal(0);
    const first = await attempt();
    expect(await infinityAsked()).to.equal(1);
    expect(first).to.match(/^connectInfinity: the Infinity connection's code did not load \(Failed to fetch dynamically imported module: .+infinity-[\w-]+\.js\): serve all of the package's files, not only pex-plugin-host\.js$/);
    expect(await attempt()).to.equal(first);
    // Asked again: fetched again where failed imports are not kept (whatwg/html#10327), answered from the module map by Chromium 156.
    expect(await infinityAsked()).to.be.oneOf([1, 2]);
  });
});
