/**
 * `ui:toast:show`: a plugin's toast handed to a `<pex-toasts>` region, which queues, shows,
 * times out and dismisses it (components/toasts). The region is the app's own when it placed a
 * `<pex-toasts>` inside the UI place's element, else one the host makes in the place's root.
 * The reply is GenericRPCReply's `ok` (the package reads only its status) once the toast is
 * queued; a payload the types do not allow is `failed` with what is wrong.
 */
import type { NotificationToastMessage } from '@pexip/plugin-api';
import type { RpcHandlers } from './rpc-router.js';
import { failedReply, okReply, placeRoot, type UiPlace } from './ui-elements.js';

export const TOASTS_TAG = 'pex-toasts';

/** What `<pex-toasts>` does for this handler. */
export interface ToastsElement extends HTMLElement {
  /** Queues `toast` (an `isInterrupt` one replaces the showing toast, as the types describe). */
  show(toast: NotificationToastMessage): void;
}

export const TOAST_POSITIONS = ['topCenter', 'bottomCenter'] as const;

/** Why `payload` is not a toast the types define, or undefined. */
export function toastProblem(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return `needs an object payload, not ${JSON.stringify(payload) ?? String(payload)}`;
  const toast = payload as Record<string, unknown>;
  if (typeof toast.message !== 'string') return 'needs "message" (a string)';
  if (toast.timeout !== undefined && !(typeof toast.timeout === 'number' && toast.timeout >= 0 && Number.isFinite(toast.timeout))) {
    return `has "timeout" ${JSON.stringify(toast.timeout)}: milliseconds (0 keeps it until dismissed) are needed`;
  }
  if (toast.position !== undefined && !TOAST_POSITIONS.includes(toast.position as 'topCenter')) {
    return `has "position" ${JSON.stringify(toast.position)} (known: ${TOAST_POSITIONS.join(', ')})`;
  }
  const notBoolean = (['isDanger', 'isInterrupt', 'canDismiss'] as const).find((key) => toast[key] !== undefined && typeof toast[key] !== 'boolean');
  if (notBoolean) return `has "${notBoolean}" ${JSON.stringify(toast[notBoolean])}, not true or false`;
  return undefined;
}

export interface UiToastOptions {
  place: UiPlace;
}

/** The handler of `ui:toast:show`. */
export function uiToasts(options: UiToastOptions): RpcHandlers {
  const { place } = options;
  let own: ToastsElement | undefined;

  /** The app's `<pex-toasts>` inside the place's element, else the host's own (made once). */
  const region = (): ToastsElement => {
    const placed = place.element.querySelector<ToastsElement>(TOASTS_TAG);
    if (placed) return placed;
    if (!own?.isConnected) {
      own = place.element.ownerDocument.createElement(TOASTS_TAG) as ToastsElement;
      placeRoot(place).append(own);
    }
    return own;
  };

  return {
    'ui:toast:show': (payload, { callId }) => {
      const problem = toastProblem(payload);
      if (problem) return failedReply(callId, `ui:toast:show ${problem}.`);
      if (!customElements.get(TOASTS_TAG)) return failedReply(callId, `ui:toast:show cannot be shown: <${TOASTS_TAG}> is not defined in this page (import its module with the host).`);
      region().show(payload as NotificationToastMessage);
      return okReply(callId);
    },
  };
}
