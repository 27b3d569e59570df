/**
 * The Angular example, as built (`npm run build:angular` writes dist/angular/; `npm test`
 * builds it first): compiled ahead of time, loaded into an iframe under its own strict
 * Content-Security-Policy (`script-src 'self'`), a plugin's toolbar button clicked, and the
 * command followed into the Angular code and back to the plugin.
 *
 * Only strings and numbers are compared: a failing assertion that carries a DOM node or a
 * window from the iframe can hang the runner.
 */
import { expect } from '@open-wc/testing';

const BRANDING = '/test/fixtures/runtime/commands/';
const APP = `/dist/angular/index.html?branding=${encodeURIComponent(BRANDING)}`;

/** What the fixture plugin (test/fixtures/runtime/commands/) records in the iframe's window. */
interface FramePexTest {
  calls: Array<{ plugin: string; fn: string; answer?: unknown }>;
  roster?: string[];
}
type FrameWindow = Window & {
  pexTest?: FramePexTest;
  inlineScriptRan?: boolean;
  inlineHandlerRan?: boolean;
  PEX: { pluginAPI: { openTemplateDialog(options: { title: string; body: string }): PromiseLike<{ close(value?: unknown): void }> } };
};

/** esbuild's metafile of the build (dist/angular/meta.json): what went into the bundle. */
interface BundleMeta {
  inputs: Record<string, unknown>;
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** The built page's Content-Security-Policy, from its meta tag. */
async function builtPolicy(): Promise<string> {
  const page = new DOMParser().parseFromString(await (await fetch('/dist/angular/index.html')).text(), 'text/html');
  return page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
}

/** One directive of a policy (`script-src 'self'` → `'self'`), or null when the policy has none. */
function directive(policy: string, name: string): string | null {
  const found = policy.split(';').map((d) => d.trim()).find((d) => d.split(/\s+/)[0] === name);
  return found === undefined ? null : found.slice(name.length).trim();
}

async function until<T>(check: () => T | null | undefined | false, what: () => string, ms = 8000, every = 20): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

describe('the Angular example (dist/angular/)', () => {
  let iframe: HTMLIFrameElement | undefined;
  let frame: FrameWindow;
  const doc = () => iframe!.contentDocument!;
  const logText = () => [...doc().querySelectorAll('[data-testid="command-log"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
  const errors: string[] = [];
  /** Every Content-Security-Policy violation in the app's document, as `directive blocked-uri`. */
  const violations: string[] = [];

  before(async () => {
    const built = await fetch('/dist/angular/main.js', { method: 'HEAD' });
    if (!built.ok) throw new Error('dist/angular/ is not built: run `npm run build && npm run build:angular`');
    // The page shares this origin's storage: start from settings.json's defaults.
    for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
    iframe = document.createElement('iframe');
    iframe.style.cssText = 'width: 1000px; height: 700px';
    document.body.append(iframe);
    frame = iframe.contentWindow as FrameWindow;
    const loaded = new Promise((resolve) => iframe!.addEventListener('load', resolve, { once: true }));
    iframe.src = APP;
    // The fixture plugin logs to the iframe's window.pexTest, and needs it when its script
    // runs. The app's document gets a new Window when it commits: set the log up as soon as it
    // has. The plugin's script comes much later (the app's bundle, then the branding folder's
    // manifest.json, settings.json and package file are fetched first); the test checks that
    // the plugin found the log (it would fail to register without it).
    await until(() => frame.location.href !== 'about:blank', () => 'the app\'s document', 8000, 0);
    frame.pexTest = { calls: [] };
    frame.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    frame.addEventListener('error', (e) => errors.push(String(e.message)));
    frame.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    await loaded;
  });

  after(() => {
    iframe?.remove();
    iframe = undefined;
  });

  it('is compiled ahead of time: the bundle has Angular\'s runtime but not its template compiler', async () => {
    const meta = (await (await fetch('/dist/angular/meta.json')).json()) as BundleMeta;
    const packages = [...new Set(Object.keys(meta.inputs).map((path) => /node_modules\/(@angular\/[^/]+)\//.exec(path)?.[1]).filter(Boolean))];
    expect(packages.sort().join(', ')).to.equal('@angular/common, @angular/core, @angular/platform-browser');
    const inMain = Object.keys(meta.outputs['dist/angular/main.js']?.inputs ?? {});
    expect(String(inMain.some((path) => path.includes('node_modules/@angular/core/'))), '@angular/core in main.js').to.equal('true');
    expect(inMain.filter((path) => path.includes('/@angular/compiler')).join(', '), 'the compiler in main.js').to.equal('');
  });

  it('carries a strict Content-Security-Policy: scripts from its own origin only, no eval', async () => {
    const policy = await builtPolicy();
    expect(directive(policy, 'script-src')).to.equal("'self'");
    expect(directive(policy, 'default-src')).to.equal("'self'");
    expect(directive(policy, 'object-src')).to.equal("'none'");
    // The app's document has it (the eval test below shows that it is enforced).
    const enforced = await until(() => doc().querySelector('meta[http-equiv="Content-Security-Policy"]'), () => 'the policy in the app\'s document');
    expect(enforced.getAttribute('content')).to.equal(policy);
  });

  it('renders the elements from the Angular template, with the roster bound as a property', async () => {
    const host = await until(
      () => doc().querySelector('app-root pex-plugin-host') as (HTMLElement & { participants?: Array<{ name: string }>; brandingUrl?: string; participantRole?: string; platform?: string }) | null,
      () => `<pex-plugin-host> in the Angular app (errors: ${errors.join('; ') || 'none'})`,
    );
    expect(String(host.constructor === frame.customElements.get('pex-plugin-host')), 'an upgraded element').to.equal('true');
    for (const name of ['pex-toolbar', 'pex-conference-menu', 'pex-participant-menu', 'pex-plugin-settings']) {
      expect(doc().querySelectorAll(`pex-plugin-host ${name}`).length, name).to.equal(1);
    }
    // [participants] and [conference] are DOM property bindings: the values are objects, and
    // no attribute of that name appears.
    await until(() => host.participants?.length === 3, () => 'the roster on host.participants');
    expect(host.participants!.map((p) => p.name).join(', ')).to.equal('Alice Host, Bob Guest, Carol Guest');
    expect(String(host.hasAttribute('participants'))).to.equal('false');
    expect(String(host.hasAttribute('conference'))).to.equal('false');
    // The directive's inputs wrote the string settings too.
    expect(host.brandingUrl).to.equal(BRANDING);
    expect(host.participantRole).to.equal('chair');
    expect(host.platform).to.equal('web');
    const menu = doc().querySelector('pex-participant-menu') as HTMLElement & { participant?: { name: string } };
    expect(menu.participant?.name).to.equal('Alice Host');
    // ...and the plugin received it on participants$.
    await until(() => frame.pexTest!.roster?.length === 3, () => `the roster in the plugin (got ${JSON.stringify(frame.pexTest!.roster)})`);
    expect(frame.pexTest!.roster!.join(', ')).to.equal('Alice Host, Bob Guest, Carol Guest');
  });

  it('a toolbar click reaches the Angular pex-command handler, whose answer reaches the plugin', async () => {
    const button = await until(
      () => doc().querySelector('pex-toolbar')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-key="commands-plugin/toolbar/0"]'),
      () => `the commands-plugin toolbar button (errors: ${errors.join('; ') || 'none'}; log: ${logText().join(' | ')})`,
    );
    expect(button.getAttribute('aria-label')).to.equal('Record');
    button.click();

    // The Angular code logged the command it received, then its answer (after the dial "rings").
    const entry = await until(
      () => doc().querySelector('[data-testid="command-log"] li[data-kind="command"][data-name="dialOut"][data-outcome^="resolved"]'),
      () => `the resolved dialOut in the app's log (log: ${logText().join(' | ')})`,
    );
    const text = entry.textContent!.replace(/\s+/g, ' ').trim();
    expect(text).to.contain('dialOut from commands-plugin');
    expect(text).to.contain('"alias":"rtmp://stream.example/live"');
    expect(text).to.contain('"protocol":"rtmp"');
    expect(text).to.contain('"options":{"streaming":true}');
    const uuid = /resolved \["([0-9a-f-]{36})"\]/.exec(text)?.[1];
    expect(uuid, text).to.be.a('string');

    // The plugin's callback got what the guide promises: {result: [uuid]}, with the app's uuid.
    const callback = await until(
      () => frame.pexTest!.calls.find((c) => c.plugin === 'commands-plugin' && c.fn === 'record:callback'),
      () => `the plugin's record callback (calls: ${JSON.stringify(frame.pexTest!.calls)})`,
    );
    expect(JSON.stringify(callback.answer)).to.equal(JSON.stringify({ result: [uuid] }));

    // The app added the new participant to its roster: it shows, and reached the plugin as a property.
    await until(
      () => frame.pexTest!.roster?.length === 4,
      () => `the new roster in the plugin (got ${JSON.stringify(frame.pexTest!.roster)})`,
    );
    expect(frame.pexTest!.roster!.join(', ')).to.equal('Alice Host, Bob Guest, Carol Guest, rtmp://stream.example/live');
    const roster = [...doc().querySelectorAll('[data-testid="roster"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(roster.length).to.equal(4);
    expect(roster[3]).to.equal('rtmp://stream.example/live guest, streaming');
    expect(errors.join('; ')).to.equal('');
    // No plugin failed (the app logs pex-plugin-error too).
    expect(logText().filter((line) => /→ reported$/.test(line)).join(' | ')).to.equal('');
    // Angular, the elements and the plugin did all of it without anything the policy refuses.
    expect(violations.join('; '), 'policy violations').to.equal('');
  });

  it('refuses eval and inline script in the app\'s document, and reports each', async () => {
    const before = violations.length;
    const refused = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    // The frame's own eval and Function: the policy of the realm they belong to applies.
    const realm = frame as unknown as { eval(code: string): unknown; Function: FunctionConstructor };
    expect(refused(() => realm.eval('1 + 1'))).to.equal('EvalError');
    expect(refused(() => new realm.Function('return 1'))).to.equal('EvalError');
    const inline = doc().createElement('script');
    inline.textContent = 'window.inlineScriptRan = true;';
    doc().head.append(inline);
    await until(() => violations.length >= before + 3, () => `three violations (got ${JSON.stringify(violations.slice(before))})`);
    expect(violations.slice(before).join('; ')).to.equal('script-src eval; script-src eval; script-src-elem inline');
    expect(String(frame.inlineScriptRan === true), 'the inline script ran').to.equal('false');
    inline.remove();
  });

  it('refuses the inline event handlers of a plugin dialog\'s body (script-src-attr), and nothing else of the dialog', async () => {
    const before = violations.length;
    const ref = await frame.PEX.pluginAPI.openTemplateDialog({
      title: 'Inline handler',
      body: '<p id="dialog-text">Shown</p><button type="button" id="inline-handler" onclick="window.inlineHandlerRan = true">Run</button>',
    });
    expect(doc().getElementById('dialog-text')?.textContent, 'the body shows').to.equal('Shown');
    // The policy refuses the inline handler as the body goes in (the attribute is checked when it
    // is set; the report comes a task later): one report, and nothing else of the dialog.
    await until(() => violations.length > before, () => 'the inline handler\'s violation');
    expect(violations.slice(before).join('; '), 'opening the dialog').to.equal('script-src-attr inline');
    doc().getElementById('inline-handler')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50)); // a report of the click would have come by now
    expect(violations.slice(before).join('; ')).to.equal('script-src-attr inline');
    expect(String(frame.inlineHandlerRan === true), 'the inline handler ran').to.equal('false');
    ref.close();
  });
});
