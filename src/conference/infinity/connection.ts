/**
 * The Infinity connection: one conference over the client REST API v2 and its events stream,
 * as a ConferenceConnection the host can be given. Join with `connectInfinity` (index.ts).
 */
import { BehaviorSubject, Observable, Subject } from 'rxjs';
import { actions } from '../actions.js';
import type { CallInfo } from '../call-info.js';
import type { CommandResults, PluginCommand } from '../commands.js';
import type { ConferenceConnection, ConnectionStateDetail } from '../connection.js';
import { DEFAULT_CONFERENCE_DETAILS, type ConferenceDetails, type Participant, type PexAction } from '../types.js';
import { couldNot, InfinityJoinError, messageOf, texts } from './errors.js';
import { EventStream } from './event-stream.js';
import { executeCommand } from './execute.js';
import { applyConferenceStatus, conferenceFromToken, roleFromJoinRole } from './mapping.js';
import type { RawChatMessage, RawConferenceStatus, RawParticipant, RawStageEntry, RawTokenResult } from './raw-types.js';
import { conferenceBase, ConferenceRest } from './rest.js';
import { DEFAULT_COMMAND_TIMEOUT, runCommand } from './command-run.js';
import { PexRTCCallbacks } from './pexrtc-callbacks.js';
import { onlineMark, browserOffline, fullJitterDelay, RetryWait, type RandomSource } from './retry.js';
import { Roster, type RosterChange } from './roster.js';
import type { SseEvent } from './sse.js';
import { refreshSessionToken, releaseSessionToken, requestSessionToken, type RequestPin, type TokenTarget } from './token.js';

/** The coarse state (state$): a connection waiting for the network is 'reconnecting' here, 'offline' in connectionState$. */
export type InfinityConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ConnectInfinityOptions {
  /** The node's base URL, e.g. 'https://node.example'; '' (or location.origin) for this page's origin. */
  node: string;
  /** The conference alias. */
  alias: string;
  /** The name others see. */
  displayName: string;
  /** The PIN, when known in advance; sent in the `pin` header. */
  pin?: string;
  /** Asked when the conference wants a PIN and none was given (see PinRequest). */
  requestPin?: RequestPin;
  /** The fetch to use (default: the page's). */
  fetch?: typeof fetch;
  /** How long connectInfinity waits for the first roster sync before resolving anyway, in ms (default 5000). */
  syncTimeout?: number;
  /**
   * Where the waits between attempts draw their jitter: a function returning a number in [0, 1)
   * (default Math.random). A dropped events stream waits a random time below 250 ms, then below
   * 500 ms, 1 s, ... up to 8 s, for 8 attempts in a row; a failed refresh below 1 s, then 2 s,
   * for 3 attempts. Tests give a seeded source to know each wait.
   */
  random?: RandomSource;
  /**
   * How long a command may wait for the node's answer, in ms (default 10000, as the host's
   * `command-timeout`): then its request is abandoned and it rejects, saying so.
   */
  commandTimeout?: number;
}

/** `[Conference] Connect Success`'s payload, as webapp2 gives it. */
export interface ConnectSuccessPayload {
  alias: string;
  displayName: string;
  joinRole: 'HOST' | 'GUEST';
  /** Where the user is: request_token's `current_service_type` ('conference', 'waiting_room', ...), else its `service_type`. */
  serviceType: string;
}

/** The refresh is tried this often in a row before the session is given up. */
const REFRESH_ATTEMPTS = 3;
/** A failed refresh waits a random time below 1 s, then below 2 s (full jitter, retry.ts). */
const REFRESH_BACKOFF = 1000;

export class InfinityConnection implements ConferenceConnection {
  readonly #participants = new BehaviorSubject<readonly Participant[]>([]);
  readonly #conference: BehaviorSubject<ConferenceDetails>;
  readonly #actions = new Subject<PexAction>();
  readonly #role: BehaviorSubject<'chair' | 'guest' | undefined>;
  readonly #selfUUID: BehaviorSubject<string | undefined>;
  readonly #state = new BehaviorSubject<InfinityConnectionState>('connecting');
  /** What the last drop or the end said: the reason connectionState$ gives. */
  #stateDetail: { attempt?: number; reason?: string } = {};
  readonly #connectionState = new BehaviorSubject<ConnectionStateDetail>({ state: 'connecting' });
  readonly #commandTimeout: number;
  /** Who has had `Participant Connect Success`: a create that comes after an update, or twice, announces once. */
  #announced = new Set<string>();
  /** A token refresh a refused command waits for (one at a time). */
  #renewing: Promise<string | undefined> | undefined;
  readonly #target: TokenTarget;
  readonly #rest: ConferenceRest;
  readonly #roster: Roster;
  readonly #events: EventStream;
  readonly #pexrtcCallbacks = new PexRTCCallbacks((action) => this.#actions.next(action));
  readonly #session: RawTokenResult;
  readonly #pin: string | undefined;
  /** Private to the connection: no getter, no copy on a public object (SECURITY.md). */
  #token: string;
  readonly #random: RandomSource;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The wait before a refresh is tried again, or until the browser is back online. */
  readonly #refreshWait = new RetryWait();
  #refreshFailures = 0;
  #ended = false;
  #leaving: Promise<void> | undefined;
  #firstSync: (() => void) | undefined;
  readonly #onPageHide = (): void => {
    void this.#end('keepalive');
  };
  readonly #onNetworkChange = (): void => this.#publishState();

  /** The roster in the guide's properties; one emission per sync and per burst of changes. Replays the latest. */
  readonly participants$: Observable<readonly Participant[]> = this.#participants.asObservable();
  /** locked, guestsMuted, started (conference_status / conference_update), chatEnabled, mediaType (request_token). Replays the latest. */
  readonly conference$: Observable<ConferenceDetails>;
  /**
   * What happens in the conference, as webapp2's actions. Hot, except that each new subscriber
   * first receives `[Conference] Connect Success` and `[Conference] Set Self UUID` while the
   * connection is up: the join happens before anyone can subscribe, and plugins listen for it.
   * Also PexRTC's callbacks, as webapp2 dispatched them: `PexRTC: participant_create`,
   * `participant_update`, `participant_delete`, `conference_update`, `chat_message`, each with
   * the events stream's raw object as payload (see pexrtc-callbacks.ts).
   */
  readonly actions$: Observable<PexAction>;
  /** 'chair' when joined as HOST, 'guest' as GUEST; follows refresh_token's role. Replays. */
  readonly role$: Observable<'chair' | 'guest' | undefined>;
  /** The user's own participant uuid (request_token's `participant_uuid`). Replays. */
  readonly selfUUID$: Observable<string | undefined>;
  /** 'connecting' → 'connected' ⇄ 'reconnecting' → 'disconnected'. Replays. */
  readonly state$: Observable<InfinityConnectionState> = this.#state.asObservable();
  /**
   * The state with its particulars: `{state: 'reconnecting', attempt, reason}` while a dropped
   * stream is retried, `{state: 'offline'}` while the browser says there is no network,
   * `{state: 'disconnected', reason}` once the call has ended. Replays; only changes are emitted.
   */
  readonly connectionState$: Observable<ConnectionStateDetail> = this.#connectionState.asObservable();

  /** Joins the conference. Use `connectInfinity`. */
  static async join(options: ConnectInfinityOptions): Promise<InfinityConnection> {
    const fetcher: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
    if (typeof options.alias !== 'string' || options.alias.trim() === '' || /^\.+$/.test(options.alias)) {
      // `.` and `..` would be read as path steps: the token would go to another path on the node.
      throw (await texts()).badAlias(options.alias);
    }
    const target: TokenTarget = { node: options.node.replace(/\/+$/, ''), alias: options.alias, fetcher };
    const { session, pin } = await requestSessionToken(target, options.displayName, options.pin, options.requestPin);
    const connection = new InfinityConnection(target, session, options, pin);
    await connection.#start(options.syncTimeout ?? 5000);
    return connection;
  }

  private constructor(target: TokenTarget, session: RawTokenResult, options: ConnectInfinityOptions, pin: string | undefined) {
    const { commandTimeout, random = Math.random } = options;
    this.#target = target;
    this.#commandTimeout = Number.isFinite(commandTimeout) && commandTimeout! > 0 ? commandTimeout! : DEFAULT_COMMAND_TIMEOUT;
    this.#token = session.token;
    this.#random = random;
    this.#session = session;
    this.#pin = pin;
    this.#conference = new BehaviorSubject<ConferenceDetails>({ ...DEFAULT_CONFERENCE_DETAILS, ...conferenceFromToken(session) });
    this.#role = new BehaviorSubject<'chair' | 'guest' | undefined>(roleFromJoinRole(session.role));
    this.#selfUUID = new BehaviorSubject<string | undefined>(session.participant_uuid);
    this.conference$ = this.#conference.asObservable();
    this.role$ = this.#role.asObservable();
    this.selfUUID$ = this.#selfUUID.asObservable();
    const connectSuccess: ConnectSuccessPayload = {
      alias: target.alias,
      displayName: session.display_name || options.displayName,
      joinRole: session.role === 'HOST' ? 'HOST' : 'GUEST',
      serviceType: session.current_service_type ?? session.service_type ?? 'conference',
    };
    const joinActions: readonly PexAction[] = [
      { type: actions.CONNECT_SUCCESS, payload: connectSuccess },
      { type: actions.SET_SELF_UUID, payload: session.participant_uuid },
    ];
    this.actions$ = new Observable<PexAction>((subscriber) => {
      if (!this.#ended) for (const action of joinActions) subscriber.next(action);
      return this.#actions.subscribe(subscriber);
    });
    const base = conferenceBase(target.node, target.alias);
    this.#rest = new ConferenceRest(base, target.fetcher, () => this.#token);
    this.#roster = new Roster((participants) => this.#participants.next(participants));
    this.#events = new EventStream({
      base,
      fetcher: target.fetcher,
      token: () => this.#token,
      onEvent: (event) => this.#onEvent(event),
      onOpen: (open, retry) => {
        if (this.#ended) return;
        this.#stateDetail = retry ?? {};
        this.#state.next(open ? 'connected' : 'reconnecting');
        this.#publishState();
      },
      onFatal: (reason) => this.#end('none', reason),
      random,
    });
    this.#scheduleRefresh(Number(session.expires));
  }

  /** The current state. */
  get state(): InfinityConnectionState {
    return this.#state.value;
  }

  /** The current state with its particulars (see connectionState$). */
  get connectionState(): ConnectionStateDetail {
    return { ...this.#connectionState.value };
  }

  /** connectionState$ from the state and its particulars (none while connecting or connected; the reason once ended), when it changed. */
  #publishState(): void {
    const state = this.#state.value;
    const detail: ConnectionStateDetail =
      (state === 'connected' || state === 'reconnecting') && browserOffline() ? { state: 'offline' } : { state, ...this.#stateDetail };
    const last = this.#connectionState.value;
    if (detail.state !== last.state || detail.attempt !== last.attempt || detail.reason !== last.reason) this.#connectionState.next(detail);
  }

  /**
   * The call as joined: node, alias, conference name, display name and the PIN it was granted
   * with; the role and the user's service type as they are now.
   */
  get callInfo(): Readonly<CallInfo> {
    const session = this.#session;
    const uuid = this.#selfUUID.value;
    const role = this.#role.value;
    const info: CallInfo = {
      node: this.#target.node || globalThis.location?.origin || '',
      conference: this.#target.alias,
      conferenceName: session.conference_name,
      displayName: session.display_name,
      pin: this.#pin,
      uuid,
      role: role && (role === 'chair' ? 'HOST' : 'GUEST'),
      chatEnabled: session.chat_enabled,
      serviceType: (uuid !== undefined && this.#roster.get(uuid)?.serviceType) || (session.current_service_type ?? session.service_type ?? 'conference'),
      version: session.version,
    };
    // What is not known is left out, not given as undefined.
    for (const key of Object.keys(info) as (keyof CallInfo)[]) if (info[key] === undefined) delete info[key];
    return info;
  }

  async #start(syncTimeout: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const synced = new Promise<void>((resolve) => {
      this.#firstSync = resolve;
      timer = setTimeout(resolve, syncTimeout);
    });
    try {
      await Promise.all([this.#seedConference(), this.#events.start()]);
    } catch (error) {
      await this.#end('await', undefined, true);
      throw couldNot('join', this.#target.alias, messageOf(error));
    }
    await synced;
    clearTimeout(timer);
    if (this.#ended) throw (await texts()).endedWhileJoining(this.#target.alias);
    this.#listen('addEventListener');
    this.#publishState();
  }

  /** The page's events the connection follows while it is up: leaving the page, the network coming and going. */
  #listen(how: 'addEventListener' | 'removeEventListener'): void {
    for (const [type, listener] of [
      ['pagehide', this.#onPageHide],
      ['online', this.#onNetworkChange],
      ['offline', this.#onNetworkChange],
    ] as const) {
      globalThis[how]?.(type, listener);
    }
  }

  /** `GET conference_status` seeds locked, guestsMuted and started; a failure keeps the defaults. */
  async #seedConference(): Promise<void> {
    try {
      const status = (await this.#rest.call('conference_status', undefined, 'GET')) as RawConferenceStatus;
      if (status && typeof status === 'object') this.#conference.next(applyConferenceStatus(this.#conference.value, status));
    } catch (error) {
      void texts().then((words) => words.warnStatus(error));
    }
  }

  /** The first sync is in (or the join is over): connectInfinity may resolve. */
  #synced(): void {
    // Resolving again (each later sync, the end) changes nothing.
    this.#firstSync?.();
  }

  #emit(type: string, payload?: unknown): void {
    this.#actions.next(payload === undefined ? { type } : { type, payload });
  }

  #onEvent(event: SseEvent): void {
    if (this.#ended) return;
    let data: unknown;
    try {
      data = event.data ? JSON.parse(event.data) : undefined;
    } catch {
      void texts().then((words) => words.warnNotJson(event.type));
      return;
    }
    switch (event.type) {
      case 'participant_sync_begin':
        this.#pexrtcCallbacks.syncBegin(this.#roster.uuids());
        this.#roster.syncBegin();
        break;
      case 'participant_sync_end':
        this.#roster.syncEnd();
        // Who is there now has been announced (the sync is not replayed as joins); who is not, may be again.
        this.#announced = new Set(this.#roster.uuids());
        this.#pexrtcCallbacks.syncEnd();
        this.#synced();
        break;
      case 'participant_create':
      case 'participant_update':
        this.#onRosterChange(this.#roster.upsert(data as RawParticipant), event.type === 'participant_create');
        this.#pexrtcCallbacks.participant(event.type, data as RawParticipant);
        break;
      case 'participant_delete':
        if (typeof (data as { uuid?: unknown } | undefined)?.uuid === 'string') {
          this.#onRosterChange(this.#roster.remove((data as { uuid: string }).uuid), false);
          this.#pexrtcCallbacks.participantDelete(data as { uuid: string });
        }
        break;
      case 'stage':
        this.#roster.setStage(data as RawStageEntry[]);
        break;
      case 'conference_update':
        if (data && typeof data === 'object') {
          this.#conference.next(applyConferenceStatus(this.#conference.value, data as RawConferenceStatus));
          this.#pexrtcCallbacks.conferenceUpdate(data as RawConferenceStatus);
        }
        break;
      case 'message_received':
        this.#emit(actions.RECEIVE_CHAT_MESSAGE, data as RawChatMessage);
        this.#pexrtcCallbacks.chatMessage(data as RawChatMessage);
        break;
      case 'layout':
        // Which layout the conference shows now (a layout plugin can follow it).
        this.#emit(actions.LAYOUT_CHANGED, data);
        break;
      case 'refresh_token':
        // The node asks for a refresh now.
        this.#scheduleRefresh(0);
        break;
      case 'disconnect': {
        const reason = (data as { reason?: unknown } | undefined)?.reason;
        void this.#end('none', typeof reason === 'string' ? reason : 'Disconnected');
        break;
      }
      default:
        // presentation_start/stop, call_disconnected, refer, on_hold, fecc, live captions,
        // breakouts: nothing a plugin sees comes from them.
        break;
    }
  }

  #onRosterChange(change: RosterChange | undefined, created: boolean): void {
    if (!change) return;
    const { participant } = change;
    const { uuid } = participant;
    if (change.kind === 'delete') {
      this.#announced.delete(uuid);
      this.#emit(actions.PARTICIPANT_DISCONNECT_SUCCESS, uuid);
      return;
    }
    // An update for someone unknown (outside a sync) adds them silently; their create, before or
    // after it, announces them once.
    if (created && !this.#announced.has(uuid)) {
      this.#announced.add(uuid);
      this.#emit(actions.PARTICIPANT_CONNECT_SUCCESS, uuid);
    }
    if (change.kind === 'update') {
      const { previous } = change;
      if (participant.buzzTime !== previous.buzzTime) this.#emit(actions.BUZZ_CHANGED, { buzzTime: participant.buzzTime, name: participant.name });
      if (participant.muted !== previous.muted) this.#emit(actions.PARTICIPANT_MUTED_CHANGED, { uuid, muted: participant.muted });
    }
  }

  /** Refreshes at a third of the lifetime (`expires` in seconds), as Infinity advises. */
  #scheduleRefresh(expiresSeconds: number): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshWait.cancel();
    if (this.#ended) return;
    const seconds = Number.isFinite(expiresSeconds) && expiresSeconds > 0 ? expiresSeconds : 0;
    this.#refreshTimer = setTimeout(() => void this.#refresh(), (seconds * 1000) / 3);
  }

  async #refresh(): Promise<void> {
    if (this.#ended) return;
    if (browserOffline()) {
      // It would only fail: it is made as soon as the browser is back online.
      if ((await this.#refreshWait.wait('online')) === 'online') void this.#refresh();
      return;
    }
    const startedAt = onlineMark();
    try {
      await this.#refreshNow();
    } catch (error) {
      if (this.#ended) return;
      const status = error instanceof InfinityJoinError ? error.status : undefined;
      if (status === undefined && browserOffline()) {
        // The network went on the way: not an attempt spent; tried again once the browser is back.
        if ((await this.#refreshWait.wait('online', startedAt)) === 'online') void this.#refresh();
        return;
      }
      this.#refreshFailures += 1;
      if (status === 403 || this.#refreshFailures >= REFRESH_ATTEMPTS) {
        void this.#end('none', messageOf(error));
        return;
      }
      // Every client of a node that fails refreshes at once: each waits its own random time
      // (an `online` on the way ends the wait at once).
      const delay = fullJitterDelay(this.#refreshFailures - 1, REFRESH_BACKOFF, this.#random);
      if ((await this.#refreshWait.wait(delay, startedAt)) !== 'cancelled') void this.#refresh();
    }
  }

  /**
   * `refresh_token` now, and the new token (and role) in use with its own refresh scheduled.
   * Resolves to false when the connection ended meanwhile: the new token is then released.
   */
  async #refreshNow(): Promise<boolean> {
    const refreshed = await refreshSessionToken(this.#target, this.#token);
    if (this.#ended) {
      // Left while refreshing: the new token must not outlive us.
      void releaseSessionToken(this.#target, refreshed.token);
      return false;
    }
    this.#token = refreshed.token;
    this.#refreshFailures = 0;
    if (refreshed.role) this.#role.next(roleFromJoinRole(refreshed.role));
    this.#scheduleRefresh(refreshed.expires);
    return true;
  }

  /**
   * Carries out a plugin command against the conference. Resolves to the server's `result`
   * (dialOut: the new participants' uuids); rejects with a CommandError carrying the HTTP status
   * and the server's reason. sendChatMessage emits `SEND_CHAT_MESSAGE` (the text) on success.
   */
  async execute<C extends PluginCommand>(command: C): Promise<CommandResults[C['name']]> {
    if (this.#ended) throw (await texts()).commandAfterLeaving(command.name);
    const result = await runCommand({
      name: command.name,
      timeout: this.#commandTimeout,
      send: (fetcher) => executeCommand(new ConferenceRest(this.#rest.base, fetcher, () => this.#token), command),
      fetcher: this.#target.fetcher,
      renewToken: () => this.#renewToken(),
    });
    if (command.name === 'sendChatMessage') this.#emit(actions.SEND_CHAT_MESSAGE, command.args.payload);
    return result;
  }

  /**
   * A refresh now, for a command the node refused with 'Invalid token': resolves to undefined
   * once the token is renewed, else to why it could not be (the session is then ended, as the
   * node has ended it). Commands refused together share one refresh.
   */
  #renewToken(): Promise<string | undefined> {
    return (this.#renewing ??= texts()
      .then((words) => words.renewal(this.#ended ? Promise.resolve(false) : this.#refreshNow(), (reason) => void this.#end('none', reason)))
      .finally(() => (this.#renewing = undefined)));
  }

  /**
   * Leaves: stops the refresh timer and the events stream, releases the token, then emits
   * `[Conference] Disconnect Success`. The streams stay open (participants$ keeps its last value).
   */
  leave(): Promise<void> {
    return this.#end('await');
  }

  /** `release`: how the token is released ('none' when the node ended the session); `reason`: the node's or the failure's words; `silent`: no state or action to publish (a failed join). */
  #end(release: 'await' | 'keepalive' | 'none', reason?: string, silent = false): Promise<void> {
    if (this.#leaving) return this.#leaving;
    this.#ended = true;
    // Ended: this only stops the refresh timer and its wait.
    this.#scheduleRefresh(0);
    this.#events.stop();
    this.#synced();
    this.#listen('removeEventListener');
    const released = release !== 'none' && releaseSessionToken(this.#target, this.#token, release === 'keepalive');
    const finish = (): void => {
      this.#stateDetail = { reason: reason ?? 'You left the conference' };
      this.#state.next('disconnected');
      if (silent) return;
      this.#publishState();
      this.#emit(actions.DISCONNECT_SUCCESS, reason === undefined ? undefined : { reason });
    };
    // A keepalive release outlives the page: nobody waits for it.
    return (this.#leaving = release === 'await' ? (released as Promise<void>).then(finish) : Promise.resolve(finish()));
  }
}
