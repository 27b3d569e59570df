/**
 * When the host reads its branding folder: on connecting when the folder is set already (the
 * first update comes a microtask later, after the elements inside it have connected and
 * rendered), once per start, and after the first update when only that sets the folder.
 */
import { expect } from '@open-wc/testing';
import '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { fixtureUrl } from './support/host-fixture.js';
import { ConferenceStore } from '../src/conference/conference-store.js';
import { PluginRuntime } from '../src/runtime/plugin-runtime.js';

/** Records the URLs the page fetches from now until stop() is called. */
function recordFetches(): { urls: string[]; stop(): void } {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  return { urls, stop: () => (window.fetch = original) };
}

const manifestRequests = (urls: string[], folder: string) => urls.filter((url) => url === `${folder}manifest.json`);

describe('pex-plugin-host start', () => {
  let host: PexPluginHost | undefined;
  let fetches: ReturnType<typeof recordFetches> | undefined;
  afterEach(() => {
    fetches?.stop();
    host?.remove();
    host = undefined;
  });

  it('requests manifest.json and settings.json while being appended, when branding-url is set', async () => {
    const folder = fixtureUrl('good');
    host = document.createElement('pex-plugin-host') as PexPluginHost;
    host.setAttribute('branding-url', folder);
    host.innerHTML = '<pex-toolbar></pex-toolbar>';
    fetches = recordFetches();
    document.body.append(host);
    // No await: the requests went out inside append().
    expect(fetches.urls.filter((url) => url.startsWith(folder))).to.deep.equal([`${folder}manifest.json`, `${folder}settings.json`]);
    await host.settled;
    expect(manifestRequests(fetches.urls, folder), 'the first update started nothing more').to.have.length(1);
    expect(host.plugins.some((plugin) => plugin.status === 'loaded')).to.equal(true);
  });

  it('reads a folder set just after appending (a framework setting the property) once, in its first update', async () => {
    const folder = fixtureUrl('good');
    host = document.createElement('pex-plugin-host') as PexPluginHost;
    fetches = recordFetches();
    document.body.append(host);
    host.brandingUrl = folder;
    await host.settled;
    expect(manifestRequests(fetches.urls, folder)).to.have.length(1);
    expect(fetches.urls.filter((url) => url.includes('/custom_configuration/')), 'the default folder is not read first').to.deep.equal([]);
  });

  it('publishes the plugin list a few times while the branding loads, not at each status change, and host.plugins is current in every event', async () => {
    const folder = fixtureUrl('good');
    host = document.createElement('pex-plugin-host') as PexPluginHost;
    host.setAttribute('branding-url', folder);
    const lists: string[][] = [];
    const subscription = host.runtime.plugins$.subscribe((plugins) => lists.push(plugins.map((plugin) => `${plugin.id}:${plugin.status}`)));
    const seenAtLoad: string[] = [];
    host.addEventListener('pex-plugin-loaded', (event) => {
      const { id } = (event as CustomEvent<{ id: string }>).detail;
      seenAtLoad.push(`${id}:${host!.plugins.find((plugin) => plugin.id === id)?.status}`);
    });
    document.body.append(host);
    await host.settled;
    subscription.unsubscribe();
    const final = host.plugins.map((plugin) => `${plugin.id}:${plugin.status}`);
    const loaded = final.filter((entry) => entry.endsWith(':loaded'));
    expect(loaded.length, 'the fixture loads several plugins').to.be.greaterThan(2);
    // Each loaded plugin went fetching → not-loaded → loading → loaded: published one by one,
    // that is three lists per plugin at least.
    expect(lists.length, lists.map((list) => list.join(' ')).join('\n')).to.be.lessThan(loaded.length * 2);
    expect(lists.at(-1)).to.deep.equal(final);
    expect(seenAtLoad.sort()).to.deep.equal(loaded.map((entry) => entry).sort());
  });

  /** A runtime whose fetches and choice-store calls are logged in `steps`; each fetch answered after `delayMs`. */
  function loggedRuntime(steps: string[], folder: string, delayMs = 0) {
    return new PluginRuntime(new ConferenceStore(), {
      fetch: async (input, init) => {
        steps.push(`fetch ${String(input).slice(folder.length).replace(/\?.*$/, '')}`);
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return window.fetch(input, init);
      },
      choices: {
        get: () => {
          steps.push('read');
          return undefined;
        },
        set: () => {},
        warm: () => steps.push('warm'),
        kept: true,
      },
    });
  }

  it('opens the storage of the user\'s choices in the next task, while manifest.json and settings.json travel, not in the task that asks for them', async () => {
    const folder = fixtureUrl('good');
    const steps: string[] = [];
    const runtime = loggedRuntime(steps, folder, 150);
    const started = runtime.start(folder);
    expect(steps).to.deep.equal(['fetch manifest.json', 'fetch settings.json']);
    await started;
    runtime.stop();
    // Opened while the branding travelled: before its answers led to the package requests and the first read.
    expect(steps.slice(0, 3)).to.deep.equal(['fetch manifest.json', 'fetch settings.json', 'warm']);
    expect(steps.indexOf('read')).to.be.greaterThan(3);
    expect(steps.filter((step) => step === 'warm')).to.have.length(1);
  });

  it('does not open the storage for a start that was stopped before that task came', async () => {
    const folder = fixtureUrl('good');
    const steps: string[] = [];
    const runtime = loggedRuntime(steps, folder, 150);
    void runtime.start(folder);
    runtime.stop();
    // Long enough for a warm left pending to have run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(steps).to.deep.equal(['fetch manifest.json', 'fetch settings.json']);
  });
});
