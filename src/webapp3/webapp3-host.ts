/**
 * Web App 3 plugins in one host: their frames, channels, handshakes, calls and conference
 * events, tied together behind load / unload. The host component creates one and feeds it the
 * manifest's plugins, the command path and the conference.
 *
 * A plugin's widgets are frames too, each with a channel of its own (opened by the widget page's
 * `syn:widget`), whose calls are taken only from that frame and served as its plugin's. The UI
 * handlers open them through the `caller` the host adds to their context; they end with their
 * plugin.
 */
import { FrameChannels, type ChannelLink, type IgnoredMessage } from './channel.js';
import { conferenceCalls, type ExecuteCommand } from './conference-calls.js';
import { ConferenceEvents, type ConferenceSource } from './conference-events.js';
import type { FramesMadeEarly } from './frame-element.js';
import { createPluginFrames, widgetFrameElement, widgetPageUrl, type PluginFrame, type Webapp3PluginEntry } from './frame-host.js';
import { DEFAULT_REGISTER_TIMEOUT, FrameHandshake, type HandshakeMeta } from './handshake.js';
import { Webapp3Problem } from './problems.js';
import { RpcRouter, type RpcContext, type RpcHandlers } from './rpc-router.js';

export type Webapp3PluginStatus = 'loading' | 'ready' | 'failed';

/** A plugin's status changed; `problem` says why when it failed. */
export interface Webapp3StatusChange {
  pluginId: string;
  status: Webapp3PluginStatus;
  /** The `registerPlugin` meta the plugin sent, once ready. */
  meta?: HandshakeMeta;
  problem?: Webapp3Problem;
}

export interface Webapp3HostOptions {
  /** Where the hidden frames go: an element in the document (the host component's shadow root works). */
  container: Element;
  /** Carries out conference calls as commands: the same sink webapp2 plugins' calls go down. */
  execute: ExecuteCommand;
  /** The conference whose events plugins get. Without it, no conference events are sent. */
  conference?: ConferenceSource;
  /** How long a plugin's page has to complete its handshake; default 5000 ms, as for webapp2 plugins. */
  registerTimeout?: number;
  /**
   * More rpc handlers (UI calls), added to the conference calls or replacing them by name. A
   * promise of them (their code still on its way) lets the frames start loading at once: calls
   * wait for the handlers, the handshakes do not.
   */
  handlers?: RpcHandlers | PromiseLike<RpcHandlers>;
  /** Told of every status change. */
  onStatus?: (change: Webapp3StatusChange) => void;
  /** Told of every call-shaped message that was not taken (another frame or window posting calls). */
  onIgnored?: (message: IgnoredMessage) => void;
  /** The window plugins post to; default the container's. */
  window?: Window;
}

/** A loaded plugin: its status and the promise of its handshake. */
export interface Webapp3Plugin {
  readonly id: string;
  readonly status: Webapp3PluginStatus;
  readonly problem: Webapp3Problem | undefined;
  readonly meta: HandshakeMeta | undefined;
  /** The channel its handshake opened (the plugin side's `chanId`); undefined before. */
  readonly channelId: string | undefined;
  /** Resolves with the meta when the handshake is done; rejects with the problem when the plugin fails. */
  readonly ready: Promise<HandshakeMeta>;
  /** Sends an event on its channel (nothing before its handshake). */
  send(event: string, payload: unknown): void;
}

/** A widget's frame for a plugin to open (`ui:widget:add`). */
export interface WidgetFrameRequest {
  /** The id the host gave the widget; one frame per id. */
  widgetId: string;
  /** Its page, relative to the plugin's page (http or https only). */
  src: string;
  /** Its title: the frame's accessible name. */
  title: string;
  /** Puts the frame where it shows. It must be in the document when this returns: its window is the channel's identity. */
  place(frame: HTMLIFrameElement): void;
  /** The host closed the frame itself (its plugin was unloaded or failed): what shows it goes too. */
  onClosed?(): void;
}

/** A widget's frame, in the document. */
export interface WidgetFrame {
  readonly widgetId: string;
  readonly element: HTMLIFrameElement;
  /** Whether its page completed `syn:widget`. */
  readonly ready: boolean;
  /** The channel its handshake opened; undefined before. */
  readonly channelId: string | undefined;
  /** Sends an event to the widget's page on its channel (nothing before its handshake). */
  send(event: string, payload: unknown): void;
  /** Takes the frame away: its channel and its events end, its page with it. `onClosed` is not called. */
  close(): void;
}

/** The calling plugin's side of the host, for UI handlers: its events and its widgets' frames. */
export interface PluginCaller {
  readonly pluginId: string;
  /** Sends an event to the plugin's frame (nothing once it is unloaded). */
  send(event: string, payload: unknown): void;
  /** Opens a widget's frame; throws an Error saying why it cannot (a bad src, a taken id, the plugin gone). */
  openWidgetFrame(request: WidgetFrameRequest): WidgetFrame;
}

/** The context the host gives the handlers of `options.handlers`: the call's, and its plugin's side of the host. */
export interface Webapp3RpcContext extends RpcContext {
  caller?: PluginCaller;
}

interface OpenWidget {
  frame: WidgetFrame;
  handshake: FrameHandshake;
  link?: ChannelLink;
  sink?: (event: string, payload: unknown) => void;
  onClosed?: () => void;
}

interface Running {
  plugin: Webapp3Plugin & { status: Webapp3PluginStatus; problem?: Webapp3Problem; meta?: HandshakeMeta };
  frame?: PluginFrame;
  handshake?: FrameHandshake;
  link?: ChannelLink;
  sink?: (event: string, payload: unknown) => void;
  widgets: Map<string, OpenWidget>;
  resolve(meta: HandshakeMeta): void;
  reject(problem: Webapp3Problem): void;
}

/** A promise already rejected, that no caller has to handle. */
function rejected(problem: Webapp3Problem): Promise<never> {
  const promise = Promise.reject(problem);
  promise.catch(() => {});
  return promise;
}

export class Webapp3Host {
  readonly #options: Webapp3HostOptions;
  readonly #channels: FrameChannels;
  readonly #router: RpcRouter;
  readonly #events: ConferenceEvents | undefined;
  readonly #plugins = new Map<string, Running>();

  constructor(options: Webapp3HostOptions) {
    this.#options = options;
    const target = options.window ?? options.container.ownerDocument.defaultView ?? window;
    this.#channels = new FrameChannels({ target, onIgnored: options.onIgnored });
    // A call comes from a ready plugin, and events are followed while a plugin is ready: the
    // user's own uuid is the one the events last saw. The calls answered from the conference's
    // state (its participants, where the user goes after the call) are the events' own.
    this.#events = options.conference && new ConferenceEvents(options.conference);
    const { handlers = {} } = options;
    const later = typeof (handlers as PromiseLike<RpcHandlers>).then === 'function' ? (handlers as PromiseLike<RpcHandlers>) : undefined;
    this.#router = new RpcRouter(
      conferenceCalls({ execute: options.execute, selfUuid: () => this.#events?.selfUuid }),
      this.#events?.handlers ?? {},
      later ? {} : this.#withCaller(handlers as RpcHandlers),
    );
    if (later) this.#router.addLater(Promise.resolve(later).then((table) => this.#withCaller(table)));
  }

  /** The router, for later parts of the host to add their handlers. */
  get router(): RpcRouter {
    return this.#router;
  }

  /** How many call-shaped messages from windows other than a plugin's own channel were ignored. */
  get ignoredCount(): number {
    return this.#channels.ignoredCount;
  }

  get plugins(): Webapp3Plugin[] {
    return [...this.#plugins.values()].map((running) => running.plugin);
  }

  plugin(id: string): Webapp3Plugin | undefined {
    return this.#plugins.get(id)?.plugin;
  }

  /** How many frames take calls (plugins' and widgets'). */
  get frameCount(): number {
    return this.#channels.size;
  }

  /** Whether anything of the host is still live: frames, the message listener, timers. */
  get idle(): boolean {
    return this.#plugins.size === 0 && !this.#channels.listening;
  }

  /**
   * Loads `entries` all at once: their frames enter the document together. An id already loaded
   * is unloaded first (a reload). Returns the plugins, in the entries' order.
   */
  load(entries: readonly Webapp3PluginEntry[], early?: FramesMadeEarly): Webapp3Plugin[] {
    for (const entry of entries) if (typeof entry?.id === 'string' && this.#plugins.has(entry.id)) this.unload(entry.id);
    const outcomes = createPluginFrames(this.#options.container, entries, early?.frames);
    const plugins = outcomes.map((outcome): Webapp3Plugin => {
      if ('problem' in outcome && this.#plugins.has(outcome.pluginId)) {
        // A second entry with a loaded plugin's id: the problem is told, the first plugin stays.
        const { pluginId, problem } = outcome;
        this.#options.onStatus?.({ pluginId, status: 'failed', problem });
        return { id: pluginId, status: 'failed', problem, meta: undefined, channelId: undefined, ready: rejected(problem), send: () => {} };
      }
      const running = this.#track(outcome.pluginId);
      if ('problem' in outcome) {
        this.#fail(running, outcome.problem);
        return running.plugin;
      }
      running.frame = outcome.frame;
      running.handshake = new FrameHandshake({
        pluginId: outcome.pluginId,
        frame: outcome.frame.element,
        router: this.#router,
        registerTimeout: this.#options.registerTimeout ?? DEFAULT_REGISTER_TIMEOUT,
        onReady: (meta, link) => this.#ready(running, meta, link),
        onTimeout: (problem) => {
          // A page that never registered runs nothing more: its frame goes, the problem stays.
          this.#teardown(running);
          this.#fail(running, problem);
        },
      });
      this.#channels.register(running.handshake);
      this.#emit(running);
      return running.plugin;
    });
    if (early) {
      // Every frame's handshake listens now: what the pages posted before is handled first.
      for (const event of early.take()) this.#channels.handle(event);
      const taken = new Set(outcomes.map((outcome) => ('frame' in outcome ? outcome.frame.element : undefined)));
      for (const frame of early.frames.values()) if (!taken.has(frame)) frame.remove();
    }
    return plugins;
  }

  /** Unloads a plugin: its frame, its channel, its timer and its events end; nothing of it remains. */
  unload(id: string): void {
    const running = this.#plugins.get(id);
    if (!running) return;
    this.#teardown(running);
    this.#plugins.delete(id);
  }

  /** Unloads every plugin. */
  dispose(): void {
    for (const id of [...this.#plugins.keys()]) this.unload(id);
    this.#events?.dispose();
  }

  /** The handlers of `table`, each given the calling plugin's side of the host in its context. */
  #withCaller(table: RpcHandlers): RpcHandlers {
    return Object.fromEntries(
      Object.entries(table).map(([name, handler]) => [name, (payload: unknown, context: RpcContext) => {
        const withCaller: Webapp3RpcContext = { ...context, caller: this.#callerOf(context.pluginId) };
        return handler(payload, withCaller);
      }]),
    );
  }

  #callerOf(pluginId: string): PluginCaller | undefined {
    const running = this.#plugins.get(pluginId);
    if (!running) return undefined;
    // Bound to this run of the plugin: a reload under the same id is another caller.
    return {
      pluginId,
      send: (event, payload) => running.link?.post({ event, payload }),
      openWidgetFrame: (request) => this.#openWidget(running, request),
    };
  }

  #openWidget(running: Running, request: WidgetFrameRequest): WidgetFrame {
    const pluginId = running.plugin.id;
    if (this.#plugins.get(pluginId) !== running || !running.frame || running.plugin.status !== 'ready') throw new Error(`the plugin "${pluginId}" is not running`);
    if (running.widgets.has(request.widgetId)) throw new Error(`the plugin "${pluginId}" has a widget "${request.widgetId}" already`);
    const src = widgetPageUrl(request.src, running.frame.element.src);
    const element = widgetFrameElement(this.#options.container.ownerDocument, {
      pluginId,
      widgetId: request.widgetId,
      src,
      title: request.title,
      sandbox: running.frame.element.getAttribute('sandbox') ?? 'allow-scripts',
    });
    request.place(element);
    if (!element.isConnected) {
      element.remove();
      throw new Error(`the widget "${request.widgetId}" was not placed in the document`);
    }
    const open: OpenWidget = {
      onClosed: request.onClosed,
      handshake: new FrameHandshake({
        pluginId,
        frame: element,
        kind: 'widget',
        router: this.#router,
        onReady: (_meta, link) => {
          open.link = link;
          if (this.#events) {
            // A widget page is wired like its plugin: it hears the conference too.
            open.sink = (event, payload) => link.post({ event, payload });
            this.#events.add(open.sink);
          }
        },
        onTimeout: () => {},
      }),
      frame: {
        widgetId: request.widgetId,
        element,
        get ready() {
          return open.handshake.ready;
        },
        get channelId() {
          return open.link?.chanId;
        },
        send: (event, payload) => open.link?.post({ event, payload }),
        close: () => this.#closeWidget(running, request.widgetId, false),
      },
    };
    running.widgets.set(request.widgetId, open);
    this.#channels.register(open.handshake);
    return open.frame;
  }

  #closeWidget(running: Running, widgetId: string, tellOwner: boolean): void {
    const open = running.widgets.get(widgetId);
    if (!open) return;
    running.widgets.delete(widgetId);
    if (open.sink) this.#events?.remove(open.sink);
    open.handshake.close();
    this.#channels.unregister(open.handshake);
    open.frame.element.remove();
    if (tellOwner) open.onClosed?.();
  }

  #track(id: string): Running {
    let resolve!: (meta: HandshakeMeta) => void;
    let reject!: (problem: Webapp3Problem) => void;
    const ready = new Promise<HandshakeMeta>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A caller may never await it; a failure is told through onStatus.
    ready.catch(() => {});
    const running: Running = {
      widgets: new Map(),
      resolve,
      reject,
      plugin: {
        id,
        status: 'loading',
        problem: undefined,
        meta: undefined,
        get channelId() {
          return running.link?.chanId;
        },
        ready,
        send: (event, payload) => running.link?.post({ event, payload }),
      },
    };
    this.#plugins.set(id, running);
    return running;
  }

  #ready(running: Running, meta: HandshakeMeta, link: ChannelLink): void {
    running.link = link;
    running.plugin.status = 'ready';
    running.plugin.meta = meta;
    running.resolve(meta);
    this.#emit(running);
    if (this.#events) {
      running.sink = (event, payload) => link.post({ event, payload });
      this.#events.add(running.sink);
    }
  }

  #fail(running: Running, problem: Webapp3Problem): void {
    running.plugin.status = 'failed';
    running.plugin.problem = problem;
    running.reject(problem);
    this.#emit(running);
  }

  #teardown(running: Running): void {
    for (const widgetId of [...running.widgets.keys()]) this.#closeWidget(running, widgetId, true);
    if (running.sink) this.#events?.remove(running.sink);
    running.sink = undefined;
    if (running.handshake) {
      running.handshake.close();
      this.#channels.unregister(running.handshake);
    }
    running.frame?.remove();
    running.frame = undefined;
    running.handshake = undefined;
    running.link = undefined;
  }

  #emit(running: Running): void {
    const { id: pluginId, status, meta, problem } = running.plugin;
    this.#options.onStatus?.({ pluginId, status, ...(meta ? { meta } : {}), ...(problem ? { problem } : {}) });
  }
}
