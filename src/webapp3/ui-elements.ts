/**
 * The UI elements a Web App 3 plugin has made (its forms, prompts; any other part may add its
 * own), by the ids the host gave them, and `ui:removeElement`, which takes one away. Ids are
 * the plugin's own: one plugin cannot remove another's element by guessing its id.
 */
import type { RPCCallReply } from '@pexip/plugin-api';
import type { FailedReply, RpcHandlers } from './rpc-router.js';

/**
 * The `failed` reply of GenericRPCReply, as the rpc router makes it. Made here again, not
 * imported: the UI's chunk then shares no code with the frame host's chunk, and a chunk of
 * such shared code would be discovered, and fetched, only after both came in, before any
 * plugin's frame could be made.
 */
export function failedReply(callId: string, reason: string): FailedReply {
  return { status: 'failed', reason, id: callId };
}

/** A value as a reason quotes it: its JSON, or its string when it has none (undefined, a function). */
export const json = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** Whether `value` is a plain object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where plugin UI shows: the element it belongs to (the host), and where the host's own
 * elements go (default: that element's shadow root, else the element itself).
 */
export interface UiPlace {
  element: Element;
  root?: ParentNode;
}

/** The node the host's own elements are appended to. */
export function placeRoot(place: UiPlace): ParentNode {
  return place.root ?? place.element.shadowRoot ?? place.element;
}

/** An `ok` reply in GenericRPCReply's shape: `id` names the element the call is about. */
export function okReply(id: string): RPCCallReply<'ui:removeElement'> {
  return { status: 'ok', id, data: undefined };
}

export class PluginElements {
  /** pluginId → element id → how to take it away (undefined once it is gone). */
  readonly #elements = new Map<string, Map<string, (() => void) | undefined>>();

  /** Keeps `remove` for the plugin's element `id`. */
  add(pluginId: string, id: string, remove: () => void): void {
    let ofPlugin = this.#elements.get(pluginId);
    if (!ofPlugin) this.#elements.set(pluginId, (ofPlugin = new Map()));
    ofPlugin.set(id, remove);
  }

  /**
   * The element went away by itself (its dialog was answered or closed by the user): the id
   * stays known, so the plugin's own `remove()` afterwards (showForm makes one) is answered ok.
   */
  gone(pluginId: string, id: string): void {
    const ofPlugin = this.#elements.get(pluginId);
    if (ofPlugin?.has(id)) ofPlugin.set(id, undefined);
  }

  /** Whether the plugin has (or had) an element `id`. */
  has(pluginId: string, id: string): boolean {
    return this.#elements.get(pluginId)?.has(id) ?? false;
  }

  /** Whether the plugin's element `id` is showing. */
  showing(pluginId: string, id: string): boolean {
    return this.#elements.get(pluginId)?.get(id) !== undefined;
  }

  /** Takes the element away; false when the plugin has no element `id`. */
  remove(pluginId: string, id: string): boolean {
    const ofPlugin = this.#elements.get(pluginId);
    if (!ofPlugin?.has(id)) return false;
    const remove = ofPlugin.get(id);
    ofPlugin.set(id, undefined);
    remove?.();
    return true;
  }

  /** Takes away every element of the plugin and forgets it (the plugin was unloaded). */
  removeAll(pluginId: string): void {
    const ofPlugin = this.#elements.get(pluginId);
    if (!ofPlugin) return;
    this.#elements.delete(pluginId);
    for (const remove of ofPlugin.values()) remove?.();
  }

  /** `ui:removeElement` `{id}`: ok when the plugin has that element, failed naming the id otherwise. */
  handlers(): RpcHandlers {
    return {
      'ui:removeElement': (payload, { pluginId, callId }) => {
        const id = (payload as { id?: unknown } | null)?.id;
        if (typeof id !== 'string') return failedReply(callId, `ui:removeElement needs "id" (a string), not ${JSON.stringify(id) ?? 'nothing'}.`);
        if (!this.remove(pluginId, id)) return failedReply(callId, `ui:removeElement: this plugin has no element "${id}".`);
        return okReply(id);
      },
    };
  }
}
