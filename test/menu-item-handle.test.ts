import { expect } from '@open-wc/testing';
import { flush, mountHost } from './support/host-fixture.js';

type Handle = { hide(): void; show(): void };
const menuItem = (pluginId: string, itemId: string) =>
  (window.pexTest.menuItem as (p: string, i: string) => Handle)(pluginId, itemId);

function keys(selector: string, part: string): string[] {
  const root = document.querySelector(selector)!.shadowRoot!;
  return [...root.querySelectorAll<HTMLElement>(`[part="${part}"]`)].map((el) => el.dataset.key ?? '');
}

describe('pluginAPI.getPluginMenuItem', () => {
  it('hides and shows menu items by the id the package file gives them', async () => {
    const { host } = await mountHost('menu-item-handle');
    await flush();
    // load() hid "second".
    expect(keys('pex-toolbar', 'button')).to.deep.equal(['handle-plugin/toolbar/0']);

    menuItem('handle-plugin', 'second').show();
    await flush();
    expect(keys('pex-toolbar', 'button')).to.deep.equal(['handle-plugin/toolbar/0', 'handle-plugin/toolbar/1']);

    menuItem('handle-plugin', 'first').hide();
    menuItem('handle-plugin', 'settings').hide();
    await flush();
    expect(keys('pex-toolbar', 'button')).to.deep.equal(['handle-plugin/toolbar/1']);
    expect(keys('pex-conference-menu', 'item')).to.deep.equal([]);

    menuItem('handle-plugin', 'settings').show();
    await flush();
    expect(keys('pex-conference-menu', 'item')).to.deep.equal(['handle-plugin/conference/0']);

    // A reload starts from the package again (and load() hides "second" again).
    host.runtime.unloadPlugin('handle-plugin');
    await host.runtime.loadPlugin('handle-plugin');
    await flush();
    expect(keys('pex-toolbar', 'button')).to.deep.equal(['handle-plugin/toolbar/0']);
  });

  it('says which id it could not find', async () => {
    await mountHost('menu-item-handle');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      menuItem('handle-plugin', 'nope').hide();
      menuItem('no-such-plugin', 'first').show();
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.include('getPluginMenuItem("handle-plugin", "nope")').and.include('"id": "nope"');
    expect(warnings[1]).to.include('"no-such-plugin"');
  });
});
