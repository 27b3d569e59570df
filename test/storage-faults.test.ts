import { expect } from '@open-wc/testing';
import { choicesKey } from '../src/runtime/plugin-choices.js';
import { nextEvent, until } from './support/menu-helpers.js';
import { flushSettings, mountSettings, partText, switchOf, type MountedSettings } from './support/settings-fixture.js';
import type { PexPluginSettings } from '../components/plugin-settings/plugin-settings.js';

/**
 * The user's plugin choices when localStorage fails: turned off (SecurityError), full
 * (QuotaExceededError), or holding something that is not choices. Nothing throws, the console
 * warns once, the plugins still load and unload as the user asks, and the settings page says
 * when the choices will not outlive the page.
 */
const KEY = choicesKey('1700000000001'); // the `good` fixture's brandingID
const NOTICE = 'Your choices will not be kept after this page closes: the browser does not let it store them.';

const originals = {
  getItem: Storage.prototype.getItem,
  setItem: Storage.prototype.setItem,
  removeItem: Storage.prototype.removeItem,
};
let warnings: string[] = [];
let escaped: string[] = [];
const originalWarn = console.warn;
const onError = (event: ErrorEvent) => escaped.push(String(event.error ?? event.message));
const onRejection = (event: PromiseRejectionEvent) => escaped.push(String(event.reason));

/** Makes these Storage methods throw a DOMException of that name, for localStorage only. */
function refuse(name: 'SecurityError' | 'QuotaExceededError', methods: Array<keyof typeof originals>): void {
  for (const method of methods) {
    const original = originals[method] as (...args: unknown[]) => unknown;
    (Storage.prototype as unknown as Record<string, unknown>)[method] = function (this: Storage, ...args: unknown[]) {
      if (this === localStorage) throw new DOMException(`The storage refused (${name}).`, name);
      return original.apply(this, args);
    };
  }
}

function restoreStorage(): void {
  Object.assign(Storage.prototype, originals);
}

beforeEach(() => {
  restoreStorage();
  for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  warnings = [];
  escaped = [];
  console.warn = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (/choices/.test(line)) warnings.push(line);
    else originalWarn(...args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(() => {
  restoreStorage();
  console.warn = originalWarn;
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
});

const notice = (settings: PexPluginSettings) => settings.shadowRoot!.querySelector('[part="storage-notice"]')?.textContent?.trim() ?? null;
const statusOf = (m: MountedSettings, id: string) => m.host.plugins.find((p) => p.id === id)?.status;

/** The user turns `id` on or off with its switch; resolves once the runtime has done it. */
async function toggle(m: MountedSettings, id: string, to: 'loaded' | 'not-loaded'): Promise<void> {
  const done = to === 'loaded' ? nextEvent(m.host, 'pex-plugin-loaded', (d) => d.id === id) : nextEvent(m.host, 'pex-plugin-unloaded', (d) => d.id === id);
  switchOf(m.settings, id).click();
  await done;
  await flushSettings();
}

describe('plugin choices when storage fails', () => {
  it('storage turned off (SecurityError): one warning, the page says choices are not kept, the switches still work', async () => {
    refuse('SecurityError', ['getItem', 'setItem', 'removeItem']);
    const m = await mountSettings('good', { keepChoices: true });
    expect(statusOf(m, 'disabled-plugin'), "settings.json's default").to.equal('not-loaded');
    expect(notice(m.settings)).to.equal(NOTICE);

    await toggle(m, 'disabled-plugin', 'loaded');
    await toggle(m, 'toolbar-plugin', 'not-loaded');
    expect(partText(m.settings, 'disabled-plugin', 'status')).to.equal('Loaded');
    expect(partText(m.settings, 'toolbar-plugin', 'status')).to.equal('Not loaded');
    await until(() => warnings.length > 0, 'the warning');
    expect(warnings).to.deep.equal([
      "[pex-plugin-host] The choices made in Settings > Plugins cannot be kept: the browser's storage refused them, " +
        'it is turned off for this page (SecurityError). They apply until the page closes.',
    ]);
    expect(escaped).to.deep.equal([]);
  });

  it('no localStorage at all (its getter throws, as in a sandboxed frame): nothing throws, one warning, the notice', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('The document is sandboxed.', 'SecurityError');
      },
    });
    try {
      const m = await mountSettings('good', { keepChoices: true });
      await toggle(m, 'disabled-plugin', 'loaded');
      expect(notice(m.settings)).to.equal(NOTICE);
      await until(() => warnings.length > 0, 'the warning');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include('it is turned off for this page (SecurityError)');
      expect(escaped).to.deep.equal([]);
    } finally {
      Object.defineProperty(window, 'localStorage', descriptor);
    }
  });

  it('storage full (QuotaExceededError): the page says so once a choice is not kept, with one warning however many', async () => {
    refuse('QuotaExceededError', ['setItem']);
    const m = await mountSettings('good', { keepChoices: true });
    expect(notice(m.settings), 'nothing refused yet').to.equal(null);

    await toggle(m, 'disabled-plugin', 'loaded');
    expect(notice(m.settings)).to.equal(NOTICE);
    await toggle(m, 'disabled-plugin', 'not-loaded');
    await toggle(m, 'toolbar-plugin', 'not-loaded');
    await until(() => warnings.length > 0, 'the warning');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('it is full (QuotaExceededError)');
    expect(localStorage.getItem(KEY), 'nothing was stored').to.equal(null);
    expect(escaped).to.deep.equal([]);

    // Room again: the next choice is stored, with the ones before it, and the notice goes.
    restoreStorage();
    await toggle(m, 'disabled-plugin', 'loaded');
    expect(notice(m.settings)).to.equal(null);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ 'disabled-plugin': true, 'toolbar-plugin': false });
  });

  it('garbage in the key: one warning, the defaults apply, the key is cleared, and choices are kept again', async () => {
    localStorage.setItem(KEY, '{"toolbar-plugin": fals');
    const m = await mountSettings('good', { keepChoices: true });
    expect(statusOf(m, 'toolbar-plugin')).to.equal('loaded');
    expect(statusOf(m, 'disabled-plugin')).to.equal('not-loaded');
    await until(() => warnings.length > 0, 'the warning');
    expect(warnings).to.deep.equal([
      `[pex-plugin-host] The stored plugin choices (localStorage "${KEY}") were not choices ({"toolbar-plugin": fals); ` +
        "what was not a plugin's on or off is dropped, and those plugins start from the branding's defaults.",
    ]);
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(notice(m.settings), 'the storage works').to.equal(null);
    await toggle(m, 'disabled-plugin', 'loaded');
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ 'disabled-plugin': true });
    expect(warnings).to.have.length(1);
    expect(escaped).to.deep.equal([]);
  });

  it('choices among garbage are kept: what is not true or false is dropped, with one warning', async () => {
    localStorage.setItem(KEY, JSON.stringify({ 'toolbar-plugin': false, 'disabled-plugin': 'yes', 'chair-plugin': null }));
    const m = await mountSettings('good', { keepChoices: true });
    expect(statusOf(m, 'toolbar-plugin'), 'the choice that was one').to.equal('not-loaded');
    expect(statusOf(m, 'disabled-plugin'), "'yes' is no choice: the default").to.equal('not-loaded');
    expect(statusOf(m, 'chair-plugin')).to.equal('loaded');
    await until(() => warnings.length > 0, 'the warning');
    expect(warnings).to.have.length(1);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ 'toolbar-plugin': false });
  });

  for (const [what, stored] of [
    ['an array', '[true, false]'],
    ['a number', '42'],
    ['null', 'null'],
  ] as const) {
    it(`${what} in the key is no choices: one warning and the defaults`, async () => {
      localStorage.setItem(KEY, stored);
      const m = await mountSettings('good', { keepChoices: true });
      expect(statusOf(m, 'toolbar-plugin')).to.equal('loaded');
      await until(() => warnings.length > 0, 'the warning');
      expect(warnings).to.have.length(1);
      expect(localStorage.getItem(KEY)).to.equal(null);
      expect(escaped).to.deep.equal([]);
    });
  }

  it('an empty object is choices (none made): no warning', async () => {
    localStorage.setItem(KEY, '{}');
    await mountSettings('good', { keepChoices: true });
    expect(warnings).to.deep.equal([]);
  });
});
