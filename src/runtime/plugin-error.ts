/** Where in a plugin's life an error happened. */
export type PluginPhase =
  | 'config' // its settings entry or package file
  | 'script' // fetching or running its source file
  | 'register' // registerPlugin: never called, or called wrongly
  | 'load'
  | 'unload'
  | 'action' // a menu item's action
  | 'subscriber' // a callback it subscribed to an observable the host handed out
  | 'state' // its state$ emitted a value the menus cannot use
  | 'async'; // its code running later (a timer, a listener) that threw

export interface PluginErrorDetail {
  /** The plugin's id as settings.json names it ('' when no plugin could be named). */
  id: string;
  phase: PluginPhase;
  error: unknown;
}

/** A readable sentence for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
