/**
 * The Vue example (demo/vue/), BUILT (`npm run build:vue`, which `npm test` runs first), in an
 * iframe: Vue binds the roster and the conference as properties, hears `pex-command` and
 * answers it. The branding folder is a fixture, picked with `?branding=`.
 */
import { expect } from '@open-wc/testing';
import { loadBuiltApp, until } from './support/built-app.js';

interface PexTestLog {
  calls: Array<Record<string, unknown> & { plugin: string; fn: string }>;
  roster?: string[];
}
type HostElement = HTMLElement & {
  settled: Promise<void>;
  participants: ReadonlyArray<{ uuid: string; name: string }>;
  plugins: ReadonlyArray<{ id: string; status: string }>;
};
type AppWindow = Window & { pexTest: PexTestLog };

/** Loads the built Vue app with a fixture branding folder; resolves once its plugins settled. */
async function loadVueApp(fixture: string) {
  return loadBuiltApp<HostElement, AppWindow>(`/dist/vue/index.html?branding=/test/fixtures/runtime/${fixture}/`, 'the Vue app to mount');
}

const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';

describe('the Vue example (dist/vue/)', () => {
  it('hands its roster to the plugins as a property and answers a toolbar plugin\'s dialOut from Vue code', async () => {
    const { win, doc, host } = await loadVueApp('commands');
    // participant-role="chair" reached the host: the chair-only plugin loaded too.
    expect(host.plugins.map((p) => `${p.id}:${p.status}`)).to.deep.equal(['commands-plugin:loaded', 'chair-only-commands:loaded']);
    // :participants.prop: a property (no attribute), and the plugins' participants$ got Vue's roster.
    expect(host.getAttribute('participants')).to.equal(null);
    expect(host.participants.map((p) => p.name)).to.deep.equal(['Ann', 'Bob', 'Cleo']);
    await until(() => win.pexTest.roster?.length === 3, 'the plugin to see the roster');
    expect(win.pexTest.roster).to.deep.equal(['Ann', 'Bob', 'Cleo']);

    const toolbar = doc.querySelector('pex-toolbar')!;
    const button = await until(
      () => toolbar.shadowRoot?.querySelector<HTMLButtonElement>('[data-key="commands-plugin/toolbar/0"]'),
      'the plugin\'s toolbar button',
    );
    expect(button.getAttribute('aria-label')).to.equal('Record');
    button.click();

    // The plugin's callback got the uuid the Vue code made up for the new participant.
    const callback = await until(() => win.pexTest.calls.find((c) => c.fn === 'record:callback'), 'the record callback');
    const [uuid] = (callback.answer as { result: string[] }).result;
    expect(uuid).to.match(/^[0-9a-f-]{36}$/);
    expect(callback.answer).to.deep.equal({ result: [uuid] });

    // The Vue code's visible log shows the command as it received it, and its answer.
    const entries = [...doc.querySelectorAll('[data-log="commands"] li')];
    expect(entries.map((li) => li.getAttribute('data-command'))).to.deep.equal(['dialOut']);
    expect(text(entries[0])).to.equal(
      `commands-plugin: dialOut {"alias":"rtmp://stream.example/live","protocol":"rtmp","role":"guest","options":{"streaming":true}} → ["${uuid}"]`,
    );

    // The dialled participant joined Vue's roster, which reached the host and the plugin again.
    await until(() => doc.querySelector(`.roster li[data-uuid="${uuid}"]`), 'the new participant in the Vue roster');
    const joined = doc.querySelector(`.roster li[data-uuid="${uuid}"]`)!;
    expect([...joined.children].map(text)).to.deep.equal(['rtmp://stream.example/live', 'streaming']);
    await until(() => win.pexTest.roster?.length === 4, 'the plugin to see the new participant');
    expect(win.pexTest.roster).to.deep.equal(['Ann', 'Bob', 'Cleo', 'rtmp://stream.example/live']);
    expect(host.participants.map((p) => p.uuid)).to.include(uuid);
  });

  it('gives <pex-participant-menu> the participant selected in Vue, as a property', async () => {
    const { win, doc } = await loadVueApp('menus');
    const menu = doc.querySelector('pex-participant-menu') as HTMLElement & { participant?: { uuid: string } };
    expect(menu.getAttribute('participant')).to.equal(null);
    expect(menu.participant?.uuid).to.equal('self-ann');

    const bob = [...doc.querySelectorAll<HTMLButtonElement>('.roster button')].find((b) => text(b) === 'Bob')!;
    bob.click();
    await until(() => menu.participant?.uuid === 'guest-bob', 'the menu to follow the selection');
    expect(text(doc.getElementById('participant-menu-title'))).to.equal('Plugins for Bob');
    const wave = await until(
      () => menu.shadowRoot?.querySelector<HTMLButtonElement>('[data-key="people-plugin/participants/0"]'),
      'the participant menu item',
    );
    wave.click();
    expect(win.pexTest.calls.filter((c) => c.fn === 'wave').map((c) => c.uuid)).to.deep.equal(['guest-bob']);
  });
});
