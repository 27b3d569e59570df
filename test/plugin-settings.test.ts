import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';
import { failureReason, problemReason } from '../components/plugin-settings/plugin-settings-view.js';
import { choicesKey } from '../src/runtime/plugin-choices.js';
import { callsOf, nextEvent, settleRemovedHosts, toolbarNames } from './support/menu-helpers.js';
import {
  flushSettings,
  focusedControl,
  itemOf,
  listedIds,
  mountSettings,
  partText,
  retryOf,
  settingsItems,
  statusTexts,
  switchOf,
} from './support/settings-fixture.js';

const GOOD_KEY = choicesKey('1700000000001');
const BRANDING_B_KEY = choicesKey('1700000000002');
const SETTINGS_KEY = choicesKey('1700000000030');

function storedChoices(key: string): Record<string, boolean> | null {
  const raw = localStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as Record<string, boolean>);
}

function checked(settings: PexPluginSettings, id: string): string | null {
  return switchOf(settings, id).getAttribute('aria-checked');
}

/** Waits until the runtime says the plugin has `status`, then for the renders. */
async function statusBecomes(settings: PexPluginSettings, id: string, status: string): Promise<void> {
  const host = settings.closest('pex-plugin-host')!;
  const end = Date.now() + 3000;
  while (host.plugins.find((p) => p.id === id)?.status !== status) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${id} to be ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await flushSettings();
}

describe('<pex-plugin-settings>: the list', () => {
  it('lists every plugin that fits the platform and role, with name, description and version', async () => {
    const { settings } = await mountSettings('good');
    // desktop-plugin is for electron only: it is not listed on the web.
    expect(listedIds(settings)).to.deep.equal([
      'toolbar-plugin',
      'conference-plugin',
      'participants-plugin',
      'disabled-plugin',
      'chair-plugin',
      'guest-plugin',
      'sloppy-plugin',
      'async-plugin',
    ]);
    expect(partText(settings, 'toolbar-plugin', 'name')).to.equal('Toolbar test');
    expect(partText(settings, 'toolbar-plugin', 'description')).to.equal('Toolbar test for tests');
    expect(partText(settings, 'toolbar-plugin', 'version')).to.equal('Version 1');
  });

  it('leaves out plugins of the other role, and follows a role change', async () => {
    const { host, settings } = await mountSettings('good', { role: 'guest' });
    expect(listedIds(settings)).to.include('guest-plugin').and.not.include('chair-plugin').and.not.include('desktop-plugin');

    const chairLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'chair-plugin');
    host.setAttribute('participant-role', 'chair');
    await chairLoaded;
    await flushSettings();
    expect(listedIds(settings)).to.include('chair-plugin').and.not.include('guest-plugin');
    expect(partText(settings, 'chair-plugin', 'status')).to.equal('Loaded');
  });

  it('lists the electron-only plugin on platform="electron"', async () => {
    const { settings } = await mountSettings('good', { platform: 'electron' });
    expect(listedIds(settings)).to.include('desktop-plugin');
    expect(partText(settings, 'desktop-plugin', 'status')).to.equal('Loaded');
  });

  it('omits an empty version and description', async () => {
    const { settings } = await mountSettings('settings');
    expect(partText(settings, 'plain-plugin', 'name')).to.equal('Plain');
    expect(partText(settings, 'plain-plugin', 'version')).to.equal(null);
    expect(partText(settings, 'plain-plugin', 'description')).to.equal(null);
    expect(partText(settings, 'always-plugin', 'version')).to.equal('Version 2.1.0');
  });

  it('is a list named by `label` (default "Plugins"), with a heading slot', async () => {
    const { settings } = await mountSettings('good');
    const list = settings.shadowRoot!.querySelector('[part="list"]')!;
    expect(list.localName).to.equal('ul');
    expect(list.getAttribute('aria-label')).to.equal('Plugins');
    expect(settingsItems(settings).every((li) => li.localName === 'li')).to.equal(true);

    settings.label = 'Extensions';
    await settings.updateComplete;
    expect(list.getAttribute('aria-label')).to.equal('Extensions');

    const heading = document.createElement('h2');
    heading.slot = 'heading';
    heading.textContent = 'Extensions';
    settings.append(heading);
    const slot = settings.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="heading"]')!;
    expect(slot.assignedElements().map((el) => el.textContent)).to.deep.equal(['Extensions']);
  });

  it('says "No plugins are available." when the folder is not branded', async () => {
    const { settings } = await mountSettings('unbranded');
    expect(settingsItems(settings)).to.have.length(0);
    expect(settings.shadowRoot!.querySelector('[part="list"]')).to.equal(null);
    expect(settings.shadowRoot!.querySelector('[part="empty"]')?.textContent).to.equal('No plugins are available.');
    await expect(settings).to.be.accessible();
  });

  it('says "No plugins are available." outside any host', async () => {
    const settings = document.createElement('pex-plugin-settings');
    document.body.append(settings);
    try {
      await settings.updateComplete;
      expect(settings.shadowRoot!.querySelector('[part="empty"]')?.textContent).to.equal('No plugins are available.');
    } finally {
      settings.remove();
    }
  });
});

describe('<pex-plugin-settings>: states in words', () => {
  it('says Loaded and Not loaded, and the switch follows', async () => {
    const { settings } = await mountSettings('good');
    expect(partText(settings, 'toolbar-plugin', 'status')).to.equal('Loaded');
    expect(checked(settings, 'toolbar-plugin')).to.equal('true');
    expect(partText(settings, 'disabled-plugin', 'status')).to.equal('Not loaded');
    expect(checked(settings, 'disabled-plugin')).to.equal('false');
    expect(switchOf(settings, 'toolbar-plugin').hasAttribute('aria-busy')).to.equal(false);
  });

  it('shows a plugin whose package is still being fetched as loading, its switch busy', async () => {
    let brandingLoaded: Promise<unknown> = Promise.resolve();
    const { host, settings } = await mountSettings('good', {
      settle: false,
      beforeSettle: ({ host }) => {
        brandingLoaded = nextEvent(host, 'pex-branding-loaded');
      },
    });
    // pex-branding-loaded comes with every plugin 'fetching'. Only microtasks run between
    // it and these checks, and the package files need a network round trip (a task) more.
    await brandingLoaded;
    await settings.updateComplete;
    expect(host.plugins.map((p) => p.status)).to.have.length(9).and.satisfy((statuses: string[]) => statuses.every((s) => s === 'fetching'));
    expect(listedIds(settings)).to.have.length(9);
    for (const id of listedIds(settings)) {
      expect(partText(settings, id, 'status'), id).to.equal('Loading…');
      expect(switchOf(settings, id).getAttribute('aria-busy'), id).to.equal('true');
    }
    switchOf(settings, 'toolbar-plugin').click(); // ignored while fetching
    await host.settled;
    await flushSettings();
    expect(partText(settings, 'toolbar-plugin', 'status')).to.equal('Loaded');
    expect(listedIds(settings)).to.not.include('desktop-plugin');
    expect(storedChoices(GOOD_KEY)).to.equal(null);
  });

  it('says why each broken plugin failed, by phase, with the technical message under Details', async () => {
    const { settings } = await mountSettings('broken');
    expect(statusTexts(settings)).to.deep.equal({
      'good-plugin': 'Loaded',
      'missing-source': 'Failed: Its code could not be loaded.',
      'syntax-error': 'Failed: Its code could not be loaded.',
      'throws-in-load': 'Failed: It failed while starting.',
      'throws-in-script': 'Failed: Its code could not be loaded.',
      'never-registers': 'Failed: It did not start: it never registered.',
      'settings-id': 'Loaded',
      'throws-elsewhere': 'Loaded',
      'broken-package': 'Failed: Its files could not be read.',
      'missing-package': 'Failed: Its files could not be read.',
      'pexrtc-user': 'Failed: It failed while starting.',
      'registers-nothing': 'Failed: It did not start: it never registered.',
    });

    const details = itemOf(settings, 'throws-in-load').querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')?.textContent?.trim()).to.equal('Details');
    expect(partText(settings, 'throws-in-load', 'error-details')).to.equal('load exploded');
    expect(partText(settings, 'missing-source', 'error-details')).to.match(/does-not-exist\.js.*404/);
    expect(partText(settings, 'broken-package', 'error-details')).to.match(/broken\.plugin\.package\.json:4:/);

    for (const id of ['missing-source', 'throws-in-load', 'never-registers', 'broken-package']) {
      expect(retryOf(settings, id)?.getAttribute('aria-label'), id).to.equal(`Retry ${id}`);
      expect(retryOf(settings, id)?.textContent?.trim(), id).to.equal('Retry');
    }
    expect(retryOf(settings, 'good-plugin')).to.equal(null);
    expect(itemOf(settings, 'good-plugin').querySelector('[part="error"]')).to.equal(null);
  });

  it('shows the last problem of a plugin that went on running, in words and under Details, and is accessible', async () => {
    const { host, settings } = await mountSettings('broken');
    // A wrong id at registration is a problem the plugin loads after.
    expect(partText(settings, 'settings-id', 'problem')).to.match(/^Had a problem: It registered itself wrongly\. Details The plugin source registered the id "code-id"/);
    expect(partText(settings, 'good-plugin', 'problem')).to.equal(null);
    expect(partText(settings, 'throws-elsewhere', 'problem')).to.equal(null);

    host.runtime.invokeMenuItem('throws-elsewhere/toolbar/0', []);
    await flushSettings();
    expect(partText(settings, 'throws-elsewhere', 'status')).to.equal('Loaded');
    expect(partText(settings, 'throws-elsewhere', 'problem')).to.equal('Had a problem: One of its menu items failed. Details action exploded');
    expect(itemOf(settings, 'throws-elsewhere').querySelector('details')!.open).to.equal(false);
    expect(partText(settings, 'throws-elsewhere', 'retry'), 'a running plugin needs no retry').to.equal(null);
    await expect(settings).to.be.accessible();

    // A new load starts clean.
    host.runtime.unloadPlugin('throws-elsewhere');
    await host.runtime.loadPlugin('throws-elsewhere');
    await flushSettings();
    expect(partText(settings, 'throws-elsewhere', 'problem')).to.equal(null);
  });

  it('words the problems of a running plugin by phase', () => {
    expect(problemReason('action')).to.equal('One of its menu items failed.');
    expect(problemReason('state')).to.equal('It gave its menu item a look that cannot be shown.');
    expect(problemReason('register')).to.equal('It registered itself wrongly.');
    expect(problemReason('unload')).to.equal('It failed while stopping.');
    for (const phase of ['subscriber', 'async', 'script'] as const) expect(problemReason(phase), phase).to.equal('It ran into an error.');
  });

  it('words every phase', () => {
    expect(failureReason('config')).to.equal('Its files could not be read.');
    expect(failureReason('script')).to.equal('Its code could not be loaded.');
    expect(failureReason('register')).to.equal('It did not start: it never registered.');
    expect(failureReason('load')).to.equal('It failed while starting.');
    for (const phase of ['unload', 'action', 'subscriber', 'async', undefined] as const) {
      expect(failureReason(phase), String(phase)).to.equal('It stopped working.');
    }
  });
});

describe('<pex-plugin-settings>: the switch', () => {
  it('is a native button with role="switch", named by the plugin', async () => {
    const { settings } = await mountSettings('good');
    const button = switchOf(settings, 'toolbar-plugin');
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('button');
    expect(button.getAttribute('role')).to.equal('switch');
    expect(button.getAttribute('aria-label')).to.include('Toolbar test');
    const describedBy = button.getAttribute('aria-describedby')!;
    expect(settings.shadowRoot!.getElementById(describedBy)?.textContent).to.equal('Loaded');
  });

  it('turning a plugin off calls its unload, removes its toolbar item, and keeps the choice', async () => {
    const { settings, unloaded } = await mountSettings('good');
    expect(toolbarNames()).to.include('Start recording (0)');

    switchOf(settings, 'toolbar-plugin').click();
    await flushSettings();
    expect(callsOf('toolbar-plugin', 'unload')).to.have.length(1);
    expect(unloaded).to.deep.equal(['toolbar-plugin']);
    expect(toolbarNames()).to.not.include('Start recording (0)');
    expect(partText(settings, 'toolbar-plugin', 'status')).to.equal('Not loaded');
    expect(checked(settings, 'toolbar-plugin')).to.equal('false');
    expect(storedChoices(GOOD_KEY)).to.deep.equal({ 'toolbar-plugin': false });
  });

  it('turning a plugin on loads it and adds its toolbar item; while it loads the switch is busy and ignores clicks', async () => {
    const { host, settings, loaded } = await mountSettings('good');
    const disabledLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'disabled-plugin');
    switchOf(settings, 'disabled-plugin').click();
    await settings.updateComplete;
    expect(partText(settings, 'disabled-plugin', 'status')).to.equal('Loading…');
    expect(switchOf(settings, 'disabled-plugin').getAttribute('aria-busy')).to.equal('true');
    expect(checked(settings, 'disabled-plugin')).to.equal('true');
    switchOf(settings, 'disabled-plugin').click(); // ignored: it is loading

    await disabledLoaded;
    await flushSettings();
    expect(loaded).to.include('disabled-plugin');
    expect(callsOf('disabled-plugin', 'load')).to.have.length(1);
    expect(callsOf('disabled-plugin', 'unload')).to.deep.equal([]);
    expect(partText(settings, 'disabled-plugin', 'status')).to.equal('Loaded');
    expect(switchOf(settings, 'disabled-plugin').hasAttribute('aria-busy')).to.equal(false);
    expect(toolbarNames()).to.include('Disabled');
    expect(storedChoices(GOOD_KEY)).to.deep.equal({ 'disabled-plugin': true });
    // The outcome is announced to screen readers.
    expect(settings.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal('Disabled by default: Loaded');
  });

  it('turns off a plugin the app loaded through the runtime', async () => {
    const { host, settings } = await mountSettings('good');
    await host.runtime.loadPlugin('disabled-plugin');
    await flushSettings();
    expect(checked(settings, 'disabled-plugin')).to.equal('true');
    switchOf(settings, 'disabled-plugin').click();
    await flushSettings();
    expect(callsOf('disabled-plugin', 'unload')).to.have.length(1);
    expect(partText(settings, 'disabled-plugin', 'status')).to.equal('Not loaded');
  });
});

describe('<pex-plugin-settings>: the user\'s choices', () => {
  it('win over settings.json in a re-created host, and stay with their brandingID', async () => {
    const first = await mountSettings('good');
    switchOf(first.settings, 'chair-plugin').click();
    const disabledLoaded = nextEvent(first.host, 'pex-plugin-loaded', (d) => d.id === 'disabled-plugin');
    switchOf(first.settings, 'disabled-plugin').click();
    await disabledLoaded;
    expect(storedChoices(GOOD_KEY)).to.deep.equal({ 'chair-plugin': false, 'disabled-plugin': true });
    first.host.remove();
    await settleRemovedHosts();

    // settings.json enables chair-plugin and not disabled-plugin: the user's choices win.
    const again = await mountSettings('good', { keepChoices: true });
    expect(callsOf('chair-plugin')).to.deep.equal([]);
    expect(callsOf('disabled-plugin', 'load')).to.have.length(1);
    expect(partText(again.settings, 'chair-plugin', 'status')).to.equal('Not loaded');
    expect(checked(again.settings, 'chair-plugin')).to.equal('false');
    expect(partText(again.settings, 'disabled-plugin', 'status')).to.equal('Loaded');
    expect(checked(again.settings, 'disabled-plugin')).to.equal('true');
    expect(toolbarNames()).to.include('Disabled').and.not.include('Chair tool');
    again.host.remove();
    await settleRemovedHosts();

    // branding-b has its own brandingID: the same chair-plugin loads by its settings.json there.
    const other = await mountSettings('branding-b', { keepChoices: true });
    expect(storedChoices(BRANDING_B_KEY)).to.equal(null);
    expect(partText(other.settings, 'chair-plugin', 'status')).to.equal('Loaded');
    expect(checked(other.settings, 'chair-plugin')).to.equal('true');
    expect(callsOf('chair-plugin', 'load')).to.have.length(1);
  });
});

describe('<pex-plugin-settings>: a plugin that cannot be unloaded', () => {
  it('shows "Always on", checked and disabled, and a click does not unload it', async () => {
    const { settings } = await mountSettings('settings');
    // settings.json says enabled: false; allowUnload: false loads it anyway.
    expect(partText(settings, 'always-plugin', 'status')).to.equal('Loaded');
    const button = switchOf(settings, 'always-plugin');
    expect(checked(settings, 'always-plugin')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('Always on');
    expect(button.getAttribute('aria-label')).to.include('Always there').and.match(/always on/i);

    button.click();
    button.focus();
    await sendKeys({ press: 'Space' });
    await flushSettings();
    expect(callsOf('always-plugin', 'unload')).to.deep.equal([]);
    expect(partText(settings, 'always-plugin', 'status')).to.equal('Loaded');
    expect(checked(settings, 'always-plugin')).to.equal('true');
    expect(toolbarNames()).to.include('Always tool');
    expect(storedChoices(SETTINGS_KEY)).to.equal(null);
  });
});

describe('<pex-plugin-settings>: Retry', () => {
  const failFirstLoad = { beforeSettle: () => (window.pexTest.failFirstLoad = true) };

  it('shows the failure as text, and Retry loads the plugin without reloading the page', async () => {
    const { host, settings } = await mountSettings('settings', failFirstLoad);
    expect(partText(settings, 'flaky-plugin', 'status')).to.equal('Failed: It failed while starting.');
    // The message is shown as text: its markup is not parsed.
    expect(partText(settings, 'flaky-plugin', 'error-details')).to.equal('flaky <img src=x id=injected> not ready yet');
    expect(settings.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect(document.getElementById('injected')).to.equal(null);
    expect(toolbarNames()).to.not.include('Flaky tool');
    const retry = retryOf(settings, 'flaky-plugin')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry Flaky');

    window.pexTest.failFirstLoad = false;
    const flakyLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'flaky-plugin');
    retry.focus();
    retry.click();
    await flakyLoaded;
    await flushSettings();
    expect(callsOf('flaky-plugin', 'load')).to.have.length(2);
    expect(partText(settings, 'flaky-plugin', 'status')).to.equal('Loaded');
    expect(retryOf(settings, 'flaky-plugin')).to.equal(null);
    expect(itemOf(settings, 'flaky-plugin').querySelector('[part="error"]')).to.equal(null);
    expect(toolbarNames()).to.include('Flaky tool');
    // The Retry button went away: focus went to the plugin's switch, not to the page.
    expect(focusedControl(settings)).to.equal('switch:flaky-plugin');
    expect(settings.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal('Flaky: Loaded');
  });

  it('a Retry that fails again shows the failure again', async () => {
    const { host, settings } = await mountSettings('settings', failFirstLoad);
    const failedAgain = nextEvent(host, 'pex-plugin-error', (d) => d.id === 'flaky-plugin');
    retryOf(settings, 'flaky-plugin')!.click();
    await failedAgain;
    await statusBecomes(settings, 'flaky-plugin', 'failed');
    expect(callsOf('flaky-plugin', 'load')).to.have.length(2);
    expect(partText(settings, 'flaky-plugin', 'status')).to.equal('Failed: It failed while starting.');
    expect(retryOf(settings, 'flaky-plugin')).to.not.equal(null);
  });

  it('retries a plugin whose script failed (missing source) and shows it failed again', async () => {
    const { host, settings, errors } = await mountSettings('broken');
    const before = errors.filter((e) => e.id === 'missing-source').length;
    const failedAgain = nextEvent(host, 'pex-plugin-error', (d) => d.id === 'missing-source');
    retryOf(settings, 'missing-source')!.click();
    await settings.updateComplete;
    expect(partText(settings, 'missing-source', 'status')).to.equal('Loading…');
    await failedAgain;
    await statusBecomes(settings, 'missing-source', 'failed');
    expect(errors.filter((e) => e.id === 'missing-source').length).to.equal(before + 1);
    expect(partText(settings, 'missing-source', 'status')).to.equal('Failed: Its code could not be loaded.');
  });
});

describe('<pex-plugin-settings>: accessibility and keyboard', () => {
  it('passes axe with loaded, not-loaded, always-on and failed plugins', async () => {
    const good = await mountSettings('good');
    await expect(good.settings).to.be.accessible();
    good.host.remove();
    await settleRemovedHosts();
    const settingsFolder = await mountSettings('settings', { beforeSettle: () => (window.pexTest.failFirstLoad = true) });
    itemOf(settingsFolder.settings, 'flaky-plugin').querySelector('details')!.open = true;
    await expect(settingsFolder.settings).to.be.accessible();
    settingsFolder.host.remove();
    await settleRemovedHosts();
    const broken = await mountSettings('broken');
    await expect(broken.settings).to.be.accessible();
  });

  it('Tab reaches each switch in turn; a failed plugin\'s Details and Retry follow its switch', async () => {
    const { host, settings } = await mountSettings('settings', { beforeSettle: () => (window.pexTest.failFirstLoad = true) });
    const before = document.createElement('button');
    before.textContent = 'before';
    host.insertBefore(before, settings);
    before.focus();

    const order: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focusedControl(settings));
    }
    expect(order).to.deep.equal(['switch:always-plugin', 'switch:flaky-plugin', 'summary:flaky-plugin', 'retry:flaky-plugin', 'switch:plain-plugin']);

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusedControl(settings)).to.equal('retry:flaky-plugin');
  });

  it('Space and Enter toggle the focused switch', async () => {
    const { host, settings } = await mountSettings('good');
    const toolbarSwitch = switchOf(settings, 'toolbar-plugin');
    toolbarSwitch.focus();
    await sendKeys({ press: 'Space' });
    await flushSettings();
    expect(callsOf('toolbar-plugin', 'unload')).to.have.length(1);
    expect(checked(settings, 'toolbar-plugin')).to.equal('false');
    expect(focusedControl(settings)).to.equal('switch:toolbar-plugin');

    const toolbarLoaded = nextEvent(host, 'pex-plugin-loaded', (d) => d.id === 'toolbar-plugin');
    await sendKeys({ press: 'Enter' });
    await toolbarLoaded;
    await flushSettings();
    expect(checked(settings, 'toolbar-plugin')).to.equal('true');
    expect(partText(settings, 'toolbar-plugin', 'status')).to.equal('Loaded');
    expect(storedChoices(GOOD_KEY)).to.deep.equal({ 'toolbar-plugin': true });
  });

  it('draws a visible focus ring from --pex-focus-ring on the focused switch', async () => {
    const { settings } = await mountSettings('good');
    settings.style.setProperty('--pex-focus-ring', '3px solid rgb(255, 0, 0)');
    const button = switchOf(settings, 'toolbar-plugin');
    button.focus();
    await sendKeys({ press: 'Shift' }); // a key press makes the focus keyboard focus (:focus-visible)
    if (button.matches(':focus-visible')) {
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      expect(style.outlineWidth).to.equal('3px');
      expect(style.outlineColor).to.equal('rgb(255, 0, 0)');
    } else {
      // A page in the background (test files run two at a time) matches no :focus-visible.
      const sheet = (settings.constructor as typeof PexPluginSettings & { styles: { cssText: string } }).styles.cssText;
      expect(sheet).to.match(/\[part='switch'\]:focus-visible[^{]*\{\s*outline: var\(--pex-focus-ring\)/);
    }
  });
});

describe('<pex-plugin-settings>: lifecycle', () => {
  it('stops listening while disconnected and shows the current state when put back', async () => {
    const { host, settings } = await mountSettings('good');
    let updates = 0;
    const requestUpdate = settings.requestUpdate.bind(settings);
    settings.requestUpdate = (...args: Parameters<typeof requestUpdate>) => {
      updates++;
      requestUpdate(...args);
    };
    settings.remove();
    updates = 0;
    host.runtime.unloadPlugin('toolbar-plugin');
    expect(updates, 'no update while disconnected').to.equal(0);

    host.append(settings);
    await flushSettings();
    expect(partText(settings, 'toolbar-plugin', 'status')).to.equal('Not loaded');
    host.runtime.unloadPlugin('chair-plugin');
    await flushSettings();
    expect(partText(settings, 'chair-plugin', 'status')).to.equal('Not loaded');
  });
});
