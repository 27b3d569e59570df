/**
 * The conference as events to Web App 3 plugins: `event:participants`, `event:me` and
 * `event:conferenceStatus` (and `event:connected` while the call is up) to a plugin right after
 * its handshake (a plugin loaded mid-call starts from the present) and to every plugin on each
 * change. A plugin that comes while no call is on (not connected, nobody in the roster) is told
 * nothing of the conference until one starts, then that whole present state at once: an empty
 * roster and a conference nobody is in are no news, and thirty plugins loading before the call
 * would each be sent them (what happens, a message or the layout, is told to every plugin).
 *
 * Each change comes with `event:participantJoined` / `event:participantLeft` (and
 * `participant:disconnected`, which the package turns into a dialled-out participant's
 * `onDisconnect`), `event:raiseHand` and `event:stage` from the difference between two rosters,
 * and the same difference as one `event:participantsActivities` (who joined, whose details
 * changed, who left: the event the package asks plugins to use instead of the other three; the
 * present state has everyone present as joined). `event:conference:authenticated` and
 * `event:connected` / `event:disconnected`, `event:message` / `event:directMessage` /
 * `event:applicationMessage` and `event:layoutUpdate` come from the conference's actions
 * (action-events.ts).
 *
 * A participant's `rawData` is Infinity's own object where the connection's `PexRTC:
 * participant_*` actions carried it (everyone who joined or changed since the host was bound),
 * else the one written back from the roster (participant-form.ts). One subscription to the
 * conference serves all plugins; a participant is put in the package's form once per change of
 * that participant, not once per plugin.
 */
import type { Observable, Unsubscribable } from 'rxjs';
import type { ConferenceStatus, InfinityParticipant, ParticipantActivities, RoomParticipantActivity, RTCParticipantEvent, Stage } from '@pexip/plugin-api';
import type { ConferenceDetails, Participant, PexAction } from '../conference/types.js';
import { SET_DISCONNECT_DESTINATION, actionEvents, authenticatedEvent, connectedAfter, disconnectedPayload, disconnectReason } from './action-events.js';
import { conferenceStateCalls } from './conference-calls.js';
import { toConferenceStatus, toInfinityParticipant, type RawParticipantData } from './participant-form.js';
import type { RpcHandlers } from './rpc-router.js';

/** An action as the host's action bus carries it: who dispatched it ('app' for the app and its connection, 'plugin' for a plugin). */
export interface DispatchedAction {
  action: PexAction;
  source: string;
}

/**
 * The conference a Web App 3 host reads: the store's streams (or a connection's), injected so
 * this module reaches into nothing. Each stream but `actions$` replays its latest value to a new
 * subscriber.
 */
export interface ConferenceSource {
  participants$: Observable<readonly Participant[]>;
  conference$: Observable<ConferenceDetails>;
  /** The user's own participant uuid, once joined. */
  selfUuid$?: Observable<string | undefined>;
  /**
   * Without `selfUuid$`: the user's own participant uuid as it is now (`PEX.selfUUID`), read
   * again at every change of the roster, the details or an action.
   */
  selfUuid?: () => string | undefined;
  /**
   * The actions as they are dispatched (hot): those the app dispatched (its connection's among
   * them) become events; a plugin's are requests to the app and are not.
   */
  actions$?: Observable<DispatchedAction>;
  /** A plugin asks the app to act (as a webapp2 plugin's `PEX.dispatchAction`): where the user goes once the call ends. */
  requestAction?: (action: PexAction) => void;
  /** Infinity's raw participant, where the conference keeps it; else the one the last `PexRTC: participant_*` action carried. */
  rawParticipant?: (uuid: string) => RawParticipantData | undefined;
  /** Infinity's raw `conference_status` result, where the conference keeps it. */
  rawConferenceStatus?: () => Record<string, unknown> | undefined;
}

/** What the events are sent to: one plugin's channel. */
export type EventSink = (event: string, payload: unknown) => void;

/** The room every event names: this host's conference has the main room only. */
export const MAIN_ROOM = 'main';

interface Snapshot {
  participants: InfinityParticipant[];
  me: InfinityParticipant | undefined;
  status: ConferenceStatus;
  stage: Stage[];
}

/** Who is on the stage, in its order: the participants with a stage position (0 the latest speaker). */
function stageOf(roster: readonly Participant[]): Stage[] {
  return roster
    .filter((p) => p.stageIndex >= 0)
    .sort((a, b) => a.stageIndex - b.stageIndex)
    .map((p) => ({ userId: p.uuid, stageIndex: p.stageIndex, vad: p.vad }));
}

const sameStage = (a: readonly Stage[], b: readonly Stage[]): boolean =>
  a.length === b.length && a.every((entry, i) => entry.userId === b[i]!.userId && entry.stageIndex === b[i]!.stageIndex && entry.vad === b[i]!.vad);

/** ParticipantActivities' values (a run-time enum of the package, which is not bundled here). */
const JOIN = 0 as ParticipantActivities.Join;
const LEAVE = 1 as ParticipantActivities.Leave;
const UPDATE = 2 as ParticipantActivities.Update;

const activity = (type: ParticipantActivities, participant: InfinityParticipant) => ({ roomId: MAIN_ROOM, activity: { type, participant } }) as RoomParticipantActivity;

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/**
 * Whether two forms of one participant say the same: an app may hand the host a new object for
 * everyone at each change, and only who really changed is an update.
 */
function sameParticipant(a: InfinityParticipant, b: InfinityParticipant): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof InfinityParticipant)[];
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
}

export class ConferenceEvents {
  readonly #sinks = new Set<EventSink>();
  readonly #source: ConferenceSource;
  /** The package's form by webapp2's participant object: a roster change remaps only who changed. */
  #forms = new WeakMap<Participant, InfinityParticipant>();
  #current: Snapshot | undefined;
  /** Sinks added while no call was on: they get the present state once one starts, not its changes before. */
  readonly #waiting = new Set<EventSink>();
  #subscription: (Unsubscribable & { recheck(): void }) | undefined;
  /** The actions, followed from the start to the end of the host: whether the call is up is known when a plugin comes. */
  #actions: Unsubscribable | undefined;
  /** Whether the call is up, as the actions last said; undefined before they said anything. */
  #connected: boolean | undefined;
  #lastDetails: ConferenceDetails | undefined;
  #lastRoster: readonly Participant[] | undefined;
  #lastSelf: string | undefined;
  /**
   * Infinity's raw participants by uuid, as the connection's `PexRTC: participant_*` actions
   * carry them: each participant's `rawData` (the actions come before the roster they change).
   */
  readonly #raw = new Map<string, RawParticipantData>();
  /** The calls answered from the conference's state (`conference:requestParticipants`, `app:setDisconnectDestination`), for the host's router. */
  readonly handlers: RpcHandlers;

  constructor(source: ConferenceSource) {
    this.#source = source;
    this.handlers = conferenceStateCalls({
      participants: () => this.#current?.participants.map((p) => p.rawData as RTCParticipantEvent),
      setDisconnectDestination: (url, pluginId) => source.requestAction?.({ type: SET_DISCONNECT_DESTINATION, payload: { url, pluginId } }),
    });
    this.#follow();
  }

  /** The user's own participant uuid as last seen (while some sink is added). */
  get selfUuid(): string | undefined {
    return this.#lastSelf;
  }

  /**
   * Whether the call is up: as the last connect or disconnect action said, else (no such action
   * seen since the host started) whether the user is in the roster.
   */
  get connected(): boolean {
    return this.#connected ?? (this.#current?.me !== undefined);
  }

  /** Sends `sink` the present state, then every change, until `remove`. */
  add(sink: EventSink): void {
    this.#sinks.add(sink);
    this.#follow();
    if (!this.#subscription) {
      // The first state, replayed at once by the source or later, is sent to every sink then.
      this.#subscription = latestOfEach(this.#source, (participants, details, self) => this.#update(participants, details, self));
      return;
    }
    if (this.#current) this.#give(sink, this.#current);
  }

  remove(sink: EventSink): void {
    this.#sinks.delete(sink);
    this.#waiting.delete(sink);
    // Nobody to tell: let go of the conference until a plugin is ready again.
    if (this.#sinks.size === 0) this.#release();
  }

  /** Ends the subscriptions; the state is read afresh by the next `add`. */
  dispose(): void {
    this.#release();
    this.#actions?.unsubscribe();
    this.#actions = undefined;
    this.#connected = undefined;
    this.#raw.clear();
    this.#waiting.clear();
  }

  #release(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#current = undefined;
    this.#lastDetails = this.#lastRoster = this.#lastSelf = undefined;
    this.#forms = new WeakMap();
  }

  /** Follows the app's actions (once). */
  #follow(): void {
    if (this.#actions || !this.#source.actions$) return;
    this.#actions = this.#source.actions$.subscribe(({ action, source }) => {
      if (source === 'app' && action && typeof action.type === 'string') this.#onAction(action);
    });
  }

  #onAction(action: PexAction): void {
    if (this.#keepRaw(action)) return;
    const connected = connectedAfter(action);
    if (connected !== undefined && connected !== this.#connected) {
      this.#connected = connected;
      if (connected) {
        const authenticated = authenticatedEvent(action);
        if (authenticated) this.#broadcast(authenticated[0], authenticated[1], true);
        this.#broadcast('event:connected', undefined);
        this.#giveWaiting();
      } else {
        const reason = disconnectReason(action);
        if (reason === undefined) this.#broadcast('event:userInitiatedDisconnect', undefined, true);
        this.#broadcast('event:disconnected', disconnectedPayload(reason), true);
      }
    }
    // What happens (a message, the layout, the call's end) is news to every plugin, waiting or not.
    const event = actionEvents(action);
    if (event) this.#broadcast(event[0], event[1], true);
    // An action may have told the user's own uuid (`[Conference] Set Self UUID`).
    this.#subscription?.recheck();
  }

  /** Keeps a raw participant a `PexRTC: participant_*` action carries; whether it was one. */
  #keepRaw(action: PexAction): boolean {
    if (!action.type.startsWith('PexRTC: participant_')) return false;
    const raw = action.payload as RawParticipantData | undefined;
    if (!raw || typeof raw.uuid !== 'string') return true;
    if (action.type === 'PexRTC: participant_delete') this.#raw.delete(raw.uuid);
    else this.#raw.set(raw.uuid, raw);
    return true;
  }

  #form(participant: Participant): InfinityParticipant {
    let form = this.#forms.get(participant);
    if (!form) {
      form = toInfinityParticipant(participant, this.#source.rawParticipant?.(participant.uuid) ?? this.#raw.get(participant.uuid));
      this.#forms.set(participant, form);
    }
    return form;
  }

  /** Whether a call is on: what a plugin is told right after its handshake. */
  #present(snapshot: Snapshot): boolean {
    return this.connected || snapshot.participants.length > 0 || snapshot.me !== undefined;
  }

  /** The present state to `sink` if a call is on; else it waits for one. */
  #give(sink: EventSink, snapshot: Snapshot): void {
    if (this.#present(snapshot)) this.#sendSnapshot(sink, snapshot);
    else this.#waiting.add(sink);
  }

  /** A call is on now: the sinks that waited get its present state (and from here on its changes). */
  #giveWaiting(): void {
    const current = this.#current;
    if (this.#waiting.size === 0 || !current || !this.#present(current)) return;
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const sink of waiting) this.#sendSnapshot(sink, current);
  }

  #sendSnapshot(sink: EventSink, snapshot: Snapshot): void {
    if (this.connected) sink('event:connected', undefined);
    sink('event:participants', { id: MAIN_ROOM, participants: snapshot.participants });
    if (snapshot.participants.length > 0) sink('event:participantsActivities', snapshot.participants.map((participant) => activity(JOIN, participant)));
    if (snapshot.me) sink('event:me', { id: MAIN_ROOM, participant: snapshot.me });
    sink('event:conferenceStatus', { id: MAIN_ROOM, status: snapshot.status });
  }

  /**
   * To every sink told the present state (a waiting one gets the whole of it when a call
   * starts), or with `toWaiting` to every sink.
   */
  #broadcast(event: string, payload: unknown, toWaiting = false): void {
    for (const sink of this.#sinks) if (toWaiting || !this.#waiting.has(sink)) sink(event, payload);
  }

  #update(roster: readonly Participant[], details: ConferenceDetails, self: string | undefined): void {
    const previous = this.#current;
    const previousRoster = this.#lastRoster;
    const rosterChanged = roster !== previousRoster;
    const participants = rosterChanged || !previous ? roster.map((p) => this.#form(p)) : previous.participants;
    const selfParticipant = self === undefined ? undefined : roster.find((p) => p.uuid === self);
    const me = selfParticipant && this.#form(selfParticipant);
    const status =
      details !== this.#lastDetails || !previous ? toConferenceStatus(details, this.#source.rawConferenceStatus?.()) : previous.status;
    const stage = rosterChanged || !previous ? stageOf(roster) : previous.stage;
    this.#current = { participants, me, status, stage };
    this.#lastRoster = roster;
    this.#lastDetails = details;
    const selfChanged = self !== this.#lastSelf;
    this.#lastSelf = self;
    // The first state is the snapshot each plugin gets when it is added.
    if (!previous || !previousRoster) {
      for (const sink of this.#sinks) this.#give(sink, this.#current);
      return;
    }
    if (rosterChanged) this.#rosterChanges(previousRoster, previous.participants, participants);
    if (me && (me !== previous.me || selfChanged)) this.#broadcast('event:me', { id: MAIN_ROOM, participant: me });
    if (status !== previous.status) this.#broadcast('event:conferenceStatus', { id: MAIN_ROOM, status });
    if (!sameStage(stage, previous.stage)) this.#broadcast('event:stage', stage);
    this.#giveWaiting();
  }

  /** Who joined, who left, whose hand went up or down, and the new roster. */
  #rosterChanges(beforeRoster: readonly Participant[], before: readonly InfinityParticipant[], now: readonly InfinityParticipant[]): void {
    const formsBefore = new Map(before.map((p) => [p.uuid as string, p]));
    const buzzBefore = new Map(beforeRoster.map((p) => [p.uuid, p.buzzTime]));
    const uuidsNow = new Set(now.map((p) => p.uuid as string));
    const activities: RoomParticipantActivity[] = [];
    for (const participant of now) {
      const buzz = buzzBefore.get(participant.uuid);
      if (buzz === undefined) {
        this.#broadcast('event:participantJoined', { id: MAIN_ROOM, participant });
        activities.push(activity(JOIN, participant));
        continue;
      }
      if (buzz !== participant.handRaisedTime) this.#broadcast('event:raiseHand', { id: MAIN_ROOM, participant });
      if (!sameParticipant(formsBefore.get(participant.uuid as string)!, participant)) activities.push(activity(UPDATE, participant));
    }
    for (const [uuid, participant] of formsBefore) {
      if (uuidsNow.has(uuid)) continue;
      this.#broadcast('event:participantLeft', { id: MAIN_ROOM, participant });
      this.#broadcast('participant:disconnected', { participantUuid: uuid });
      activities.push(activity(LEAVE, participant));
    }
    this.#broadcast('event:participants', { id: MAIN_ROOM, participants: now });
    if (activities.length > 0) this.#broadcast('event:participantsActivities', activities);
  }
}

/**
 * Calls `update` with the latest of the source's streams each time one of them gives a value,
 * once each has given one (what rxjs's combineLatest does; written out, so that this chunk needs
 * no rxjs code of its own: the bundler would split rxjs out of the drop-in to share it). Without
 * a `selfUuid$` stream the user's uuid is read at each change, and again by `recheck`.
 */
function latestOfEach(
  source: ConferenceSource,
  update: (participants: readonly Participant[], details: ConferenceDetails, self: string | undefined) => void,
): Unsubscribable & { recheck(): void } {
  let participants: readonly Participant[] | undefined;
  let details: ConferenceDetails | undefined;
  const read = source.selfUuid ?? (() => undefined);
  let self: string | undefined;
  // Without a stream of its own the user's uuid is known (as read) from the start.
  let selfKnown = !source.selfUuid$;
  const changed = () => {
    if (!source.selfUuid$) self = read();
    if (participants && details && selfKnown) update(participants, details, self);
  };
  const subscriptions = [
    source.participants$.subscribe((value) => ((participants = value), changed())),
    source.conference$.subscribe((value) => ((details = value), changed())),
    ...(source.selfUuid$ ? [source.selfUuid$.subscribe((value) => ((self = value), (selfKnown = true), changed()))] : []),
  ];
  return {
    unsubscribe: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
    recheck: () => {
      if (!source.selfUuid$ && read() !== self) changed();
    },
  };
}
