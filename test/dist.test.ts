/**
 * The drop-in file, as a plain page uses it: one module script, no bundler. Built by
 * `npm run build` (which `npm test` runs first).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { Reports, probeCall, until } from './support/webapp3-harness.js';

interface DropIn {
  PexPluginHost: CustomElementConstructor;
  LIBRARY_VERSION: string;
  connectInfinity(options: { node: string; alias: string; displayName: string }): Promise<{
    participants$: { subscribe(next: (participants: Array<{ name: string }>) => void): { unsubscribe(): void } };
    leave(): Promise<void>;
  }>;
}

describe('dist/pex-plugin-host.js', () => {
  let dropIn: DropIn;

  before(async () => {
    const url = new URL('/dist/pex-plugin-host.js', location.href).href;
    dropIn = (await import(/* @vite-ignore */ url)) as DropIn;
  });

  it('defines every pex-* element and installs window.PEX', () => {
    for (const name of ['pex-plugin-host', 'pex-toolbar', 'pex-conference-menu', 'pex-participant-menu']) {
      expect(customElements.get(name), name).to.be.a('function');
    }
    expect(customElements.get('pex-plugin-host')).to.equal(dropIn.PexPluginHost);
    expect(window.PEX.pluginAPI.registerPlugin).to.be.a('function');
    expect(dropIn.LIBRARY_VERSION).to.be.a('string');
  });

  it('runs a branding folder\'s plugins and their toolbar action', async () => {
    const calls: unknown[] = [];
    (window as unknown as { pexTest: unknown }).pexTest = { calls };
    const brandingUrl = new URL('/test/fixtures/runtime/good/', location.href).href;
    const host = await fixture<HTMLElement & { settled: Promise<void>; participants: unknown[] }>(
      html`<pex-plugin-host branding-url=${brandingUrl}><pex-toolbar></pex-toolbar></pex-plugin-host>`,
    );
    await host.settled;
    host.participants = [{ uuid: 'p1', name: 'One', isStreaming: false }];
    const toolbar = host.querySelector('pex-toolbar') as HTMLElement & { updateComplete: Promise<unknown> };
    await new Promise((resolve) => setTimeout(resolve, 0));
    await toolbar.updateComplete;
    const button = toolbar.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="toolbar-plugin/toolbar/0"]');
    expect(button?.getAttribute('aria-label')).to.equal('Start recording (1)');
    button!.click();
    const actions = calls.filter((c) => (c as { fn: string }).fn === 'recordConference');
    expect(actions).to.have.length(1);
    expect(actions[0]).to.include({ plugin: 'toolbar-plugin', count: 1 });
  });

  it('styles dialogs and the classes plugins use (the built, minified styles hold)', async () => {
    const ref = await (window.PEX.pluginAPI.openTemplateDialog({
      title: 'Built',
      body: '<button id="builtGreen" class="dialog-button green-action-button">Go</button>',
    }) as PromiseLike<{ close(): void }>);
    try {
      const green = getComputedStyle(document.getElementById('builtGreen')!);
      expect(green.backgroundColor).to.equal('rgb(15, 157, 88)');
      expect(green.borderTopLeftRadius).to.equal('24px');
      const dialog = document.querySelector('pex-template-dialog')!.shadowRoot!.querySelector('dialog')!;
      expect(getComputedStyle(dialog).borderTopLeftRadius).to.equal('12px');
      expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      ref.close();
    }
  });

  it('exports connectInfinity, which loads the connection chunk and joins a conference on the simulator', async () => {
    await fetch('/_simulator/reset', { method: 'POST' });
    const before = performance.getEntriesByType('resource').filter((e) => /\/dist\/infinity-[\w-]+\.js/.test(e.name)).length;
    const connection = await dropIn.connectInfinity({ node: location.origin, alias: 'meet', displayName: 'Drop-in user' });
    try {
      const names: string[] = [];
      connection.participants$.subscribe((participants) => names.splice(0, names.length, ...participants.map((p) => p.name))).unsubscribe();
      expect(names).to.include('Drop-in user');
      const after = performance.getEntriesByType('resource').filter((e) => /\/dist\/infinity-[\w-]+\.js/.test(e.name)).length;
      expect(after - before, 'the connection chunk was fetched on first use').to.equal(1);
    } finally {
      await connection.leave();
    }
  });

  it('warns instead of throwing when a second copy registers the same elements', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const url = new URL('/dist/pex-plugin-host.js?second-copy', location.href).href;
      await import(/* @vite-ignore */ url);
    } finally {
      console.warn = original;
    }
    expect(warnings.some((w) => w.includes('<pex-plugin-host> is already defined'))).to.equal(true);
  });

  it('works from a plain HTML page: one module script tag, then markup', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/drop-in/page.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as Window & { pexTest: { calls: Array<{ fn: string; plugin: string }> } };
      const doc = frame.contentDocument!;
      const button = () =>
        doc.querySelector('pex-toolbar')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-key="toolbar-plugin/toolbar/0"]') ?? null;
      const end = Date.now() + 5000;
      while (!button() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(button()?.getAttribute('aria-label')).to.equal('Start recording (0)');
      button()!.click();
      expect(win.pexTest.calls.filter((c) => c.fn === 'recordConference').map((c) => c.plugin)).to.deep.equal(['toolbar-plugin']);
      // The settings page's view is a chunk of its own: it may come after the toolbar's button.
      const names = () => [...(doc.querySelector('pex-plugin-settings')?.shadowRoot?.querySelectorAll('[part="name"]') ?? [])].map((n) => n.textContent);
      const shown = Date.now() + 5000;
      while (!names().includes('Toolbar test') && Date.now() < shown) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(names()).to.include('Toolbar test');
    } finally {
      frame.remove();
    }
  });
  it("defines the Web App 3 plugins' elements with their chunk: a form, a prompt and a toast show", async () => {
    const reports = new Reports();
    try {
      const brandingUrl = new URL('/test/fixtures/runtime/webapp3-popups/', location.href).href;
      const host = await fixture<HTMLElement & { settled: Promise<void> }>(html`<pex-plugin-host branding-url=${brandingUrl}></pex-plugin-host>`);
      await host.settled;
      await until(() => reports.of('pop-ui', 'registered').length === 1, 'the plugin registered');
      const frame = host.shadowRoot!.querySelector<HTMLIFrameElement>('iframe[data-webapp3-plugin="pop-ui"]')!;
      const outcomes = [
        await probeCall(reports, frame, 'pop-ui', { path: 'ui.addForm', payload: { title: 'Rename', form: { submitBtnTitle: 'Save', elements: { nick: { name: 'Nickname', type: 'text' } } } } }),
        await probeCall(reports, frame, 'pop-ui', { path: 'ui.addPrompt', payload: { title: 'Leave?', prompt: { primaryAction: 'Leave' } } }),
        await probeCall(reports, frame, 'pop-ui', { path: 'ui.showToast', payload: { message: 'Saved' } }),
      ];
      expect(outcomes.map((outcome) => outcome.error ?? outcome.kind)).to.deep.equal(['result', 'result', 'result']);
      for (const tag of ['pex-plugin-form', 'pex-plugin-prompt', 'pex-toasts', 'pex-plugin-widget']) expect(customElements.get(tag), tag).to.be.a('function');
      const form = host.shadowRoot!.querySelector('pex-plugin-form')!;
      await until(() => form.shadowRoot?.querySelector('input') != null, 'the form drawn');
      expect(host.shadowRoot!.querySelector('pex-plugin-prompt')?.shadowRoot).to.not.equal(null);
      await until(() => host.shadowRoot!.querySelector('pex-toasts')?.shadowRoot?.textContent?.includes('Saved') === true, 'the toast shown');
    } finally {
      reports.dispose();
    }
  });
});
