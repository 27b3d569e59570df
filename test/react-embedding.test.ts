/**
 * The React example (demo/react/), BUILT (`npm run build:react`, which `npm test` runs first;
 * it bundles dist/react/index.js, the `pex-plugin-host/react` wrappers), in an iframe: React
 * state reaches the elements as properties through the wrappers' props, and the wrappers'
 * `onPexCommand` / `onPexPluginError` props hear the host's events. The branding folder is a
 * fixture (test/fixtures/runtime/react/), picked with `?branding=`.
 *
 * Only strings, numbers and plain data are compared: a failing assertion that carries a DOM
 * node or a window from the iframe can hang the runner.
 */
import { expect } from '@open-wc/testing';
import { loadBuiltApp, until } from './support/built-app.js';

interface PexTestLog {
  emissions?: { rosters: string[][]; details: boolean[] };
  calls: Array<Record<string, unknown> & { plugin: string; fn: string }>;
  roster?: string[];
  commands?: Record<string, (...args: unknown[]) => Promise<unknown>>;
}
type HostElement = HTMLElement & {
  settled: Promise<void>;
  participants: ReadonlyArray<{ uuid: string; name: string }>;
  conference: { locked: boolean };
  selfUUID: string | undefined;
  participantRole: string | undefined;
  plugins: ReadonlyArray<{ id: string; status: string }>;
};
type AppWindow = Window & { pexTest: PexTestLog };

/** Loads the built React app with the fixture branding folder; resolves once its plugins settled. */
async function loadReactApp() {
  const built = await fetch('/dist/react-demo/index.html', { method: 'HEAD' });
  if (!built.ok) throw new Error('dist/react-demo/ is not built: run `npm run build && npm run build:react`');
  return loadBuiltApp<HostElement, AppWindow>('/dist/react-demo/index.html?branding=/test/fixtures/runtime/react/', 'the React app to render');
}

const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';
const logOf = (doc: Document, log: 'commands' | 'notices') => [...doc.querySelectorAll(`[data-log="${log}"] li`)].map(text);

describe('the React example (dist/react-demo/)', () => {
  it('sets its props as properties: the roster, the details, the role and the branding reach the host', async () => {
    const { win, host } = await loadReactApp();
    expect(host.plugins.map((p) => `${p.id}:${p.status}`)).to.deep.equal(['commands-plugin:loaded', 'people-plugin:loaded', 'throws-in-load:failed', 'emissions-plugin:loaded']);
    // Properties, not attributes: no stringified objects on the element.
    expect(['participants', 'conference', 'selfuuid', 'participantrole'].map((name) => host.getAttribute(name))).to.deep.equal([null, null, null, null]);
    expect(host.participantRole).to.equal('chair');
    expect(host.selfUUID).to.equal('self-ann');
    expect(host.participants.map((p) => p.name)).to.deep.equal(['Ann', 'Bob', 'Cleo']);
    await until(() => win.pexTest.roster?.length === 3, 'the plugin to see the roster');
    expect(win.pexTest.roster).to.deep.equal(['Ann', 'Bob', 'Cleo']);
  });

  it('runs a plugin\'s toolbar action; its dialOut reaches onPexCommand, the answer reaches the plugin and the new roster reaches the plugins', async () => {
    const { win, doc, host } = await loadReactApp();
    const toolbar = doc.querySelector('pex-toolbar')!;
    const button = await until(() => toolbar.shadowRoot?.querySelector<HTMLButtonElement>('[data-key="commands-plugin/toolbar/0"]'), 'the plugin\'s toolbar button');
    expect(button.getAttribute('aria-label')).to.equal('Record');
    button.click();

    // The plugin's callback got the uuid the React code made up for the new participant.
    const callback = await until(() => win.pexTest.calls.find((c) => c.fn === 'record:callback'), 'the record callback');
    const [uuid] = (callback.answer as { result: string[] }).result;
    expect(uuid).to.match(/^[0-9a-f-]{36}$/);
    expect(callback.answer).to.deep.equal({ result: [uuid] });
    // The React handler's log: the command as it arrived, and its answer.
    await until(() => logOf(doc, 'commands').length === 1, 'the command in the React log');
    expect(logOf(doc, 'commands')).to.deep.equal([
      `commands-plugin: dialOut {"alias":"rtmp://stream.example/live","protocol":"rtmp","role":"guest","options":{"streaming":true}} → ["${uuid}"]`,
    ]);

    // React re-rendered with a new roster: the wrapper set it on the host, and the plugin saw it.
    await until(() => win.pexTest.roster?.length === 4, 'the plugin to see the new participant');
    expect(win.pexTest.roster).to.deep.equal(['Ann', 'Bob', 'Cleo', 'rtmp://stream.example/live']);
    expect(host.participants.map((p) => p.uuid)).to.include(uuid);
    const joined = doc.querySelector(`.roster li[data-uuid="${uuid}"]`)!;
    expect([...joined.children].map(text)).to.deep.equal(['rtmp://stream.example/live', 'streaming']);
  });

  it('answers and refuses commands from React code; each answer reaches the calling plugin', async () => {
    const { win, doc, host } = await loadReactApp();
    const commands = win.pexTest.commands!;
    await commands.disconnectParticipant('guest-bob');
    expect(win.pexTest.calls.filter((c) => c.fn.startsWith('disconnectParticipant')).map((c) => [c.fn, c.value])).to.deep.equal([['disconnectParticipant:resolved', true]]);
    await until(() => win.pexTest.roster?.length === 2, 'the plugin to see Bob leave');
    expect(win.pexTest.roster).to.deep.equal(['Ann', 'Cleo']);
    expect(host.participants.map((p) => p.name)).to.deep.equal(['Ann', 'Cleo']);

    // Refused by the React code: the plugin's promise rejects with the reason the app gave.
    await commands.spotlightOnParticipant('nobody').catch(() => undefined);
    expect(win.pexTest.calls.filter((c) => c.fn.startsWith('spotlightOnParticipant')).map((c) => [c.fn, c.reason])).to.deep.equal([
      ['spotlightOnParticipant:rejected', 'Participant not found'],
    ]);
    await until(() => logOf(doc, 'commands').length === 2, 'both commands in the React log');
    expect(logOf(doc, 'commands')).to.deep.equal([
      'commands-plugin: disconnectParticipant {"uuid":"guest-bob"} → true',
      'commands-plugin: spotlightOnParticipant {"uuid":"nobody"} → refused: Participant not found',
    ]);

    // A change made in React (the lock button) reaches the host's details.
    const lock = [...doc.querySelectorAll<HTMLButtonElement>('header button')].find((b) => text(b) === 'Lock the conference')!;
    lock.click();
    await until(() => host.conference.locked, 'the host to get locked: true');
    expect(lock.getAttribute('aria-pressed')).to.equal('true');
  });

  it('gives the participant menu the participant selected in React, as a property', async () => {
    const { win, doc } = await loadReactApp();
    const menu = doc.querySelector('pex-participant-menu') as HTMLElement & { participant?: { uuid: string }; label: string };
    expect(menu.getAttribute('participant')).to.equal(null);
    expect(menu.participant?.uuid).to.equal('self-ann');

    const bob = [...doc.querySelectorAll<HTMLButtonElement>('.roster button')].find((b) => text(b) === 'Bob')!;
    bob.click();
    await until(() => menu.participant?.uuid === 'guest-bob', 'the menu to follow the selection');
    expect(menu.label).to.equal('Plugins for Bob');
    const wave = await until(() => menu.shadowRoot?.querySelector<HTMLButtonElement>('[data-key="people-plugin/participants/0"]'), 'the participant menu item');
    wave.click();
    expect(win.pexTest.calls.filter((c) => c.fn === 'wave').map((c) => c.uuid)).to.deep.equal(['guest-bob']);
  });

  it('hands the plugins a roster or details only when React gives new ones, not on every render', async () => {
    const { win, doc, host } = await loadReactApp();
    const emissions = win.pexTest.emissions!;
    expect(emissions).to.deep.equal({ rosters: [['Ann', 'Bob', 'Cleo']], details: [false] });
    // Selecting a participant re-renders the app (and the host's wrapper) with the same roster and details.
    const bob = [...doc.querySelectorAll<HTMLButtonElement>('.roster button')].find((b) => text(b) === 'Bob')!;
    bob.click();
    await until(() => bob.getAttribute('aria-pressed') === 'true', 'React to render the selection');
    // A command answered from React: one new roster, and the log's own re-render adds none.
    await win.pexTest.commands!.disconnectParticipant('guest-cleo');
    await until(() => logOf(doc, 'commands').length === 1, 'the command in the React log');
    const lock = [...doc.querySelectorAll<HTMLButtonElement>('header button')].find((b) => text(b) === 'Lock the conference')!;
    lock.click();
    await until(() => host.conference.locked, 'the host to get locked: true');
    expect(emissions).to.deep.equal({ rosters: [['Ann', 'Bob', 'Cleo'], ['Ann', 'Bob']], details: [false, true] });
  });

  it('calls onPexPluginError for a plugin that fails to load, and the others go on', async () => {
    const { doc } = await loadReactApp();
    await until(() => logOf(doc, 'notices').some((line) => line.startsWith('Plugin ')), 'the error notice');
    expect(logOf(doc, 'notices')).to.deep.equal(['Plugin throws-in-load failed (load): load exploded']);
    const settings = doc.querySelector('pex-plugin-settings')!;
    await until(() => settings.shadowRoot?.querySelector('li'), 'the settings list');
  });
});
