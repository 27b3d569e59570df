import { expect } from '@open-wc/testing';
import type { PexEventDetails } from '../components/events.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { fixtureUrl, flush, mountHost } from './support/host-fixture.js';
import { shadowOf, until } from './support/menu-helpers.js';

/**
 * The loading state: until every plugin the branding enables has loaded or failed, each menu is
 * aria-busy with the custom state `loading` and a placeholder; then the host dispatches
 * `pex-plugins-settled` once, with the counts. The `loading` fixture's slow plugin loads until
 * the test lets it finish (window.pexTest.slowLoads), so the busy state can be looked at.
 */
type SettledDetail = PexEventDetails['pex-plugins-settled'];
type Menu = HTMLElement & { updateComplete: Promise<unknown> };

const MENUS = ['pex-toolbar', 'pex-conference-menu', 'pex-participant-menu'] as const;

/** Every pex-plugins-settled that reaches the document (so it bubbles and composes), in order. */
let settledEvents: SettledDetail[] = [];
const recordSettled = (event: Event) => settledEvents.push((event as CustomEvent<SettledDetail>).detail);

beforeEach(() => {
  settledEvents = [];
  document.addEventListener('pex-plugins-settled', recordSettled);
});
afterEach(() => document.removeEventListener('pex-plugins-settled', recordSettled));

const menu = (name: string, root: ParentNode = document) => root.querySelector<Menu>(name)!;
const placeholderOf = (element: Element) => element.shadowRoot!.querySelector<HTMLElement>('[part="placeholder"]');

/** What a menu says about loading, as plain values (never the nodes: see nameOf in menu-helpers). */
function loadingLook(element: Element) {
  const placeholder = placeholderOf(element);
  return {
    ariaBusy: element.getAttribute('aria-busy'),
    state: element.matches(':state(loading)'),
    placeholder: placeholder ? (placeholder.textContent ?? '').trim() : null,
    placeholderShown: placeholder ? placeholder.checkVisibility() && placeholder.getBoundingClientRect().height > 0 : false,
  };
}
const BUSY = { ariaBusy: 'true', state: true, placeholder: 'Loading plugins…', placeholderShown: true };
const IDLE = { ariaBusy: null, state: false, placeholder: null, placeholderShown: false };

const labels = (name: string) =>
  [...shadowOf(name).querySelectorAll('[part="button"], [part="item"]')].map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '');

async function renders(): Promise<void> {
  await flush();
  for (const name of MENUS) for (const el of document.querySelectorAll<Menu>(name)) await el.updateComplete;
}

/** Mounts the `loading` fixture and waits until the slow plugin's load is running. */
async function mountWhileSlowLoads() {
  const mounted = await mountHost('loading', { settle: false });
  await slowLoadStarted('slow-plugin');
  // The quick plugin is loaded by then, and its item reaches the toolbar on the next frame.
  await until(() => labels('pex-toolbar').length > 0, "the quick plugin's toolbar button");
  await renders();
  return mounted;
}

type SlowLoad = { finish(): void; fail(reason: unknown): void };
/** The slow plugins' loads under way, by id (the fixture's plugins put them there). */
const slowLoads = () => (window.pexTest.slowLoads ?? {}) as Record<string, SlowLoad>;
const slowLoadStarted = (id: string) => until(() => id in slowLoads(), `the load of ${id} to start`);
const finishSlowLoad = (id = 'slow-plugin') => slowLoads()[id]!.finish();

describe('the loading state', () => {
  it('every menu is aria-busy, in :state(loading), with a visible placeholder while a slow plugin loads; items that loaded already show', async () => {
    const { host } = await mountWhileSlowLoads();
    for (const name of MENUS) expect(loadingLook(menu(name)), name).to.deep.equal(BUSY);
    expect(labels('pex-toolbar')).to.deep.equal(['Quick tool']);
    expect(labels('pex-conference-menu')).to.deep.equal(['Quick conference item']);
    expect(labels('pex-participant-menu')).to.deep.equal([]);
    expect(host.pluginsSettled).to.equal(false);
    expect(settledEvents).to.deep.equal([]);
    await expect(menu('pex-toolbar')).to.be.accessible();
    await expect(menu('pex-conference-menu')).to.be.accessible();
  });

  it('once the slow plugin loaded: pex-plugins-settled once, with the counts and ids; no busy, state or placeholder, every item', async () => {
    const { host } = await mountWhileSlowLoads();
    const settled = new Promise<SettledDetail>((resolve) => host.addEventListener('pex-plugins-settled', (e) => resolve(e.detail), { once: true }));
    finishSlowLoad();
    const detail = await settled;
    const expected: SettledDetail = {
      loaded: 2,
      failed: 2,
      total: 4,
      loadedIds: ['quick-plugin', 'slow-plugin'],
      failedIds: ['throws-in-load', 'missing-plugin'],
      brandingID: '1700000000200',
    };
    expect(detail).to.deep.equal(expected);
    expect(host.pluginsSettled).to.equal(true);
    // Disabled and filtered-out plugins were never waited for.
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.include({ 'disabled-plugin': 'not-loaded', 'desktop-plugin': 'filtered-out' });
    await renders();
    for (const name of MENUS) expect(loadingLook(menu(name)), name).to.deep.equal(IDLE);
    expect(labels('pex-toolbar')).to.deep.equal(['Quick tool', 'Slow tool']);
    expect(labels('pex-conference-menu')).to.deep.equal(['Quick conference item', 'Slow conference item']);
    expect(labels('pex-participant-menu')).to.deep.equal(['Slow participant item']);
    // Exactly once for this branding load, however long one waits: a check that nothing more
    // comes, so there is no condition to wait for, only a while to watch.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settledEvents).to.deep.equal([expected]);
  });

  it('a plugin whose load fails counts as failed, and the menus stop being busy', async () => {
    const { host } = await mountWhileSlowLoads();
    slowLoads()['slow-plugin']!.fail(new Error('slow load gave up'));
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    expect(settledEvents).to.deep.equal([
      { loaded: 1, failed: 3, total: 4, loadedIds: ['quick-plugin'], failedIds: ['slow-plugin', 'throws-in-load', 'missing-plugin'], brandingID: '1700000000200' },
    ]);
    expect(host.plugins.find((p) => p.id === 'slow-plugin')?.status).to.equal('failed');
    await renders();
    for (const name of MENUS) expect(loadingLook(menu(name)), name).to.deep.equal(IDLE);
    expect(labels('pex-toolbar')).to.deep.equal(['Quick tool']);
    // A menu with no items shows what it showed before there was a loading state: nothing.
    expect(shadowOf('pex-participant-menu').querySelectorAll('*').length).to.equal(0);
  });

  it('a branding that enables no plugin (only a disabled one and one for another platform) settles with zeros', async () => {
    const { host } = await mountHost('loading-none');
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    expect(settledEvents).to.deep.equal([{ loaded: 0, failed: 0, total: 0, loadedIds: [], failedIds: [], brandingID: '1700000000201' }]);
    expect(host.pluginsSettled).to.equal(true);
    await renders();
    for (const name of MENUS) {
      expect(loadingLook(menu(name)), name).to.deep.equal(IDLE);
      expect(shadowOf(name).querySelectorAll('*').length, `${name} renders nothing`).to.equal(0);
    }
  });

  it('a branding without settings (isSettingsBranded: false) and branding-url="" settle with zeros too', async () => {
    await mountHost('unbranded');
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    expect(settledEvents).to.deep.equal([{ loaded: 0, failed: 0, total: 0, loadedIds: [], failedIds: [], brandingID: '7' }]);

    settledEvents = [];
    const container = document.createElement('div');
    const host = document.createElement('pex-plugin-host') as PexPluginHost;
    host.setAttribute('branding-url', '');
    host.innerHTML = '<pex-toolbar></pex-toolbar>';
    container.append(host);
    document.body.append(container);
    try {
      await host.updateComplete;
      expect(settledEvents).to.deep.equal([{ loaded: 0, failed: 0, total: 0, loadedIds: [], failedIds: [], brandingID: null }]);
      expect(host.pluginsSettled).to.equal(true);
      await menu('pex-toolbar', host).updateComplete;
      expect(loadingLook(menu('pex-toolbar', host))).to.deep.equal(IDLE);
    } finally {
      container.remove();
    }
  });

  it('a menu attached after the plugins settled is not busy and shows its items; one attached while they load is busy', async () => {
    const { host } = await mountWhileSlowLoads();
    const early = document.createElement('pex-conference-menu') as Menu;
    host.append(early);
    await early.updateComplete;
    expect(loadingLook(early), 'attached while loading').to.deep.equal(BUSY);

    finishSlowLoad();
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    expect(host.pluginsSettled, 'what an app that listens late reads').to.equal(true);
    const late = document.createElement('pex-conference-menu') as Menu;
    host.append(late);
    await late.updateComplete;
    await early.updateComplete;
    expect(loadingLook(late), 'attached after').to.deep.equal(IDLE);
    expect(loadingLook(early), 'attached while loading, after').to.deep.equal(IDLE);
    expect([...late.shadowRoot!.querySelectorAll('[part="item"]')].map((item) => item.textContent?.trim())).to.deep.equal([
      'Quick conference item',
      'Slow conference item',
    ]);
    expect(settledEvents.length).to.equal(1);
  });

  it('fires once per branding load: again after branding-url changes, never for a load the change overtook', async () => {
    const { host } = await mountWhileSlowLoads();
    // Overtaken while the slow plugin loads: that load never settles, the next one does.
    host.setAttribute('branding-url', fixtureUrl('loading-none'));
    await until(() => settledEvents.length > 0, 'pex-plugins-settled of loading-none');
    expect(settledEvents.map((d) => d.brandingID)).to.deep.equal(['1700000000201']);
    await renders();
    for (const name of MENUS) expect(loadingLook(menu(name)), name).to.deep.equal(IDLE);
    // The overtaken load's slow plugin finishing late settles nothing: what it sets off runs in
    // microtasks, all done once the renders after it are.
    finishSlowLoad();
    await renders();
    expect(settledEvents.length).to.equal(1);

    host.setAttribute('branding-url', fixtureUrl('unbranded'));
    await host.updateComplete;
    expect(host.pluginsSettled, 'loading again').to.equal(false);
    expect(menu('pex-toolbar').getAttribute('aria-busy'), 'loading again').to.equal('true');
    await until(() => settledEvents.length > 1, 'pex-plugins-settled of unbranded');
    // Nothing more comes: a while to watch, as above.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settledEvents.map((d) => d.brandingID)).to.deep.equal(['1700000000201', '7']);
  });

  it('a load begun while others load (the role arrived) is waited for too', async () => {
    const { host } = await mountHost('loading-late', { role: 'guest', settle: false });
    await slowLoadStarted('slow-plugin');
    expect(host.plugins.find((p) => p.id === 'slow-chair-plugin')?.status).to.equal('filtered-out');
    host.setAttribute('participant-role', 'chair');
    await slowLoadStarted('slow-chair-plugin');
    finishSlowLoad('slow-plugin');
    await until(() => host.plugins.find((p) => p.id === 'slow-plugin')?.status === 'loaded', 'slow-plugin loaded');
    // A settle on slow-plugin's load would follow it in microtasks, done once the renders are.
    await renders();
    expect(settledEvents, 'not settled while slow-chair-plugin loads').to.deep.equal([]);
    expect(host.pluginsSettled).to.equal(false);
    await renders();
    expect(loadingLook(menu('pex-toolbar'))).to.deep.equal(BUSY);

    finishSlowLoad('slow-chair-plugin');
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    expect(settledEvents).to.deep.equal([
      { loaded: 2, failed: 0, total: 2, loadedIds: ['slow-plugin', 'slow-chair-plugin'], failedIds: [], brandingID: '1700000000202' },
    ]);
  });

  it('the placeholder is themable (--pex-menu-placeholder-color) and its text replaceable (slot="loading")', async () => {
    const { host } = await mountWhileSlowLoads();
    const conferenceMenu = menu('pex-conference-menu', host);
    conferenceMenu.style.setProperty('--pex-menu-placeholder-color', 'rgb(1, 2, 3)');
    const own = Object.assign(document.createElement('span'), { slot: 'loading', textContent: 'Fetching the branding’s tools' });
    conferenceMenu.append(own);
    await conferenceMenu.updateComplete;
    const placeholder = placeholderOf(conferenceMenu)!;
    expect(getComputedStyle(placeholder).color).to.equal('rgb(1, 2, 3)');
    const slot = placeholder.querySelector('slot')!;
    expect(slot.name).to.equal('loading');
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Fetching the branding’s tools']);
    finishSlowLoad();
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    await renders();
    expect(own.checkVisibility(), 'the slotted text goes with the placeholder').to.equal(false);
  });

  it('an aria-busy the app set itself is left alone', async () => {
    const mounted = await mountHost('loading', { settle: false });
    const toolbar = menu('pex-toolbar', mounted.host);
    toolbar.setAttribute('aria-busy', 'false');
    await slowLoadStarted('slow-plugin');
    finishSlowLoad();
    await until(() => settledEvents.length > 0, 'pex-plugins-settled');
    expect(toolbar.getAttribute('aria-busy')).to.equal('false');
  });
});
