/**
 * The conference as events to Web App 3 plugins: `event:participants`, `event:me` and
 * `event:conferenceStatus` to a plugin right after its handshake (a plugin loaded mid-call starts
 * from the present) and to every plugin on each change, with `event:participantJoined` /
 * `event:participantLeft` from the difference between two rosters. One subscription to the
 * conference serves all plugins; a participant is put in the package's form once per change of
 * that participant, not once per plugin.
 */
import type { Observable, Unsubscribable } from 'rxjs';
import type { ConferenceStatus, InfinityParticipant } from '@pexip/plugin-api';
import type { ConferenceDetails, Participant } from '../conference/types.js';
import { toConferenceStatus, toInfinityParticipant, type RawParticipantData } from './participant-form.js';

/**
 * The conference a Web App 3 host reads: the store's streams (or a connection's), injected so
 * this module reaches into nothing. Each replays its latest value to a new subscriber.
 */
export interface ConferenceSource {
  participants$: Observable<readonly Participant[]>;
  conference$: Observable<ConferenceDetails>;
  /** The user's own participant uuid, once joined. */
  selfUuid$?: Observable<string | undefined>;
  /** Infinity's raw participant, where the conference keeps it (the Infinity connection does). */
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
}

export class ConferenceEvents {
  readonly #sinks = new Set<EventSink>();
  readonly #source: ConferenceSource;
  /** The package's form by webapp2's participant object: a roster change remaps only who changed. */
  #forms = new WeakMap<Participant, InfinityParticipant>();
  #current: Snapshot | undefined;
  #subscription: Unsubscribable | undefined;
  #lastDetails: ConferenceDetails | undefined;
  #lastRoster: readonly Participant[] | undefined;
  #lastSelf: string | undefined;

  constructor(source: ConferenceSource) {
    this.#source = source;
  }

  /** The user's own participant uuid as last seen (while some sink is added). */
  get selfUuid(): string | undefined {
    return this.#lastSelf;
  }

  /** Sends `sink` the present state, then every change, until `remove`. */
  add(sink: EventSink): void {
    this.#sinks.add(sink);
    if (!this.#subscription) {
      // The first state, replayed at once by the source or later, is sent to every sink then.
      this.#subscription = latestOfEach(this.#source, (participants, details, self) => this.#update(participants, details, self));
      return;
    }
    if (this.#current) this.#sendSnapshot(sink, this.#current);
  }

  remove(sink: EventSink): void {
    this.#sinks.delete(sink);
    // Nobody to tell: let go of the conference until a plugin is ready again.
    if (this.#sinks.size === 0) this.dispose();
  }

  /** Ends the subscription; the state is read afresh by the next `add`. */
  dispose(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#current = undefined;
    this.#lastDetails = this.#lastRoster = this.#lastSelf = undefined;
    this.#forms = new WeakMap();
  }

  #form(participant: Participant): InfinityParticipant {
    let form = this.#forms.get(participant);
    if (!form) {
      form = toInfinityParticipant(participant, this.#source.rawParticipant?.(participant.uuid));
      this.#forms.set(participant, form);
    }
    return form;
  }

  #sendSnapshot(sink: EventSink, snapshot: Snapshot): void {
    sink('event:participants', { id: MAIN_ROOM, participants: snapshot.participants });
    if (snapshot.me) sink('event:me', { id: MAIN_ROOM, participant: snapshot.me });
    sink('event:conferenceStatus', { id: MAIN_ROOM, status: snapshot.status });
  }

  #broadcast(event: string, payload: unknown): void {
    for (const sink of this.#sinks) sink(event, payload);
  }

  #update(roster: readonly Participant[], details: ConferenceDetails, self: string | undefined): void {
    const previous = this.#current;
    const rosterChanged = roster !== this.#lastRoster;
    const participants = rosterChanged || !previous ? roster.map((p) => this.#form(p)) : previous.participants;
    const selfParticipant = self === undefined ? undefined : roster.find((p) => p.uuid === self);
    const me = selfParticipant && this.#form(selfParticipant);
    const status =
      details !== this.#lastDetails || !previous ? toConferenceStatus(details, this.#source.rawConferenceStatus?.()) : previous.status;
    this.#current = { participants, me, status };
    this.#lastRoster = roster;
    this.#lastDetails = details;
    const selfChanged = self !== this.#lastSelf;
    this.#lastSelf = self;
    // The first state is the snapshot each plugin gets when it is added.
    if (!previous) {
      for (const sink of this.#sinks) this.#sendSnapshot(sink, this.#current);
      return;
    }
    if (rosterChanged) {
      const before = new Map(previous.participants.map((p) => [p.uuid, p]));
      const now = new Set(participants.map((p) => p.uuid));
      for (const participant of participants) {
        if (!before.has(participant.uuid)) this.#broadcast('event:participantJoined', { id: MAIN_ROOM, participant });
      }
      for (const [uuid, participant] of before) {
        if (!now.has(uuid)) this.#broadcast('event:participantLeft', { id: MAIN_ROOM, participant });
      }
      this.#broadcast('event:participants', { id: MAIN_ROOM, participants });
    }
    if (me && (me !== previous.me || selfChanged)) this.#broadcast('event:me', { id: MAIN_ROOM, participant: me });
    if (status !== previous.status) this.#broadcast('event:conferenceStatus', { id: MAIN_ROOM, status });
  }
}

/**
 * Calls `update` with the latest of the source's three streams each time one of them gives a
 * value, once each has given one (what rxjs's combineLatest
 * does; written out, so that this chunk needs no rxjs code of its own: the bundler would split rxjs
 * out of the drop-in to share it).
 */
function latestOfEach(
  source: ConferenceSource,
  update: (participants: readonly Participant[], details: ConferenceDetails, self: string | undefined) => void,
): Unsubscribable {
  let participants: readonly Participant[] | undefined;
  let details: ConferenceDetails | undefined;
  let self: string | undefined;
  // Without a stream of its own the user's uuid is known (as not known) from the start.
  let selfKnown = !source.selfUuid$;
  const changed = () => {
    if (participants && details && selfKnown) update(participants, details, self);
  };
  const subscriptions = [
    source.participants$.subscribe((value) => ((participants = value), changed())),
    source.conference$.subscribe((value) => ((details = value), changed())),
    ...(source.selfUuid$ ? [source.selfUuid$.subscribe((value) => ((self = value), (selfKnown = true), changed()))] : []),
  ];
  return { unsubscribe: () => subscriptions.forEach((subscription) => subscription.unsubscribe()) };
}
