/**
 * Calls by rpc name → their handlers, and every call answered: an rpc no handler serves gets a
 * `failed` reply naming it, a handler that throws or rejects a `failed` reply with the reason.
 * A plugin's `await` never hangs on this host. Handlers are added by name, so each part of the
 * host (conference calls here; UI, widgets later) brings its own table.
 */
import type { RpcCallMessage } from './channel.js';
import { reasonOf } from './problems.js';

/** Who is calling: the plugin's id as its manifest entry names it, and the call's id. */
export interface RpcContext {
  pluginId: string;
  callId: string;
  /** The window the call came from: the plugin's page, or one of its widgets' (what a popup opens through). */
  window?: Window;
}

/** Serves one rpc: resolves to the reply's payload (the shape the package's types give that rpc). */
export type RpcHandler = (payload: unknown, context: RpcContext) => unknown;

/** A table of handlers by rpc name. */
export type RpcHandlers = Readonly<Record<string, RpcHandler>>;

/** The `failed` reply the package's GenericRPCReply defines. */
export interface FailedReply {
  status: 'failed';
  reason: string;
  id: string;
}

export function failedReply(callId: string, reason: string): FailedReply {
  return { status: 'failed', reason, id: callId };
}

export class RpcRouter {
  readonly #handlers = new Map<string, RpcHandler>();
  /** Handlers on their way (see `addLater`): calls wait for them, in the order they came. */
  #pending: Promise<void> | undefined;

  constructor(...tables: RpcHandlers[]) {
    for (const table of tables) this.add(table);
  }

  /** Adds (or replaces) the handlers of `table`. */
  add(table: RpcHandlers): void {
    for (const [name, handler] of Object.entries(table)) this.#handlers.set(name, handler);
  }

  /**
   * Adds the handlers of `table` once it arrives; until then every call waits for it, so that a
   * call the table serves is never answered as unsupported for having come early. A table that
   * never arrives (its code failed to load) adds nothing: the calls go on as if it had none.
   */
  addLater(table: PromiseLike<RpcHandlers>): void {
    const arrived = Promise.resolve(table).then(
      (handlers) => this.add(handlers),
      () => {},
    );
    const pending: Promise<void> = Promise.all([this.#pending, arrived]).then(() => {
      if (this.#pending === pending) this.#pending = undefined;
    });
    this.#pending = pending;
  }

  has(rpc: string): boolean {
    return this.#handlers.has(rpc);
  }

  /** The rpc names served, for a support table or a diagnostic. */
  get names(): string[] {
    return [...this.#handlers.keys()];
  }

  /** The reply payload for `call`; never rejects. */
  async route(call: RpcCallMessage, pluginId: string, window?: Window): Promise<unknown> {
    if (this.#pending) await this.#pending;
    const handler = this.#handlers.get(call.rpc);
    if (!handler) return failedReply(call.id, `${call.rpc} is not supported by this host.`);
    try {
      return await handler(call.payload, window ? { pluginId, callId: call.id, window } : { pluginId, callId: call.id });
    } catch (error) {
      return failedReply(call.id, `${call.rpc} failed: ${reasonOf(error)}`);
    }
  }
}
