import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { InfinityConnection } from '../components/index.js';
import { renderClientMarkup } from '../demo/client/client-markup.js';
import { startConferenceClient } from '../demo/client/conference-client.js';
import { fixtureUrl } from './support/host-fixture.js';
import { until } from './support/menu-helpers.js';
import { control, resetSimulator, setFaults } from './support/simulator-client.js';

/**
 * The demo's connection banner (demo/client/, demo.css, as `npm start` draws them), joined to the
 * simulator's `meet`: a live region (role="status") that says "Reconnecting…", "Offline: waiting
 * for the network" or "Disconnected: <reason>" while the connection is so, and is empty, without
 * height, while it is connected.
 */
let container: HTMLElement | undefined;
let joining: Promise<InfinityConnection | undefined> | undefined;
let stylesheet: HTMLLinkElement;
let observer: MutationObserver | undefined;
let online = true;

before(async () => {
  stylesheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/demo.css' });
  const loaded = new Promise((resolve) => stylesheet.addEventListener('load', resolve, { once: true }));
  document.head.append(stylesheet);
  await loaded;
});
after(() => stylesheet.remove());

beforeEach(async () => {
  await resetSimulator();
  for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  window.pexTest = { calls: [] };
  online = true;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
});

afterEach(async () => {
  observer?.disconnect();
  const connection = await joining;
  await connection?.leave();
  joining = undefined;
  container?.remove();
  container = undefined;
  delete (navigator as { onLine?: boolean }).onLine;
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const banner = () => document.getElementById('connection-banner')!;
const shown = () => banner().getBoundingClientRect().height > 0;

/** The demo, joined; and every text the banner has had since. */
async function joinedDemo(): Promise<string[]> {
  container = document.createElement('div');
  document.body.append(container);
  renderClientMarkup(container, { title: 'demo', brandingUrl: fixtureUrl('connection-faults') });
  joining = startConferenceClient(container.querySelector('pex-plugin-host')!);
  expect(await joining, 'joined').to.exist;
  const texts: string[] = [];
  observer = new MutationObserver(() => {
    if (texts.at(-1) !== banner().textContent) texts.push(banner().textContent ?? '');
  });
  observer.observe(banner(), { childList: true, characterData: true, subtree: true });
  await until(() => banner().dataset.state === 'connected', 'connected');
  return texts;
}

describe('the demo client: the connection banner', () => {
  it('a dropped stream: "Reconnecting…" in a status region while it is retried, gone once connected', async () => {
    const texts = await joinedDemo();
    expect(banner().getAttribute('role')).to.equal('status');
    expect(banner().textContent).to.equal('');
    expect(shown(), 'no banner while connected').to.be.false;
    // Two refusals keep it reconnecting long enough to be seen.
    await setFaults({ fail: { status: 503, match: '/events', count: 2 }, dropEvents: true });
    await until(() => banner().textContent === 'Reconnecting…', 'the banner');
    expect(shown(), 'the banner while reconnecting').to.be.true;
    await until(() => banner().dataset.state === 'connected', 'connected again', 5000);
    expect(banner().textContent).to.equal('');
    expect(shown(), 'no banner once connected').to.be.false;
    expect(texts).to.deep.equal(['Reconnecting…', '']);
  });

  it('the browser offline: "Offline: waiting for the network"; online: gone', async () => {
    const texts = await joinedDemo();
    online = false;
    window.dispatchEvent(new Event('offline'));
    await until(() => banner().textContent === 'Offline: waiting for the network', 'the offline banner');
    expect(shown()).to.be.true;
    online = true;
    window.dispatchEvent(new Event('online'));
    await until(() => banner().textContent === '', 'the banner gone');
    expect(shown()).to.be.false;
    expect(texts).to.deep.equal(['Offline: waiting for the network', '']);
  });

  it('the call ended by the node: "Disconnected: <its reason>" stays', async () => {
    await joinedDemo();
    await control('conferences/meet/disconnect', { body: { reason: 'Conference terminated by an administrator' } });
    await until(() => banner().textContent === 'Disconnected: Conference terminated by an administrator', 'the disconnected banner');
    expect(shown()).to.be.true;
  });
});
