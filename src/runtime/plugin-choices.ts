import { problemTexts } from '../config/diagnostics.js';
import type { ProblemTexts } from './plugin-sandbox.js';

/**
 * The user's load/unload choices from Settings > Plugins, kept in localStorage per branding:
 * the key holds the brandingID, so a new branding starts from its own `enabled` defaults.
 */
export interface PluginChoices {
  /** The user's choice for a plugin, or undefined when they made none. */
  get(brandingID: string | null, pluginId: string): boolean | undefined;
  set(brandingID: string | null, pluginId: string, enabled: boolean): void;
  /**
   * Opens the storage ahead of the first read, at a moment the page waits anyway: a page's first
   * localStorage access blocks for milliseconds in a fresh page. Optional; reading works without.
   */
  warm?(): void;
  /**
   * False while the storage refuses the choices (turned off, full, missing): they then apply
   * until the page closes, and the settings page says so.
   */
  readonly kept: boolean;
}

export const CHOICES_KEY_PREFIX = 'pex-plugin-host:plugins:';

export function choicesKey(brandingID: string | null): string {
  return `${CHOICES_KEY_PREFIX}${brandingID ?? '(no brandingID)'}`;
}

/**
 * Choices in a Storage (localStorage by default), read once per branding and then kept in
 * memory: the plugin list is rebuilt on every status change, and reading and parsing storage
 * for each plugin each time made start-up cost grow with the square of the plugin count.
 * Nothing here throws: a storage that refuses (private mode, quota, turned off) keeps nothing
 * across reloads, and stored values that are not choices are dropped; each is warned of once.
 */
export function storageChoices(storage: () => Storage | undefined = () => globalThis.localStorage): PluginChoices {
  const cache = new Map<string, Record<string, boolean>>();
  const warned = new Set<string>();
  let kept = true;
  const warnOnce = (kind: string, words: (problems: ProblemTexts['storageProblems']) => string) => {
    if (warned.has(kind)) return;
    warned.add(kind);
    void problemTexts().then(({ storageProblems }) => console.warn(`[pex-plugin-host] ${words(storageProblems)}`));
  };
  /** Runs a storage call; false (and the choices are not kept) when the storage refuses. */
  const attempt = (call: (store: Storage) => void): boolean => {
    try {
      const store = storage();
      if (!store) throw new Error('this page has no localStorage');
      call(store);
      return true;
    } catch (error) {
      kept = false;
      warnOnce('refused', (problems) => problems.refused(error));
      return false;
    }
  };
  const read = (brandingID: string | null): Record<string, boolean> => {
    const key = choicesKey(brandingID);
    let choices = cache.get(key);
    if (choices) return choices;
    choices = {};
    cache.set(key, choices);
    let raw: string | null = null;
    if (!attempt((store) => (raw = store.getItem(key))) || raw === null) return choices;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // Not JSON: garbage, dropped below.
    }
    const isRecord = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    const entries = isRecord ? Object.entries(parsed as object) : [];
    for (const [id, enabled] of entries) if (typeof enabled === 'boolean') choices[id] = enabled;
    if (!isRecord || Object.keys(choices).length !== entries.length) {
      const stored = raw as string;
      warnOnce('garbage', (problems) => problems.garbage(key, stored));
      const valid = choices;
      attempt((store) => (Object.keys(valid).length ? store.setItem(key, JSON.stringify(valid)) : store.removeItem(key)));
    }
    return choices;
  };
  return {
    get(brandingID, pluginId) {
      const choice = read(brandingID)[pluginId];
      return typeof choice === 'boolean' ? choice : undefined;
    },
    set(brandingID, pluginId, enabled) {
      const choices = read(brandingID);
      choices[pluginId] = enabled;
      // A write that goes through holds every choice of this branding: they are kept again.
      if (attempt((store) => store.setItem(choicesKey(brandingID), JSON.stringify(choices)))) kept = true;
    },
    warm() {
      attempt((store) => void store.length);
    },
    get kept() {
      return kept;
    },
  };
}
