import type { PexAction } from '../conference/types.js';
import type { GuardedObservable } from '../runtime/guarded-observable.js';
import { actions } from './actions.js';
import { dispatch, pluginActions$ } from './action-bus.js';
import { createPluginAPI, type PluginAPI } from './plugin-api.js';
import { installPexRTCConstructor, pexrtcFacade, type PexRTC } from './pexrtc/index.js';

/** `window.PEX`: what plugins reach for, as webapp2 offers it. */
export interface PexGlobal {
  pluginAPI: PluginAPI;
  actions$: GuardedObservable<PexAction>;
  actions: typeof actions;
  /** A plugin asks the client to act (`[Conference] Mute Camera`, ...). */
  dispatchAction(action: PexAction): void;
  /** The page URL's query parameters now, as a plain object (read anew each time). */
  readonly conferenceQueryParams: Record<string, string>;
  /** The uuid of the user's own participant, once known. */
  selfUUID: string | undefined;
  /**
   * webapp2's PexRTC call object as real plugins used it: the call's fields (node, conference,
   * conference_name, display_name, uuid, role, pin, chat_enabled, current_service_type,
   * version), read live from the host, and PexRTC's conference methods, carried out as the
   * pluginAPI's commands. Anything else is reported once per plugin and reads as undefined.
   */
  readonly pexrtc: PexRTC;
}

declare global {
  interface Window {
    PEX: PexGlobal;
  }
}

let installed: PexGlobal | undefined;

/**
 * Puts `window.PEX` on the page, once (every host shares it). Fields a page already set on
 * `window.PEX` stay, except those the host provides.
 */
export function installPexGlobal(): PexGlobal {
  if (installed && window.PEX === installed) return installed;
  const existing = (window.PEX ?? {}) as Partial<PexGlobal>;
  const pex = Object.assign(existing, {
    pluginAPI: Object.assign(existing.pluginAPI ?? {}, createPluginAPI()),
    actions$: pluginActions$,
    actions,
    dispatchAction: (action: PexAction) => dispatch(action, 'plugin'),
    selfUUID: existing.selfUUID,
    pexrtc: pexrtcFacade(),
  }) as PexGlobal;
  installPexRTCConstructor();
  // Live: a single-page client changes its URL after this library is loaded (the landing
  // page has no conference query; the conference page does).
  Object.defineProperty(pex, 'conferenceQueryParams', { get: queryParams, enumerable: true, configurable: true });
  window.PEX = pex;
  installed = pex;
  return pex;
}

function queryParams(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

/** The app's own actions (and the connection's) for plugins; keeps `selfUUID` in step. */
export function dispatchAppAction(action: PexAction): void {
  if (action?.type === actions.SET_SELF_UUID && typeof action.payload === 'string') installPexGlobal().selfUUID = action.payload;
  dispatch(action, 'app');
}
