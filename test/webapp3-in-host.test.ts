import { expect } from '@open-wc/testing';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';
import { mountHost, participant } from './support/host-fixture.js';
import { Reports, probeCall, until } from './support/webapp3-harness.js';

/**
 * One host, both generations of plugins: a webapp2 plugin of settings.json and a Web App 3 plugin
 * (written with the real @pexip/plugin-api) of manifest.json, in one list, one settings page
 * and one conference.
 */
describe('a webapp2 and a Web App 3 plugin in one host', () => {
  let reports: Reports;
  beforeEach(() => (reports = new Reports()));
  afterEach(() => reports.dispose());

  const frames = () => document.querySelectorAll('pex-plugin-host')[0]?.shadowRoot?.querySelectorAll('iframe') ?? [];

  it('loads both, lists both, and counts both as settled', async () => {
    let settled: unknown;
    document.addEventListener('pex-plugins-settled', (event) => (settled = (event as CustomEvent).detail), { once: true });
    const m = await mountHost('two-kinds', { registerTimeout: 4000 });
    expect(m.host.plugins.map((p) => [p.id, p.status])).to.deep.equal([
      ['roster-w2', 'loaded'],
      ['probe-w3', 'loaded'],
    ]);
    expect(m.loaded).to.have.members(['roster-w2', 'probe-w3']);
    expect(settled).to.deep.include({ loaded: 2, failed: 0, total: 2, loadedIds: ['roster-w2', 'probe-w3'] });
    expect(frames()).to.have.length(1);
    // The plugin hears the host's answer to its handshake after the host counted it ready.
    await until(() => reports.of('probe-w3', 'registered').length === 1, 'the plugin registered');
    expect(m.errors).to.deep.equal([]);
  });

  it('tells both of the same participant update', async () => {
    const m = await mountHost('two-kinds', { registerTimeout: 4000 });
    m.host.participants = [participant('p1', { name: 'Alice' }), participant('p2', { name: 'Bob' })];
    await until(() => window.pexTest.calls.some((c) => c.fn === 'participants' && (c.names as string[]).length === 2), 'the webapp2 plugin hearing two');
    const names = (report: { payload?: unknown }) => ((report.payload as { participants?: { displayName: string }[] }).participants ?? []).map((p) => p.displayName);
    await until(() => reports.of('probe-w3', 'event', 'participants').some((r) => names(r).length === 2), 'the Web App 3 plugin hearing two');
    const webapp2 = window.pexTest.calls.filter((c) => c.fn === 'participants').at(-1)!.names;
    const webapp3 = names(reports.of('probe-w3', 'event', 'participants').at(-1)!);
    expect([webapp2, webapp3]).to.deep.equal([
      ['Alice', 'Bob'],
      ['Alice', 'Bob'],
    ]);
  });

  it('shows both in Settings > Plugins, where the Web App 3 one turns off and on', async () => {
    const m = await mountHost('two-kinds', { registerTimeout: 4000 });
    const settings = document.createElement('pex-plugin-settings') as PexPluginSettings;
    m.host.append(settings);
    await settings.updateComplete;
    const items = () => [...settings.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
    expect(items().map((li) => [li.dataset.id, li.dataset.status])).to.deep.equal([
      ['roster-w2', 'loaded'],
      ['probe-w3', 'loaded'],
    ]);
    const toggle = () => items()[1]!.querySelector<HTMLElement>('[part="switch"]')!;
    toggle().click();
    await until(() => m.host.plugins[1]?.status === 'not-loaded', 'the Web App 3 plugin unloaded');
    expect(frames()).to.have.length(0);
    expect(m.unloaded).to.deep.equal(['probe-w3']);
    toggle().click();
    await until(() => m.host.plugins[1]?.status === 'loaded', 'the Web App 3 plugin loaded again');
    expect(frames()).to.have.length(1);
    expect(m.host.plugins[0]!.status).to.equal('loaded');
  });

  it("shows a Web App 3 plugin's toast in the host's live region, and takes its form away when it is unloaded", async () => {
    const m = await mountHost('two-kinds', { registerTimeout: 4000 });
    const root = m.host.shadowRoot!;
    const frame = root.querySelector<HTMLIFrameElement>('iframe[data-webapp3-plugin="probe-w3"]')!;
    await until(() => reports.of('probe-w3', 'registered').length === 1, 'the plugin registered');
    const toast = await probeCall(reports, frame, 'probe-w3', { path: 'ui.showToast', payload: { message: 'Recording started', timeout: 2000 } });
    expect(toast.kind).to.equal('result');
    const region = root.querySelector('pex-toasts')!;
    await until(() => region.shadowRoot?.querySelector('[role="status"] [part~="message"]')?.textContent === 'Recording started', 'the toast shown');
    void probeCall(reports, frame, 'probe-w3', { path: 'ui.showForm', payload: { title: 'Alias', form: { submitBtnTitle: 'Go', elements: { alias: { name: 'Alias', type: 'text' } } } } });
    await until(() => root.querySelector('pex-plugin-form') !== null, 'the form shown');
    m.host.runtime.unloadPlugin('probe-w3');
    await until(() => root.querySelector('pex-plugin-form') === null, 'the form gone with its plugin');
    expect(frames()).to.have.length(0);
  });

  it('fails a Web App 3 plugin that never registers after the register timeout, with the reason, and the webapp2 one still loads', async () => {
    const m = await mountHost('two-kinds-silent', { registerTimeout: 300 });
    expect(m.host.plugins.map((p) => [p.id, p.status])).to.deep.equal([
      ['roster-w2', 'loaded'],
      ['silent-w3', 'failed'],
    ]);
    expect(m.errors.map((e) => [e.id, e.phase])).to.deep.equal([['silent-w3', 'register']]);
    expect(m.host.plugins[1]!.error?.message).to.contain('silent-w3').and.contain('300');
  });
});
