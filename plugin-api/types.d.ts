/**
 * The types of the Connect app (webapp2) client plugin API, as `pex-plugin-host` provides it:
 * what a plugin finds in `window.PEX`, what it passes to `registerPlugin`, and what it receives.
 *
 * This file declares no globals (`index.d.ts` adds `PEX`), and needs nothing else installed:
 * the few observable methods plugins call are declared here, not taken from rxjs.
 */

// Payloads and REST results are `any` on purpose: plugins read them as webapp2's untyped API let them.
/* eslint-disable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------------------------------------
// Observables: the part plugins use. The host's streams are RxJS observables; a plugin needs
// no RxJS of its own to subscribe to them.

/** What `subscribe` returns: call `unsubscribe()` (in `unload`, say) to stop listening. */
export interface Unsubscribable {
  unsubscribe(): void;
}

/** A subscription to one of the host's streams. */
export interface Subscription extends Unsubscribable {
  /** True once unsubscribed (or the stream ended). */
  readonly closed: boolean;
}

/** An observer object for `subscribe({next, error, complete})`; every callback is optional. */
export interface Observer<T> {
  next?: ((value: T) => void) | undefined;
  error?: ((error: any) => void) | undefined;
  complete?: (() => void) | undefined;
}

/** Something to subscribe to, with a function or an observer object. */
export interface Subscribable<T> {
  subscribe(observer?: Observer<T>): Subscription;
  subscribe(next: ((value: T) => void) | null | undefined, error?: ((error: any) => void) | null, complete?: (() => void) | null): Subscription;
}

/**
 * A stream the host hands to a plugin. Besides `subscribe`, it chains RxJS 5 style
 * (`.filter(...)`, `.map(...)`), as plugins written for webapp2 do. A callback that throws is
 * reported as this plugin's error and the stream goes on; unloading the plugin ends its
 * subscriptions.
 */
export interface PluginObservable<T> extends Subscribable<T> {
  filter(predicate: (value: T, index: number) => boolean): PluginObservable<T>;
  map<R>(project: (value: T, index: number) => R): PluginObservable<R>;
}

// ---------------------------------------------------------------------------------------------
// The conference, as plugins see it (the guide's "Participant and conference properties").

/** A participant, as in `participants$`, a toolbar action's array, and a participants-menu action. */
export interface Participant {
  /** The UUID of this participant, to use with other operations. */
  uuid: string;
  /** The display name of the participant. */
  name: string;
  /** The level of privileges the participant has in the conference: `'chair'` (Host) or `'guest'` (Guest). */
  role: 'chair' | 'guest' | (string & {});
  /** The URI of the participant. */
  uri: string;
  /** A Unix timestamp of when this participant joined (UTC). */
  startTime: number;
  /**
   * The call protocol: `'api'`, `'webrtc'`, `'sip'`, `'rtmp'`, `'h323'` or `'mssip'` (always
   * `'api'` when a Connect app dials in to Pexip Infinity).
   */
  protocol: 'api' | 'webrtc' | 'sip' | 'rtmp' | 'h323' | 'mssip' | (string & {});
  /** Whether it is an external participant, e.g. coming in from a Skype for Business / Lync meeting. */
  isExternal: boolean;
  /** Whether the participant is the current presenter. */
  presenting: boolean;
  /** Whether the participant is administratively muted. */
  muted: boolean;
  /** True when the participant is a Host and it is a VMR or Virtual Auditorium service. */
  canControl: boolean;
  /** Whether the participant can be disconnected. */
  canDisconnect: boolean;
  /** Whether the participant can be transferred into another VMR. */
  canTransfer: boolean;
  /** Whether the participant can be muted. */
  canMute: boolean;
  /**
   * The service type: `'connecting'` (a dial-out participant not answered yet), `'waiting_room'`
   * (waiting to be allowed into a locked conference), `'ivr'` (on the PIN entry screen),
   * `'conference'` (in a VMR), `'lecture'` (in a Virtual Auditorium), `'gateway'`, `'test_call'`.
   */
  serviceType: 'connecting' | 'waiting_room' | 'ivr' | 'conference' | 'lecture' | 'gateway' | 'test_call' | (string & {});
  /** The type of call: `'video'`, `'audio'` or `'api'`. */
  callType: 'video' | 'audio' | 'api' | (string & {});
  /** A Unix timestamp of when this participant was spotlighted; 0 when not spotlighted. */
  spotlight: number;
  /** Whether this is a streaming/recording participant. */
  isStreaming: boolean;
  /** Audio speaking indication: 0 = not speaking, 100 = speaking. */
  vad: number;
  /** The index of the participant on the "stage": 0 is the most recent speaker, 1 the next, and so on. */
  stageIndex: number;
  /** Whether the participant is administratively allowed to receive presentation. */
  rxPresentation: boolean;
  /** Whether this participant can be sent FECC messages. */
  feccSupported: boolean;
  /** A Unix timestamp of when this participant raised their hand, otherwise zero. */
  buzzTime: number;
  /** Not in the guide, read by real plugins: whether the participant's camera is off. */
  isVideoMuted: boolean;
}

/** The conference properties (`conferenceDetails$`, a toolbar or conference-menu action's argument). */
export interface ConferenceDetails {
  /** Whether the conference is locked. */
  locked: boolean;
  /** Whether all Guests are muted. */
  guestsMuted: boolean;
  /** Whether chat messages are enabled. */
  chatEnabled: boolean;
  /**
   * The conference's media capabilities: `'video'` (the call has video), `'audioonly'` (the
   * call is audio-only), `'none'` (control-only participants are connected).
   */
  mediaType: 'video' | 'audioonly' | 'none' | (string & {});
  /** Whether the conference has started. */
  started: boolean;
}

// ---------------------------------------------------------------------------------------------
// Actions (`window.PEX.actions$`, `window.PEX.actions`, `window.PEX.dispatchAction`).

/** An action, NgRx style: a type string and its payload. */
export interface PexAction<P = any> {
  type: string;
  payload?: P;
}

/**
 * `window.PEX.actions`: the action type constants. Each value is webapp2's own type string, so
 * `ofType(PEX.actions.DISCONNECT_SUCCESS)` and `ofType('[Conference] Disconnect Success')` are
 * the same filter.
 */
export interface Actions {
  /** The application user sends a message from the conference (payload: the message text). */
  readonly SEND_CHAT_MESSAGE: '[Conference] Send Chat Message';
  /** A message is received into the conference from another participant (payload: {@link ChatMessage}). */
  readonly RECEIVE_CHAT_MESSAGE: '[Conference] Receive Chat Message';
  /** The application user selects an event in the timeline (payload `{action}`: the event's action). */
  readonly SELECT_EVENT: '[Timeline] Select Event';
  /** Another participant connects to the conference (payload: the participant's uuid). */
  readonly PARTICIPANT_CONNECT_SUCCESS: '[Participant] Connect Success';
  /** Another participant disconnects from the conference (payload: the participant's uuid). */
  readonly PARTICIPANT_DISCONNECT_SUCCESS: '[Participant] Disconnect Success';
  /** The user joined the conference (payload: {@link ConnectSuccessPayload}). */
  readonly CONNECT_SUCCESS: '[Conference] Connect Success';
  /** Joining failed (payload `{msg}` in webapp2). */
  readonly CONNECT_FAIL: '[Conference] Connect Fail';
  /** The user is leaving the conference. */
  readonly DISCONNECT: '[Conference] Disconnect';
  /** The user left, or was disconnected (payload `{reason}` when the conference gave one). */
  readonly DISCONNECT_SUCCESS: '[Conference] Disconnect Success';
  /** The user's own participant uuid is known (payload: the uuid; also in `PEX.selfUUID`). */
  readonly SET_SELF_UUID: '[Conference] Set Self UUID';
  /** A participant raised or lowered their hand (payload `{buzzTime, name}`). */
  readonly BUZZ_CHANGED: '[Conference] Buzz Changed';
  readonly SET_REMOTE_CALL_TYPE: '[Conference] Set remote call type';
  /** The conference's layout changed (payload: Infinity's `layout` event data, e.g. `{view}`). */
  readonly LAYOUT_CHANGED: '[Conference] Layout Changed';
  /** A participant was muted or unmuted (payload `{uuid, muted}`). */
  readonly PARTICIPANT_MUTED_CHANGED: '[Participant] Muted Changed';
  /** Dispatch it (`PEX.dispatchAction`) to ask the client to turn the user's camera off. */
  readonly MUTE_CAMERA: '[Conference] Mute Camera';
  /** Dispatch it to ask the client to turn the user's camera on. */
  readonly UNMUTE_CAMERA: '[Conference] Unmute Camera';
  /** Dispatch it to ask the client to mute the user's microphone. */
  readonly MUTE_MICROPHONE: '[Conference] Mute Microphone';
  /** Dispatch it to ask the client to unmute the user's microphone. */
  readonly UNMUTE_MICROPHONE: '[Conference] Unmute Microphone';
  readonly SCREEN_STATE: '[Home] Screen state';
  /** The user's local media stream changed (payload `{stream}`). */
  readonly SET_LOCAL_MEDIA_STREAM: '[Media Device] Set Local Media Stream';
}

/** A chat message, the payload of `RECEIVE_CHAT_MESSAGE`. */
export interface ChatMessage {
  /** The sender's display name. */
  origin: string;
  /** The sender's participant uuid. */
  uuid: string;
  /** `'text/plain'` or `'application/json'`. */
  type: string;
  /** The message text (JSON text when `type` is `'application/json'`). */
  payload: string;
  /** Whether it was a direct (private) message. */
  direct?: boolean;
  [field: string]: unknown;
}

/** The payload of `CONNECT_SUCCESS` (`'[Conference] Connect Success'`). */
export interface ConnectSuccessPayload {
  /** The conference alias joined. */
  alias: string;
  displayName: string;
  joinRole: 'HOST' | 'GUEST';
  /** Where the user is: `'conference'`, `'waiting_room'`, `'ivr'`, ... */
  serviceType: string;
}

/**
 * The payloads of the actions whose payload is known, by type string (as the built-in Infinity
 * connection dispatches them; an app feeding the host its own actions gives the same shapes).
 * `ofType` uses it to type what it lets through.
 */
export interface ActionPayloads {
  '[Conference] Send Chat Message': string;
  '[Conference] Receive Chat Message': ChatMessage;
  '[Participant] Connect Success': string;
  '[Participant] Disconnect Success': string;
  '[Conference] Connect Success': ConnectSuccessPayload;
  '[Conference] Set Self UUID': string;
  '[Conference] Disconnect Success': { reason: string } | undefined;
  '[Conference] Buzz Changed': { buzzTime: number; name: string };
  '[Participant] Muted Changed': { uuid: string; muted: boolean };
}

/** The action `ofType(type)` lets through: typed payload for known types, any payload otherwise. */
export type ActionOfType<K extends string> = K extends keyof ActionPayloads ? { type: K; payload: PayloadUnderNullChecks<ActionPayloads[K]> } : PexAction;

/**
 * `P` where null checks are on, `any` where they are off. Without `strictNullChecks` (a JS
 * file with `// @ts-check` and no jsconfig), TypeScript types `action.payload || {}` as `{}`,
 * which would turn the defensive default webapp2 plugins write into an error on every field
 * they read. (`null extends string` holds only when null checks are off.)
 */
type PayloadUnderNullChecks<P> = null extends string ? any : P;

/** `window.PEX.actions$` and what its `ofType` / `filter` return. */
export interface ActionObservable<A extends PexAction = PexAction> extends PluginObservable<A> {
  /**
   * Only the actions of these types, e.g.
   * `PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(action => ...)`.
   */
  ofType<K extends string>(...types: K[]): ActionObservable<ActionOfType<K>>;
  filter(predicate: (value: A, index: number) => boolean): ActionObservable<A>;
}

/** What `dispatchAction` is given: any action; these types ask the client to act on the user's media. */
export interface DispatchedAction<P = any> extends PexAction<P> {
  type: Actions['MUTE_CAMERA' | 'UNMUTE_CAMERA' | 'MUTE_MICROPHONE' | 'UNMUTE_MICROPHONE'] | (string & {});
}

// ---------------------------------------------------------------------------------------------
// Plugin state (`createNewState`, the `state$` given to `registerPlugin`).

/** The look of a menu item: a `null` or missing field means "use the package file's value". */
export interface MenuItemLook {
  /** An SVG icon with its `#id`, relative to the plugin's folder, e.g. `'stop.svg#stop'`. */
  icon?: string | null;
  /** The item's text (the hover tip on the toolbar). */
  label?: string | null;
}

/**
 * A state value: `{icon, label}` for the plugin's menu item; in the participants menu, also
 * `{[participantUuid]: {icon, label}}` for single participants (both may be mixed).
 * (A union rather than one type with an index signature: a JS plugin's `var next = {}` filled
 * with `next[uuid] = {...}` has the type `{}`, which only the first member accepts.)
 */
export type PluginState = MenuItemLook | { [participantUuid: string]: MenuItemLook | null | undefined };

/** What `createNewState` returns: emit a new state with `next(state)`. */
export interface PluginStateSubject extends Subscribable<PluginState> {
  /** Sets the state: the host updates the plugin's menu items. */
  next(state: PluginState): void;
  /** The current state. */
  getValue(): PluginState;
  readonly value: PluginState;
}

/** What a plugin may pass as `state$`: anything the host can subscribe to with an observer. */
export interface StateSource {
  subscribe(observer: { next(state: PluginState): void; error(error: unknown): void }): unknown;
}

// ---------------------------------------------------------------------------------------------
// registerPlugin

/** The `participants$` a plugin's `load` receives: the whole roster on every change. */
export type ParticipantsObservable = PluginObservable<readonly Participant[]>;

/** The `conferenceDetails$` a plugin's `load` receives. */
export type ConferenceDetailsObservable = PluginObservable<ConferenceDetails>;

/** An action of a `menuItems.toolbar` item: it receives the participants and the conference details. */
export type ToolbarAction = (this: PluginRegistration, participants: readonly Participant[], conferenceDetails: ConferenceDetails) => unknown;
/** An action of a `menuItems.participants` item: it receives the participant whose menu it is. */
export type ParticipantsAction = (this: PluginRegistration, participant: Participant) => unknown;
/** An action of a `menuItems.conference` item: it receives the conference details. */
export type ConferenceAction = (this: PluginRegistration, conferenceDetails: ConferenceDetails) => unknown;

/**
 * What a plugin passes to `PEX.pluginAPI.registerPlugin`: its id, `load`, `unload`, the
 * functions its package file's `menuItems` name as `action`, and `state$` if it uses state.
 * The host calls `load`, `unload` and actions as methods of this object, so `this` is shared.
 */
export interface PluginRegistration {
  /** The plugin's id, as in its package file and the branding's settings.json. */
  id: string;
  /**
   * Called when the plugin is loaded, with the participants and the conference details
   * (`function load(participants$, conferenceDetails$)`). May return a promise.
   */
  load?(participants$: ParticipantsObservable, conferenceDetails$: ConferenceDetailsObservable): unknown;
  /** Called when the plugin is disabled: clean up. The host ends the plugin's subscriptions and dialogs too. */
  unload?(): unknown;
  /** The plugin's state: it sets its menu items' icons and labels (see {@link PluginState}). */
  state$?: StateSource;
  /** The actions (`"action": "recordConference"` calls `recordConference`), and anything else the plugin keeps. */
  [member: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Dialogs

/** What `openTemplateDialog` takes. */
export interface TemplateDialogOptions {
  /** The dialog's title. */
  title?: string | null;
  /**
   * The plugin's template: HTML, inserted as written (inline `onclick` handlers run; elements
   * can be found with `document.getElementById` once the dialog has opened).
   */
  body?: string | null;
  /** No close button; Escape and the backdrop do not close it: the plugin closes it with `close()`. */
  isCloseDisabled?: boolean;
}

/** An open dialog. */
export interface TemplateDialogRef {
  /** Closes the dialog; `close$` emits `value`. */
  close(value?: unknown): void;
  /** Emits once when the dialog has closed (with the value given to `close`), then completes. */
  close$: Subscribable<unknown>;
  /** Emits once the body is in the DOM, then completes. */
  viewInit$: Subscribable<void>;
}

/**
 * What `openTemplateDialog` returns: a promise of the dialog's ref (`.then(dialogRef => ...)`)
 * that is also an observable of it (`.subscribe(dialogRef => ...)`, or a bare `.subscribe()`).
 * Either way the ref arrives once the body is in the DOM.
 */
export interface DialogOpening extends PluginObservable<TemplateDialogRef>, PromiseLike<TemplateDialogRef> {
  then<R1 = TemplateDialogRef, R2 = never>(
    onFulfilled?: ((dialogRef: TemplateDialogRef) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((error: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>;
  catch<R = never>(onRejected?: ((error: any) => R | PromiseLike<R>) | null): Promise<TemplateDialogRef | R>;
}

// ---------------------------------------------------------------------------------------------
// Commands

/** What a `sendRequest` callback gets. */
export type RequestAnswer =
  | { status: 'success'; /** The REST API's `result`. */ result: any }
  | { status: 'failed'; /** Why: the server's reason, or the host's. */ result: any };

/** What `sendRequest` resolves to (it rejects on failure). */
export interface RequestSuccess {
  status: 'success';
  /** The REST API's `result`. */
  result: any;
}

/** What a `dialOut` callback (and its promise) gets: the new participants' uuids; empty means it failed. */
export interface DialOutAnswer {
  result: string[];
}

/** `dialOut`'s last argument. */
export interface DialOutOptions {
  /** Dial a streaming/recording participant. */
  streaming?: boolean;
  [option: string]: unknown;
}

/** What `transformConferenceLayout` takes: the transforms of the REST API's `transform_layout`; `{}` resets. */
export interface LayoutTransforms {
  /** The layout for everyone, e.g. `'1:7'`, `'4:0'`, `'1:0'`, `'ac'`. */
  layout?: string;
  host_layout?: string;
  guest_layout?: string;
  enable_overlay_text?: boolean;
  enable_active_speaker_indication?: boolean;
  streaming?: { layout?: string; waiting_screen_enabled?: boolean; [option: string]: unknown };
  [transform: string]: unknown;
}

/** A chat message with its own MIME type: `sendChatMessage({type: 'application/json', payload})`. */
export interface ChatMessageToSend {
  /** Default `'text/plain'`. */
  type?: string;
  /** The text; anything else is sent as JSON text. */
  payload: unknown;
}

/** `getPluginMenuItem`'s handle on one menu item. */
export interface PluginMenuItem {
  hide(): void;
  show(): void;
}

/** `window.PEX.pluginAPI`. */
export interface PluginAPI {
  /**
   * Called by your plugin to register with the application: its `id` (as in its package file),
   * `load`, `unload`, its actions and `state$`, e.g.
   * `PEX.pluginAPI.registerPlugin({id: 'recording-plugin-1.0', load, unload, recordConference, state$})`.
   */
  registerPlugin(plugin: PluginRegistration): void;

  /**
   * Creates a state, to toggle the plugin's menu icons and labels: pass it to `registerPlugin`
   * as `state$` and call `state$.next({icon, label})`.
   */
  createNewState(initial: PluginState): PluginStateSubject;

  /**
   * Sends a conference or participant control command to the Pexip client REST API, for what
   * the plugin API has no function for: `sendRequest('lock')`, `sendRequest('muteguests')`,
   * `sendRequest('participants/' + uuid + '/mute')`; a payload as the second argument
   * (`sendRequest('participants/' + uuid + '/dtmf', {digits: '1234'})`). The leading slash is
   * optional; the path stays inside the conference. The callback gets `{status: 'success', result}`
   * or `{status: 'failed', result: reason}`; the promise resolves with the first, rejects otherwise.
   */
  sendRequest(path: string, payload?: Record<string, unknown> | null, callback?: (answer: RequestAnswer) => void): Promise<RequestSuccess>;

  /**
   * Opens a dialog with a title and a body (your template). Simple dialogs can use inline
   * handlers in the body (`onclick="window.PEX.pluginAPI.transformConferenceLayout({layout: '4:0'})"`);
   * for anything more, act in `.then(dialogRef => ...)`, which runs once the dialog is open.
   */
  openTemplateDialog(options?: TemplateDialogOptions | null, ...ignored: unknown[]): DialogOpening;

  /** Takes a participant UUID and sets the spotlight: `PEX.pluginAPI.spotlightOnParticipant(participant.uuid)`. */
  spotlightOnParticipant(uuid: string): Promise<unknown>;

  /** Takes a participant UUID and removes the spotlight: `PEX.pluginAPI.spotlightOffParticipant(participant.uuid)`. */
  spotlightOffParticipant(uuid: string): Promise<unknown>;

  /**
   * Initiates a call from the current conference to a participant. Takes an `alias`,
   * `protocol` and `role`, and provides the new participant's UUID if successful:
   * `dialOut(alias, 'auto', 'guest', answer => answer.result.length === 0 ? failed() : (uuid = answer.result[0]), {streaming: true})`.
   */
  dialOut(
    alias: string,
    protocol?: 'auto' | 'sip' | 'h323' | 'rtmp' | 'mssip' | (string & {}),
    role?: 'guest' | 'host' | (string & {}),
    callback?: (answer: DialOutAnswer) => void,
    options?: DialOutOptions,
  ): Promise<DialOutAnswer>;

  /** Takes a participant UUID and disconnects them: `PEX.pluginAPI.disconnectParticipant(participant.uuid)`. */
  disconnectParticipant(uuid: string): Promise<unknown>;

  /**
   * Changes the conference layout.
   * @deprecated Use `transformConferenceLayout`. (`{layouts: [...]}` is sent as an `override_layout` request.)
   */
  changeConferenceLayout(layout: { layouts: unknown[] } | LayoutTransforms | string): Promise<unknown>;

  /**
   * Takes the layout required: changes the conference layout, controls streaming content, and
   * enables or disables indicators and overlay text (`{layout: '4:0'}`, `{guest_layout: '1:7'}`,
   * `{enable_overlay_text: true}`, `{streaming: {waiting_screen_enabled: true}}`); `{}` resets.
   */
  transformConferenceLayout(transforms: LayoutTransforms): Promise<unknown>;

  /**
   * Takes a message to send into the conference: `PEX.pluginAPI.sendChatMessage('Here is some chat')`,
   * or `sendChatMessage({type: 'application/json', payload})`.
   */
  sendChatMessage(message: string | ChatMessageToSend): Promise<unknown>;

  /** The menu item whose package-file entry has this `id`: `getPluginMenuItem(pluginId, 'record').hide()`. */
  getPluginMenuItem(pluginId: string, menuItemId: string): PluginMenuItem;
}

// ---------------------------------------------------------------------------------------------
// PexRTC, webapp2's call object (`window.PEX.pexrtc`)

/**
 * `window.PEX.pexrtc`: what plugins used of webapp2's PexRTC call object. Its class is named
 * `PexRTC`, so a plugin that walks `window` for "the main PexRTC" finds it. The fields follow
 * the conference (read anew each time; undefined until known). The methods are carried out as
 * the pluginAPI's commands. Any other member, and any `on*` callback, is reported once and reads
 * as undefined: the host has no media call. Listen for PexRTC's callbacks as actions instead:
 * `PEX.actions$.ofType('PexRTC: participant_update')` (the raw Infinity object as payload).
 */
export interface PexRTC {
  /** The Conferencing Node's address, as PexRTC has it: `node.example.com` (no scheme). */
  readonly node: string | undefined;
  /** The alias the call was joined with. */
  readonly conference: string | undefined;
  /** The conference's (service's) name: build breakout aliases from it. */
  readonly conference_name: string | undefined;
  /** The user's display name. */
  readonly display_name: string | undefined;
  /** The user's own participant uuid. */
  readonly uuid: string | undefined;
  /** The user's role. */
  readonly role: 'HOST' | 'GUEST' | undefined;
  /** The PIN the call was joined with, when it needed one (for an invite link). */
  readonly pin: string | undefined;
  readonly chat_enabled: boolean | undefined;
  /** Where the user is: `'conference'`, `'waiting_room'`, `'ivr'`, ... */
  readonly current_service_type: string | undefined;
  /** The Infinity version, as the node gave it (`{version_id, pseudo_version}`). */
  readonly version: unknown;

  /** Sends a chat message to everyone, or with a `uuid` to that participant only. */
  sendChatMessage(message: string, uuid?: string): Promise<unknown>;
  /** Dials out from the conference; `cb` gets `{result: [newParticipantUuid, ...]}`, empty when it failed. */
  dialOut(
    destination: string,
    protocol?: 'auto' | 'sip' | 'h323' | 'rtmp' | 'mssip' | (string & {}),
    role?: 'HOST' | 'GUEST' | 'host' | 'guest' | (string & {}),
    cb?: (answer: DialOutAnswer) => void,
    params?: DialOutOptions,
  ): Promise<DialOutAnswer>;
  /** Disconnects a participant. */
  disconnectParticipant(uuid: string): Promise<unknown>;
  /** Mutes (true) or unmutes (false) a participant's audio for everyone. */
  setParticipantMute(uuid: string, setting: boolean): Promise<unknown>;
  /** Mutes (true) or unmutes (false) every guest. */
  setMuteAllGuests(setting: boolean): Promise<unknown>;
  /** Locks (true) or unlocks (false) the conference. */
  setConferenceLock(setting: boolean): Promise<unknown>;
  /** Spotlights a participant (true) or ends it (false). */
  setParticipantSpotlight(uuid: string, setting: boolean): Promise<unknown>;
  /** The conference layout's transforms, as `transformConferenceLayout` takes them. */
  transformLayout(transforms: LayoutTransforms): Promise<unknown>;
  /** Raises the user's own hand. */
  setBuzz(): Promise<unknown>;
  /** Lowers a raised hand: the user's own when no uuid is given. */
  clearBuzz(uuid?: string): Promise<unknown>;
  /** Makes a participant a host (`'chair'`) or a guest (`'guest'`); any other role throws. */
  setRole(uuid: string, role: 'chair' | 'guest'): Promise<unknown>;
  /** Asks the client to mute (true) or unmute (false) the user's microphone; returns the setting. */
  muteAudio(setting: boolean): boolean | undefined;
  /** Asks the client to turn the user's camera off (true) or on (false); returns the setting. */
  muteVideo(setting: boolean): boolean | undefined;
}

/** `window.PEX`, the bare global `PEX`. */
export interface Pex {
  /** The plugin API functions. */
  readonly pluginAPI: PluginAPI;
  /**
   * Every action of the conference and the client: subscribe, and process them with `ofType`,
   * e.g. `PEX.actions$.ofType(PEX.actions.RECEIVE_CHAT_MESSAGE).subscribe(action => ...)`.
   */
  readonly actions$: ActionObservable;
  /** The action type constants for `ofType`. */
  readonly actions: Actions;
  /** Asks the client to act: `PEX.dispatchAction({type: PEX.actions.MUTE_CAMERA})`. Plugins on `actions$` see it too. */
  dispatchAction(action: DispatchedAction): void;
  /** The query parameters of the page's URL, as a plain object (read anew each time). */
  readonly conferenceQueryParams: Readonly<Record<string, string>>;
  /** The uuid of the user's own participant, once known. */
  readonly selfUUID: string | undefined;
  /** webapp2's PexRTC call object, as a view of the conference (see {@link PexRTC}). */
  readonly pexrtc: PexRTC;
}
