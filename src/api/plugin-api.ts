import type { BehaviorSubject } from 'rxjs';
import { createCommandFunctions } from './commands.js';
import { openTemplateDialog, type DialogOpening, type TemplateDialogOptions } from './dialog-bridge.js';
import { PluginState } from '../runtime/guarded-observable.js';
import { routeRegistration, startedRuntimes, type RegisteredPlugin } from '../runtime/plugin-runtime.js';
import { callingPlugin, misuse } from './calling-plugin.js';

/**
 * `window.PEX.pluginAPI`: the functions plugins call. Later parts of the host add theirs
 * (dialogs, conference commands) to this same object.
 */
export interface PluginAPI {
  /** Registers the calling plugin: `{id, load, unload, <actions>, state$}`. */
  registerPlugin(plugin: RegisteredPlugin): void;
  /** A state for menu-item icons and labels: `{icon, label}` or `{[uuid]: {icon, label}}`. */
  createNewState<T = unknown>(initial: T): BehaviorSubject<T>;
  /** Opens a dialog with the plugin's title and HTML body; a promise and an observable of its ref. */
  openTemplateDialog(options?: TemplateDialogOptions | null): DialogOpening;
  /** A menu item the package file gives an `id`, to hide and show it. */
  getPluginMenuItem(pluginId: string, menuItemId: string): PluginMenuItemHandle;
  [fn: string]: unknown;
}

export interface PluginMenuItemHandle {
  hide(): void;
  show(): void;
}

export function createPluginAPI(): PluginAPI {
  return {
    ...createCommandFunctions(),
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
      const maker = callingPlugin().sandbox;
      return new PluginState<T>(initial, () => maker ?? callingPlugin().sandbox);
    },
    openTemplateDialog,
    getPluginMenuItem(pluginId: string, menuItemId: string): PluginMenuItemHandle {
      if (typeof pluginId !== 'string' || typeof menuItemId !== 'string') {
        void misuse(callingPlugin().sandbox, 'getPluginMenuItem', 'ids', typeof pluginId !== 'string' ? pluginId : menuItemId);
        return { hide() {}, show() {} };
      }
      // Looked up on each call: the plugin may be loaded by a host started later.
      const setHidden = (hidden: boolean) => {
        const found = startedRuntimes().some((runtime) => runtime.setMenuItemHidden(pluginId, menuItemId, hidden));
        if (!found) {
          console.warn(
            `[pex-plugin-host] getPluginMenuItem("${pluginId}", "${menuItemId}"): no loaded plugin has a menu item with that id. ` +
              'Fix: give the menu item "id": "' + menuItemId + '" in the plugin\'s package file.',
          );
        }
      };
      return { hide: () => setHidden(true), show: () => setHidden(false) };
    },
  };
}
