import type { PexPluginSettings } from '../../components/plugin-settings/plugin-settings.js';
import { flush, mountHost, type MountedHost } from './host-fixture.js';

export interface MountedSettings extends MountedHost {
  settings: PexPluginSettings;
}

/**
 * mountHost with a `<pex-plugin-settings>` inside the host, there before the branding
 * folder is read. `beforeSettle` runs after the host started and before anything was
 * fetched (set test switches on window.pexTest there: mountHost resets it). With
 * `settle: false` it returns at that point too, before any task has run.
 */
export async function mountSettings(
  folder: string,
  options: Parameters<typeof mountHost>[1] & { beforeSettle?: (mounted: MountedSettings) => void } = {},
): Promise<MountedSettings> {
  const { beforeSettle, ...hostOptions } = options;
  const mounted = await mountHost(folder, { ...hostOptions, settle: false });
  const settings = document.createElement('pex-plugin-settings');
  mounted.host.append(settings);
  const result: MountedSettings = { ...mounted, settings };
  beforeSettle?.(result);
  if (options.settle !== false) {
    await mounted.host.settled;
    await flushSettings();
  }
  return result;
}

/** Lets runtime updates reach the menus and every settings element, and their renders finish. */
export async function flushSettings(): Promise<void> {
  await flush();
  for (const el of document.querySelectorAll('pex-plugin-settings')) await (el as PexPluginSettings).updateComplete;
}

function root(settings: PexPluginSettings): ShadowRoot {
  if (!settings.shadowRoot) throw new Error('pex-plugin-settings has no shadow root');
  return settings.shadowRoot;
}

/** The rendered rows (`<li part="item">`). */
export function settingsItems(settings: PexPluginSettings): HTMLLIElement[] {
  return [...root(settings).querySelectorAll<HTMLLIElement>('[part="item"]')];
}

/** The ids of the listed plugins, in order. */
export function listedIds(settings: PexPluginSettings): string[] {
  return settingsItems(settings).map((li) => li.dataset.id ?? '');
}

export function itemOf(settings: PexPluginSettings, id: string): HTMLLIElement {
  const item = settingsItems(settings).find((li) => li.dataset.id === id);
  if (!item) throw new Error(`no settings row for ${id} (listed: ${listedIds(settings).join(', ')})`);
  return item;
}

export function switchOf(settings: PexPluginSettings, id: string): HTMLButtonElement {
  const button = itemOf(settings, id).querySelector<HTMLButtonElement>('[part="switch"]');
  if (!button) throw new Error(`no switch for ${id}`);
  return button;
}

export function retryOf(settings: PexPluginSettings, id: string): HTMLButtonElement | null {
  return itemOf(settings, id).querySelector<HTMLButtonElement>('[part="retry"]');
}

/** A part's text in a row, whitespace collapsed; null when the part is not rendered. */
export function partText(settings: PexPluginSettings, id: string, part: string): string | null {
  const el = itemOf(settings, id).querySelector(`[part="${part}"]`);
  return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

/** Every listed plugin's state in words, by id. */
export function statusTexts(settings: PexPluginSettings): Record<string, string | null> {
  return Object.fromEntries(listedIds(settings).map((id) => [id, partText(settings, id, 'status')]));
}

/** The id of the row whose switch or Retry button has focus inside the element, or the focused part's name. */
export function focusedControl(settings: PexPluginSettings): string | null {
  const active = root(settings).activeElement as HTMLElement | null;
  if (!active) return null;
  return `${active.getAttribute('part') ?? active.localName}:${active.closest<HTMLElement>('[part="item"]')?.dataset.id ?? ''}`;
}
