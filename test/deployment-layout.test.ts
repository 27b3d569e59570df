import { expect } from '@open-wc/testing';
import { joinSimulator, mountPluginHost, simulator, waitFor, type PluginHostHarness } from '../testing/index.js';

/**
 * webapp2's deployment layout: the branding folder served as `custom_configuration/` beside the
 * page, which is where a host without `branding-url` reads it. The test page is at the server's
 * root, and web-test-runner.config.mjs serves test/fixtures/runtime/deployment-layout/ at
 * /custom_configuration/. Its greeter plugin does what about 1 in 9 real plugins do: in `load` it
 * fetches its JSON file and appends its library script page-relative through that name, and it
 * uses both on the first conference details with `started: true`, so the host must load it
 * before the conference has started, as webapp2 does.
 */
const GREETER = 'greeter-plugin-1.0';
const FOLDER = new URL('/custom_configuration/', location.href).href;
const JSON_URL = `${FOLDER}plugins/greeter/assets/greeting.json`;
const LIBRARY_URL = `${FOLDER}plugins/greeter/lib/title-case.js`;
const WAITING = 'Waiting for the conference';
/** The JSON's greeting, title-cased by the library. */
const GREETED = 'Welcome To The Conference, Everyone';

declare global {
  interface Window {
    greeterLog?: string[];
    titleCaseRuns?: number;
    TitleCase?: { of(text: string): string };
  }
}

/** The URLs this page requested whose path ends with `ending` (Resource Timing). */
const requested = (ending: string) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => new URL(name).pathname.endsWith(ending));

const libraryScripts = () => [...document.head.querySelectorAll('script')].filter((script) => script.src === LIBRARY_URL);

/** Until the plugin's JSON file has been read and its library has run. */
async function filesArrived(harness: PluginHostHarness): Promise<void> {
  await harness.waitForStatus(GREETER, 'loaded');
  await waitFor(
    () => window.greeterLog?.includes('greeting welcome to the conference, everyone') && window.titleCaseRuns === 1,
    'the greeter plugin to read its JSON file and its library to run',
    { seen: () => `log ${JSON.stringify(window.greeterLog)}, library runs ${window.titleCaseRuns}` },
  );
}

/** What the plugin fetched and appended came from custom_configuration/ beside the page, once each. */
function expectPageRelativeFiles(): void {
  expect(window.greeterLog?.filter((line) => line.startsWith('fetched '))).to.deep.equal([`fetched ${JSON_URL} 200`]);
  expect(requested('/greeting.json')).to.deep.equal([JSON_URL]);
  // The page may run the script from its memory cache (no Resource Timing entry), but never
  // requests it from anywhere else.
  expect(requested('/title-case.js').filter((url) => url !== LIBRARY_URL)).to.deep.equal([]);
  expect(libraryScripts().map((script) => script.getAttribute('src'))).to.deep.equal(['custom_configuration/plugins/greeter/lib/title-case.js']);
  expect(window.titleCaseRuns).to.equal(1);
}

describe("webapp2's deployment layout: custom_configuration/ beside the page", () => {
  beforeEach(async () => {
    // Each test starts from a page where the plugin's library has not run yet. A script the
    // last test's plugin appended runs even once removed: let each run first (once each).
    await waitFor(() => (window.titleCaseRuns ?? 0) >= libraryScripts().length, "the last test's library scripts to run", {
      seen: () => `${libraryScripts().length} scripts, library runs ${window.titleCaseRuns}`,
    });
    for (const script of libraryScripts()) script.remove();
    delete window.TitleCase;
    delete window.titleCaseRuns;
    delete window.greeterLog;
    performance.clearResourceTimings();
  });

  it('a host without branding-url reads custom_configuration/ beside the page', async () => {
    const harness = await mountPluginHost();
    expect(harness.host.hasAttribute('branding-url')).to.equal(false);
    expect(harness.host.brandingUrl).to.equal('custom_configuration/');
    expect(harness.host.runtime.branding?.brandingUrl).to.equal(FOLDER);
    expect(harness.host.brandingID).to.equal('1700000000013');
    expect(harness.statuses()).to.deep.equal({ [GREETER]: 'loaded' });
    expect(requested('/manifest.json')).to.deep.equal([`${FOLDER}manifest.json`]);
    expect(harness.problems()).to.deep.equal([]);
  });

  it('app-driven: loaded while started is false, the plugin uses its JSON and library on the first started: true', async () => {
    const harness = await mountPluginHost({ conference: { started: false } });
    await filesArrived(harness);
    expect(harness.labels('toolbar')).to.deep.equal([WAITING]);

    harness.host.conference = { started: true };
    await harness.waitForLabels('toolbar', [GREETED]);
    // Only the first started: true counts for it; a later one changes nothing.
    harness.host.conference = { started: false };
    harness.host.conference = { started: true, locked: true };
    expect(harness.labels('toolbar')).to.deep.equal([GREETED]);
    expectPageRelativeFiles();
    expect(harness.problems()).to.deep.equal([]);
  });

  describe('connected mode: the host loads before the app joins, as webapp2 does', () => {
    beforeEach(() => simulator.reset());

    it('meet: started: false until the connection joins a conference that is running, then the greeting', async () => {
      const harness = await mountPluginHost();
      await filesArrived(harness);
      expect(harness.host.conference.started).to.equal(false);
      expect(harness.labels('toolbar')).to.deep.equal([WAITING]);

      await harness.connect(await joinSimulator({ alias: 'meet', displayName: 'Early bird' }));
      await harness.waitForLabels('toolbar', [GREETED]);
      expect(harness.host.conference.started).to.equal(true);
      expectPageRelativeFiles();
      expect(harness.problems()).to.deep.equal([]);
    });

    it('guests: a guest in a conference no host has started waits with started: false; the host joining starts it', async () => {
      const harness = await mountPluginHost();
      await filesArrived(harness);
      await harness.connect(await joinSimulator({ alias: 'guests', displayName: 'A guest' }));
      await waitFor(() => harness.host.participants.some((p) => p.name === 'A guest'), 'the roster from the connection');
      expect((await simulator.conference('guests')).started).to.equal(false);
      expect(harness.host.conference.started).to.equal(false);
      expect(harness.labels('toolbar')).to.deep.equal([WAITING]);

      await joinSimulator({ alias: 'guests', displayName: 'The host', pin: '1234' });
      await harness.waitForLabels('toolbar', [GREETED]);
      expect(harness.host.conference.started).to.equal(true);
      expectPageRelativeFiles();
      expect(harness.problems()).to.deep.equal([]);
    });
  });

  it('why load first: loaded into a conference that has started, the plugin gets started: true before its library has run', async () => {
    const harness = await mountPluginHost({ conference: { started: true } });
    const [error] = await waitFor(() => harness.errors.length > 0 && harness.errors, 'the greeter plugin to fail');
    expect(harness.errors).to.have.length(1);
    expect(error!.id).to.equal(GREETER);
    expect(error!.phase).to.equal('subscriber');
    expect(String(error!.error)).to.equal("TypeError: Cannot read properties of undefined (reading 'of')");
    expect(harness.labels('toolbar')).to.deep.equal([WAITING]);
  });

  describe('a host that reads no branding folder', () => {
    it('branding-url="" loads nothing and requests nothing; removing the attribute reads custom_configuration/', async () => {
      const harness = await mountPluginHost({ brandingUrl: '' });
      expect(harness.host.getAttribute('branding-url')).to.equal('');
      expect(harness.host.plugins).to.deep.equal([]);
      expect(harness.host.runtime.branding).to.equal(null);
      expect(requested('/manifest.json')).to.deep.equal([]);
      expect(harness.problems()).to.deep.equal([]);

      harness.host.removeAttribute('branding-url');
      await harness.host.updateComplete;
      expect(harness.host.brandingUrl).to.equal('custom_configuration/');
      await harness.host.settled;
      expect(harness.statuses()).to.deep.equal({ [GREETER]: 'loaded' });
    });

    it('the property set to "" unloads the plugins; set to undefined it reads the default again', async () => {
      const harness = await mountPluginHost();
      expect(harness.statuses()).to.deep.equal({ [GREETER]: 'loaded' });
      harness.host.brandingUrl = '';
      await harness.host.updateComplete;
      expect(harness.host.plugins).to.deep.equal([]);
      expect(harness.labels('toolbar')).to.deep.equal([]);

      (harness.host as { brandingUrl: string | undefined }).brandingUrl = undefined;
      await harness.host.updateComplete;
      await harness.host.settled;
      expect(harness.statuses()).to.deep.equal({ [GREETER]: 'loaded' });
    });
  });
});
