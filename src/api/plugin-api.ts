import { BehaviorSubject } from 'rxjs';
import { routeRegistration, type RegisteredPlugin } from '../runtime/plugin-runtime.js';

/**
 * `window.PEX.pluginAPI`: the functions plugins call. Later parts of the host add theirs
 * (dialogs, conference commands) to this same object.
 */
export interface PluginAPI {
  /** Registers the calling plugin: `{id, load, unload, <actions>, state$}`. */
  registerPlugin(plugin: RegisteredPlugin): void;
  /** A state for menu-item icons and labels: `{icon, label}` or `{[uuid]: {icon, label}}`. */
  createNewState<T = unknown>(initial: T): BehaviorSubject<T>;
  [fn: string]: unknown;
}

export function createPluginAPI(): PluginAPI {
  return {
    registerPlugin(plugin: RegisteredPlugin): void {
      if (routeRegistration(plugin)) return;
      const script = document.currentScript as HTMLScriptElement | null;
      if (script?.dataset.pexPlugin !== undefined && !script.isConnected) {
        // The host unloaded this plugin while its source was still on the way: nothing to do.
        console.debug(`[pex-plugin-host] ignored a registration from ${script.src}: that plugin was unloaded before it ran.`);
        return;
      }
      const id = typeof plugin?.id === 'string' ? plugin.id : '(no id)';
      console.warn(
        `[pex-plugin-host] registerPlugin({id: "${id}"}) was called, but no <pex-plugin-host> is loading that plugin. ` +
          'Plugin sources are loaded by the host from the branding folder\'s settings.json; list the plugin there.',
      );
    },
    createNewState<T>(initial: T): BehaviorSubject<T> {
      return new BehaviorSubject<T>(initial);
    },
  };
}
