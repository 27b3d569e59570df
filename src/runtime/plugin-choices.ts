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

/** Choices in a Storage (localStorage by default). A storage that throws (private mode, quota) keeps nothing. */
export function storageChoices(storage: () => Storage | undefined = () => globalThis.localStorage): PluginChoices {
  const read = (brandingID: string | null): Record<string, boolean> => {
    try {
      const parsed: unknown = JSON.parse(storage()?.getItem(choicesKey(brandingID)) ?? '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, boolean>) : {};
    } catch {
      return {};
    }
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
