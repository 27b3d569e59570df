import { BehaviorSubject, type Observable } from 'rxjs';
import { DEFAULT_CONFERENCE_DETAILS, type ConferenceDetails, type Participant } from './types.js';

/**
 * The conference the plugins see: the roster and the conference details, each a
 * replaying stream so that a plugin loaded late gets the current state at once.
 * Values are not frozen or copied per plugin: NgRx in production (what real plugins
 * were written against) does neither, and a 10,000-participant roster should not be
 * copied twenty times.
 */
export class ConferenceStore {
  readonly #participants = new BehaviorSubject<readonly Participant[]>([]);
  readonly #conference = new BehaviorSubject<ConferenceDetails>({ ...DEFAULT_CONFERENCE_DETAILS });

  readonly participants$: Observable<readonly Participant[]> = this.#participants.asObservable();
  readonly conference$: Observable<ConferenceDetails> = this.#conference.asObservable();

  get participants(): readonly Participant[] {
    return this.#participants.value;
  }

  get conference(): ConferenceDetails {
    return this.#conference.value;
  }

  setParticipants(participants: readonly Participant[]): void {
    this.#participants.next([...participants]);
  }

  setConference(conference: Partial<ConferenceDetails>): void {
    this.#conference.next({ ...DEFAULT_CONFERENCE_DETAILS, ...conference });
  }
}
