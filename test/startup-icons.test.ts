/**
 * A plugin's menu icons are requested as soon as its package file names them, alongside its
 * source rather than after it loaded, and the toolbar draws the very element that fetched each,
 * so no icon is fetched twice (the fixture server answers `no-cache`: a second element for the
 * same URL would go back to the server).
 */
import { expect } from '@open-wc/testing';
import { fixtureUrl, mountHost } from './support/host-fixture.js';

const PLUGIN_FOLDER = `${fixtureUrl('icons-early')}plugins/early/`;

// Observed rather than read from the page's buffer: the test page's own modules fill that.
const resources: PerformanceResourceTiming[] = [];
new PerformanceObserver((list) => resources.push(...(list.getEntries() as PerformanceResourceTiming[]))).observe({ type: 'resource' });

// Every element given an icon URL of the fixture plugin: the server of these tests answers
// `no-cache`, which Chromium may still answer from memory for a second element, while a
// `no-store` server (or a cache turned off) sends a second element back to the network. One
// element per URL is what makes one request everywhere.
const iconElements: Array<{ url: string; element: Element }> = [];
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
  if ((name === 'href' || name === 'src') && String(value).startsWith(PLUGIN_FOLDER)) iconElements.push({ url: String(value), element: this });
  setAttribute.call(this, name, value);
};
const imageSrc = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
Object.defineProperty(HTMLImageElement.prototype, 'src', {
  ...imageSrc,
  set(this: HTMLImageElement, value: string) {
    if (String(value).startsWith(PLUGIN_FOLDER)) iconElements.push({ url: String(value), element: this });
    imageSrc.set!.call(this, value);
  },
});
after(() => {
  Element.prototype.setAttribute = setAttribute;
  Object.defineProperty(HTMLImageElement.prototype, 'src', imageSrc);
});

/** Resource timing entries of one file of the fixture plugin (any query, any fragment). */
function requestsOf(file: string): PerformanceResourceTiming[] {
  return resources.filter((entry) => entry.name.split('?')[0] === PLUGIN_FOLDER + file);
}

async function until<T>(check: () => T | null | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('menu icons at start-up', () => {
  it('requests each icon once, before the plugin source runs, and the toolbar draws the element that fetched it', async () => {
    const { host } = await mountHost('icons-early');
    const toolbar = host.querySelector('pex-toolbar')!;
    const root = () => toolbar.shadowRoot!;
    const use = await until(() => root().querySelector<SVGUseElement>('[part="button"] svg[part="icon"] use'), 'the symbol icon drawn');
    const img = await until(() => root().querySelector<HTMLImageElement>('[part="button"] img[part="icon"]'), 'the picture icon drawn');
    expect(use.getAttribute('href')).to.equal(`${PLUGIN_FOLDER}symbols.svg?pexBrandingID=1700000000041#bell`);
    expect(img.getAttribute('src')).to.equal(`${PLUGIN_FOLDER}picture.svg?pexBrandingID=1700000000041`);
    // Both files in and drawn: the symbol's box has its size once its file is in.
    await until(() => use.getBBox().width > 0 && img.complete && img.naturalWidth > 0, 'both icons loaded');
    await until(() => requestsOf('symbols.svg').length && requestsOf('picture.svg').length, 'the icons\' resource timing');
    // A second fetch would start as the toolbar rendered, which is behind us: a few frames for
    // its entry to be reported, had there been one.
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));

    const ran = window.pexTest.calls.find((call) => call.plugin === 'early-icons-plugin' && call.fn === 'ran');
    expect(ran, 'the plugin source ran').to.exist;
    for (const file of ['symbols.svg', 'picture.svg']) {
      const requests = requestsOf(file);
      expect(requests.map((entry) => entry.name.split('/').pop()), `requests of ${file}`).to.have.length(1);
      expect(requests[0]!.startTime, `${file} requested before the source ran`).to.be.below(ran!.at as number);
    }
    expect(iconElements.map(({ url }) => url.split('/').pop()), 'elements given an icon URL').to.deep.equal([
      'symbols.svg?pexBrandingID=1700000000041#bell',
      'picture.svg?pexBrandingID=1700000000041',
    ]);
    expect(iconElements[0]!.element, 'the drawn <use> is the one that fetched').to.equal(use);
    expect(iconElements[1]!.element, 'the drawn <img> is the one that fetched').to.equal(img);
  });
});
