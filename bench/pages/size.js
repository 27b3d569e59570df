/* global window, document */
/**
 * In-page side of bench/size.mjs: the scenarios that may load the drop-in's lazy chunks, one at
 * a time, each returning the time it started (resource timing then says what it fetched).
 */
import * as dropIn from '/dist/pex-plugin-host.js';

const host = document.querySelector('pex-plugin-host');
const toolbar = document.querySelector('pex-toolbar');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (test, what) => {
  const deadline = performance.now() + 10000;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
};

window.benchApi = {
  /** The start: the first toolbar item rendered, the host settled, then a quiet second. */
  async start() {
    const firstItem = await window.benchFirstItem;
    await host.settled;
    const settled = performance.now();
    await sleep(1000);
    return { firstItem, settled, loaded: host.plugins.filter((p) => p.status === 'loaded').length };
  },

  /** The plugin's toolbar item opens a template dialog. */
  async templateDialog() {
    const t = performance.now();
    toolbar.shadowRoot.querySelector('[part="button"]').click();
    await until(() => document.querySelector('pex-template-dialog')?.shadowRoot, 'the template dialog');
    await document.querySelector('pex-template-dialog').updateComplete;
    await sleep(500);
    return { t };
  },

  /** The plugin's second toolbar item calls sendRequest; the page answers the command. */
  async command() {
    const t = performance.now();
    const answer = (event) => event.detail.resolve({ status: 'success', result: true });
    host.addEventListener('pex-command', answer);
    let answered = false;
    host.addEventListener('pex-command', () => (answered = true), { once: true });
    toolbar.shadowRoot.querySelectorAll('[part="button"]')[1].click();
    await until(() => answered, 'the command');
    host.removeEventListener('pex-command', answer);
    await sleep(500);
    return { t };
  },

  /** The settings page appears. */
  async settings() {
    const t = performance.now();
    const settings = document.createElement('pex-plugin-settings');
    host.append(settings);
    await settings.updateComplete;
    await sleep(500);
    return { t };
  },

  /** A branding whose one plugin throws in load: the host reports it in words. */
  async pluginThrows() {
    const t = performance.now();
    host.setAttribute('branding-url', '/branding/size-throws/');
    await sleep(50);
    await host.settled.catch(() => {});
    await sleep(800);
    return { t, status: host.plugins.map((p) => p.status) };
  },

  /** A branding folder whose settings.json is not JSON: diagnostics with the explainer, shown by the settings page. */
  async brokenBranding() {
    const t = performance.now();
    host.setAttribute('branding-url', '/branding/size-broken/');
    await sleep(50);
    await host.settled.catch(() => {});
    await sleep(800);
    return { t, diagnostics: host.runtime.diagnostics.length };
  },

  /** connectInfinity against the simulator. */
  async connect() {
    const t = performance.now();
    const connection = await dropIn.connectInfinity({ node: '', alias: 'meet', displayName: 'Size' });
    await sleep(300);
    await connection.leave();
    return { t };
  },

  /** The JS the page fetched: URL, start and end (ms since navigation start). */
  scripts() {
    return performance
      .getEntriesByType('resource')
      .concat(performance.getEntriesByType('navigation'))
      .filter((e) => /\.m?js(\?|$)/.test(e.name))
      .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd }));
  },
};

window.benchReady = true;
