import { expect } from '@open-wc/testing';
import type { PexAction } from '../src/conference/types.js';
import type { PexGlobal } from '../src/api/pex-global.js';
import { liveSubscriptionCount } from '../src/runtime/live-subscriptions.js';
import { callsOf, nameOf, nextEvent, toolbarButton, until } from './support/menu-helpers.js';

/*
 * window.PEX is installed once, when the library is imported. To see conferenceQueryParams
 * taken from the page URL, the query is set first and the library imported after it (the
 * runner's own wtr-session-id parameter is kept: the runner needs it).
 */
const url = new URL(location.href);
url.searchParams.set('alias', 'meet');
url.searchParams.set('name', 'Ann Lee');
url.searchParams.set('pin', '1234');
history.replaceState(history.state, '', url.href);
const searchAtInstall = location.search;
const { flush, mountHost } = await import('./support/host-fixture.js');

function pex(): PexGlobal {
  return window.PEX;
}

describe('window.PEX', () => {
  it('offers pluginAPI.registerPlugin and pluginAPI.createNewState', () => {
    expect(pex()).to.be.an('object');
    expect(pex().pluginAPI.registerPlugin).to.be.a('function');
    expect(pex().pluginAPI.createNewState).to.be.a('function');
    expect(pex().actions$.subscribe).to.be.a('function');
    expect(pex().actions$.ofType).to.be.a('function');
    expect(pex().dispatchAction).to.be.a('function');
  });

  it('createNewState(initial) behaves as a BehaviorSubject', () => {
    const state$ = pex().pluginAPI.createNewState<{ label: string }>({ label: 'first' });
    expect(state$.value).to.deep.equal({ label: 'first' });
    expect(state$.getValue()).to.deep.equal({ label: 'first' });
    state$.next({ label: 'second' });
    expect(state$.value).to.deep.equal({ label: 'second' });

    const seen: string[] = [];
    const subscription = state$.subscribe((v) => seen.push(v.label));
    expect(seen, 'replays the current value on subscribe, synchronously').to.deep.equal(['second']);
    state$.next({ label: 'third' });
    expect(seen).to.deep.equal(['second', 'third']);
    subscription.unsubscribe();
    state$.next({ label: 'fourth' });
    expect(seen).to.deep.equal(['second', 'third']);

    const late: string[] = [];
    state$.subscribe((v) => late.push(v.label)).unsubscribe();
    expect(late).to.deep.equal(['fourth']);
  });

  it('actions$.ofType(X) delivers only actions of type X dispatched by the host', async () => {
    const { host } = await mountHost('pex-global');
    const seen: PexAction[] = [];
    const subscription = pex().actions$.ofType('[Test] Wanted').subscribe((a) => seen.push(a));
    host.dispatchAction({ type: '[Test] Other', payload: 1 });
    host.dispatchAction({ type: '[Test] Wanted', payload: { n: 2 } });
    host.dispatchAction({ type: '[Test] Wanted!', payload: 3 });
    host.dispatchAction({ type: '[Test] Wanted', payload: { n: 4 } });
    subscription.unsubscribe();
    host.dispatchAction({ type: '[Test] Wanted', payload: { n: 5 } });
    expect(seen).to.deep.equal([
      { type: '[Test] Wanted', payload: { n: 2 } },
      { type: '[Test] Wanted', payload: { n: 4 } },
    ]);
  });

  it('ofType(a, b) takes several types', async () => {
    const { host } = await mountHost('pex-global');
    const seen: string[] = [];
    const subscription = pex().actions$.ofType('[Test] A', '[Test] B').subscribe((a) => seen.push(a.type));
    for (const type of ['[Test] A', '[Test] C', '[Test] B']) host.dispatchAction({ type });
    subscription.unsubscribe();
    expect(seen).to.deep.equal(['[Test] A', '[Test] B']);
  });

  it('gives the action constants the raw NgRx strings, so both spellings meet', async () => {
    const { actions } = pex();
    expect(actions.DISCONNECT_SUCCESS).to.equal('[Conference] Disconnect Success');
    expect(actions.CONNECT_SUCCESS).to.equal('[Conference] Connect Success');
    expect(actions.SET_SELF_UUID).to.equal('[Conference] Set Self UUID');
    for (const name of ['SEND_CHAT_MESSAGE', 'RECEIVE_CHAT_MESSAGE', 'SELECT_EVENT', 'PARTICIPANT_CONNECT_SUCCESS', 'PARTICIPANT_DISCONNECT_SUCCESS'] as const) {
      expect(actions[name], name).to.be.a('string').and.not.equal('');
    }
    const values = Object.values(actions);
    expect(new Set(values).size, 'every constant is a distinct type').to.equal(values.length);

    const { host } = await mountHost('pex-global');
    const byConstant: PexAction[] = [];
    const subscription = pex().actions$.ofType(actions.DISCONNECT_SUCCESS).subscribe((a) => byConstant.push(a));
    host.dispatchAction({ type: '[Conference] Disconnect Success', payload: 'bye' });
    subscription.unsubscribe();
    expect(byConstant).to.deep.equal([{ type: '[Conference] Disconnect Success', payload: 'bye' }]);

    // And a plugin (fixture) listening with the constant heard the raw string.
    expect(callsOf('actions-plugin', 'disconnectSuccess')).to.deep.equal([
      { plugin: 'actions-plugin', fn: 'disconnectSuccess', type: '[Conference] Disconnect Success', payload: 'bye' },
    ]);
  });

  it('supports RxJS 5 style .filter chained on ofType, in test code and in plugin code', async () => {
    const { host } = await mountHost('pex-global');
    const seen: unknown[] = [];
    const subscription = pex()
      .actions$.ofType('[Conference] Connect Success')
      .filter((a) => (a.payload as { joinRole?: string }).joinRole === 'GUEST')
      .subscribe((a) => seen.push((a.payload as { alias: string }).alias));
    host.dispatchAction({ type: '[Conference] Connect Success', payload: { alias: 'one', joinRole: 'HOST' } });
    host.dispatchAction({ type: '[Conference] Connect Success', payload: { alias: 'two', joinRole: 'GUEST' } });
    host.dispatchAction({ type: '[Conference] Connect Fail', payload: { alias: 'three', joinRole: 'GUEST' } });
    subscription.unsubscribe();
    expect(seen).to.deep.equal(['two']);
    // The fixture plugin filters for HOST.
    expect(callsOf('actions-plugin', 'hostConnected').map((c) => c.alias)).to.deep.equal(['one']);
  });

  it('supports unfiltered actions$.subscribe({next, error}) and .unsubscribe()', async () => {
    const { host } = await mountHost('pex-global');
    const seen: string[] = [];
    const errors: unknown[] = [];
    const subscription = pex().actions$.subscribe({ next: (a) => seen.push(a.type), error: (e) => errors.push(e) });
    host.dispatchAction({ type: '[Test] One' });
    host.dispatchAction({ type: '[Test] Two' });
    expect(subscription.closed).to.equal(false);
    subscription.unsubscribe();
    expect(subscription.closed).to.equal(true);
    host.dispatchAction({ type: '[Test] Three' });
    expect(seen).to.deep.equal(['[Test] One', '[Test] Two']);
    expect(errors).to.deep.equal([]);
  });

  it('lets plugin code end its own subscription with .unsubscribe(), and the host stops counting it', async () => {
    const { host } = await mountHost('pex-global');
    await flush();
    host.dispatchAction({ type: '[Test] Before' });
    expect(callsOf('actions-plugin', 'any').map((c) => c.type)).to.deep.equal(['[Test] Before']);
    const before = liveSubscriptionCount('actions$');
    const tracked = host.runtime.subscriptionCount;
    toolbarButton('actions-plugin/toolbar/2')!.click();
    expect(callsOf('actions-plugin', 'stopListening')).to.deep.equal([{ plugin: 'actions-plugin', fn: 'stopListening', closed: true }]);
    // Ended at actions$ itself, and no longer in the plugin's sandbox.
    expect(liveSubscriptionCount('actions$')).to.equal(before - 1);
    expect(host.runtime.subscriptionCount).to.equal(tracked - 1);
    host.dispatchAction({ type: '[Test] After' });
    expect(callsOf('actions-plugin', 'any').map((c) => c.type)).to.deep.equal(['[Test] Before']);
  });

  it('PEX.dispatchAction from plugin code emits a bubbling, composed pex-action event with detail.action', async () => {
    const { host } = await mountHost('pex-global');
    await flush();
    const onHost: Event[] = [];
    const onDocument: CustomEvent[] = [];
    const hostListener = (e: Event) => onHost.push(e);
    const documentListener = (e: Event) => onDocument.push(e as CustomEvent);
    host.addEventListener('pex-action', hostListener);
    document.addEventListener('pex-action', documentListener);
    try {
      toolbarButton('actions-plugin/toolbar/0')!.click();
    } finally {
      host.removeEventListener('pex-action', hostListener);
      document.removeEventListener('pex-action', documentListener);
    }
    expect(callsOf('actions-plugin', 'muteCamera')).to.have.length(1);
    expect(onHost.length).to.equal(1);
    const event = onHost[0] as CustomEvent<{ action: PexAction }>;
    expect(event.target === host, 'dispatched on the host').to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail.action).to.deep.equal({ type: '[Conference] Mute Camera' });
    expect(onDocument.length, 'bubbles up to the document').to.equal(1);
  });

  it('PEX.dispatchAction reaches a listener outside the shadow root the host is in (composed)', async () => {
    const { host } = await mountHost('pex-global');
    await flush();
    // Move the whole host into a shadow root; the plugins keep running.
    const outer = document.createElement('div');
    const shadow = outer.attachShadow({ mode: 'open' });
    host.parentElement!.append(outer);
    shadow.append(host);
    await flush();
    expect(host.plugins.find((p) => p.id === 'actions-plugin')?.status).to.equal('loaded');
    let path: EventTarget[] = [];
    const listener = (e: Event) => (path = e.composedPath());
    document.addEventListener('pex-action', listener, { once: true });
    const received = nextEvent(document, 'pex-action');
    // Called from the plugin: its action, run as the toolbar would run it.
    host.runtime.invokeMenuItem('actions-plugin/toolbar/0', [[], host.conference]);
    const event = await received;
    expect(event.detail.action.type).to.equal('[Conference] Mute Camera');
    expect(path.map(nameOf), 'the event crossed the shadow root on its way to the document').to.include.members(['pex-plugin-host', '#shadow-root', 'div', '#document']);
    expect(path.includes(host) && path.includes(shadow) && path.includes(outer)).to.equal(true);
    outer.remove();
  });

  it('does not emit pex-action for the app\'s own host.dispatchAction', async () => {
    const { host } = await mountHost('pex-global');
    const seen: Event[] = [];
    const listener = (e: Event) => seen.push(e);
    document.addEventListener('pex-action', listener);
    host.dispatchAction({ type: '[Conference] Disconnect Success' });
    document.removeEventListener('pex-action', listener);
    expect(seen.length).to.equal(0);
  });

  it('puts PEX.dispatchAction actions on actions$ too', async () => {
    await mountHost('pex-global');
    const seen: PexAction[] = [];
    const subscription = pex().actions$.ofType('[Conference] Unmute Camera').subscribe((a) => seen.push(a));
    pex().dispatchAction({ type: '[Conference] Unmute Camera' });
    subscription.unsubscribe();
    expect(seen).to.deep.equal([{ type: '[Conference] Unmute Camera' }]);
  });

  it('PEX.dispatchAction rejects a value that is not an action', () => {
    expect(() => pex().dispatchAction('[Conference] Mute Camera' as unknown as PexAction)).to.throw(TypeError, /type/);
    expect(() => pex().dispatchAction({} as PexAction)).to.throw(TypeError);
  });

  it('conferenceQueryParams is a plain object of the page URL query', async () => {
    const params = pex().conferenceQueryParams;
    expect(Object.getPrototypeOf(params)).to.equal(Object.prototype);
    expect(params).to.deep.equal(Object.fromEntries(new URLSearchParams(searchAtInstall)));
    expect(params).to.include({ alias: 'meet', name: 'Ann Lee', pin: '1234' });
    // What one real plugin does with it.
    expect(new URLSearchParams(params).get('name')).to.equal('Ann Lee');

    // And plugin code reads it the same way.
    await mountHost('pex-global');
    expect(callsOf('actions-plugin', 'load')[0]).to.include({ alias: 'meet' });
  });

  it('conferenceQueryParams follows the page URL after the library was loaded', () => {
    const before = location.href;
    const next = new URL(location.href);
    next.searchParams.set('alias', 'later-room');
    history.replaceState(history.state, '', next.href);
    try {
      expect(pex().conferenceQueryParams).to.include({ alias: 'later-room', name: 'Ann Lee' });
    } finally {
      history.replaceState(history.state, '', before);
    }
    expect(pex().conferenceQueryParams).to.include({ alias: 'meet' });
  });

  it('selfUUID follows host.selfUUID and the [Conference] Set Self UUID action, and plugins read it', async () => {
    const { host } = await mountHost('pex-global');
    await flush();
    host.selfUUID = 'self-1';
    expect(pex().selfUUID).to.equal('self-1');
    expect(host.selfUUID).to.equal('self-1');
    toolbarButton('actions-plugin/toolbar/1')!.click();

    host.dispatchAction({ type: '[Conference] Set Self UUID', payload: 'self-2' });
    expect(pex().selfUUID).to.equal('self-2');
    expect(host.selfUUID).to.equal('self-2');
    toolbarButton('actions-plugin/toolbar/1')!.click();

    host.dispatchAction({ type: pex().actions.SET_SELF_UUID, payload: 'self-3' });
    expect(pex().selfUUID).to.equal('self-3');

    expect(callsOf('actions-plugin', 'whoAmI').map((c) => [c.selfUUID, c.windowSelfUUID])).to.deep.equal([
      ['self-1', 'self-1'],
      ['self-2', 'self-2'],
    ]);
  });

  it('the bare global PEX works from a plugin script, and is window.PEX', async () => {
    const { host, errors } = await mountHost('pex-global');
    expect(errors).to.deep.equal([]);
    expect(host.plugins.find((p) => p.id === 'actions-plugin')?.status).to.equal('loaded');
    expect(callsOf('actions-plugin', 'load')[0]).to.include({ bareIsWindow: true });
  });

  it('ends the actions$ subscriptions of a plugin when it is unloaded, and only that plugin\'s', async () => {
    const { host, unloaded } = await mountHost('pex-global');
    await until(() => window.pexTest.timerSubscribed === true, 'the fixture subscribing from a timer');

    host.dispatchAction({ type: '[Test] Top Level' });
    host.dispatchAction({ type: '[Test] From Timer' });
    host.dispatchAction({ type: '[Conference] Disconnect Success' });
    expect(callsOf('actions-plugin', 'topLevel')).to.have.length(1);
    expect(callsOf('actions-plugin', 'fromTimer')).to.have.length(1);
    expect(callsOf('actions-plugin', 'disconnectSuccess')).to.have.length(1);
    expect(callsOf('quiet-plugin', 'disconnectSuccess')).to.have.length(1);
    const anyBefore = callsOf('actions-plugin', 'any').length;
    expect(anyBefore).to.equal(3);

    // Counted at actions$ itself, so what unload leaves behind still counts.
    // actions-plugin: top level, DISCONNECT_SUCCESS, HOST filter, unfiltered, timer; quiet-plugin: one.
    expect(liveSubscriptionCount('actions$')).to.equal(6);

    host.runtime.unloadPlugin('actions-plugin');
    expect(unloaded).to.deep.equal(['actions-plugin']);
    expect(callsOf('actions-plugin', 'unload')).to.have.length(1);
    expect(liveSubscriptionCount('actions$')).to.equal(1);

    const callsAtUnload = callsOf('actions-plugin').length;
    host.dispatchAction({ type: '[Test] Top Level' });
    host.dispatchAction({ type: '[Test] From Timer' });
    host.dispatchAction({ type: '[Conference] Disconnect Success' });
    host.dispatchAction({ type: '[Conference] Connect Success', payload: { alias: 'x', joinRole: 'HOST' } });
    expect(callsOf('actions-plugin').length, 'no callback of the unloaded plugin runs').to.equal(callsAtUnload);
    expect(callsOf('quiet-plugin', 'disconnectSuccess'), 'the other plugin still listens').to.have.length(2);
  });
});
