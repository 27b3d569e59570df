/**
 * One plugin frame's side of the protocol: its handshake, its register timeout, and its calls
 * handed to the router with each reply sent back on its channel.
 *
 * `registerPlugin(meta)` in the frame calls `syn` with `{id, version}` on a channel id of its
 * own making; the reply `{ack: true}` opens that channel and resolves `registerPlugin`. A widget
 * page's `registerWidget` does the same with `syn:widget`. A plugin's frame that has not completed
 * its handshake when the register timeout ends fails with a problem saying so. A widget's frame
 * has no such timeout: a widget's page need not use the package at all (a plain page shown in a
 * panel); without its handshake it only cannot call the host.
 */
import type { ChannelLink, FrameEndpoint, RpcCallMessage } from './channel.js';
import { Webapp3Problem } from './problems.js';
import type { RpcRouter } from './rpc-router.js';

/** Like a webapp2 plugin's: the time a plugin's page has to register. */
export const DEFAULT_REGISTER_TIMEOUT = 5000;

/** What `syn` carries: the plugin's `registerPlugin` meta. */
export interface HandshakeMeta {
  id: string;
  version: number;
  [field: string]: unknown;
}

export interface HandshakeOptions {
  pluginId: string;
  /** The plugin's (or widget's) frame: its window is read only when a message from it comes (see channel.ts). */
  frame: HTMLIFrameElement;
  /** 'plugin' opens with `syn`, 'widget' with `syn:widget`. */
  kind?: 'plugin' | 'widget';
  router: RpcRouter;
  /** A plugin's only; a widget's frame is never timed out. */
  registerTimeout?: number;
  /** The handshake is done: the channel is open and the plugin's `registerPlugin` resolves. */
  onReady(meta: HandshakeMeta, link: ChannelLink): void;
  /** The handshake never came in time (a plugin's frame only). */
  onTimeout(problem: Webapp3Problem): void;
}

export class FrameHandshake implements FrameEndpoint {
  readonly pluginId: string;
  readonly handshakeRpc: 'syn' | 'syn:widget';
  readonly #options: HandshakeOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ready = false;
  #closed = false;

  constructor(options: HandshakeOptions) {
    this.#options = options;
    this.pluginId = options.pluginId;
    this.handshakeRpc = options.kind === 'widget' ? 'syn:widget' : 'syn';
    if (options.kind === 'widget') return;
    const timeout = options.registerTimeout ?? DEFAULT_REGISTER_TIMEOUT;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#ready || this.#closed) return;
      options.onTimeout(
        new Webapp3Problem(
          this.pluginId,
          'handshake-timeout',
          `its page did not complete the ${this.handshakeRpc} handshake within ${timeout} ms.`,
          `make sure its page loads (its src in manifest.json is right) and calls ${
            this.handshakeRpc === 'syn' ? 'registerPlugin({id, version})' : 'registerWidget({parentPluginId})'
          } from @pexip/plugin-api when it starts.`,
        ),
      );
    }, timeout);
  }

  get window(): Window | null {
    return this.#options.frame.contentWindow;
  }

  /** Whether the handshake is done. */
  get ready(): boolean {
    return this.#ready;
  }

  /** Whether a timer of this frame is still pending (for the unload checks). */
  get timerPending(): boolean {
    return this.#timer !== undefined;
  }

  /** Ends the timer; no reply goes out from here on. */
  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  receive(call: RpcCallMessage, link: ChannelLink): void {
    if (this.#closed) return;
    if (call.rpc === this.handshakeRpc) return this.#handshake(call, link);
    // The call was matched to this frame by its window, so the link has it.
    const page = link.window;
    if (!page) return;
    void this.#options.router.route(call, this.pluginId, page).then((payload) => {
      if (!this.#closed) link.post({ rpc: call.rpc, replyTo: call.id, payload });
    });
  }

  #handshake(call: RpcCallMessage, link: ChannelLink): void {
    // A repeated handshake on the open channel is answered again and changes nothing.
    if (this.#ready) return link.post({ rpc: call.rpc, replyTo: call.id, payload: { ack: true } });
    link.open(call.chanId);
    this.#ready = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    link.post({ rpc: call.rpc, replyTo: call.id, payload: { ack: true } });
    const payload = typeof call.payload === 'object' && call.payload !== null ? (call.payload as Record<string, unknown>) : {};
    const meta: HandshakeMeta = {
      ...payload,
      id: typeof payload.id === 'string' ? payload.id : typeof payload.parentPluginId === 'string' ? payload.parentPluginId : this.pluginId,
      version: typeof payload.version === 'number' ? payload.version : 0,
    };
    this.#options.onReady(meta, link);
  }
}
