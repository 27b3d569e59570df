import type { BrandingResult } from '../src/config/branding.js';
import type { Diagnostic } from '../src/config/diagnostics.js';
import type { CommandAnswers, CommandArgs, CommandName } from '../src/conference/commands.js';
import type { ConnectionStateDetail } from '../src/conference/connection.js';
import type { PexAction } from '../src/conference/types.js';
import type { PluginErrorDetail } from '../src/runtime/plugin-error.js';

/** `resolve`'s argument: optional where the command's answer may be nothing (all but `dialOut`). */
type ResolveArguments<K extends CommandName> = undefined extends CommandAnswers[K] ? [value?: CommandAnswers[K]] : [value: CommandAnswers[K]];

/**
 * A plugin's conference command, for the app to carry out (app-driven mode). Call
 * `resolve(value)` or `reject(error)`; call `preventDefault()` to take a command you will
 * answer later. `name` is the pluginAPI function's name; `args` its arguments by name. Narrow
 * by `name` to answer: `resolve` takes that command's answer (`CommandAnswers`).
 */
export type PexCommandDetail = {
  [K in CommandName]: {
    name: K;
    args: CommandArgs[K];
    /** The plugin that called (its settings.json id; '' when none could be named). */
    pluginId: string;
    /**
     * Answers with the command's result (for `dialOut` the new participants' uuids), or the
     * server's REST reply of it as it came (`{status: 'success', result}`; a `failed` one
     * refuses); `dialOut` also takes one uuid or `{result: [uuid]}`.
     */
    resolve(...value: ResolveArguments<K>): void;
    /** Refuses: an error whose `reason` is the server's words, or a failed REST reply. */
    reject(error?: unknown): void;
  };
}[CommandName];

/**
 * The branding's enabled plugins have each loaded or failed. Plugins left off (disabled, or not
 * for this platform or role) are in no count; `host.plugins` has every plugin's status.
 */
export interface PexPluginsSettledDetail {
  /** How many plugins loaded. */
  loaded: number;
  /** How many failed (package file, script, registration or load); `host.plugins` says why. */
  failed: number;
  /** The plugins that were to run: `loaded + failed`. */
  total: number;
  /** The ids (settings.json's) of the plugins that loaded, in settings.json's order. */
  loadedIds: readonly string[];
  /** The ids of the plugins that failed, in settings.json's order. */
  failedIds: readonly string[];
  /** manifest.json's brandingID: which branding settled (null when it has none, or no folder was read). */
  brandingID: string | null;
}

/** The `detail` of each event the elements emit. */
export interface PexEventDetails {
  /** A plugin's conference command (cancelable: preventDefault() takes it). */
  'pex-command': PexCommandDetail;
  /** A plugin finished `load`. */
  'pex-plugin-loaded': { id: string };
  /** A plugin was unloaded (its `unload` ran, its menu items are gone). */
  'pex-plugin-unloaded': { id: string };
  /** A plugin failed or threw: the host and the other plugins go on. */
  'pex-plugin-error': PluginErrorDetail;
  /** A problem in the branding folder or a plugin's files. */
  'pex-diagnostic': { diagnostic: Diagnostic };
  /** The branding folder was read (whether or not it enables plugins). */
  'pex-branding-loaded': { brandingID: string | null; settingsBranded: boolean; diagnostics: readonly Diagnostic[]; branding: BrandingResult };
  /** Every plugin the branding enables has loaded or failed: once per branding load. */
  'pex-plugins-settled': PexPluginsSettledDetail;
  /** A plugin called `PEX.dispatchAction`: the client is asked to act. */
  'pex-action': { action: PexAction };
  /** A plugin dialog closed (by the plugin or the user). */
  'pex-dialog-close': { value: unknown };
  /** The bound connection's state: once when it is bound, then at each change. */
  'pex-connection-state': ConnectionStateDetail;
}

export type PexEventName = keyof PexEventDetails;
export type PexEvent<K extends PexEventName> = CustomEvent<PexEventDetails[K]>;

/** Every pex- event bubbles and crosses shadow roots, so an app can listen anywhere above. */
export function createPexEvent<K extends PexEventName>(name: K, detail: PexEventDetails[K], cancelable = false): PexEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pex-command': PexEvent<'pex-command'>;
    'pex-plugin-loaded': PexEvent<'pex-plugin-loaded'>;
    'pex-plugin-unloaded': PexEvent<'pex-plugin-unloaded'>;
    'pex-plugin-error': PexEvent<'pex-plugin-error'>;
    'pex-diagnostic': PexEvent<'pex-diagnostic'>;
    'pex-branding-loaded': PexEvent<'pex-branding-loaded'>;
    'pex-plugins-settled': PexEvent<'pex-plugins-settled'>;
    'pex-action': PexEvent<'pex-action'>;
    'pex-dialog-close': PexEvent<'pex-dialog-close'>;
    'pex-connection-state': PexEvent<'pex-connection-state'>;
  }
}
