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
 *
 * A frame's window is read only when a message has come and has to be matched to a frame, not
 * when the frame is registered. Reading a new frame's `contentWindow` right after its insertion
 * makes Chromium build a script context for the frame's first, empty document, which the
 * frame's own page then replaces: with 30 frames inserted at once that is tens of milliseconds
 * of the page's main thread spent before any frame's page has loaded. By the time a frame's page
 * posts, its window is there to compare. A handshake names its plugin, so the frame of that
 * plugin is compared first; the name only orders the search, the window decides.
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
  /** The frame's window (null once it is out of the document), read when a message is matched to it. */
  readonly window: Window | null;
  /** The rpc names that open the channel (`syn` for a plugin, `syn:widget` for a widget). */
  readonly handshakeRpc: string;
  /** A call on its channel, or (channel not open yet) its handshake. */
  receive(call: RpcCallMessage, link: ChannelLink): void;
}

/** What an endpoint holds to talk back on its channel. */
export interface ChannelLink {
  /** The channel its handshake opened; undefined before. */
  readonly chanId: string | undefined;
  /** The frame's window, once a message from it was matched to it. */
  readonly window: Window | undefined;
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
  link: ChannelLink & { chanId: string | undefined; window: Window | undefined; closed: boolean };
}

/** The plugin a handshake names (`registerPlugin`'s id, `registerWidget`'s parentPluginId), if any. */
function claimedPluginId(call: RpcCallMessage): unknown {
  const payload = call.payload as { id?: unknown; parentPluginId?: unknown } | null;
  return typeof payload === 'object' && payload !== null ? (payload.parentPluginId ?? payload.id) : undefined;
}

export class FrameChannels {
  readonly #registrations = new Map<FrameEndpoint, Registration>();
  /** The registrations matched to their frame's window so far. */
  readonly #byWindow = new Map<Window, Registration>();
  /** The registrations no message has been matched to yet: their windows are not read yet. */
  readonly #unmatched = new Set<Registration>();
  readonly #ignored: IgnoredMessage[] = [];
  #ignoredCount = 0;
  readonly #onIgnored: ((message: IgnoredMessage) => void) | undefined;
  readonly #target: Window;
  #listening = false;

  readonly #onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    // Not the protocol's: someone else's message on the same window.
    if (!isCall(data)) return;
    const source = event.source as Window | null;
    const registration = source ? (this.#byWindow.get(source) ?? this.#match(source, data)) : undefined;
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

  /** Starts taking calls from `endpoint`'s frame. Returns the link; `unregister` ends it. */
  register(endpoint: FrameEndpoint): ChannelLink {
    if (this.#registrations.has(endpoint)) throw new Error(`A frame is registered twice (plugin "${endpoint.pluginId}").`);
    const link = {
      chanId: undefined as string | undefined,
      window: undefined as Window | undefined,
      closed: false,
      open(chanId: string) {
        link.chanId = chanId;
      },
      post(message: Record<string, unknown>) {
        // A channel opens with a handshake from the frame, so its window is known by then.
        if (link.closed || link.chanId === undefined || !link.window) return;
        link.window.postMessage({ ...message, chanId: link.chanId }, '*');
      },
    };
    const registration = { endpoint, link };
    this.#registrations.set(endpoint, registration);
    this.#unmatched.add(registration);
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
  unregister(endpoint: FrameEndpoint): void {
    const registration = this.#registrations.get(endpoint);
    if (!registration) return;
    registration.link.closed = true;
    this.#registrations.delete(endpoint);
    this.#unmatched.delete(registration);
    if (registration.link.window) this.#byWindow.delete(registration.link.window);
    if (this.#registrations.size === 0 && this.#listening) {
      this.#target.removeEventListener('message', this.#onMessage);
      this.#listening = false;
    }
  }

  /** The registration whose frame's window is `source`, among those not matched yet (see above). */
  #match(source: Window, call: RpcCallMessage): Registration | undefined {
    if (this.#unmatched.size === 0) return undefined;
    const claimed = claimedPluginId(call);
    const found =
      [...this.#unmatched].find(({ endpoint }) => endpoint.pluginId === claimed && endpoint.window === source) ??
      [...this.#unmatched].find(({ endpoint }) => endpoint.pluginId !== claimed && endpoint.window === source);
    if (!found) return undefined;
    this.#unmatched.delete(found);
    this.#byWindow.set(source, found);
    found.link.window = source;
    return found;
  }

  #ignore(message: IgnoredMessage): void {
    this.#ignoredCount += 1;
    this.#ignored.push(message);
    if (this.#ignored.length > 100) this.#ignored.shift();
    this.#onIgnored?.(message);
  }
}
