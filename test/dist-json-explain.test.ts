/**
 * The built drop-in loads the explainer of broken JSON (jsonc-parser) as a chunk of its own,
 * only when a branding file fails to parse. A page of its own, so that no other test has
 * fetched the chunk before. Built by `npm run build` (which `npm test` runs first).
 */
import { expect, fixture, html } from '@open-wc/testing';

interface Diagnostic {
  severity: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
}
type Host = HTMLElement & { settled: Promise<void>; updateComplete: Promise<boolean> };

/** How many times the page fetched the explainer chunk (Resource Timing lists every fetch). */
const explainerFetches = () =>
  performance.getEntriesByType('resource').filter((e) => /^\/dist\/json-problem-[\w-]+\.js$/.test(new URL(e.name).pathname)).length;

async function mountHost(folder: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const brandingUrl = new URL(folder, location.href).href;
  const wrapper = await fixture<HTMLElement>(html`<div @pex-diagnostic=${(e: CustomEvent<{ diagnostic: Diagnostic }>) => diagnostics.push(e.detail.diagnostic)}></div>`);
  const host = document.createElement('pex-plugin-host') as Host;
  host.setAttribute('branding-url', brandingUrl);
  wrapper.append(host);
  // It starts reading the branding in its first update.
  await host.updateComplete;
  await host.settled;
  host.remove();
  return diagnostics;
}

describe('dist/pex-plugin-host.js: broken JSON explained by a lazily loaded chunk', () => {
  before(async () => {
    await import(/* @vite-ignore */ new URL('/dist/pex-plugin-host.js', location.href).href);
  });

  it('fetches no explainer for a branding whose files parse', async () => {
    const diagnostics = await mountHost('/test/fixtures/runtime/good/');
    expect(diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    expect(explainerFetches()).to.equal(0);
  });

  it('fetches it once when a file fails to parse, and says in words what is wrong and where', async () => {
    const diagnostics = await mountHost('/test/fixtures/config/bad-json/');
    expect(diagnostics).to.deep.equal([
      {
        severity: 'error',
        file: new URL('/test/fixtures/config/bad-json/settings.json', location.href).href,
        line: 6,
        column: 7,
        message: 'the file is not valid JSON: missing comma between the properties "srcURL" and "enabled"',
        fix: 'add a comma at line 5, column 50, after `"plugins/a/a.plugin.package.json"`',
      },
    ]);
    expect(explainerFetches()).to.equal(1);

    // Loaded once: the next broken file uses the chunk already there.
    expect((await mountHost('/test/fixtures/config/bad-json/')).map((d) => d.message)).to.have.length(1);
    expect(explainerFetches()).to.equal(1);
  });
});
