import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../components/index.js';
import type { InfinityConnection } from '../components/index.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { renderClientMarkup } from '../demo/client/client-markup.js';
import { startConferenceClient } from '../demo/client/conference-client.js';
import { simulator } from '../testing/index.js';
import { fixtureUrl } from './support/host-fixture.js';
import { until } from './support/menu-helpers.js';

/**
 * The demo's client (demo/client/: the markup, the conference client and demo.css, as `npm start`
 * draws them) in the test page, joined to the simulator's `meet`, hosting the `loading` fixture:
 * its slow plugin loads until the test lets it finish, so the loading state can be seen. The
 * menus are native popovers: opened from their buttons by keyboard, focus moves in; Escape or an
 * outside click closes them, and focus goes back to the button.
 */
type SlowLoad = { finish(): void };
const DISPLAY_NAME = 'Demo user';
const LONG_NAME = 'Bartholomew-Maximilian Featherstonehaugh-Cholmondeley of the Very Long Surname Company Limited';

let container: HTMLElement | undefined;
let joining: Promise<InfinityConnection | undefined> | undefined;
let stylesheet: HTMLLinkElement;

before(async () => {
  stylesheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/demo.css' });
  const loaded = new Promise((resolve) => stylesheet.addEventListener('load', resolve, { once: true }));
  document.head.append(stylesheet);
  await loaded;
});
after(() => stylesheet.remove());

beforeEach(async () => {
  await simulator.reset();
  for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  window.pexTest = { calls: [] };
});

afterEach(async () => {
  const connection = await joining;
  await connection?.leave();
  joining = undefined;
  container?.remove();
  container = undefined;
  // The removed host unloads its plugins a microtask later.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Draws the demo client on the `loading` fixture and starts it (it joins once the plugins settled). */
async function startDemo(): Promise<PexPluginHost> {
  container = document.createElement('div');
  document.body.append(container);
  renderClientMarkup(container, { title: 'demo', brandingUrl: fixtureUrl('loading') });
  const host = container.querySelector('pex-plugin-host')!;
  joining = startConferenceClient(host);
  await until(() => 'slow-plugin' in ((window.pexTest.slowLoads ?? {}) as object), "the slow plugin's load to start");
  return host;
}

/** The demo, its plugins loaded and the conference joined. */
async function joinedDemo(): Promise<PexPluginHost> {
  const host = await startDemo();
  (window.pexTest.slowLoads as Record<string, SlowLoad>)['slow-plugin']!.finish();
  expect(await joining, 'joined').to.exist;
  await until(() => !!rosterButton(DISPLAY_NAME), 'the own roster row');
  return host;
}

/** What has focus, through shadow roots, in words: an id, else the text of a menu item or button. */
function focused(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body) return '(none)';
  return active.id ? `#${active.id}` : `${active.getAttribute('part') ?? active.localName}: ${active.textContent?.trim()}`;
}

const isOpen = (id: string) => $(id).matches(':popover-open');
const rosterButton = (name: string) => document.querySelector<HTMLButtonElement>(`#roster button[aria-label="Actions for ${name}"]`);

function placeholderShown(selector: string): string | null {
  const placeholder = document.querySelector(selector)?.shadowRoot?.querySelector<HTMLElement>('[part="placeholder"]');
  if (!placeholder?.checkVisibility()) return null;
  return placeholder.textContent?.trim() ?? '';
}

describe('the demo client', () => {
  it('shows the loading state while the plugins load: the toolbar and an opened menu say so, then show their items', async () => {
    await startDemo();
    const toolbar = document.querySelector('pex-toolbar')!;
    await until(() => placeholderShown('pex-toolbar') !== null, "the toolbar's placeholder");
    expect(placeholderShown('pex-toolbar')).to.equal('Loading plugins…');
    expect(toolbar.getAttribute('aria-busy')).to.equal('true');
    expect(toolbar.matches(':state(loading)')).to.equal(true);

    $('conference-menu-button').click();
    await until(() => isOpen('conference-menu-panel'), 'the conference menu to open');
    await until(() => placeholderShown('pex-conference-menu') !== null, "the conference menu's placeholder");
    expect(placeholderShown('pex-conference-menu')).to.equal('Loading plugins…');

    (window.pexTest.slowLoads as Record<string, SlowLoad>)['slow-plugin']!.finish();
    await until(() => placeholderShown('pex-toolbar') === null && placeholderShown('pex-conference-menu') === null, 'the placeholders to go');
    expect(toolbar.hasAttribute('aria-busy')).to.equal(false);
    const items = [...document.querySelector('pex-conference-menu')!.shadowRoot!.querySelectorAll('[part="item"]')].map((i) => i.textContent?.trim());
    expect(items).to.deep.equal(['Quick conference item', 'Slow conference item']);
  });

  it('conference menu by keyboard: Enter opens it with focus on its first item, Escape closes it and focus is back on its button', async () => {
    await joinedDemo();
    const button = $<HTMLButtonElement>('conference-menu-button');
    expect(button.popoverTargetElement?.id).to.equal('conference-menu-panel');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isOpen('conference-menu-panel'), 'the conference menu to open');
    await until(() => focused() !== '#conference-menu-button', 'focus to move');
    expect(focused()).to.equal('item: Quick conference item');
    await expect($('conference-menu-panel')).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal('item: Slow conference item');

    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen('conference-menu-panel'), 'Escape to close the menu');
    expect(focused()).to.equal('#conference-menu-button');

    // Space opens it too; Enter on an item runs the plugin's action, closes the menu, focus goes back.
    await sendKeys({ press: 'Space' });
    await until(() => isOpen('conference-menu-panel'), 'Space to open the menu');
    await until(() => focused().startsWith('item:'), 'focus on an item');
    expect(focused(), 'the item last focused').to.equal('item: Slow conference item');
    await sendKeys({ press: 'Enter' });
    await until(() => !isOpen('conference-menu-panel'), 'the chosen item to close the menu');
    expect(window.pexTest.calls.filter((c) => c.plugin === 'slow-plugin' && c.fn === 'act').length).to.equal(1);
    expect(focused()).to.equal('#conference-menu-button');
  });

  it("participant menu by keyboard: Space on a row's button opens it for that participant; Escape gives focus back to that button, though the roster changed meanwhile", async () => {
    await simulator.addParticipant('meet', 'Alice');
    await joinedDemo();
    await until(() => !!rosterButton('Alice'), "Alice's row");
    const aliceButton = rosterButton('Alice')!;
    aliceButton.focus();
    await sendKeys({ press: 'Space' });
    await until(() => isOpen('participant-menu-panel'), 'the participant menu to open');
    await until(() => focused().startsWith('item:'), 'focus on an item');
    expect(focused()).to.equal('item: Slow participant item');
    expect($('participant-menu-title').textContent).to.equal('Alice');
    expect(document.querySelector('pex-participant-menu')!.participant?.name).to.equal('Alice');
    const panel = $('participant-menu-panel').getBoundingClientRect();
    const anchor = aliceButton.getBoundingClientRect();
    expect(Math.round(panel.top - anchor.bottom), 'the menu is under its button').to.equal(4);

    // Someone joins while the menu is open: the roster is redrawn; the button stays the same element.
    await simulator.addParticipant('meet', 'Bob');
    await until(() => !!rosterButton('Bob'), "Bob's row");
    expect(rosterButton('Alice') === aliceButton, "Alice's button is the same element").to.equal(true);

    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen('participant-menu-panel'), 'Escape to close the menu');
    expect(focused()).to.equal('button: ⋯');
    expect(document.activeElement === aliceButton, "focus is on Alice's button").to.equal(true);
  });

  it("another row's button, while the participant menu is open, keeps it open for that participant, under that button", async () => {
    await simulator.addParticipant('meet', 'Alice');
    await simulator.addParticipant('meet', 'Bob');
    await joinedDemo();
    await until(() => !!rosterButton('Alice') && !!rosterButton('Bob'), 'the rows of Alice and Bob');
    rosterButton('Alice')!.click();
    await until(() => isOpen('participant-menu-panel'), 'the participant menu to open');
    expect($('participant-menu-title').textContent).to.equal('Alice');
    rosterButton('Bob')!.click();
    await until(() => $('participant-menu-title').textContent === 'Bob', 'the menu to be for Bob');
    expect(isOpen('participant-menu-panel'), 'still open').to.equal(true);
    expect($('participant-menu-title').textContent).to.equal('Bob');
    expect(document.querySelector('pex-participant-menu')!.participant?.name).to.equal('Bob');
    const panel = $('participant-menu-panel').getBoundingClientRect();
    expect(Math.round(panel.top - rosterButton('Bob')!.getBoundingClientRect().bottom), "under Bob's button").to.equal(4);
    rosterButton('Bob')!.click();
    await until(() => !isOpen('participant-menu-panel'), 'the same button to close it');
  });

  it('a click outside an open menu closes it', async () => {
    await joinedDemo();
    $('conference-menu-button').click();
    await until(() => isOpen('conference-menu-panel'), 'the conference menu to open');
    const stage = $('stage').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(stage.left + 20), Math.round(stage.top + 20)] });
    await until(() => !isOpen('conference-menu-panel'), 'the outside click to close the menu');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it("a long participant name never overflows its tile or roster row: one line, cut with an ellipsis, the whole name in its text and title", async () => {
    await simulator.addParticipant('meet', LONG_NAME);
    await joinedDemo();
    await until(() => [...document.querySelectorAll('#stage .tile-name')].some((n) => n.textContent === LONG_NAME), 'the long name on the stage');
    const tileName = [...document.querySelectorAll<HTMLElement>('#stage .tile-name')].find((n) => n.textContent === LONG_NAME)!;
    const tile = tileName.closest<HTMLElement>('.tile')!;
    expect(tileName.title).to.equal(LONG_NAME);
    expect(getComputedStyle(tileName).textOverflow).to.equal('ellipsis');
    expect(tileName.scrollWidth, 'the name is cut').to.be.greaterThan(tileName.clientWidth);
    expect(tile.scrollWidth, 'nothing overflows the tile').to.equal(tile.clientWidth);
    const nameBox = tileName.getBoundingClientRect();
    const tileBox = tile.getBoundingClientRect();
    expect(nameBox.right <= tileBox.right && nameBox.left >= tileBox.left, 'the name inside its tile').to.equal(true);
    expect(Math.round(nameBox.height), 'one line').to.be.below(2 * parseFloat(getComputedStyle(tileName).fontSize) + 1);

    const rosterName = [...document.querySelectorAll<HTMLElement>('#roster .name')].find((n) => n.textContent === LONG_NAME)!;
    expect(rosterName.title).to.equal(LONG_NAME);
    expect(rosterName.scrollWidth, 'the roster name is cut').to.be.greaterThan(rosterName.clientWidth);
    const sidebar = document.querySelector('.sidebar')!.getBoundingClientRect();
    const button = rosterButton(LONG_NAME)!.getBoundingClientRect();
    expect(button.right <= sidebar.right, "the row's button stays inside the sidebar").to.equal(true);
  });
});
