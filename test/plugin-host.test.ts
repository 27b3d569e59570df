import { expect } from '@open-wc/testing';
import { flush, mountHost, participant } from './support/host-fixture.js';
import { menuItems, toolbarButtons, until } from './support/menu-helpers.js';

describe('<pex-plugin-host> with a good branding folder', () => {
  it('loads the enabled plugins that fit, and lists every plugin with its status', async () => {
    const { host, loaded, errors } = await mountHost('good');
    expect(errors).to.deep.equal([]);
    expect(loaded).to.have.members(['toolbar-plugin', 'conference-plugin', 'participants-plugin', 'chair-plugin', 'guest-plugin', 'sloppy-plugin', 'async-plugin']);
    const status = Object.fromEntries(host.plugins.map((p) => [p.id, p.status]));
    expect(status).to.deep.equal({
      'toolbar-plugin': 'loaded',
      'conference-plugin': 'loaded',
      'participants-plugin': 'loaded',
      'disabled-plugin': 'not-loaded',
      'chair-plugin': 'loaded',
      'guest-plugin': 'loaded',
      'desktop-plugin': 'filtered-out',
      'sloppy-plugin': 'loaded',
      'async-plugin': 'loaded',
    });
    expect(host.plugins.find((p) => p.id === 'toolbar-plugin')).to.include({ name: 'Toolbar test', version: '1', allowUnload: true });
    expect(host.brandingID).to.equal('1700000000001');
  });

  it('renders toolbar buttons whose icon and label follow state$', async () => {
    const { host } = await mountHost('good');
    await flush();
    const record = toolbarButtons().find((b) => b.dataset.key === 'toolbar-plugin/toolbar/0');
    expect(record, 'toolbar button of toolbar-plugin').to.exist;
    expect(record!.getAttribute('aria-label')).to.equal('Start recording (0)');
    expect(record!.title).to.equal('Start recording (0)');
    const use = record!.querySelector('use');
    expect(use?.getAttribute('href')).to.match(/\/test\/fixtures\/runtime\/good\/plugins\/toolbar\/start\.svg\?pexBrandingID=1700000000001#start$/);

    host.participants = [participant('a'), participant('rec', { isStreaming: true })];
    await flush();
    const updated = toolbarButtons().find((b) => b.dataset.key === 'toolbar-plugin/toolbar/0')!;
    expect(updated.getAttribute('aria-label')).to.equal('Stop recording');
    expect(updated.querySelector('use')?.getAttribute('href')).to.match(/stop\.svg\?pexBrandingID=1700000000001#stop$/);
  });

  it('calls the toolbar action with the participants array and the conference details, as a method', async () => {
    const { host } = await mountHost('good');
    host.participants = [participant('a'), participant('b')];
    host.conference = { locked: true, started: true };
    await flush();
    toolbarButtons().find((b) => b.dataset.key === 'toolbar-plugin/toolbar/0')!.click();
    const call = window.pexTest.calls.find((c) => c.fn === 'recordConference');
    expect(call).to.exist;
    expect(call!.self).to.equal('toolbar-this');
    expect(call!.count).to.equal(2);
    expect((call!.participants as Array<{ uuid: string }>).map((p) => p.uuid)).to.deep.equal(['a', 'b']);
    expect(call!.conference).to.include({ locked: true, started: true, guestsMuted: false, mediaType: 'video' });
    expect(window.pexTest.toolbarConference).to.include({ locked: true });
  });

  it('renders conference menu items (use-referenced and plain SVG) and calls their action with the conference details', async () => {
    const { host } = await mountHost('good');
    host.conference = { guestsMuted: true };
    await flush();
    const items = menuItems('pex-conference-menu');
    expect(items.map((i) => i.textContent?.trim())).to.deep.equal(['Take screenshot', 'Plain icon']);
    expect(items[0]!.getAttribute('role')).to.equal('menuitem');
    expect(items[0]!.querySelector('use')?.getAttribute('href')).to.match(/conference\/crop\.svg\?pexBrandingID=1700000000001#crop$/);
    expect(items[1]!.querySelector('img')?.getAttribute('src')).to.match(/conference\/plain\.svg\?pexBrandingID=1700000000001$/);
    items[0]!.click();
    const call = window.pexTest.calls.find((c) => c.fn === 'openScreenshot');
    expect(call?.args).to.have.length(1);
    expect((call!.args as unknown[])[0]).to.include({ guestsMuted: true });
  });

  it('shows participant menu items with per-participant state and calls the action with that participant', async () => {
    const { host } = await mountHost('good');
    const alice = participant('alice');
    const bob = participant('bob', { spotlight: 1700000123 });
    host.participants = [alice, bob];
    const menu = document.querySelector('pex-participant-menu')!;
    menu.participant = alice;
    await flush();
    let items = menuItems('pex-participant-menu');
    expect(items.map((i) => i.textContent?.trim())).to.deep.equal(['Spotlight']);
    expect(items[0]!.querySelector('use')?.getAttribute('href')).to.match(/spot\.svg\?pexBrandingID=1700000000001#spot$/);

    menu.participant = bob;
    await flush();
    items = menuItems('pex-participant-menu');
    expect(items[0]!.textContent?.trim()).to.equal('Remove spotlight');
    expect(items[0]!.querySelector('use')?.getAttribute('href')).to.match(/spot-off\.svg\?pexBrandingID=1700000000001#spotoff$/);
    items[0]!.click();
    const call = window.pexTest.calls.find((c) => c.fn === 'toggleSpotlight');
    expect(call!.argc).to.equal(1);
    expect((call!.participant as { uuid: string }).uuid).to.equal('bob');
  });

  it('runs sloppy-mode plugin sources as classic scripts', async () => {
    await mountHost('good');
    const w = window as unknown as Record<string, unknown>;
    expect(w.sloppyGlobalCounter).to.equal(1);
    expect(w.undeclaredInsideLoad).to.equal('sloppyLoad');
    expect(w.sloppyWith).to.equal('with works');
  });

  it('waits for a plugin that registers late and for an async load', async () => {
    const { host } = await mountHost('good');
    expect(host.plugins.find((p) => p.id === 'async-plugin')?.status).to.equal('loaded');
    expect(window.pexTest.calls.some((c) => c.plugin === 'async-plugin' && c.fn === 'load-finished')).to.equal(true);
  });
});

describe('<pex-plugin-host> defined after an app set its properties', () => {
  it('takes over participants, conference and selfUUID set before the upgrade', async () => {
    // An element of a name not yet defined stands in for a host created before the drop-in loaded.
    const name = 'pex-late-plugin-host';
    const early = document.createElement(name) as HTMLElement & Record<string, unknown>;
    early.participants = [participant('early', { name: 'Early bird' })];
    early.conference = { locked: true };
    early.selfUUID = 'self-early';
    document.body.append(early);
    try {
      const { PexPluginHost } = await import('../components/plugin-host/plugin-host.js');
      customElements.define(name, class extends PexPluginHost {});
      const host = early as unknown as InstanceType<typeof PexPluginHost>;
      // What plugins get: the host's conference store, not a value left on the element.
      expect(host.runtime.conference.participants.map((p) => p.name)).to.deep.equal(['Early bird']);
      expect(host.runtime.conference.conference.locked).to.equal(true);
      expect(window.PEX.selfUUID).to.equal('self-early');
      expect(Object.prototype.hasOwnProperty.call(early, 'participants')).to.equal(false);
    } finally {
      early.remove();
    }
  });
});

describe('<pex-plugin-host> removed while it reads its branding folder', () => {
  it('stops quietly: settled resolves, no unhandled rejection, no plugin loads', async () => {
    const rejections: string[] = [];
    const sentinel = new Error('sentinel');
    let sentinelSeen = false;
    const onRejection = (event: PromiseRejectionEvent) => {
      if (event.reason !== sentinel) {
        rejections.push(String(event.reason));
        return;
      }
      sentinelSeen = true;
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const host = document.createElement('pex-plugin-host');
      host.brandingUrl = '/test/fixtures/runtime/good/';
      document.body.append(host);
      // The host starts reading in its first update.
      await host.updateComplete;
      const settled = host.settled;
      // Gone before manifest.json and settings.json can have arrived: the reads are aborted.
      host.remove();
      await settled;
      // Unhandled rejections are reported in the order they happened: once a rejection made
      // now is reported, any the removal caused has been too.
      const reported = Promise.reject(sentinel);
      // The runner logs each unhandled rejection through its promise's catch: not this one, which is ours.
      Object.defineProperty(reported, 'catch', { value: () => reported });
      await until(() => sentinelSeen, 'the sentinel rejection to be reported');
      expect(rejections).to.deep.equal([]);
      expect(host.plugins).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

describe('<pex-plugin-host> settled, read at once', () => {
  it('waits for the start the first update begins: every plugin has loaded or failed when it resolves', async () => {
    const host = document.createElement('pex-plugin-host');
    host.brandingUrl = '/test/fixtures/runtime/good/';
    document.body.append(host);
    try {
      await host.settled;
      const statuses = host.plugins.map((p) => p.status);
      expect(statuses.length).to.equal(9);
      expect(statuses.filter((status) => status === 'fetching' || status === 'loading')).to.deep.equal([]);
      expect(statuses.filter((status) => status === 'loaded').length).to.equal(7);
    } finally {
      host.remove();
    }
  });
});
