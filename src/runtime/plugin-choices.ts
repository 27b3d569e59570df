/**
 * The user's load/unload choices from Settings > Plugins, kept in localStorage per branding:
 * the key holds the brandingID, so a new branding starts from its own `enabled` defaults.
 */
export interface PluginChoices {
  /** The user's choice for a plugin, or undefined when they made none. */
  get(brandingID: string | null, pluginId: string): boolean | undefined;
  set(brandingID: string | null, pluginId: string, enabled: boolean): void;
}

export const CHOICES_KEY_PREFIX = 'pex-plugin-host:plugins:';

export function choicesKey(brandingID: string | null): string {
  return `${CHOICES_KEY_PREFIX}${brandingID ?? '(no brandingID)'}`;
}

/**
 * Choices in a Storage (localStorage by default), read once per branding and then kept in
 * memory: the plugin list is rebuilt on every status change, and reading and parsing storage
 * for each plugin each time made start-up cost grow with the square of the plugin count.
 * A storage that throws (private mode, quota) keeps nothing across reloads.
 */
export function storageChoices(storage: () => Storage | undefined = () => globalThis.localStorage): PluginChoices {
  const cache = new Map<string, Record<string, boolean>>();
  const read = (brandingID: string | null): Record<string, boolean> => {
    const key = choicesKey(brandingID);
    let choices = cache.get(key);
    if (!choices) {
      choices = {};
      try {
        const parsed: unknown = JSON.parse(storage()?.getItem(key) ?? '{}');
        if (typeof parsed === 'object' && parsed !== null) choices = parsed as Record<string, boolean>;
      } catch {
        // Unreadable: start from the defaults.
      }
      cache.set(key, choices);
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
      try {
        storage()?.setItem(choicesKey(brandingID), JSON.stringify(choices));
      } catch {
        // Not kept across reloads; the choice still applies now.
      }
    },
  };
}
