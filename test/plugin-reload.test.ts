import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { pluginScripts, toolbarNames } from './support/menu-helpers.js';

/**
 * `runtime.reloadPlugin(id)`: the playground's live reload. The branding lives in the test
 * server's scratch files (test/support/scratch-files.mjs), which are served cacheable for an
 * hour: a change that shows up proves the runtime fetched past the browser's cache.
 */
declare global {
  interface Window {
    reloadLog: string[];
  }
}

let folder = '';
let container: HTMLElement | undefined;

async function put(path: string, body: string | object): Promise<void> {
  const response = await fetch(`${folder}${path}`, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body, null, 2) });
  expect(response.status, `PUT ${path}`).to.equal(204);
}

const packageFile = (name: string, label: string) => ({
  id: name,
  name,
  version: '1',
  srcURL: `${name}.plugin.js`,
  menuItems: { toolbar: [{ icon: null, label, action: 'act' }] },
});

/** A plugin that logs its load and unload; `stateLabel` (when given) replaces its label through state$. */
const source = (name: string, stateLabel?: string) => `(function () {
  var state$ = PEX.pluginAPI.createNewState({});
  PEX.pluginAPI.registerPlugin({
    id: '${name}',
    load: function () {
      window.reloadLog.push('load ${name}');
      ${stateLabel ? `state$.next({ label: '${stateLabel}' });` : ''}
    },
    unload: function () { window.reloadLog.push('unload ${name}'); },
    act: function () {},
    state$: state$
  });
})();
`;

async function until(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the toolbar shows: ${toolbarNames().join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function mount(): Promise<PexPluginHost> {
  container = document.createElement('div');
  document.body.append(container);
  const host = document.createElement('pex-plugin-host');
  host.setAttribute('branding-url', folder);
  host.innerHTML = '<pex-toolbar></pex-toolbar>';
  container.append(host);
  await host.updateComplete;
  await host.settled;
  return host;
}

describe('runtime.reloadPlugin', () => {
  beforeEach(async () => {
    window.reloadLog = [];
    folder = `/_scratch/reload-${Math.random().toString(36).slice(2)}/`;
    await put('manifest.json', { brandingID: '7', isSettingsBranded: true });
    await put('settings.json', {
      plugins: [
        { id: 'alpha', srcURL: 'plugins/alpha/alpha.plugin.package.json', enabled: true },
        { id: 'beta', srcURL: 'plugins/beta/beta.plugin.package.json', enabled: true },
      ],
    });
    for (const name of ['alpha', 'beta']) {
      await put(`plugins/${name}/${name}.plugin.package.json`, packageFile(name, `${name} one`));
      await put(`plugins/${name}/${name}.plugin.js`, source(name));
    }
  });

  afterEach(() => container?.remove());

  it('takes a changed package file and a changed source, and leaves the other plugins alone', async () => {
    const host = await mount();
    await until(() => toolbarNames().join() === 'alpha one,beta one', 'both plugins');
    expect(pluginScripts()).to.have.length(2);

    await put('plugins/alpha/alpha.plugin.package.json', packageFile('alpha', 'alpha two'));
    expect(await host.runtime.reloadPlugin('alpha')).to.equal(true);
    await until(() => toolbarNames().join() === 'alpha two,beta one', 'the package file’s new label');
    // The first two loads come in whichever order the sources arrive.
    expect(window.reloadLog.slice(0, 2).sort()).to.deep.equal(['load alpha', 'load beta']);
    expect(window.reloadLog.slice(2)).to.deep.equal(['unload alpha', 'load alpha']);
    expect(pluginScripts()).to.have.length(2);

    await put('plugins/alpha/alpha.plugin.js', source('alpha', 'alpha three'));
    expect(await host.runtime.reloadPlugin('alpha')).to.equal(true);
    await until(() => toolbarNames().join() === 'alpha three,beta one', 'the source’s new label');
    expect(window.reloadLog.slice(4)).to.deep.equal(['unload alpha', 'load alpha']);
    expect(pluginScripts()).to.have.length(2);
    // Each reload ran the source from a URL of its own; beta's script is the one it started with.
    const urls = pluginScripts().map((s) => s.src.replace(location.origin, ''));
    expect(urls).to.deep.equal([
      `${folder}plugins/beta/beta.plugin.js?pexBrandingID=7`,
      `${folder}plugins/alpha/alpha.plugin.js?pexBrandingID=7&pexReload=2`,
    ]);
    expect(host.plugins.map((p) => `${p.id} ${p.status}`)).to.deep.equal(['alpha loaded', 'beta loaded']);
  });

  it('reports a broken reloaded package and loads the fixed one on the next reload', async () => {
    const host = await mount();
    await until(() => toolbarNames().join() === 'alpha one,beta one', 'both plugins');
    const diagnostics: string[] = [];
    host.addEventListener('pex-diagnostic', (e) => diagnostics.push(e.detail.diagnostic.message));

    await put('plugins/alpha/alpha.plugin.package.json', '{ "id": "alpha", }');
    expect(await host.runtime.reloadPlugin('alpha')).to.equal(false);
    expect(host.plugins.map((p) => `${p.id} ${p.status}`)).to.deep.equal(['alpha failed', 'beta loaded']);
    expect(diagnostics).to.have.length(1);
    expect(toolbarNames()).to.deep.equal(['beta one']);
    expect(pluginScripts()).to.have.length(1);

    await put('plugins/alpha/alpha.plugin.package.json', packageFile('alpha', 'alpha fixed'));
    expect(await host.runtime.reloadPlugin('alpha')).to.equal(true);
    await until(() => toolbarNames().join() === 'alpha fixed,beta one', 'the fixed plugin');
    expect(pluginScripts()).to.have.length(2);
  });

  it('answers false for an id settings.json does not name', async () => {
    const host = await mount();
    expect(await host.runtime.reloadPlugin('gamma')).to.equal(false);
    expect(host.plugins.map((p) => `${p.id} ${p.status}`)).to.deep.equal(['alpha loaded', 'beta loaded']);
  });
});
