import { expect } from '@open-wc/testing';
import { liveSubscriptionCount } from '../src/runtime/live-subscriptions.js';
import { fixtureUrl, flush, mountHost, participant } from './support/host-fixture.js';
import {
  callsOf,
  nameOf,
  nextEvent,
  pluginScriptSrcs,
  pluginScripts,
  settleRemovedHosts,
  toolbarButton,
  toolbarButtons,
  toolbarNames,
} from './support/menu-helpers.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';

function statusOf(host: PexPluginHost, id: string): string | undefined {
  return host.plugins.find((p) => p.id === id)?.status;
}

function toolbarKeys(): Array<string | null> {
  return toolbarButtons().map(nameOf);
}

function scriptFor(file: string): HTMLScriptElement | undefined {
  return pluginScripts().find((s) => new URL(s.src).pathname.endsWith(file));
}

describe('role filtering', () => {
  it('participant-role="guest" loads the guest-only plugin and leaves the chair-only one filtered out', async () => {
    const { host, loaded } = await mountHost('good', { role: 'guest' });
    await flush();
    expect(statusOf(host, 'guest-plugin')).to.equal('loaded');
    expect(statusOf(host, 'chair-plugin')).to.equal('filtered-out');
    expect(loaded).to.include('guest-plugin').and.not.include('chair-plugin');
    expect(callsOf('chair-plugin')).to.deep.equal([]);
    expect(scriptFor('/roles/chair.plugin.js')?.src, 'the filtered-out source is never fetched').to.equal(undefined);
    expect(toolbarNames()).to.include('Guest tool').and.not.include('Chair tool');
  });

  it('participant-role="chair" loads the chair-only plugin and leaves the guest-only one filtered out', async () => {
    const { host, loaded } = await mountHost('good', { role: 'chair' });
    await flush();
    expect(statusOf(host, 'chair-plugin')).to.equal('loaded');
    expect(statusOf(host, 'guest-plugin')).to.equal('filtered-out');
    expect(loaded).to.include('chair-plugin').and.not.include('guest-plugin');
    expect(toolbarNames()).to.include('Chair tool').and.not.include('Guest tool');
  });

  it('still reads the deprecated role attribute, warning once, and participant-role wins over it', async () => {
    const warnings: string[] = [];
    const { warn } = console;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      // Unset, plugins of either role load; the deprecated role="chair" filters the guest's out.
      const { host } = await mountHost('good');
      expect(statusOf(host, 'guest-plugin')).to.equal('loaded');
      const guestUnloaded = nextEvent(host, 'pex-plugin-unloaded', (d) => d.id === 'guest-plugin');
      host.setAttribute('role', 'chair');
      await host.updateComplete;
      await guestUnloaded;
      await flush();
      expect(host.participantRole).to.equal('chair');
      expect(statusOf(host, 'chair-plugin')).to.equal('loaded');
      expect(statusOf(host, 'guest-plugin')).to.equal('filtered-out');

      // participant-role wins while it is there; removed, the role attribute applies again.
      host.setAttribute('participant-role', 'guest');
      await host.updateComplete;
      expect(host.participantRole).to.equal('guest');
      host.setAttribute('role', 'chair');
      host.setAttribute('role', 'guest');
      host.setAttribute('role', 'chair');
      await host.updateComplete;
      expect(host.participantRole, 'role is ignored beside participant-role').to.equal('guest');
      host.removeAttribute('participant-role');
      await host.updateComplete;
      expect(host.participantRole).to.equal('chair');
      expect(warnings.filter((w) => w.includes('deprecated'))).to.deep.equal([
        '[pex-plugin-host] the attribute role="chair|guest" is deprecated: assistive technology reads it as an ARIA role. Fix: write participant-role="chair" (or set the participantRole property).',
      ]);
    } finally {
      console.warn = warn;
    }
  });

  it('swaps the plugins when the participant-role attribute changes at run time', async () => {
    const { host, unloaded } = await mountHost('good', { role: 'guest' });
    await flush();
    expect(toolbarNames()).to.include('Guest tool').and.not.include('Chair tool');

    const chairLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'chair-plugin');
    host.setAttribute('participant-role', 'chair');
    await host.updateComplete;
    // The plugin that no longer fits is unloaded at once.
    expect(callsOf('guest-plugin', 'unload')).to.have.length(1);
    expect(unloaded).to.deep.equal(['guest-plugin']);
    expect(statusOf(host, 'guest-plugin')).to.equal('filtered-out');
    expect(scriptFor('/roles/guest.plugin.js')?.src, 'its script is removed').to.equal(undefined);
    await chairLoaded;
    await flush();
    expect(statusOf(host, 'chair-plugin')).to.equal('loaded');
    expect(callsOf('chair-plugin', 'load')).to.have.length(1);
    expect(toolbarNames()).to.include('Chair tool').and.not.include('Guest tool');
    toolbarButton('chair-plugin/toolbar/0')!.click();
    expect(callsOf('chair-plugin', 'act')).to.have.length(1);

    // And back again.
    const guestLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'guest-plugin');
    host.setAttribute('participant-role', 'guest');
    await host.updateComplete;
    expect(callsOf('chair-plugin', 'unload')).to.have.length(1);
    await guestLoaded;
    await flush();
    expect(statusOf(host, 'chair-plugin')).to.equal('filtered-out');
    expect(statusOf(host, 'guest-plugin')).to.equal('loaded');
    expect(toolbarNames()).to.include('Guest tool').and.not.include('Chair tool');
  });

  it('loads plugins of either role when the participant-role attribute is removed', async () => {
    const { host } = await mountHost('good', { role: 'guest' });
    const chairLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'chair-plugin');
    host.removeAttribute('participant-role');
    await host.updateComplete;
    await chairLoaded;
    await flush();
    expect(statusOf(host, 'chair-plugin')).to.equal('loaded');
    expect(statusOf(host, 'guest-plugin')).to.equal('loaded');
    expect(callsOf('guest-plugin', 'unload')).to.deep.equal([]);
    expect(toolbarNames()).to.include.members(['Chair tool', 'Guest tool']);
  });
});

describe('platform filtering', () => {
  it('platform="electron" loads the desktop-only plugin', async () => {
    const { host, loaded } = await mountHost('good', { platform: 'electron' });
    await flush();
    expect(statusOf(host, 'desktop-plugin')).to.equal('loaded');
    expect(loaded).to.include('desktop-plugin');
    expect(callsOf('desktop-plugin', 'load')).to.have.length(1);
    expect(toolbarNames()).to.include('Desktop tool');
  });

  it('the default platform (web) leaves the desktop-only plugin filtered out', async () => {
    const { host, loaded } = await mountHost('good');
    await flush();
    expect(host.platform).to.equal('web');
    expect(statusOf(host, 'desktop-plugin')).to.equal('filtered-out');
    expect(loaded).to.not.include('desktop-plugin');
    expect(callsOf('desktop-plugin')).to.deep.equal([]);
    expect(scriptFor('/desktop/desktop.plugin.js')?.src).to.equal(undefined);
    expect(toolbarNames()).to.not.include('Desktop tool');
  });

  it('loads and unloads the desktop-only plugin when the platform attribute changes', async () => {
    const { host } = await mountHost('good');
    const desktopLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'desktop-plugin');
    host.setAttribute('platform', 'electron');
    await host.updateComplete;
    await desktopLoaded;
    await flush();
    expect(toolbarNames()).to.include('Desktop tool');

    host.setAttribute('platform', 'web');
    await host.updateComplete;
    await flush();
    expect(callsOf('desktop-plugin', 'unload')).to.have.length(1);
    expect(statusOf(host, 'desktop-plugin')).to.equal('filtered-out');
    expect(toolbarNames()).to.not.include('Desktop tool');
  });
});

describe('a plugin disabled by default', () => {
  it('is not-loaded with no menu item until runtime.loadPlugin, then loaded with its toolbar item', async () => {
    const { host, loaded } = await mountHost('good');
    await flush();
    expect(statusOf(host, 'disabled-plugin')).to.equal('not-loaded');
    expect(host.plugins.find((p) => p.id === 'disabled-plugin')?.enabledByDefault).to.equal(false);
    expect(loaded).to.not.include('disabled-plugin');
    expect(callsOf('disabled-plugin')).to.deep.equal([]);
    expect(toolbarKeys()).to.not.include('disabled-plugin/toolbar/0');
    expect(scriptFor('/disabled/disabled.plugin.js')?.src).to.equal(undefined);

    expect(await host.runtime.loadPlugin('disabled-plugin')).to.equal(true);
    await flush();
    expect(statusOf(host, 'disabled-plugin')).to.equal('loaded');
    expect(loaded).to.include('disabled-plugin');
    expect(callsOf('disabled-plugin', 'load')).to.have.length(1);
    const button = toolbarButton('disabled-plugin/toolbar/0');
    expect(button, 'its toolbar item').to.exist;
    expect(button!.getAttribute('aria-label')).to.equal('Disabled');
    button!.click();
    expect(callsOf('disabled-plugin', 'act')).to.have.length(1);
  });
});

describe('unload and reload', () => {
  it('leaves script elements, subscriptions and toolbar buttons where they started after 20 cycles', async () => {
    const { host, loaded, unloaded } = await mountHost('good');
    host.participants = [participant('a')];
    await flush();
    const scriptsBefore = pluginScripts().length;
    // Counted at the streams the host hands out: what an unload forgot would still count.
    const pluginSubscriptions = () => liveSubscriptionCount('participants$', 'conferenceDetails$', 'actions$', 'state$');
    const subscriptionsBefore = pluginSubscriptions();
    const buttonsBefore = toolbarButtons().length;
    const loadedBefore = loaded.length;
    expect(scriptsBefore).to.be.greaterThan(0);
    expect(subscriptionsBefore, 'toolbar-plugin holds state$, participants$ and conferenceDetails$').to.be.at.least(3);
    expect(toolbarButton('toolbar-plugin/toolbar/0')).to.exist;

    for (let i = 0; i < 20; i++) {
      host.runtime.unloadPlugin('toolbar-plugin');
      expect(statusOf(host, 'toolbar-plugin')).to.equal('not-loaded');
      if (i === 0) {
        await flush();
        expect(pluginScripts().length, 'its script is gone while unloaded').to.equal(scriptsBefore - 1);
        expect(pluginSubscriptions(), 'its subscriptions are gone while unloaded').to.equal(subscriptionsBefore - 3);
        expect(toolbarKeys(), 'its button is gone while unloaded').to.not.include('toolbar-plugin/toolbar/0');
        expect(toolbarButtons().length).to.equal(buttonsBefore - 1);
      }
      expect(await host.runtime.loadPlugin('toolbar-plugin')).to.equal(true);
    }
    await flush();

    expect(pluginScripts().length).to.equal(scriptsBefore);
    expect(pluginSubscriptions()).to.equal(subscriptionsBefore);
    expect(toolbarButtons().length).to.equal(buttonsBefore);
    expect(callsOf('toolbar-plugin', 'unload')).to.have.length(20);
    expect(unloaded.filter((id) => id === 'toolbar-plugin')).to.have.length(20);
    expect(loaded.slice(loadedBefore)).to.deep.equal(Array(20).fill('toolbar-plugin'));

    // The reloaded plugin works: its load ran again (state$ label, shared `this`) and its action runs.
    const button = toolbarButton('toolbar-plugin/toolbar/0')!;
    expect(button.getAttribute('aria-label')).to.equal('Start recording (1)');
    button.click();
    const calls = callsOf('toolbar-plugin', 'recordConference');
    expect(calls).to.have.length(1);
    expect(calls[0]).to.include({ self: 'toolbar-this', count: 1 });
  });

  it('unload calls the plugin\'s unload and emits pex-plugin-unloaded; reload emits pex-plugin-loaded', async () => {
    const { host } = await mountHost('good');
    await flush();
    const unloadedEvent = nextEvent(host, 'pex-plugin-unloaded', (d) => d.id === 'chair-plugin');
    host.runtime.unloadPlugin('chair-plugin');
    const event = await unloadedEvent;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(callsOf('chair-plugin', 'unload')).to.have.length(1);
    await flush();
    expect(toolbarNames()).to.not.include('Chair tool');

    const loadedEvent = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'chair-plugin');
    expect(await host.runtime.loadPlugin('chair-plugin')).to.equal(true);
    await loadedEvent;
    await flush();
    expect(callsOf('chair-plugin', 'load')).to.have.length(2);
    toolbarButton('chair-plugin/toolbar/0')!.click();
    expect(callsOf('chair-plugin', 'act')).to.have.length(1);
  });
});

describe('the brandingID cache key', () => {
  it('is on every plugin script URL, and a different brandingID gives different URLs for the same file', async () => {
    const first = await mountHost('good');
    expect(first.host.brandingID).to.equal('1700000000001');
    const good = pluginScripts().map((s) => s.src);
    expect(good).to.have.length(7);
    for (const src of good) expect(new URL(src).searchParams.get('pexBrandingID'), src).to.equal('1700000000001');
    const goodChair = good.find((src) => new URL(src).pathname.endsWith('/good/plugins/roles/chair.plugin.js'));
    expect(goodChair).to.be.a('string');

    first.host.remove();
    await settleRemovedHosts();
    expect(pluginScriptSrcs()).to.deep.equal([]);
    const second = await mountHost('branding-b');
    expect(second.host.brandingID).to.equal('1700000000002');
    const other = pluginScripts().map((s) => s.src);
    expect(other).to.have.length(2);
    for (const src of other) expect(new URL(src).searchParams.get('pexBrandingID'), src).to.equal('1700000000002');
    // branding-b loads the very same chair.plugin.js file: under its brandingID, another URL.
    const otherChair = other.find((src) => new URL(src).pathname.endsWith('/good/plugins/roles/chair.plugin.js'));
    expect(otherChair).to.be.a('string');
    expect(new URL(otherChair!).pathname).to.equal(new URL(goodChair!).pathname);
    expect(otherChair).to.not.equal(goodChair);
    expect(good.filter((src) => other.includes(src))).to.deep.equal([]);
  });
});

describe('changing branding-url on a live host', () => {
  it('unloads the old folder\'s plugins and loads the new folder\'s', async () => {
    const { host, loaded, unloaded } = await mountHost('good');
    await flush();
    const oldLoaded = [...loaded];
    loaded.length = 0;
    const callsBefore = window.pexTest.calls.length;

    host.setAttribute('branding-url', fixtureUrl('branding-b'));
    await host.updateComplete;
    await host.settled;
    await flush();

    expect(unloaded).to.have.members(oldLoaded);
    for (const id of ['toolbar-plugin', 'chair-plugin', 'guest-plugin']) expect(callsOf(id, 'unload'), id).to.have.length(1);
    expect(loaded).to.have.members(['other-plugin', 'chair-plugin']);
    expect(host.plugins.map((p) => [p.id, p.status])).to.deep.equal([
      ['other-plugin', 'loaded'],
      ['chair-plugin', 'loaded'],
    ]);
    const newLoads = window.pexTest.calls.slice(callsBefore).filter((c) => c.fn === 'load').map((c) => c.plugin);
    expect(newLoads).to.have.members(['other-plugin', 'chair-plugin']);

    const scripts = pluginScripts().map((s) => s.src);
    expect(scripts).to.have.length(2);
    for (const src of scripts) expect(src).to.include('pexBrandingID=1700000000002');
    expect(toolbarNames()).to.have.members(['Other tool', 'Chair tool']);
    expect(toolbarButton('other-plugin/toolbar/0')!.querySelector('use')?.getAttribute('href')).to.match(
      /\/branding-b\/plugins\/other\/other\.svg\?pexBrandingID=1700000000002#other$/,
    );
  });
});

describe('removing the host from the DOM', () => {
  it('unloads every plugin and removes their scripts', async () => {
    await settleRemovedHosts();
    const subscriptionsBefore = liveSubscriptionCount();
    const { host } = await mountHost('good');
    await flush();
    expect(pluginScriptSrcs()).to.have.length(7);
    const container = host.parentElement!;

    host.remove();
    await settleRemovedHosts();

    expect(pluginScriptSrcs()).to.deep.equal([]);
    for (const id of ['toolbar-plugin', 'chair-plugin', 'guest-plugin']) expect(callsOf(id, 'unload'), id).to.have.length(1);
    // The plugins' subscriptions and the menus' (removed with the host) all ended.
    expect(liveSubscriptionCount()).to.equal(subscriptionsBefore);
    expect(host.plugins).to.deep.equal([]);
    expect(host.runtime.menuItems).to.deep.equal([]);

    // Put back, it loads again.
    container.append(host);
    await host.updateComplete;
    await host.settled;
    expect(host.plugins.find((p) => p.id === 'toolbar-plugin')?.status).to.equal('loaded');
    expect(pluginScriptSrcs()).to.have.length(7);
  });

  it('does not unload when the host is only moved within the document', async () => {
    const { host } = await mountHost('good');
    const elsewhere = document.createElement('div');
    host.parentElement!.append(elsewhere);
    elsewhere.append(host);
    await settleRemovedHosts();
    expect(callsOf('toolbar-plugin', 'unload')).to.deep.equal([]);
    expect(pluginScriptSrcs()).to.have.length(7);
    expect(host.plugins.find((p) => p.id === 'toolbar-plugin')?.status).to.equal('loaded');
  });
});
