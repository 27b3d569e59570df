/**
 * The parent side of the wire: one `message` listener for all Web App 3 plugins, which hands a
 * call to the plugin whose frame sent it, and replies and events that go to that frame alone.
 *
 * A call is accepted only when `event.source` is a registered frame's own window and its `chanId`
 * is the channel that frame opened with its handshake. The window is the identity, not the
 * origin: a sandboxed frame without `allow-same-origin` has the opaque origin "null", shared by
 * every such frame, so an origin names no one. For the same reason messages to the frame are
 * posted with the target origin '*': no other origin would match an opaque one, and '*' sends
 * nothing anywhere else because the message is posted on that frame's own window, never
 * broadcast; a page the frame navigated to receives it, as the plugin's own code would.
 */

/** A call as the plugin side sends it: `{rpc, payload, id, chanId}`. */
export interface RpcCallMessage {
  rpc: string;
  payload: unknown;
  id: string;
  chanId: string;
}

/** Why a message that looked like a call was not taken. */
export type IgnoredReason =
  /** From a window that is no registered plugin's frame (the app, another frame, a popup). */
  | 'unknown-source'
  /** From a plugin's frame, on a channel other than the one it opened. */
  | 'wrong-channel'
  /** From a plugin's frame before its handshake, and not a handshake. */
  | 'before-handshake';

export interface IgnoredMessage {
  reason: IgnoredReason;
  /** The frame's plugin, when the message came from one. */
  pluginId?: string;
  rpc: string;
}

/** What a registered frame does with the calls it is handed. */
export interface FrameEndpoint {
  readonly pluginId: string;
  readonly window: Window;
  /** The rpc names that open the channel (`syn` for a plugin, `syn:widget` for a widget). */
  readonly handshakeRpc: string;
  /** A call on its channel, or (channel not open yet) its handshake. */
  receive(call: RpcCallMessage, link: ChannelLink): void;
}

/** What an endpoint holds to talk back on its channel. */
export interface ChannelLink {
  /** The channel its handshake opened; undefined before. */
  readonly chanId: string | undefined;
  /** Opens the channel: only calls with this `chanId` are handed over from now on. */
  open(chanId: string): void;
  /** Posts `message` with the channel's `chanId` to this frame alone. */
  post(message: Record<string, unknown>): void;
}

function isCall(data: unknown): data is RpcCallMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { rpc, id, chanId } = data as Partial<RpcCallMessage>;
  return typeof rpc === 'string' && typeof id === 'string' && typeof chanId === 'string';
}

interface Registration {
  endpoint: FrameEndpoint;
  link: ChannelLink & { chanId: string | undefined; closed: boolean };
}

export class FrameChannels {
  readonly #registrations = new Map<Window, Registration>();
  readonly #ignored: IgnoredMessage[] = [];
  #ignoredCount = 0;
  readonly #onIgnored: ((message: IgnoredMessage) => void) | undefined;
  readonly #target: Window;
  #listening = false;

  readonly #onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    // Not the protocol's: someone else's message on the same window.
    if (!isCall(data)) return;
    const registration = event.source ? this.#registrations.get(event.source as Window) : undefined;
    if (!registration) return this.#ignore({ reason: 'unknown-source', rpc: data.rpc });
    const { endpoint, link } = registration;
    if (link.chanId === undefined) {
      if (data.rpc !== endpoint.handshakeRpc) return this.#ignore({ reason: 'before-handshake', pluginId: endpoint.pluginId, rpc: data.rpc });
    } else if (data.chanId !== link.chanId) {
      return this.#ignore({ reason: 'wrong-channel', pluginId: endpoint.pluginId, rpc: data.rpc });
    }
    endpoint.receive(data, link);
  };

  /**
   * @param target the window plugins post to (their `window.parent`): the app's.
   * @param onIgnored told of every call-shaped message that was not taken.
   */
  constructor(options: { target?: Window; onIgnored?: (message: IgnoredMessage) => void } = {}) {
    this.#target = options.target ?? window;
    this.#onIgnored = options.onIgnored;
  }

  /** The call-shaped messages not taken so far, oldest first (the last 100). */
  get ignored(): readonly IgnoredMessage[] {
    return this.#ignored;
  }

  /** How many call-shaped messages were not taken, in all. */
  get ignoredCount(): number {
    return this.#ignoredCount;
  }

  /** How many frames are registered. */
  get size(): number {
    return this.#registrations.size;
  }

  /** Whether the `message` listener is on (only while some frame is registered). */
  get listening(): boolean {
    return this.#listening;
  }

  /** Starts taking calls from `endpoint.window`. Returns the link; `unregister` ends it. */
  register(endpoint: FrameEndpoint): ChannelLink {
    if (this.#registrations.has(endpoint.window)) throw new Error(`A frame is registered twice (plugin "${endpoint.pluginId}").`);
    const link = {
      chanId: undefined as string | undefined,
      closed: false,
      open(chanId: string) {
        link.chanId = chanId;
      },
      post(message: Record<string, unknown>) {
        if (link.closed || link.chanId === undefined) return;
        endpoint.window.postMessage({ ...message, chanId: link.chanId }, '*');
      },
    };
    this.#registrations.set(endpoint.window, { endpoint, link });
    if (!this.#listening) {
      this.#target.addEventListener('message', this.#onMessage);
      this.#listening = true;
    }
    return link;
  }

  /** Handles a message this listener did not hear (one posted before it was on), as if it had. */
  handle(event: MessageEvent): void {
    this.#onMessage(event);
  }

  /** Stops taking calls from the frame; its link posts nothing more. The listener goes with the last frame. */
  unregister(window: Window): void {
    const registration = this.#registrations.get(window);
    if (!registration) return;
    registration.link.closed = true;
    this.#registrations.delete(window);
    if (this.#registrations.size === 0 && this.#listening) {
      this.#target.removeEventListener('message', this.#onMessage);
      this.#listening = false;
    }
  }

  #ignore(message: IgnoredMessage): void {
    this.#ignoredCount += 1;
    this.#ignored.push(message);
    if (this.#ignored.length > 100) this.#ignored.shift();
    this.#onIgnored?.(message);
  }
}
