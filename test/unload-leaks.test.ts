import { expect } from '@open-wc/testing';
import { liveSubscriptionCount } from '../src/runtime/live-subscriptions.js';
import { flush, mountHost, participant } from './support/host-fixture.js';

/**
 * Load/unload cycles leave nothing behind: counted, not assumed. Subscriptions are counted
 * at the streams the host hands out (liveSubscriptionCount), not in the plugins' sandboxes,
 * which unload throws away: one that unload forgot stays counted. Event listeners are
 * counted by watching add/removeEventListener on every target that is still in the page
 * (a removed element's listeners go with it).
 */
interface Registration {
  target: EventTarget;
  type: string;
  listener: unknown;
  capture: boolean;
}

const registrations = new Set<Registration>();
const originalAdd = EventTarget.prototype.addEventListener;
const originalRemove = EventTarget.prototype.removeEventListener;

function captureOf(options: boolean | EventListenerOptions | undefined): boolean {
  return typeof options === 'boolean' ? options : !!options?.capture;
}

before(() => {
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const once = typeof options === 'object' && options?.once;
    if (listener && !once) registrations.add({ target: this, type, listener, capture: captureOf(options) });
    return originalAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    for (const r of registrations) {
      if (r.target === this && r.type === type && r.listener === listener && r.capture === captureOf(options)) registrations.delete(r);
    }
    return originalRemove.call(this, type, listener, options);
  };
});

after(() => {
  EventTarget.prototype.addEventListener = originalAdd;
  EventTarget.prototype.removeEventListener = originalRemove;
});

function liveListeners(): number {
  let count = 0;
  for (const r of registrations) {
    const t = r.target;
    if (t === window || t === document || (t instanceof Node && t.isConnected)) count++;
  }
  return count;
}

/** What the plugins hold: the streams `load` gets, actions$, their state$ and their dialogs'. */
const PLUGIN_STREAMS = ['participants$', 'conferenceDetails$', 'actions$', 'state$', 'close$', 'viewInit$'] as const;

function counts() {
  return {
    subscriptions: liveSubscriptionCount(...PLUGIN_STREAMS),
    // The menus' (menuItems$, loading$) and the settings page's (plugins$): unchanged by plugins coming and going.
    menuSubscriptions: liveSubscriptionCount('menuItems$', 'plugins$', 'loading$'),
    listeners: liveListeners(),
    dialogs: document.querySelectorAll('pex-template-dialog').length,
    scripts: document.querySelectorAll('script[data-pex-plugin]').length,
  };
}

describe('unload and reload cycles', () => {
  it('leave no subscription, listener, dialog or script behind (100 cycles with open dialogs)', async () => {
    const { host } = await mountHost('dialogs');
    host.participants = [participant('a')];
    host.runtime.unloadPlugin('dialog-plugin');
    await flush();
    const start = counts();
    expect(start.scripts).to.equal(0);

    for (let cycle = 0; cycle < 100; cycle++) {
      expect(await host.runtime.loadPlugin('dialog-plugin')).to.equal(true);
      const ways = window.pexTest.dialogs as Record<string, () => unknown>;
      const subscribed = () => window.pexTest.calls.filter((c) => c.fn === 'then' || c.fn === 'subscribe').length === 2 * (cycle + 1);
      ways.openRecordDialog!();
      ways.openObservableStyle!();
      while (!subscribed()) await new Promise((resolve) => setTimeout(resolve, 0));
      // Open while loaded: the record dialog's close$ is subscribed, and counted.
      expect(liveSubscriptionCount('close$'), 'close$ while its dialog is open').to.equal(1);
      host.runtime.unloadPlugin('dialog-plugin');
    }
    await flush();
    expect(counts()).to.deep.equal(start);
    // Its unload ran every time: the 100 cycles and the unload before them.
    expect(window.pexTest.calls.filter((c) => c.fn === 'unload')).to.have.length(101);
  });

  it('leave the menus and actions$ subscriptions where they started (good folder, 50 cycles)', async () => {
    const { host } = await mountHost('good');
    await flush();
    const buttons = () => document.querySelector('pex-toolbar')!.shadowRoot!.querySelectorAll('[part="button"]').length;
    const startButtons = buttons();
    const start = counts();
    for (let cycle = 0; cycle < 50; cycle++) {
      host.runtime.unloadPlugin('toolbar-plugin');
      host.runtime.unloadPlugin('participants-plugin');
      // toolbar-plugin holds participants$, conferenceDetails$ and (through the host) its state$;
      // participants-plugin holds participants$ and its state$.
      if (cycle === 0) expect(liveSubscriptionCount(...PLUGIN_STREAMS), 'while they are unloaded').to.equal(start.subscriptions - 5);
      await host.runtime.loadPlugin('toolbar-plugin');
      await host.runtime.loadPlugin('participants-plugin');
    }
    await flush();
    expect(counts()).to.deep.equal(start);
    expect(buttons()).to.equal(startButtons);
  });
});
