import { ContextProvider } from '@lit/context';
import { LitElement, html, type PropertyValues } from 'lit';
import type { Subscription } from 'rxjs';
import { dispatchAppAction, installPexGlobal } from '../../src/api/pex-global.js';
import { dispatchedActions$ } from '../../src/api/action-bus.js';
import { setCommandSink } from '../../src/api/commands.js';
import { setDialogPresenter } from '../../src/api/dialog-bridge.js';
import { setCallSource } from '../../src/api/pexrtc/index.js';
import type { CallInfo } from '../../src/conference/call-info.js';
import { actions } from '../../src/api/actions.js';
import type { PluginCommand } from '../../src/conference/commands.js';
import { bindConnection } from '../../src/conference/connection-binding.js';
import type { ConferenceConnection } from '../../src/conference/connection.js';
import { PARTICIPANT_ROLES, PLATFORMS, type ParticipantRole, type Platform } from '../../src/config/types.js';
import { ConferenceStore } from '../../src/conference/conference-store.js';
import type { ConferenceDetails, Participant, PexAction } from '../../src/conference/types.js';
import { DEFAULT_LOAD_TIMEOUT, DEFAULT_REGISTER_TIMEOUT, PluginRuntime, type PluginInfo, type PluginsSettled, type RuntimeEvent } from '../../src/runtime/plugin-runtime.js';
import { pluginHostContext, type PluginHostContext } from '../context.js';
import { createPexEvent, type PexPluginsSettledDetail } from '../events.js';
import { presentTemplateDialog } from '../template-dialog/present-template-dialog.js';
import { DEFAULT_COMMAND_TIMEOUT } from './command-timeout.js';
import { pluginHostStyles } from './plugin-host.styles.js';
import { forgetPrefetchedIcons, prefetchMenuIcon } from '../shared/menu-icon.js';

/**
 * Where the host reads its branding folder when `branding-url` is not set: `custom_configuration/`
 * beside the page, the name under which the Connect app (webapp2) serves it, and through which
 * real plugins fetch their own files page-relative.
 */
export const DEFAULT_BRANDING_URL = 'custom_configuration/';


/**
 * Hosts the plugins of a webapp2 branding folder: loads them, hands them the conference,
 * and provides them to the menus inside it.
 *
 * @tagname pex-plugin-host
 * @summary The plugin host: put the menus and the settings page inside it.
 *
 * @slot - The client's own markup, with `pex-toolbar`, `pex-conference-menu`,
 *   `pex-participant-menu` and `pex-plugin-settings` anywhere inside.
 *
 * @attr role - Deprecated: the earlier name of `participant-role` (assistive technology reads `role` as an ARIA role); still read, with a one-time warning, while `participant-role` is not set.
 * @event pex-plugin-loaded - A plugin finished `load`. `detail: {id}`
 * @event pex-plugin-unloaded - A plugin was unloaded. `detail: {id}`
 * @event pex-plugin-error - A plugin failed or threw; nothing else is affected. `detail: {id, phase, error}`
 * @event pex-diagnostic - A problem in the branding folder or a plugin's files. `detail: {diagnostic}`
 * @event pex-branding-loaded - The branding folder was read. `detail: {brandingID, settingsBranded, diagnostics}`
 * @event pex-plugins-settled - Every plugin the branding enables has loaded or failed (plugins left off, disabled
 *   or not for this platform or role, are not waited for): once per branding load, again after `branding-url`
 *   changes; with zeros when none is enabled or no folder is read. Until then the menus are `aria-busy`.
 *   `detail: {loaded, failed, total, loadedIds, failedIds, brandingID}`
 * @event pex-action - A plugin asked the client to act via `PEX.dispatchAction`. `detail: {action}`
 * @event pex-command - A plugin's conference command for the app to carry out (cancelable). `detail: {name, args, pluginId, resolve, reject}`
 * @event pex-connection-state - The bound connection's state (`connecting`, `connected`, `reconnecting`, `offline`, `disconnected`): once when it is bound, then at each change. `detail: {state, attempt?, reason?}`
 */
export class PexPluginHost extends LitElement {
  static override styles = pluginHostStyles;

  static override properties = {
    brandingUrl: {
      type: String,
      attribute: 'branding-url',
      // A removed attribute means the default folder again, not "no folder".
      converter: { fromAttribute: (value: string | null) => value ?? DEFAULT_BRANDING_URL },
    },
    platform: { type: String },
    participantRole: { type: String, attribute: 'participant-role' },
    registerTimeout: { type: Number, attribute: 'register-timeout' },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    allowedOrigins: { type: String, attribute: 'allowed-origins' },
    commandTimeout: { type: Number, attribute: 'command-timeout' },
    connection: { attribute: false },
  };

  /**
   * The branding folder (holding `manifest.json` and `settings.json`), resolved against the page.
   * Default `custom_configuration/`: beside the page, where the Connect app serves it, so plugins
   * that fetch their files page-relative (`./custom_configuration/plugins/<folder>/…`) find them.
   * The empty string reads no folder: no plugins (null or undefined means the default).
   */
  declare brandingUrl: string;
  /** Which platform's plugins load: web | electron | ios | android. */
  declare platform: Platform;
  /**
   * The user's role, `chair` or `guest` (attribute `participant-role`). Unset, plugins of either
   * role load until a connection tells the role. The earlier attribute `role` (which assistive
   * technology reads as an ARIA role) is still read, with a one-time deprecation warning, while
   * `participant-role` is not set.
   */
  declare participantRole: ParticipantRole | undefined;
  /** How long a plugin's script may take to call registerPlugin after it ran, in ms. */
  declare registerTimeout: number;
  /** How long the promise a plugin's `load` returns may take to settle before the plugin fails, in ms. */
  declare loadTimeout: number;
  /**
   * Origins (space-separated, `https://cdn.example`) besides the page's and the branding folder's
   * that plugin package files, sources and icons may come from; files anywhere else are refused.
   */
  declare allowedOrigins: string;
  /** How long a plugin's command may wait for an answer from the app or the connection, in ms. */
  declare commandTimeout: number;
  /**
   * Connected mode: a conference connection (`connectInfinity(...)`, or the app's own object of
   * that shape) that supplies the roster, the details and the actions, and carries out
   * the commands the app does not take.
   */
  declare connection: ConferenceConnection | undefined;
  // `role` as well as the properties' attributes: the deprecated name of participant-role.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'role'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // participant-role removed: the deprecated role, if any, applies again.
    if (name === 'participant-role' && value === null && this.hasAttribute('role')) {
      this.participantRole = this.getAttribute('role') as ParticipantRole;
    }
    if (name !== 'role' || old === value) return;
    if (value !== null) warnRoleDeprecatedOnce();
    // participant-role, when it is there, wins.
    if (!this.hasAttribute('participant-role')) this.participantRole = (value ?? undefined) as ParticipantRole | undefined;
  }

  /** The role the connection reports, used while the `participant-role` attribute is unset. */
  #connectionRole: ParticipantRole | undefined;
  #connectionBinding: Subscription | undefined;

  readonly #conference = new ConferenceStore();
  readonly #runtime = new PluginRuntime(this.#conference, {
    frameContainer: () => this.#frameContainer(),
    // Buttons, forms, prompts and toasts of Web App 3 plugins, shown in this host: fetched with the frame host.
    webapp3Ui: async (link) => (await import('../shared/webapp3-ui.js')).webapp3Ui({ place: { element: this }, ...link }),
  });
  /** The hidden box Web App 3 plugins' frames go in, made when the first one loads. */
  #frames: HTMLElement | undefined;

  #frameContainer(): HTMLElement | undefined {
    if (!this.#frames && this.isConnected) {
      this.#frames = this.ownerDocument.createElement('div');
      this.#frames.hidden = true;
      // Beside what lit renders in the shadow root, which it leaves alone.
      this.renderRoot.append(this.#frames);
    }
    return this.#frames;
  }
  readonly #context: PluginHostContext = { runtime: this.#runtime, conference: this.#conference };
  #subscriptions: Subscription[] = [];
  #started: Promise<void> = Promise.resolve();
  #running = false;

  constructor() {
    super();
    // Reactive properties are set here, not as class fields: a native field would hide
    // lit's accessor (no decorators are used, so the build needs no decorator transform).
    this.brandingUrl = DEFAULT_BRANDING_URL;
    this.platform = 'web';
    this.registerTimeout = DEFAULT_REGISTER_TIMEOUT;
    this.loadTimeout = DEFAULT_LOAD_TIMEOUT;
    this.allowedOrigins = '';
    this.commandTimeout = DEFAULT_COMMAND_TIMEOUT;
    // A framework may set these before the element is defined (the drop-in loaded after the
    // app mounted): such values sit on the instance and hide the setters; hand them over.
    for (const name of ['participants', 'conference', 'selfUUID', 'callInfo'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    new ContextProvider(this, { context: pluginHostContext, initialValue: this.#context });
  }

  /** App-driven mode: the roster plugins see (the guide's participant properties). */
  set participants(participants: readonly Participant[]) {
    this.#conference.setParticipants(participants ?? []);
  }
  get participants(): readonly Participant[] {
    return this.#conference.participants;
  }

  /** App-driven mode: the conference details plugins see. */
  set conference(conference: Partial<ConferenceDetails>) {
    this.#conference.setConference(conference ?? {});
  }
  get conference(): ConferenceDetails {
    return this.#conference.conference;
  }

  /** The user's own participant uuid (`PEX.selfUUID`). */
  set selfUUID(uuid: string | undefined) {
    installPexGlobal().selfUUID = uuid;
  }
  get selfUUID(): string | undefined {
    return installPexGlobal().selfUUID;
  }

  /**
   * App-driven mode: what the app knows of the user's call, for plugins that read webapp2's
   * PexRTC call object (`window.PEX.pexrtc`): `{node, conference, conferenceName, displayName,
   * pin, uuid, role, chatEnabled, serviceType, version}`, each optional. Read each time a plugin
   * reads a field; where it says nothing, the connection's and the conference's values show.
   */
  set callInfo(info: Readonly<CallInfo> | undefined) {
    this.#callInfo = info ?? undefined;
  }
  get callInfo(): Readonly<CallInfo> | undefined {
    return this.#callInfo;
  }
  #callInfo: Readonly<CallInfo> | undefined;

  /**
   * manifest.json's brandingID, once read (null before, or when it has none). It is the
   * cache key on every plugin file URL, so a new branding never runs an old one's files.
   */
  get brandingID(): string | null {
    return this.#runtime.branding?.brandingID ?? null;
  }

  /** The plugins of the branding folder and where each stands. */
  get plugins(): readonly PluginInfo[] {
    return this.#runtime.plugins;
  }

  /** The runtime behind this host (plugins$, menuItems$, loadPlugin, unloadPlugin, reloadPlugin). */
  get runtime(): PluginRuntime {
    return this.#runtime;
  }

  /**
   * Resolves once the branding folder is read and every enabled plugin has loaded or failed.
   * Read at once after appending the host (or setting `branding-url`), it waits for the start
   * the coming update begins, not the one before it.
   */
  get settled(): Promise<void> {
    return this.updateComplete.then(() => this.#started);
  }

  /**
   * Whether the branding's enabled plugins have each loaded or failed (`pex-plugins-settled` was
   * dispatched for the current branding): for an app that starts listening late. False before the
   * host first reads its folder, and while the plugins load.
   */
  get pluginsSettled(): boolean {
    return this.#pluginsSettled && !this.#runtime.loading;
  }
  #pluginsSettled = false;

  /** App-driven mode: an action for plugins listening on `PEX.actions$`. */
  dispatchAction(action: PexAction): void {
    dispatchAppAction(action);
  }

  override connectedCallback(): void {
    // A host put back after removal loads again. The first start happens here too when the
    // folder is set already (the attribute, or the property before connecting): the first update
    // comes a microtask later, after every element inside has connected and rendered, and the
    // branding's first request waited for all of that. Otherwise it happens in willUpdate. It
    // comes first: manifest.json and settings.json are on their way while the element sets up
    // the rest (its shadow root, the links plugins' calls need, which are used only once the
    // files are in).
    const folderSet = this.hasAttribute('branding-url') || this.brandingUrl !== DEFAULT_BRANDING_URL;
    if ((this.hasUpdated || folderSet) && !this.#running && this.#brandingFolder()) this.#start();
    super.connectedCallback();
    installPexGlobal();
    setDialogPresenter(this.#runtime, (request) => presentTemplateDialog(this, request));
    setCommandSink(this.#runtime, (command, pluginId) => this.#runCommand(command, pluginId));
    setCallSource(this.#runtime, () => ({
      app: this.#callInfo,
      connection: this.connection?.callInfo,
      conference: this.#conference.conference,
      participants: this.#conference.participants,
      selfUUID: installPexGlobal().selfUUID,
      role: this.#connectionRole ?? (PARTICIPANT_ROLES.includes(this.participantRole as ParticipantRole) ? this.participantRole : undefined),
    }));
    this.#subscriptions = [
      this.#runtime.events$.subscribe((event) => this.#emit(event)),
      dispatchedActions$.subscribe(({ action, source }) => {
        if (source !== 'plugin') return;
        this.dispatchEvent(createPexEvent('pex-action', { action }));
        this.connection?.dispatch?.(action);
      }),
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions = [];
    setDialogPresenter(this.#runtime, undefined);
    setCommandSink(this.#runtime, undefined);
    setCallSource(this.#runtime, undefined);
    // Moving the element re-connects it in the same task: only a real removal unloads.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registerTimeout')) this.#runtime.registerTimeout = this.registerTimeout;
    if (changed.has('loadTimeout')) this.#runtime.loadTimeout = this.loadTimeout;
    if (changed.has('allowedOrigins')) this.#runtime.allowedOrigins = (this.allowedOrigins ?? '').split(/\s+/).filter(Boolean);
    if (changed.has('connection')) this.#bindConnection();
    if (changed.has('platform') || changed.has('participantRole')) {
      this.#runtime.setAudience(this.#validPlatform(), this.#validRole());
    }
    if (changed.has('brandingUrl') && this.isConnected) {
      // A start for this very folder is under way already (begun on connecting).
      if (this.#running && this.#startedFolder === this.#brandingFolder()) return;
      if (this.#brandingFolder()) this.#start();
      else this.#settleWithoutFolder();
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /** The folder the running start reads. */
  #startedFolder: string | undefined;

  #start(): void {
    forgetPrefetchedIcons(this.#prefetchedIcons);
    this.#prefetchedIcons.clear();
    this.#running = true;
    this.#startedFolder = this.#brandingFolder();
    this.#pluginsSettled = false;
    this.#runtime.registerTimeout = this.registerTimeout;
    this.#runtime.setAudience(this.#validPlatform(), this.#validRole());
    this.#started = this.#runtime.start(this.#brandingFolder());
  }

  /** The folder to read: `''` for none; a property set to null or undefined reads the default. */
  #brandingFolder(): string {
    return this.brandingUrl ?? DEFAULT_BRANDING_URL;
  }

  #stop(): void {
    this.#running = false;
    this.#runtime.stop();
    forgetPrefetchedIcons(this.#prefetchedIcons);
    this.#prefetchedIcons.clear();
  }

  /** The icons fetched ahead for this host's plugins (see the runtime's `icons` event). */
  readonly #prefetchedIcons = new Set<string>();

  /** `branding-url=""`: no plugins, so nothing to wait for; an app waiting for the event hears it with zeros. */
  #settleWithoutFolder(): void {
    this.#stop();
    this.#pluginsSettled = true;
    this.dispatchEvent(createPexEvent('pex-plugins-settled', pluginsSettledDetail({ brandingID: null, loadedIds: [], failedIds: [] })));
  }

  #validPlatform(): Platform {
    if (PLATFORMS.includes(this.platform)) return this.platform;
    console.warn(`[pex-plugin-host] platform="${this.platform}" is not one of ${PLATFORMS.join(', ')}; using web.`);
    return 'web';
  }

  #bindConnection(): void {
    this.#connectionBinding?.unsubscribe();
    this.#connectionBinding = undefined;
    this.#connectionRole = undefined;
    const connection = this.connection;
    if (!connection) return;
    this.#connectionBinding = bindConnection(connection, {
      store: this.#conference,
      dispatchAction: (action) => dispatchAppAction(action),
      role: (role) => {
        this.#connectionRole = role;
        this.#runtime.setAudience(this.#validPlatform(), this.#validRole());
      },
      selfUUID: (uuid) => (installPexGlobal().selfUUID = uuid),
      connectionState: (detail) => this.dispatchEvent(createPexEvent('pex-connection-state', detail)),
    });
  }

  async #runCommand(command: PluginCommand, pluginId: string): Promise<unknown> {
    const { connection, commandTimeout } = this;
    // The router (and how it reads answers) comes with the first command, as the command functions do.
    const { routeCommand } = await import('./command-router.js');
    const { value, answeredBy } = await routeCommand(this, command, pluginId, connection, commandTimeout);
    // A chat message the app sent for a plugin is news for the other plugins too
    // (a connection reports its own).
    if (command.name === 'sendChatMessage' && answeredBy === 'app') {
      dispatchAppAction({ type: actions.SEND_CHAT_MESSAGE, payload: command.args.payload });
    }
    return value;
  }

  /** The `participant-role` attribute, else the role the connection reports, else none (either role fits). */
  #validRole(): ParticipantRole | undefined {
    const role = this.participantRole;
    if (role === undefined || role === null || (role as string) === '') return this.#connectionRole;
    if (PARTICIPANT_ROLES.includes(role)) return role;
    console.warn(`[pex-plugin-host] participant-role="${role}" is not one of ${PARTICIPANT_ROLES.join(', ')}; plugins of either role load.`);
    return undefined;
  }

  #emit(event: RuntimeEvent): void {
    switch (event.type) {
      case 'loaded':
        this.dispatchEvent(createPexEvent('pex-plugin-loaded', { id: event.id }));
        break;
      case 'unloaded':
        this.dispatchEvent(createPexEvent('pex-plugin-unloaded', { id: event.id }));
        break;
      case 'error':
        this.dispatchEvent(createPexEvent('pex-plugin-error', event.detail));
        break;
      case 'icons':
        // Fetched while the plugin's source is: a menu draws them only once the plugin loaded.
        for (const icon of event.icons) {
          prefetchMenuIcon(icon);
          this.#prefetchedIcons.add(icon);
        }
        break;
      case 'diagnostic':
        this.dispatchEvent(createPexEvent('pex-diagnostic', { diagnostic: event.diagnostic }));
        break;
      case 'settled':
        this.#pluginsSettled = true;
        this.dispatchEvent(createPexEvent('pex-plugins-settled', pluginsSettledDetail(event.settled)));
        break;
      case 'branding':
        this.dispatchEvent(
          createPexEvent('pex-branding-loaded', {
            brandingID: event.branding.brandingID,
            settingsBranded: event.branding.settingsBranded,
            diagnostics: event.branding.diagnostics,
            branding: event.branding,
          }),
        );
        break;
    }
  }
}

function pluginsSettledDetail({ brandingID, loadedIds, failedIds }: PluginsSettled): PexPluginsSettledDetail {
  return { loaded: loadedIds.length, failed: failedIds.length, total: loadedIds.length + failedIds.length, loadedIds, failedIds, brandingID };
}

let roleWarned = false;

/** Once per page: every host of an app would say the same. */
function warnRoleDeprecatedOnce(): void {
  if (roleWarned) return;
  roleWarned = true;
  console.warn(
    '[pex-plugin-host] the attribute role="chair|guest" is deprecated: assistive technology reads it as an ARIA role. ' +
      'Fix: write participant-role="chair" (or set the participantRole property).',
  );
}
