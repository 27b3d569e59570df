import { expect } from '@open-wc/testing';
import { flush, mountHost, participant } from './support/host-fixture.js';

describe('<pex-plugin-host> isolating broken plugins', () => {
  it('keeps the good plugin working while every broken one fails alone, with its phase', async () => {
    const { host, errors, loaded, diagnostics } = await mountHost('broken');
    expect(loaded).to.include.members(['good-plugin', 'settings-id', 'throws-elsewhere']);

    const status = Object.fromEntries(host.plugins.map((p) => [p.id, p.status]));
    expect(status).to.deep.equal({
      'good-plugin': 'loaded',
      'missing-source': 'failed',
      'syntax-error': 'failed',
      'throws-in-load': 'failed',
      'throws-in-script': 'failed',
      'never-registers': 'failed',
      'settings-id': 'loaded',
      'throws-elsewhere': 'loaded',
      'broken-package': 'failed',
      'missing-package': 'failed',
      'pexrtc-user': 'failed',
      'registers-nothing': 'failed',
    });

    const phaseOf = (id: string) => errors.filter((e) => e.id === id).map((e) => e.phase);
    expect(phaseOf('missing-source')).to.deep.equal(['script']);
    expect(phaseOf('syntax-error')).to.deep.equal(['script']);
    expect(phaseOf('throws-in-load')).to.deep.equal(['load']);
    expect(phaseOf('throws-in-script')).to.deep.equal(['script']);
    expect(phaseOf('never-registers')).to.deep.equal(['register']);
    expect(phaseOf('broken-package')).to.deep.equal(['config']);
    expect(phaseOf('missing-package')).to.deep.equal(['config']);
    expect(phaseOf('pexrtc-user')).to.deep.equal(['load']);
    expect(phaseOf('registers-nothing')).to.deep.equal(['register']);
    expect(errors.every((e) => e.id !== 'good-plugin')).to.equal(true);

    const info = (id: string) => host.plugins.find((p) => p.id === id)!;
    expect(info('missing-source').error?.message).to.match(/does-not-exist\.js.*404/);
    expect(info('syntax-error').error?.message).to.match(/SyntaxError|Unexpected token/);
    expect(info('throws-in-load').error?.message).to.equal('load exploded');
    expect(info('never-registers').error?.message).to.match(/did not call PEX\.pluginAPI\.registerPlugin within 400 ms/);
    expect(info('broken-package').error?.message).to.match(/broken\.plugin\.package\.json:4:/);
    expect(info('registers-nothing').error?.message).to.match(/registerPlugin expects an object/);
    // window.PEX.pexrtc has no getMediaStatistics: undefined (reported once), so the call throws.
    expect(info('pexrtc-user').error?.message).to.equal('window.PEX.pexrtc.getMediaStatistics is not a function');
    expect(diagnostics.filter((d) => d.pluginId === 'pexrtc-user').map((d) => d.message)).to.deep.equal([
      'Plugin "pexrtc-user" read window.PEX.pexrtc.getMediaStatistics, which is not offered: this host has no media call of its own ' +
        '(webapp2\'s PexRTC call object is a view of the conference here), so it reads as undefined.',
    ]);
    expect(window.pexTest.silentRan).to.equal(true);

    // The good plugin still gets the roster and its action still runs.
    host.participants = [participant('x')];
    expect(window.pexTest.goodSaw).to.equal(1);
    await flush();
    const goodButton = document.querySelector('pex-toolbar')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="good-plugin/toolbar/0"]');
    goodButton!.click();
    expect(window.pexTest.calls.some((c) => c.plugin === 'good-plugin' && c.fn === 'act')).to.equal(true);
  });

  it('reports an id that differs between settings.json, the package file and registerPlugin, and still loads it', async () => {
    const { diagnostics } = await mountHost('broken');
    const mismatch = diagnostics.find((d) => d.pluginId === 'settings-id' && /registered the id/.test(d.message));
    expect(mismatch, 'id mismatch diagnostic').to.exist;
    expect(mismatch!.severity).to.equal('warning');
    expect(mismatch!.message).to.include('"code-id"').and.include('"settings-id"').and.include('"package-id"');
    expect(mismatch!.message).to.include('settings.json').and.include('mismatch.plugin.package.json');
    expect(mismatch!.fix).to.match(/one id/);
    expect(window.pexTest.calls.some((c) => c.plugin === 'mismatch' && c.fn === 'load')).to.equal(true);
  });

  it('pairs a registration with the code that makes it, not the id it claims: a plugin cannot take the place of one that registers late', async () => {
    const { host, errors } = await mountHost('id-thief', { registerTimeout: 1000 });
    expect(Object.fromEntries(host.plugins.map((p) => [p.id, p.status]))).to.deep.equal({ victim: 'loaded', thief: 'loaded' });
    expect(errors.map((e) => [e.id, e.phase])).to.deep.equal([['thief', 'register']]);
    expect((errors[0]!.error as Error).message).to.match(/^The plugin source registered the id "victim", but .*id-thief\/settings\.json names the plugin "thief"/);
    host.runtime.invokeMenuItem('victim/toolbar/0', []);
    expect(window.pexTest.calls.filter((c) => c.fn === 'act')).to.deep.equal([{ plugin: 'victim', fn: 'act', by: 'victim' }]);
  });

  it('catches a throwing subscriber, action and unload, and the plugin goes on', async () => {
    const { host, errors } = await mountHost('broken');
    const before = errors.length;
    host.participants = [participant('x')];
    host.dispatchAction({ type: '[Test] Boom' });
    await flush();
    document.querySelector('pex-toolbar')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="throws-elsewhere/toolbar/0"]')!.click();
    const late = errors.slice(before).filter((e) => e.id === 'throws-elsewhere');
    expect(late.map((e) => [e.phase, (e.error as Error).message])).to.deep.equal([
      ['subscriber', 'subscriber exploded'],
      ['subscriber', 'actions subscriber exploded'],
      ['action', 'action exploded'],
    ]);
    // A second roster update reaches the same (still subscribed) callback again.
    host.participants = [participant('y')];
    expect(errors.filter((e) => e.id === 'throws-elsewhere' && e.phase === 'subscriber')).to.have.length(3);
    expect(host.plugins.find((p) => p.id === 'throws-elsewhere')?.status).to.equal('loaded');

    host.runtime.unloadPlugin('throws-elsewhere');
    expect(errors.at(-1)).to.include({ id: 'throws-elsewhere', phase: 'unload' });
    expect(host.plugins.find((p) => p.id === 'throws-elsewhere')?.status).to.equal('not-loaded');
  });
});

describe('<pex-plugin-host> with a branding folder that is not usable', () => {
  it('loads no plugin when isSettingsBranded is not true, and says so', async () => {
    const events: boolean[] = [];
    document.addEventListener('pex-branding-loaded', (e) => events.push(e.detail.settingsBranded), { once: true });
    const { host, diagnostics, loaded } = await mountHost('unbranded');
    expect(events).to.deep.equal([false]);
    expect(host.plugins).to.deep.equal([]);
    expect(loaded).to.deep.equal([]);
    const warning = diagnostics.find((d) => d.pointer === '/isSettingsBranded');
    expect(warning?.severity).to.equal('warning');
    expect(warning?.file).to.match(/unbranded\/manifest\.json$/);
    expect(warning?.fix).to.match(/true/);
  });

  it('reports broken settings.json JSON with its line and column', async () => {
    const { host, diagnostics } = await mountHost('bad-settings');
    expect(host.plugins).to.deep.equal([]);
    const error = diagnostics.find((d) => d.severity === 'error');
    expect(error?.file).to.match(/bad-settings\/settings\.json$/);
    expect(error?.line).to.equal(4);
    expect(error?.column).to.be.a('number');
  });

  it('skips settings entries that break the schema and loads the good one', async () => {
    const { host, diagnostics, loaded } = await mountHost('schema');
    expect(loaded).to.deep.equal(['good-one']);
    expect(host.plugins.map((p) => p.id)).to.deep.equal(['good-one']);
    const pointers = diagnostics.filter((d) => d.severity === 'error').map((d) => d.pointer);
    expect(pointers).to.include('/plugins/1/id');
    expect(pointers).to.include('/plugins/2/srcURL');
  });
});
