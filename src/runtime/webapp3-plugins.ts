import type { PluginCommand } from '../conference/commands.js';
import type { ConferenceStore } from '../conference/conference-store.js';
import type { Webapp3Entry } from '../config/types.js';
import { notLoaded, SERVE_ALL_FILES } from '../config/missing-chunk.js';
import type { RpcHandlers, Webapp3Host, Webapp3StatusChange } from '../webapp3/index.js';
import type { ParticipantRole } from '../config/types.js';
import type { MenuItemView } from './menu-items.js';
import type { PluginPhase } from './plugin-error.js';
import type { PluginStatus } from './plugin-record.js';
import { makeEarlyFrames } from './webapp3-early-frames.js';
import { webapp3Conference } from './webapp3-conference.js';

/** One Web App 3 plugin of a started branding, as the runtime lists it. */
export interface Webapp3PluginState {
  readonly entry: Webapp3Entry;
  status: PluginStatus;
  /** The version its `registerPlugin` gave, once it registered. */
  version: string;
  error: { phase: PluginPhase; message: string } | undefined;
}

/** The UI calls' handlers (buttons, forms, prompts, toasts): the host component's, since they render elements. */
export interface Webapp3Ui {
  /**
   * RpcHandlers of src/webapp3, by rpc name; typed loosely here so that the runtime's public
   * declarations do not name @pexip/plugin-api's types (a dev dependency, not the package's).
   */
  handlers: Readonly<Record<string, unknown>>;
  /** Takes away what an unloaded plugin left on screen. */
  removeAll(pluginId: string): void;
  /** The participant's role changed: the buttons' `roles` decide again. */
  refresh?(): void;
  /** The branding stopped: everything goes, conference subscriptions end. */
  dispose?(): void;
}

/** What the UI calls' handlers get from the runtime. */
export interface Webapp3UiLink {
  send: Webapp3Send;
  /** Publishes the plugins' buttons as menu items after the webapp2 plugins'; `invoke` carries out a menu's click on one. */
  menuItems(items: readonly MenuItemView[], invoke: (item: MenuItemView, args: unknown[]) => void): void;
  /** The participant's role; undefined: not known yet. */
  role(): ParticipantRole | undefined;
  /** The conference's participants (buttons `inMeetingOnly` show while there are some). */
  participants$: ConferenceStore['participants$'];
}

/** What the frame host's chunk gives the runtime. */
type FrameHostModule = Pick<typeof import('../webapp3/index.js'), 'Webapp3Host'>;

/** Sends an event to one plugin's frame. */
export type Webapp3Send = (pluginId: string, event: string, payload: unknown) => void;

/** What the runtime gives its Web App 3 plugins. */
export interface Webapp3PluginsOptions {
  /** Where their hidden frames go; none: they cannot run (a runtime without a page). */
  container: () => Element | null | undefined;
  conference: ConferenceStore;
  /** Their conference calls, as the same commands webapp2 plugins' calls become. */
  execute: (command: PluginCommand, pluginId: string) => Promise<unknown>;
  registerTimeout: () => number;
  /**
   * The frame host's chunk, `import('../webapp3/index.js')` by default (a test's may fail). Its
   * module is typed loosely here for the reason `Webapp3Ui['handlers']` is.
   */
  loadFrameHost?: () => Promise<object>;
  /** Made with the frame host (fetched with it): the handlers of the UI calls that render elements. */
  ui?: (link: Webapp3UiLink) => Promise<Webapp3Ui>;
  /** Where the buttons' menu items go (the runtime's menu publisher). */
  menuItems: Webapp3UiLink['menuItems'];
  role: () => ParticipantRole | undefined;
  /** A plugin's status changed (the list is published again). */
  changed(): void;
  loaded(id: string): void;
  failed(id: string, message: string): void;
}

/**
 * The Web App 3 plugins (manifest.json's `plugins`) of one runtime: each a page in a sandboxed
 * frame, run by the frame host of src/webapp3, whose code is a chunk fetched only when one of
 * them is to load. The runtime keeps their statuses beside its webapp2 plugins', so
 * both kinds share one list, one settings page and one settled count.
 */
export class Webapp3Plugins {
  readonly #states = new Map<string, Webapp3PluginState>();
  #host: Promise<Webapp3Host | undefined> | undefined;
  /** The UI calls' handlers, once their chunk is in (the frames do not wait for it). */
  #ui: Webapp3Ui | undefined;
  /** Bumped by every start and stop: a frame host that arrives for an older start is thrown away. */
  #session = 0;

  constructor(private readonly options: Webapp3PluginsOptions) {}

  get states(): Iterable<Webapp3PluginState> {
    return this.#states.values();
  }

  has(id: string): boolean {
    return this.#states.has(id);
  }

  status(id: string): PluginStatus | undefined {
    return this.#states.get(id)?.status;
  }

  /** Lists a branding's Web App 3 plugins (not loaded yet); ids already taken by webapp2 plugins are skipped by the caller. */
  begin(entries: readonly Webapp3Entry[]): void {
    for (const entry of entries) this.#states.set(entry.id, { entry, status: 'not-loaded', version: '', error: undefined });
  }

  /** Loads the plugins `ids` names, all at once (their frames enter the page together); resolves when each has settled. */
  async load(ids: readonly string[]): Promise<void> {
    const states = ids.map((id) => this.#states.get(id)).filter((state): state is Webapp3PluginState => !!state && state.status !== 'loading' && state.status !== 'loaded');
    if (states.length === 0) return;
    for (const state of states) this.#set(state, 'loading', undefined);
    const session = this.#session;
    // The frames go in first and the frame host's chunk is asked for after: the frames' pages
    // are the long wait (the first handshake comes hundreds of milliseconds later) and load
    // while the chunk travels; the chunk arrives long before any page has registered, and what
    // a page posts before it is kept for it. Asked for first, the chunk put the frames'
    // insertion about 10 ms later, on the path to every plugin's first button, and it is only
    // fetched when a plugin is to load (not for a branding whose plugins the user turned off).
    const container = this.options.container();
    const early = container ? makeEarlyFrames(container, states.map(({ entry }) => entry)) : undefined;
    let host: Webapp3Host | undefined;
    let problem: string | undefined;
    try {
      host = await this.#frameHost();
      if (!host) problem = 'there is no page to put its frame in';
    } catch (error) {
      // The chunk did not come (not served with the drop-in, the network gone): said, and a retry asks again.
      problem = `${notLoaded("its frame host's code", error)}: ${SERVE_ALL_FILES}`;
    }
    if (!host || session !== this.#session) early?.remove();
    if (session !== this.#session) return;
    if (!host) {
      // Unloaded meanwhile: it is not failing.
      for (const state of states) if (state.status === 'loading') this.#failed(state, problem ?? '');
      return;
    }
    const plugins = host.load(
      states.map(({ entry }) => ({ id: entry.id, src: entry.src, sandboxValues: entry.sandboxValues })),
      early,
    );
    await Promise.all(plugins.map((plugin) => plugin.ready.catch(() => undefined)));
  }

  unload(id: string): void {
    const state = this.#states.get(id);
    if (!state || (state.status !== 'loaded' && state.status !== 'loading')) return;
    void this.#host?.then(
      (host) => {
        host?.unload(id);
        this.#ui?.removeAll(id);
      },
      // Its frame host never loaded: its frame went with that (see load).
      () => {},
    );
    this.#set(state, 'not-loaded', undefined);
  }

  /** Unloads them all and forgets the branding's list. */
  stop(): void {
    this.#session++;
    const host = this.#host;
    this.#host = undefined;
    const ui = this.#ui;
    const ids = [...this.#states.keys()];
    const end = (frames?: Webapp3Host) => {
      frames?.dispose();
      for (const id of ids) ui?.removeAll(id);
      ui?.dispose?.();
    };
    void host?.then(end, () => end());
    this.#states.clear();
  }

  /** The participant's role changed: Web App 3 buttons with `roles` show or hide to match. */
  audienceChanged(): void {
    this.#ui?.refresh?.();
  }

  /**
   * The frame host, made as soon as its chunk is in: the frames do not wait for the UI's chunk
   * (a plugin's first UI call comes once its page has loaded and registered), and calls that
   * come before the UI's handlers wait for them (RpcRouter.addLater); a UI that arrives after a
   * stop is let go at once, holding nothing yet.
   */
  #frameHost(): Promise<Webapp3Host | undefined> {
    if (this.#host) return this.#host;
    let frames: Webapp3Host | undefined;
    const send: Webapp3Send = (pluginId, event, payload) => frames?.plugin(pluginId)?.send(event, payload);
    const session = this.#session;
    // The frame host's chunk is asked for first: the frames wait for it alone.
    const load = this.options.loadFrameHost ?? (() => import('../webapp3/index.js'));
    const host = load() as Promise<FrameHostModule>;
    // Read by the UI's arrival, which comes after it is set.
    let made: Promise<Webapp3Host | undefined> | undefined = undefined;
    const ui = this.#makeUi(send)?.then((arrived) => {
      // Kept while its frame host is the one in use; one for a stopped start, or for a frame
      // host whose code did not load, is let go.
      if (session === this.#session && this.#host === made) return (this.#ui = arrived);
      arrived.dispose?.();
    });
    made = this.#host = host.then(({ Webapp3Host }) => {
      const container = this.options.container();
      if (!container) return undefined;
      const { conference } = this.options;
      frames = new Webapp3Host({
        container,
        execute: this.options.execute,
        conference: webapp3Conference(conference),
        registerTimeout: this.options.registerTimeout(),
        ...(ui ? { handlers: ui.then((made) => (made?.handlers ?? {}) as RpcHandlers) } : {}),
        onStatus: (change) => this.#onStatus(change),
      });
      return frames;
    });
    made.catch(() => {
      // Its code did not load: the next load asks for it again, and the UI made for it goes.
      if (this.#host !== made) return;
      this.#host = undefined;
      this.#ui?.dispose?.();
      this.#ui = undefined;
    });
    ui?.catch(() => {});
    return made;
  }

  #makeUi(send: Webapp3Send): Promise<Webapp3Ui> | undefined {
    const { ui, menuItems, role, conference } = this.options;
    return ui?.({ send, menuItems, role, participants$: conference.participants$ });
  }

  #onStatus(change: Webapp3StatusChange): void {
    const state = this.#states.get(change.pluginId);
    // An unloaded plugin's late news, or a second entry under a loaded plugin's id: not this state's.
    if (!state || state.status !== 'loading') return;
    if (change.status === 'ready') {
      state.version = change.meta?.version !== undefined ? String(change.meta.version) : '';
      this.#set(state, 'loaded', undefined);
      this.options.loaded(state.entry.id);
    } else if (change.status === 'failed') {
      this.#failed(state, change.problem?.message ?? 'it failed');
    }
  }

  #failed(state: Webapp3PluginState, message: string): void {
    this.#set(state, 'failed', { phase: 'register', message });
    this.options.failed(state.entry.id, message);
  }

  #set(state: Webapp3PluginState, status: PluginStatus, error: Webapp3PluginState['error']): void {
    state.status = status;
    state.error = error;
    this.options.changed();
  }
}
