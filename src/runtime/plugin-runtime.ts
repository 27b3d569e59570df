import { BehaviorSubject, Subject, filter, firstValueFrom, type Observable } from 'rxjs';
import { loadBranding, type BrandingResult } from '../config/branding.js';
import { formatDiagnostic, problemTexts, type Diagnostic } from '../config/diagnostics.js';
import type { ParticipantRole, Platform, ResolvedPluginPackage } from '../config/types.js';
import type { ConferenceStore } from '../conference/conference-store.js';
import type { ConferenceDetails, Participant } from '../conference/types.js';
import { GuardedObservable } from './guarded-observable.js';
import { countedStream } from './live-subscriptions.js';
import { EMPTY_MENU_STATE, type MenuItemView } from './menu-items.js';
import { describeError, type PluginErrorDetail, type PluginPhase } from './plugin-error.js';
import { currentContextSandbox, isThenable, PluginSandbox } from './plugin-sandbox.js';
import { storageChoices, type PluginChoices } from './plugin-choices.js';
import { addErrorClaimant, removeErrorClaimant } from './error-router.js';
import { PluginRecord, type PluginStatus, type RegisteredPlugin } from './plugin-record.js';
import { addRunningHost, removeRunningHost } from './running-hosts.js';
import { pluginErrorClaimant, recordByRegisteredId, recordByScript, recordByStack } from './plugin-attribution.js';
import { MenuPublisher } from './menu-publisher.js';
import { atNextFrame } from './next-frame.js';
import { fitsAudience, isWanted } from './fit-policy.js';
import { acceptWebapp2Registration, packageFailure, readWebapp2Package, runClassicSource, withReloadKey, type Webapp2Host } from './webapp2-loader.js';
import { Webapp3Plugins, type Webapp3Ui, type Webapp3UiLink } from './webapp3-plugins.js';
import { nextTask } from './next-task.js';
import { commandSinkOf } from '../api/commands.js';
import { CommandError } from '../conference/commands.js';

// Moved to modules of their own; importers keep reading them here.
export type { PluginStatus, RegisteredPlugin } from './plugin-record.js';
export { findCallingSandbox, lastStartedRuntime, routeRegistration, startedRuntimes } from './running-hosts.js';

/** A plugin as a settings page or a log shows it. */
export interface PluginInfo {
  /** The id settings.json gives it. */
  id: string;
  name: string;
  description: string;
  version: string;
  allowUnload: boolean;
  /** settings.json's `enabled`. */
  enabledByDefault: boolean;
  /** Whether it is meant to run: the user's choice, else the default; always when it cannot be unloaded. */
  wanted: boolean;
  status: PluginStatus;
  /** Why it failed, in words, and where. */
  error?: { phase: PluginPhase; message: string };
  /**
   * The last problem it reported since it last began to load, while it went on (a throwing action
   * or subscriber, a misuse of the API, malformed state), or the one it failed with.
   */
  problem?: { phase: PluginPhase; message: string };
}

export type RuntimeEvent =
  | { type: 'loaded'; id: string }
  | { type: 'unloaded'; id: string }
  | { type: 'error'; detail: PluginErrorDetail }
  | { type: 'diagnostic'; diagnostic: Diagnostic }
  | { type: 'branding'; branding: BrandingResult }
  | { type: 'settled'; settled: PluginsSettled }
  /**
   * A plugin's source was just requested: the icons its package file gives its menu items
   * (absolute URLs, each once), so that they can be fetched now, alongside the source, instead
   * of when a menu first draws its items after it loaded.
   */
  | { type: 'icons'; id: string; icons: readonly string[] };

/**
 * How a start's plugins ended once none is pending: the ids (settings.json order) of those that
 * loaded and of those that failed. Plugins left off (disabled, or not for this platform or role)
 * are in neither.
 */
export interface PluginsSettled {
  brandingID: string | null;
  loadedIds: readonly string[];
  failedIds: readonly string[];
}

export interface RuntimeOptions {
  platform?: Platform;
  /** Undefined: not known yet, so plugins of either role fit. */
  role?: ParticipantRole | undefined;
  /** How long a plugin's script may take, after it ran, to call registerPlugin. */
  registerTimeout?: number;
  fetch?: typeof fetch;
  /** Where the user's load/unload choices are kept (localStorage by default). */
  choices?: PluginChoices;
  /** How long a plugin's `load` may take (its returned promise) before it counts as failed. */
  loadTimeout?: number;
  /** Origins besides the page's and the branding folder's that plugin files and icons may come from. */
  allowedOrigins?: readonly string[];
  /** Where Web App 3 plugins' hidden frames go (the host element); without it they cannot run. */
  frameContainer?: () => Element | null | undefined;
  /** The handlers of Web App 3 plugins' UI calls (buttons, forms, prompts, toasts), fetched with the frame host. */
  webapp3Ui?: (link: Webapp3UiLink) => Promise<Webapp3Ui>;
}

export const DEFAULT_REGISTER_TIMEOUT = 5000;
export const DEFAULT_LOAD_TIMEOUT = 10_000;

/**
 * The plugin host's core: reads a branding folder, loads each plugin's package and source,
 * pairs `registerPlugin` calls with their plugins, calls `load` / `unload` / actions inside
 * a sandbox per plugin, and keeps the menu items the plugins contribute.
 * DOM-free but for the `<script>` elements plugins must be loaded with.
 */
export class PluginRuntime {
  readonly #records = new Map<string, PluginRecord>();
  readonly #plugins = new BehaviorSubject<readonly PluginInfo[]>([]);
  readonly #menu = new MenuPublisher(this.#records);
  readonly #events = new Subject<RuntimeEvent>();
  #platform: Platform;
  #role: ParticipantRole | undefined;
  #registerTimeout: number;
  #loadTimeout: number;
  #allowedOrigins: readonly string[];
  readonly #fetch: typeof fetch;
  readonly #choices: PluginChoices;
  #branding: BrandingResult | null = null;
  #diagnostics: Diagnostic[] = [];
  /** Bumped by every start and stop: a start that was overtaken stops where it is. */
  #session = 0;
  #abort: AbortController | undefined;
  /** Cancels the idle-time opening of the choices' storage that start() asked for. */
  #cancelWarm: (() => void) | undefined;
  /** From start() until its plugins settle: what the menus show as their loading state. */
  readonly #loading = new BehaviorSubject(false);

  readonly plugins$: Observable<readonly PluginInfo[]> = countedStream(this.#plugins.asObservable(), 'plugins$');
  readonly menuItems$: Observable<readonly MenuItemView[]> = countedStream(this.#menu.items$, 'menuItems$');
  readonly events$: Observable<RuntimeEvent> = this.#events.asObservable();
  /**
   * True from `start` until the branding is read and every plugin it enables has loaded or
   * failed (then a `settled` event follows); false before any start and after `stop`.
   */
  readonly loading$: Observable<boolean> = countedStream(this.#loading.asObservable(), 'loading$');
  /** What each plugin's `load` receives, counted where they are handed out (see liveSubscriptionCount). */
  readonly #participants$: Observable<readonly Participant[]>;
  readonly #conference$: Observable<ConferenceDetails>;

  constructor(
    readonly conference: ConferenceStore,
    options: RuntimeOptions = {},
  ) {
    this.#platform = options.platform ?? 'web';
    this.#role = options.role;
    this.#registerTimeout = options.registerTimeout ?? DEFAULT_REGISTER_TIMEOUT;
    this.#loadTimeout = options.loadTimeout ?? DEFAULT_LOAD_TIMEOUT;
    this.#allowedOrigins = [];
    this.allowedOrigins = options.allowedOrigins ?? [];
    this.#participants$ = countedStream(conference.participants$, 'participants$');
    this.#conference$ = countedStream(conference.conference$, 'conferenceDetails$');
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#choices = options.choices ?? storageChoices();
    this.#webapp3 = new Webapp3Plugins({
      container: options.frameContainer ?? (() => undefined),
      conference,
      execute: (command, pluginId) => {
        const sink = commandSinkOf(this);
        return sink ? sink(command, pluginId) : Promise.reject(new CommandError(`${command.name}: no <pex-plugin-host> is on the page to carry it out.`));
      },
      registerTimeout: () => this.#registerTimeout,
      ...(options.webapp3Ui ? { ui: options.webapp3Ui } : {}),
      menuItems: (items, invoke) => this.#menu.setExtraItems(items, invoke),
      role: () => this.#role,
      changed: () => this.#publishPlugins(),
      loaded: (id) => this.#events.next({ type: 'loaded', id }),
      failed: (id, message) => {
        console.error(`[pex-plugin-host] plugin "${id}" failed in register: ${message}`);
        this.#events.next({ type: 'error', detail: { id, phase: 'register', error: new Error(message) } });
      },
    });
  }

  /** manifest.json's Web App 3 plugins, each in a frame of its own. */
  readonly #webapp3: Webapp3Plugins;

  get branding(): BrandingResult | null {
    return this.#branding;
  }

  /** See `loading$`. */
  get loading(): boolean {
    return this.#loading.value;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }

  get plugins(): readonly PluginInfo[] {
    if (this.#pluginsQueued) this.#flushPlugins();
    return this.#plugins.value;
  }

  /** False while the browser's storage refuses the user's choices: they last until the page closes. */
  get choicesKept(): boolean {
    return this.#choices.kept;
  }

  get menuItems(): readonly MenuItemView[] {
    return this.#menu.items;
  }

  set registerTimeout(ms: number) {
    this.#registerTimeout = ms;
  }

  set loadTimeout(ms: number) {
    this.#loadTimeout = ms;
  }

  /** Origins (`https://cdn.example`) besides the page's and the branding folder's that plugin files and icons may come from. */
  set allowedOrigins(origins: readonly string[]) {
    // "https://cdn.example/" names the origin https://cdn.example; what is no URL matches nothing.
    this.#allowedOrigins = origins.map((origin) => new URL(origin, 'x:/').origin);
  }

  /**
   * Subscriptions the plugins' live sandboxes track, all plugins together. An unloaded plugin's
   * sandbox is gone, so this cannot see what unload forgot: leak checks read
   * `liveSubscriptionCount()`, counted at the streams themselves.
   */
  get subscriptionCount(): number {
    let count = 0;
    for (const record of this.#records.values()) count += record.sandbox?.subscriptionCount ?? 0;
    return count;
  }

  /**
   * Reads the branding folder and loads the plugins it enables, all in parallel. Resolves
   * when every plugin has settled (loaded, failed, or left unloaded). Starting again first
   * unloads what the previous start loaded.
   */
  async start(brandingUrl: string): Promise<void> {
    this.stop();
    const session = ++this.#session;
    const abort = (this.#abort = new AbortController());
    addRunningHost(this);
    addErrorClaimant(this.#errorClaimant);
    this.#loading.next(true);

    let branding: BrandingResult;
    try {
      const reading = loadBranding(brandingUrl, { fetch: this.#fetch, signal: abort.signal });
      // manifest.json and settings.json are on their way. The storage of the user's choices
      // (the page's first localStorage access: milliseconds in a fresh page) opens in the next
      // task, while they travel: not in this one, which would hold up the element's first
      // render, nor in an idle moment, which at low latency came only after their answers, so
      // that it opened when the list was first published, between the package requests and
      // their answers. Stopped before that task, it never opens.
      const warm = this.#choices.warm?.bind(this.#choices);
      if (warm) this.#cancelWarm = nextTask(warm);
      branding = await reading;
    } catch (error) {
      // Stopped or overtaken while reading (the host removed, a new branding-url): its reads
      // were aborted on purpose, and `settled` of a host that is gone must not reject.
      if (session !== this.#session) return;
      throw error;
    }
    if (session !== this.#session) return;
    this.#branding = branding;
    for (const diagnostic of branding.diagnostics) this.#addDiagnostic(diagnostic);
    if (branding.settingsBranded) {
      for (const entry of branding.entries) this.#records.set(entry.id, new PluginRecord(entry));
    }
    this.#webapp3.begin(branding.webapp3Entries.filter((entry) => !this.#records.has(entry.id)));
    this.#menu.starting = true;
    // The package files are requested first, before the list is published (which reads the
    // user's choices: the page's first localStorage access, milliseconds in a fresh page) and
    // before the app hears of the branding: the requests need neither.
    const prepared = [...this.#records.values()].map((record) => this.#prepare(record, session, abort.signal));
    prepared.push(this.#webapp3.load([...this.#webapp3.states].filter((state) => this.#wantsWebapp3(state.entry.id)).map((state) => state.entry.id)));
    // At once: the app hears of the branding with the plugins listed.
    this.#flushPlugins();
    this.#events.next({ type: 'branding', branding });
    try {
      await Promise.all(prepared);
      if (this.#pluginsQueued) this.#flushPlugins();
      // A load begun meanwhile (a role that arrived, the user's choice) is waited for too.
      await firstValueFrom(this.#plugins.pipe(filter((plugins) => session !== this.#session || !plugins.some(isPending))));
    } finally {
      if (session === this.#session) {
        this.#menu.starting = false;
        if (this.#pluginsQueued) this.#flushPlugins();
        // Settled: the menus show every plugin that loaded, now, and stop saying they load
        // (the items first, so a menu goes from its placeholder to its items in one render).
        this.#menu.publish();
        this.#loading.next(false);
        this.#events.next({ type: 'settled', settled: this.#settledOutcome() });
      }
    }
  }

  #settledOutcome(): PluginsSettled {
    const all = [...this.#records.values(), ...[...this.#webapp3.states].map((state) => ({ id: state.entry.id, status: state.status }))];
    return {
      brandingID: this.#branding?.brandingID ?? null,
      loadedIds: all.filter((plugin) => plugin.status === 'loaded').map((plugin) => plugin.id),
      failedIds: all.filter((plugin) => plugin.status === 'failed').map((plugin) => plugin.id),
    };
  }

  /** Unloads every plugin and forgets the branding. */
  stop(): void {
    this.#cancelWarm?.();
    this.#cancelWarm = undefined;
    this.#session++;
    this.#menu.starting = false;
    if (this.#loading.value) this.#loading.next(false);
    this.#abort?.abort();
    this.#abort = undefined;
    for (const record of this.#records.values()) this.#unloadRecord(record);
    this.#records.clear();
    this.#webapp3.stop();
    this.#branding = null;
    this.#diagnostics = [];
    removeRunningHost(this);
    removeErrorClaimant(this.#errorClaimant);
    this.#publishPlugins();
    this.#menu.publish();
  }

  /** Platform and role decide which plugins fit; a change loads and unloads to match. */
  setAudience(platform: Platform, role: ParticipantRole | undefined): void {
    if (platform === this.#platform && role === this.#role) return;
    this.#platform = platform;
    this.#role = role;
    this.#webapp3.audienceChanged();
    for (const record of this.#records.values()) {
      // A plugin still fetching, or failed, waits: its package decides once it is read or retried.
      if (!record.pkg || record.status === 'fetching' || record.status === 'failed') continue;
      const fits = this.#fits(record.pkg);
      if (!fits && record.status !== 'filtered-out') {
        this.#unloadRecord(record);
        this.#setStatus(record, 'filtered-out');
      } else if (fits && record.status === 'filtered-out') {
        this.#setStatus(record, 'not-loaded');
        if (this.#wants(record)) void this.#loadRecord(record);
      }
    }
  }

  /**
   * Loads (or retries) one plugin: a plugin whose package file failed is fetched again, one
   * whose script failed gets its script again. Resolves to whether it is loaded.
   */
  async loadPlugin(id: string): Promise<boolean> {
    if (this.#webapp3.has(id)) {
      await this.#webapp3.load([id]);
      return this.#webapp3.status(id) === 'loaded';
    }
    const record = this.#records.get(id);
    if (!record || record.status === 'filtered-out' || record.status === 'fetching') return false;
    if (record.status === 'loaded') return true;
    if (record.status === 'loading' || record.status === 'failed') this.#unloadRecord(record);
    if (!record.pkg) {
      const fetched = await this.#fetchPackage(record, this.#session, this.#abort?.signal);
      if (!fetched || record.status !== 'not-loaded') return false;
    }
    return this.#loadRecord(record);
  }

  /**
   * Reads a plugin's package file and source again and loads them as new (a playground's live
   * reload; the conference and the other plugins stay as they are): the plugin unloads, its
   * package file is fetched past the browser's cache, and its source runs from a URL it has not
   * had before, so neither comes from a cache. A plugin that is not meant to run, or that no
   * longer fits the platform or role, is refetched but not loaded. Resolves to whether it is
   * loaded.
   */
  async reloadPlugin(id: string): Promise<boolean> {
    const record = this.#records.get(id);
    if (!record || !this.#branding) return false;
    if (record.status === 'loaded' || record.status === 'loading') this.#unloadRecord(record);
    record.generation++;
    record.pkg = null;
    record.error = undefined;
    const reload = ++record.reloads;
    const fetched = await this.#fetchPackage(record, this.#session, this.#abort?.signal, reload);
    // Read through a function: TypeScript would keep the `null` assigned above.
    const pkg = packageOf(record);
    if (!fetched || !pkg || record.status !== 'not-loaded' || !this.#wants(record)) return false;
    record.pkg = { ...pkg, scriptUrl: withReloadKey(pkg.scriptUrl, reload) };
    return this.#loadRecord(record);
  }

  /** Unloads one plugin: its unload, subscriptions, dialogs, menu items and script all go. */
  unloadPlugin(id: string): void {
    if (this.#webapp3.has(id)) {
      const loaded = this.#webapp3.status(id) === 'loaded';
      this.#webapp3.unload(id);
      if (loaded) this.#events.next({ type: 'unloaded', id });
      return;
    }
    const record = this.#records.get(id);
    if (record && (record.status === 'loaded' || record.status === 'loading')) {
      this.#unloadRecord(record);
      this.#setStatus(record, 'not-loaded');
    }
  }

  /**
   * The user turns a plugin on or off (Settings > Plugins): the choice is kept for this
   * branding, and the plugin loads or unloads. A plugin whose package says
   * `allowUnload: false` cannot be turned off. Resolves to whether the plugin is now loaded.
   */
  async setPluginEnabled(id: string, enabled: boolean): Promise<boolean> {
    const record = this.#records.get(id);
    if (!record && this.#webapp3.has(id)) {
      this.#choices.set(this.#branding?.brandingID ?? null, id, enabled);
      this.#publishPlugins();
      if (enabled) return this.loadPlugin(id);
      this.unloadPlugin(id);
      return false;
    }
    if (!record) return false;
    if (!enabled && record.pkg?.allowUnload === false) {
      const loaded = record.status === 'loaded';
      const texts = await problemTexts();
      console.warn(`[pex-plugin-host] ${texts.runtimeProblems.cannotUnload(id)}`);
      return loaded;
    }
    this.#choices.set(this.#branding?.brandingID ?? null, id, enabled);
    this.#publishPlugins();
    if (enabled) return this.loadPlugin(id);
    this.unloadPlugin(id);
    return false;
  }

  /** Calls a menu item's action with the arguments its menu gives. */
  invokeMenuItem(key: string, args: unknown[]): void {
    this.#menu.invoke(key, args);
  }

  /** The sandbox of a loaded (or loading) plugin, by its settings id. */
  sandboxOf(pluginId: string): PluginSandbox | undefined {
    return this.#records.get(pluginId)?.sandbox;
  }

  /**
   * A problem in how a loaded plugin uses the API (a member the host does not offer, say),
   * reported as the branding's problems are: a `pex-diagnostic` naming the plugin and its
   * source file, and a console line. `pluginId` '' when no plugin could be named.
   */
  reportPluginProblem(pluginId: string, problem: { message: string; fix?: string; severity?: Diagnostic['severity'] }): void {
    this.#addDiagnostic({
      severity: problem.severity ?? 'warning',
      file: this.#records.get(pluginId)?.pkg?.scriptUrl ?? '',
      ...(pluginId ? { pluginId } : {}),
      message: problem.message,
      ...(problem.fix ? { fix: problem.fix } : {}),
    });
  }

  /** Shows or hides a menu item the package file gives an `id` (`getPluginMenuItem`). */
  setMenuItemHidden(pluginId: string, menuItemId: string, hidden: boolean): boolean {
    const record = this.#records.get(pluginId) ?? recordByRegisteredId(this.#records, pluginId);
    return this.#menu.setHidden(record, menuItemId, hidden);
  }

  /** Streams guarded for one plugin: what its `load` receives. */
  #streamsFor(sandbox: PluginSandbox): [GuardedObservable<readonly Participant[]>, GuardedObservable<ConferenceDetails>] {
    const sandboxOf = () => sandbox;
    return [new GuardedObservable(this.#participants$, sandboxOf), new GuardedObservable(this.#conference$, sandboxOf)];
  }

  async #prepare(record: PluginRecord, session: number, signal: AbortSignal): Promise<void> {
    if ((await this.#fetchPackage(record, session, signal)) && record.status === 'not-loaded' && this.#wants(record)) {
      await this.#loadRecord(record);
    }
  }

  /** Fetches and checks a plugin's package file; the plugin ends `not-loaded`, `filtered-out` or `failed`. */
  /** `reload`: the reloadPlugin call this fetch is for; it skips the cache and yields to a later reload. */
  async #fetchPackage(record: PluginRecord, session: number, signal: AbortSignal | undefined, reload?: number): Promise<boolean> {
    const branding = this.#branding;
    if (!branding) return false;
    // A new record is already `fetching`: publishing the list again for each of them made the
    // start's first pass over the plugins cost the square of their number.
    if (record.status !== 'fetching') this.#setStatus(record, 'fetching');
    const { pkg, diagnostics } = await readWebapp2Package(
      record.entry,
      branding,
      { fetch: this.#fetch, allowedOrigins: this.#allowedOrigins, ...(signal ? { signal } : {}) },
      reload !== undefined,
    );
    if (session !== this.#session || (reload !== undefined && reload !== record.reloads)) return false;
    for (const diagnostic of diagnostics) this.#addDiagnostic(diagnostic);
    if (!pkg) {
      this.#fail(record, 'config', packageFailure(diagnostics));
      return false;
    }
    record.pkg = pkg;
    record.error = undefined;
    this.#setStatus(record, this.#fits(pkg) ? 'not-loaded' : 'filtered-out');
    return true;
  }

  /** Meant to run: always when it cannot be unloaded, else the user's choice, else settings.json's `enabled`. */
  #wants(record: PluginRecord): boolean {
    return isWanted(record.pkg, record.entry.enabled, () => this.#choices.get(this.#branding?.brandingID ?? null, record.id));
  }

  /** A Web App 3 plugin runs unless the user turned it off: its manifest entry has no default of its own. */
  #wantsWebapp3(id: string): boolean {
    return this.#choices.get(this.#branding?.brandingID ?? null, id) ?? true;
  }

  #fits(pkg: ResolvedPluginPackage): boolean {
    return fitsAudience(pkg, this.#platform, this.#role);
  }

  async #loadRecord(record: PluginRecord): Promise<boolean> {
    const pkg = record.pkg;
    if (!pkg) return false;
    const generation = ++record.generation;
    const current = () => generation === record.generation;
    record.error = undefined;
    record.problem = undefined;
    record.registered = undefined;
    record.scriptError = undefined;
    record.scriptRan = false;
    record.state = EMPTY_MENU_STATE;
    const sandbox = (record.sandbox = new PluginSandbox(record.id, (phase, error) => this.#report(record, phase, error), this));
    this.#setStatus(record, 'loading');

    const plugin = await runClassicSource(this.#webapp2, record, pkg, current);
    if (!plugin || !current()) return false;
    this.#menu.watchState(record, plugin, sandbox, this.#branding, this.#allowedOrigins);

    if (typeof plugin.load === 'function') {
      const outcome = sandbox.invoke(plugin.load as (...a: never[]) => unknown, plugin, this.#streamsFor(sandbox), 'load');
      let error: unknown;
      let failed = !outcome.ok;
      if (!outcome.ok) error = outcome.error;
      else if (isThenable(outcome.value)) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const ms = this.#loadTimeout;
        try {
          await Promise.race([
            outcome.value,
            new Promise((_, reject) => {
              timer = setTimeout(() => void problemTexts().then((texts) => reject(new Error(texts.pluginProblems.loadTimeout(ms)))), ms);
            }),
          ]);
        } catch (rejection) {
          failed = true;
          error = rejection;
        } finally {
          clearTimeout(timer);
        }
      }
      if (!current()) return false;
      if (failed) {
        this.#fail(record, 'load', error);
        return false;
      }
    }
    this.#setStatus(record, 'loaded');
    this.#menu.queue();
    this.#events.next({ type: 'loaded', id: record.id });
    return true;
  }

  /** Ends everything a plugin has: its unload is called when it had loaded. */
  #unloadRecord(record: PluginRecord): void {
    const wasLoaded = record.status === 'loaded';
    record.generation++;
    const plugin = record.registered;
    // Dialogs close first, while the plugin still hears their close$; then its unload runs.
    record.sandbox?.runDisposers();
    if (wasLoaded && plugin && record.sandbox && typeof plugin.unload === 'function') {
      record.sandbox.call('unload', plugin.unload as (...a: never[]) => unknown, plugin, []);
    }
    this.#cleanUp(record);
    if (wasLoaded) {
      this.#menu.queue();
      this.#events.next({ type: 'unloaded', id: record.id });
    }
  }

  #cleanUp(record: PluginRecord): void {
    record.sandbox?.dispose();
    record.sandbox = undefined;
    record.script?.remove();
    record.script = undefined;
    record.registered = undefined;
    record.onRegister = undefined;
    record.state = EMPTY_MENU_STATE;
    record.hiddenMenuIds.clear();
  }

  #fail(record: PluginRecord, phase: PluginPhase, error: unknown): void {
    record.generation++;
    this.#cleanUp(record);
    record.error = record.problem = { phase, message: describeError(error) };
    this.#setStatus(record, 'failed');
    this.#menu.queue();
    this.#report(record, phase, error);
  }

  /** Tells the app (`pex-plugin-error`) and the settings page (the plugin's `problem`). */
  #report(record: PluginRecord, phase: PluginPhase, error: unknown): void {
    console.error(`[pex-plugin-host] plugin "${record.id}" failed in ${phase}:`, error);
    const message = describeError(error);
    // A subscriber that throws on every roster update re-renders nothing after the first time.
    if (record.problem?.phase !== phase || record.problem.message !== message) {
      record.problem = { phase, message };
      this.#publishPlugins();
    }
    this.#events.next({ type: 'error', detail: { id: record.id, phase, error } });
  }

  #addDiagnostic(diagnostic: Diagnostic): void {
    this.#diagnostics.push(diagnostic);
    const line = `[pex-plugin-host] ${formatDiagnostic(diagnostic)}`;
    if (diagnostic.severity === 'error') console.error(line);
    else if (diagnostic.severity === 'warning') console.warn(line);
    else console.info(line);
    this.#events.next({ type: 'diagnostic', diagnostic });
  }

  #setStatus(record: PluginRecord, status: PluginStatus): void {
    record.status = status;
    this.#publishPlugins();
  }

  /** A change of the list waits for the next frame while the branding loads (see #publishPlugins). */
  #pluginsQueued = false;

  /**
   * While the branding's plugins load, the list is made again at most once a frame: each
   * plugin changes status three times as its package and source come in, each in a task of its
   * own, and making the whole list for each change cost the square of the plugins' number in the
   * very moments their files are being asked for. Read through `plugins`, it is always current;
   * after the start (a switch on the settings page, a reload) each change is published at once.
   */
  #publishPlugins(): void {
    if (!this.#menu.starting) {
      this.#flushPlugins();
      return;
    }
    if (this.#pluginsQueued) return;
    this.#pluginsQueued = true;
    atNextFrame(() => {
      if (this.#pluginsQueued) this.#flushPlugins();
    });
  }

  #flushPlugins(): void {
    this.#pluginsQueued = false;
    this.#plugins.next([
      ...[...this.#records.values()].map((record) => ({
        id: record.id,
        name: record.pkg?.name ?? record.id,
        description: record.pkg?.description ?? '',
        version: record.pkg?.version ?? '',
        allowUnload: record.pkg?.allowUnload ?? true,
        enabledByDefault: record.entry.enabled,
        wanted: this.#wants(record),
        status: record.status,
        ...(record.error ? { error: record.error } : {}),
        ...(record.problem ? { problem: record.problem } : {}),
      })),
      ...[...this.#webapp3.states].map(({ entry, status, version, error }) => ({
        id: entry.id,
        name: entry.id,
        description: '',
        version,
        allowUnload: true,
        enabledByDefault: true,
        wanted: this.#wantsWebapp3(entry.id),
        status,
        ...(error ? { error, problem: error } : {}),
      })),
    ]);
  }

  // ---- pairing plugin code with its record -------------------------------------------

  /**
   * Takes a `registerPlugin` call (webapp2-loader.ts); false when the call is not for this
   * runtime. Without `stack`, only a plugin whose script is `script` takes it.
   */
  acceptRegistration(plugin: RegisteredPlugin, script: Element | null, stack?: string): boolean {
    return acceptWebapp2Registration(this.#webapp2, plugin, script, stack);
  }

  /** What webapp2-loader.ts needs of this runtime to load its plugins and pair their registrations. */
  readonly #webapp2: Webapp2Host = {
    records: this.#records,
    // Set in the constructor, which runs after this field: read when called.
    fetch: (input, init) => this.#fetch(input, init),
    registerTimeout: () => this.#registerTimeout,
    brandingUrl: () => this.#branding?.brandingUrl,
    announceIcons: (record, icons) => this.#events.next({ type: 'icons', id: record.id, icons }),
    fail: (record, phase, error) => this.#fail(record, phase, error),
    addDiagnostic: (diagnostic) => this.#addDiagnostic(diagnostic),
  };

  /** The plugin whose code is calling: host-made call, running script, or call stack. */
  findCallingSandbox(stack?: string): PluginSandbox | undefined {
    const inContext = currentContextSandbox();
    if (inContext) return inContext;
    const record =
      recordByScript(this.#records, document.currentScript) ??
      (stack !== undefined ? recordByStack(this.#records, stack) : undefined);
    return record?.sandbox;
  }

  /** Errors thrown by a plugin's own code outside a host call: its top level, timers, listeners. */
  readonly #errorClaimant = pluginErrorClaimant(this.#records, (record, phase, error) => this.#report(record, phase, error));
}

/** On its way to loading (or to failing): a start is not settled while a plugin is. */
function isPending(plugin: PluginInfo): boolean {
  return plugin.status === 'fetching' || plugin.status === 'loading';
}

function packageOf(record: PluginRecord): ResolvedPluginPackage | null {
  return record.pkg;
}
