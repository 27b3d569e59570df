import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { flush, mountHost, participant } from './support/host-fixture.js';
import { callsOf, menuItems, nameOf, shadowOf, toolbarButton, toolbarButtons } from './support/menu-helpers.js';

/** A keydown as a keyboard would send it to the focused element; returns the event. */
function keydown(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

async function mountMenus() {
  const mounted = await mountHost('menus');
  const alice = participant('alice');
  mounted.host.participants = [alice];
  document.querySelector('pex-participant-menu')!.participant = alice;
  await flush();
  return mounted;
}

function element(selector: 'pex-toolbar' | 'pex-conference-menu' | 'pex-participant-menu') {
  return document.querySelector(selector)!;
}

/** The items that are in the tab order (roving tabindex: exactly one). */
function tabbable(items: HTMLElement[]): HTMLElement[] {
  return items.filter((item) => item.getAttribute('tabindex') === '0');
}

function isVisible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
}

describe('menus: accessibility', () => {
  it('the toolbar, the conference menu and the participant menu pass axe once items are rendered', async () => {
    await mountMenus();
    expect(toolbarButtons()).to.have.length(5);
    expect(menuItems('pex-conference-menu')).to.have.length(3);
    expect(menuItems('pex-participant-menu')).to.have.length(2);
    await expect(element('pex-toolbar')).to.be.accessible();
    await expect(element('pex-conference-menu')).to.be.accessible();
    await expect(element('pex-participant-menu')).to.be.accessible();
  });

  it('the toolbar is role="toolbar" with a name, and exactly one button in the tab order', async () => {
    await mountMenus();
    const base = shadowOf('pex-toolbar').querySelector('[part="base"]')!;
    expect(base.getAttribute('role')).to.equal('toolbar');
    expect(base.getAttribute('aria-label')).to.equal('Plugins');
    const buttons = toolbarButtons();
    expect(tabbable(buttons).map(nameOf)).to.deep.equal([nameOf(buttons[0])]);
    for (const button of buttons.slice(1)) expect(button.getAttribute('tabindex')).to.equal('-1');
  });

  it('the menus are role="menu" with role="menuitem" items, exactly one in the tab order', async () => {
    await mountMenus();
    for (const selector of ['pex-conference-menu', 'pex-participant-menu'] as const) {
      const base = shadowOf(selector).querySelector('[part="base"]')!;
      expect(base.getAttribute('role'), selector).to.equal('menu');
      expect(base.getAttribute('aria-label'), selector).to.equal('Plugins');
      const items = menuItems(selector);
      expect(items.every((i) => i.getAttribute('role') === 'menuitem'), selector).to.equal(true);
      expect(tabbable(items).map(nameOf), selector).to.deep.equal([nameOf(items[0])]);
    }
  });
});

describe('menus: keyboard', () => {
  it('ArrowRight / ArrowLeft / Home / End move focus among the toolbar buttons (roving tabindex)', async () => {
    await mountMenus();
    const toolbar = element('pex-toolbar');
    const root = toolbar.shadowRoot!;
    const buttons = toolbarButtons();
    expect(buttons).to.have.length(5);
    buttons[0]!.focus();
    expect(nameOf(root.activeElement)).to.equal(nameOf(buttons[0]));

    const steps: Array<[string, number]> = [
      ['ArrowRight', 1],
      ['ArrowRight', 2],
      ['ArrowLeft', 1],
      ['End', 4],
      ['ArrowRight', 0], // wraps
      ['ArrowLeft', 4], // wraps
      ['Home', 0],
    ];
    for (const [key, expected] of steps) {
      const event = keydown(root.activeElement!, key);
      expect(event.defaultPrevented, `${key} is handled`).to.equal(true);
      expect(nameOf(root.activeElement), `after ${key}`).to.equal(nameOf(buttons[expected]));
      await toolbar.updateComplete;
      expect(tabbable(toolbarButtons()).map(nameOf), `tab stop after ${key}`).to.deep.equal([nameOf(buttons[expected])]);
    }

    // Keys the toolbar does not use are left alone, and vertical arrows do not move it.
    for (const key of ['a', 'ArrowDown', 'ArrowUp']) {
      const event = keydown(root.activeElement!, key);
      expect(event.defaultPrevented, key).to.equal(false);
      expect(nameOf(root.activeElement)).to.equal(nameOf(buttons[0]));
    }
  });

  it('ArrowDown / ArrowUp / Home / End move focus in the conference menu', async () => {
    await mountMenus();
    const menu = element('pex-conference-menu');
    const root = menu.shadowRoot!;
    const items = menuItems('pex-conference-menu');
    items[0]!.focus();
    const steps: Array<[string, number]> = [
      ['ArrowDown', 1],
      ['ArrowDown', 2],
      ['ArrowDown', 0], // wraps
      ['ArrowUp', 2], // wraps
      ['ArrowUp', 1],
      ['Home', 0],
      ['End', 2],
    ];
    for (const [key, expected] of steps) {
      const event = keydown(root.activeElement!, key);
      expect(event.defaultPrevented, `${key} is handled`).to.equal(true);
      expect(nameOf(root.activeElement), `after ${key}`).to.equal(nameOf(items[expected]));
      await menu.updateComplete;
      expect(tabbable(menuItems('pex-conference-menu')).map(nameOf), `tab stop after ${key}`).to.deep.equal([nameOf(items[expected])]);
    }
    const event = keydown(root.activeElement!, 'ArrowRight');
    expect(event.defaultPrevented).to.equal(false);
    expect(nameOf(root.activeElement)).to.equal(nameOf(items[2]));
  });

  it('ArrowDown moves focus in the participant menu', async () => {
    await mountMenus();
    const root = element('pex-participant-menu').shadowRoot!;
    const items = menuItems('pex-participant-menu');
    items[0]!.focus();
    keydown(items[0]!, 'ArrowDown');
    expect(nameOf(root.activeElement)).to.equal(nameOf(items[1]));
  });

  it('the tab stop follows a button focused by pointer or Tab', async () => {
    await mountMenus();
    const toolbar = element('pex-toolbar');
    const buttons = toolbarButtons();
    buttons[3]!.focus();
    // Chrome sends no focus events to a page without system focus (test files run two at a
    // time, one in the background): there, send the focusin that the focus() would have.
    if (!document.hasFocus()) buttons[3]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await toolbar.updateComplete;
    expect(tabbable(toolbarButtons()).map(nameOf)).to.deep.equal([nameOf(buttons[3])]);
  });

  it('Enter, Space and click activate a toolbar button', async () => {
    await mountMenus();
    const buttons = toolbarButtons();
    buttons[0]!.click();
    expect(callsOf('buttons-plugin', 'gear')).to.have.length(1);
    expect(callsOf('buttons-plugin', 'gear')[0]).to.include({ argc: 2 });

    buttons[1]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(callsOf('buttons-plugin', 'plain')).to.have.length(1);

    buttons[2]!.focus();
    await sendKeys({ press: 'Space' });
    expect(callsOf('buttons-plugin', 'text')).to.have.length(1);
  });

  it('Enter and click activate conference and participant menu items', async () => {
    const { host } = await mountMenus();
    host.conference = { locked: true };
    const items = menuItems('pex-conference-menu');
    items[0]!.focus();
    await sendKeys({ press: 'Enter' });
    const flat = callsOf('defaults-plugin', 'flat');
    expect(flat).to.have.length(1);
    expect(flat[0]!.conference).to.include({ locked: true });

    keydown(items[0]!, 'ArrowDown');
    await sendKeys({ press: 'Enter' });
    expect(callsOf('nulls-plugin', 'flip')).to.have.length(1);

    menuItems('pex-participant-menu')[1]!.click();
    expect(callsOf('people-plugin', 'poke')).to.deep.equal([{ plugin: 'people-plugin', fn: 'poke', uuid: 'alice' }]);
  });
});

describe('menus: icons and names', () => {
  it('draws file.svg#id with <svg><use href>, and a plain .svg as <img alt="">', async () => {
    await mountMenus();
    const [gear, plain] = toolbarButtons();
    const use = gear!.querySelector('svg > use');
    expect(use?.getAttribute('href')).to.match(/\/menus\/plugins\/buttons\/gear\.svg\?pexBrandingID=1700000000020#gear$/);
    expect(gear!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    expect(gear!.querySelectorAll('img').length).to.equal(0);

    const img = plain!.querySelector('img');
    expect(img, 'a plain .svg is an image').to.exist;
    expect(img!.getAttribute('alt')).to.equal('');
    expect(img!.getAttribute('src')).to.match(/\/menus\/plugins\/buttons\/plain\.svg\?pexBrandingID=1700000000020$/);
    expect(plain!.querySelectorAll('svg').length).to.equal(0);

    // The same in the conference menu.
    const [flat, nulls] = menuItems('pex-conference-menu');
    expect(flat!.querySelector('img')?.getAttribute('alt')).to.equal('');
    expect(flat!.querySelector('img')?.getAttribute('src')).to.match(/flat\.svg\?pexBrandingID=1700000000020$/);
    expect(nulls!.querySelector('svg > use')?.getAttribute('href')).to.match(/def\.svg\?pexBrandingID=1700000000020#def$/);
  });

  it('an icon button is named by its label (aria-label and hover tip), not by visible text', async () => {
    await mountMenus();
    const gear = toolbarButtons()[0]!;
    expect(gear.getAttribute('aria-label')).to.equal('Settings gear');
    expect(gear.title).to.equal('Settings gear');
    expect(gear.querySelectorAll('[part="label"]').length).to.equal(0);
  });

  it('a toolbar item without an icon shows its label as visible text', async () => {
    await mountMenus();
    const text = toolbarButton('buttons-plugin/toolbar/2')!;
    expect(text.querySelectorAll('svg, img').length).to.equal(0);
    const label = text.querySelector('[part="label"]');
    expect(label?.textContent?.trim()).to.equal('Text only');
    expect(isVisible(label!), 'the label is visible').to.equal(true);
    expect(text.getAttribute('aria-label')).to.equal('Text only');
  });

  it('an item with neither icon nor label is named after the plugin', async () => {
    await mountMenus();
    const button = toolbarButton('nameless-plugin/toolbar/0')!;
    expect(button.getAttribute('aria-label')).to.equal('Nameless helper');
    const label = button.querySelector('[part="label"]');
    expect(label?.textContent?.trim()).to.equal('Nameless helper');
    expect(isVisible(label!)).to.equal(true);

    const item = menuItems('pex-conference-menu').find((i) => i.dataset.key === 'nameless-plugin/conference/0')!;
    expect(item.textContent?.trim()).to.equal('Nameless helper');
    item.click();
    expect(callsOf('nameless-plugin', 'act')).to.deep.equal([{ plugin: 'nameless-plugin', fn: 'act', argc: 1 }]);
  });

  it('a plugin whose createNewState({}) never emits shows the package defaults', async () => {
    await mountMenus();
    const star = toolbarButton('defaults-plugin/toolbar/0')!;
    expect(star.getAttribute('aria-label')).to.equal('Star default');
    expect(star.querySelector('use')?.getAttribute('href')).to.match(/\/defaults\/star\.svg\?pexBrandingID=1700000000020#star$/);
    const flat = menuItems('pex-conference-menu')[0]!;
    expect(flat.textContent?.trim()).to.equal('Flat default');
    expect(flat.querySelector('img')?.getAttribute('src')).to.match(/\/defaults\/flat\.svg\?pexBrandingID=1700000000020$/);
  });

  it('state {icon: null, label: null} means the package defaults', async () => {
    await mountMenus();
    const item = () => menuItems('pex-conference-menu').find((i) => i.dataset.key === 'nulls-plugin/conference/0')!;
    expect(item().textContent?.trim(), 'initial state of nulls').to.equal('Null default');
    expect(item().querySelector('use')?.getAttribute('href')).to.match(/\/nulls\/def\.svg\?pexBrandingID=1700000000020#def$/);

    item().click();
    await flush();
    expect(item().textContent?.trim()).to.equal('Alternative');
    expect(item().querySelector('use')?.getAttribute('href')).to.match(/\/nulls\/alt\.svg\?pexBrandingID=1700000000020#alt$/);

    item().click();
    await flush();
    expect(callsOf('nulls-plugin', 'flip').map((c) => c.flipped)).to.deep.equal([true, false]);
    expect(item().textContent?.trim(), 'back to nulls').to.equal('Null default');
    expect(item().querySelector('use')?.getAttribute('href')).to.match(/\/nulls\/def\.svg\?pexBrandingID=1700000000020#def$/);
  });
});

describe('menus outside a <pex-plugin-host>', () => {
  it('render nothing and throw nothing', async () => {
    const thrown: string[] = [];
    const onError = (e: ErrorEvent) => thrown.push(String(e.error ?? e.message));
    const onRejection = (e: PromiseRejectionEvent) => thrown.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const consoleError = console.error;
    const logged: string[][] = [];
    console.error = (...args: unknown[]) => logged.push(args.map(String));
    // Not open-wc's fixture(): it waits for an animation frame, which a background test page lacks.
    const container = document.createElement('div');
    try {
      container.append(
        document.createElement('pex-toolbar'),
        document.createElement('pex-conference-menu'),
        document.createElement('pex-participant-menu'),
      );
      document.body.append(container);
      const menus = [...container.children] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
      expect(menus.length).to.equal(3);
      for (const menu of menus) await menu.updateComplete;
      container.querySelector('pex-participant-menu')!.participant = participant('p');
      for (const menu of menus) {
        await menu.updateComplete;
        expect(menu.shadowRoot, menu.localName).to.exist;
        expect(menu.shadowRoot!.querySelectorAll('*').length, `${menu.localName} renders no elements`).to.equal(0);
        expect(menu.shadowRoot!.textContent?.trim(), menu.localName).to.equal('');
        keydown(menu, 'ArrowDown');
        keydown(menu, 'End');
      }
      container.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      container.remove();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    }
    expect(thrown).to.deep.equal([]);
    expect(logged).to.deep.equal([]);
  });
});
