/**
 * `opensPopup`: a toolbar button, a participant action, a settings-menu item, a form or a prompt
 * may name a popup to open when the user uses it (`{id, openParams}`, `openParams` being
 * `window.open`'s arguments). As in Web App 3, the host opens it from the user's own click,
 * before the click goes to the plugin, so the browser's popup blocker lets it through: it calls
 * the package's popup manager (`window.plugin.popupManager`, which `registerPlugin` and
 * `registerWidget` set up) in the page that asked, with the input the click carries. That
 * manager runs the plugin's own guard (`popupManager.add(id, guard)`) and `window.open`.
 *
 * The host can reach that page only when it shares the app's origin: the plugin served by the
 * app's own origin with `allow-same-origin` (and `allow-popups`, for the open to be allowed) in
 * its sandboxValues, which is what the package's docs mean by "plugins hosted as part of the
 * branding". For any other page the popup is not opened, the click still goes to the plugin, and
 * a console warning says why, once per plugin and popup.
 */
import type { PopupRequest } from '@pexip/plugin-api';
import { json } from './ui-elements.js';

/** Why `value` is not an `opensPopup` the package's types define (`{id, openParams}`), or undefined. */
export function popupProblem(value: unknown, where = ''): string | undefined {
  if (value === undefined) return undefined;
  const request = value as Partial<PopupRequest> | null;
  const params = request?.openParams as unknown[] | undefined;
  if (typeof request !== 'object' || request === null || typeof request.id !== 'string' || !Array.isArray(params) || params.length > 3) {
    return `${where}"opensPopup" is ${json(value)}: {id, openParams} is needed, openParams being window.open's arguments ([url, target, features])`;
  }
  const bad = params.findIndex((param) => param !== undefined && typeof param !== 'string' && !(param instanceof URL));
  if (bad >= 0) return `${where}"opensPopup.openParams[${bad}]" is ${json(params[bad])}, not a string`;
  return undefined;
}

interface PopupManager {
  open(id: string, openParams: PopupRequest['openParams'], context?: unknown): void;
}

/** The (plugin, popup) pairs already warned about. */
const warned = new Set<string>();

/**
 * Opens `request` through the popup manager of `page` (the window whose call made the element),
 * with `input` for the plugin's guard. Call it in the user's click, before the click is sent.
 */
export function openPopup(pluginId: string, page: Window | undefined, request: PopupRequest | undefined, input?: unknown): void {
  if (!request) return;
  let manager: PopupManager | undefined;
  let reason = 'its page has no popup manager (window.plugin.popupManager, which registerPlugin sets up)';
  try {
    manager = (page as (Window & { plugin?: { popupManager?: PopupManager } }) | undefined)?.plugin?.popupManager;
  } catch {
    // A page of another origin: reading its window throws.
    reason = 'its page is of another origin than the app, so the host cannot reach its popup manager';
  }
  if (typeof manager?.open === 'function') {
    // The plugin's guard is the plugin's code: what it throws is its own, and the click still goes.
    try {
      manager.open(request.id, request.openParams, input);
    } catch (error) {
      console.warn(`Web App 3 plugin "${pluginId}": opening popup "${request.id}" failed:`, error);
    }
    return;
  }
  const key = `${pluginId}\n${request.id}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(
    `Web App 3 plugin "${pluginId}": popup "${request.id}" (opensPopup) was not opened: ${reason}. ` +
      'Fix: serve the plugin from the app\'s own origin and give it "allow-same-origin" and "allow-popups" in its sandboxValues in manifest.json, or open the popup from the plugin\'s own code.',
  );
}
