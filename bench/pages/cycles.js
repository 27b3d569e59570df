/* global window, document, gc */
/**
 * In-page side of bench/cycles.mjs: window.benchApi, driven through puppeteer.
 */
import { liveSubscriptionCount } from '/dist/pex-plugin-host.js';

const host = document.querySelector('pex-plugin-host');
/** The streams the host hands out (src/runtime/live-subscriptions.ts), each counted where it is handed out. */
const STREAMS = ['participants$', 'conferenceDetails$', 'actions$', 'state$', 'close$', 'viewInit$', 'menuItems$', 'plugins$', 'loading$'];
const toolbar = document.querySelector('pex-toolbar');
const PLUGIN = 'cycle-plugin';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function flush() {
  await tick();
  await toolbar.updateComplete;
}

function counts() {
  const listeners = window.benchListeners.count();
  return {
    subscriptions: liveSubscriptionCount(),
    subscriptionsByStream: Object.fromEntries(STREAMS.map((stream) => [stream, liveSubscriptionCount(stream)])),
    sandboxSubscriptions: host.runtime.subscriptionCount,
    listeners: listeners.total,
    scripts: document.querySelectorAll('script[data-pex-plugin]').length,
    dialogs: document.querySelectorAll('pex-template-dialog').length,
    toolbarButtons: toolbar.shadowRoot.querySelectorAll('[part="button"]').length,
    listenersByType: listeners.byType,
  };
}

/** performance.memory after forced collections (Chromium runs with --expose-gc and precise memory info). */
async function heap() {
  gc();
  await tick();
  // Drop the listener counter's entries for collected targets, so they are not measured.
  window.benchListeners.count();
  for (let i = 0; i < 2; i++) {
    gc();
    await tick();
  }
  return window.performance.memory.usedJSHeapSize;
}

window.benchApi = {
  async ready() {
    await host.updateComplete;
    await host.settled;
    await flush();
    return {
      status: host.plugins.map((p) => `${p.id}: ${p.status}`),
      hasGc: typeof gc === 'function',
      hasCounter: typeof liveSubscriptionCount === 'function',
      counts: counts(),
    };
  },

  /** Like the unload test: the plugin starts unloaded, so the start counts are those of an empty host. */
  async start() {
    host.participants = [
      { uuid: 'a', name: 'A', role: 'chair', vad: 0 },
      { uuid: 'b', name: 'B', role: 'guest', vad: 0 },
    ];
    host.runtime.unloadPlugin(PLUGIN);
    await flush();
    return { counts: counts(), heap: await heap() };
  },

  /**
   * `n` cycles: load, wait for the toolbar button, click it (the plugin opens a dialog),
   * dispatch an action its actions$ subscription hears, unload (with the dialog still open).
   */
  async cycles(n, checkpoints) {
    const marks = [];
    let ms = 0;
    for (let i = 1; i <= n; i++) {
      const started = window.performance.now();
      if (!(await host.runtime.loadPlugin(PLUGIN))) throw new Error(`cycle ${i}: the plugin did not load`);
      await flush();
      const button = toolbar.shadowRoot.querySelector('[part="button"]');
      if (!button) throw new Error(`cycle ${i}: no toolbar button`);
      button.click();
      await tick();
      if (document.querySelectorAll('pex-template-dialog').length !== 1) throw new Error(`cycle ${i}: the dialog did not open`);
      host.dispatchAction({ type: '[Bench] Ping', payload: i });
      // The counts with the plugin loaded and its dialog open, once: they show each count can move.
      if (i === 1 && !window.benchLoadedCounts) window.benchLoadedCounts = counts();
      host.runtime.unloadPlugin(PLUGIN);
      ms += window.performance.now() - started;
      if (checkpoints.includes(i)) {
        await flush();
        marks.push({ cycle: i, counts: counts(), heap: await heap() });
      }
    }
    await flush();
    return { ms, marks, end: counts(), whileLoaded: window.benchLoadedCounts, log: { ...window.benchCycles } };
  },
};

window.benchReady = true;
