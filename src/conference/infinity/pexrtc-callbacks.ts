/**
 * PexRTC's callbacks as actions. webapp2 ran on PexRTC and dispatched each of its callbacks as
 * an action named `PexRTC: <event>` whose payload is the raw (snake_case) object of the events
 * stream; plugins listen for them (`actions$.ofType('PexRTC: participant_update')`). This keeps
 * PexRTC's timing: nothing during a participant sync, then at its end a create for each newcomer,
 * an update for everyone already known and a delete (`{uuid}`) for each who is gone.
 */
import type { PexAction } from '../types.js';
import type { RawChatMessage, RawConferenceStatus, RawParticipant } from './raw-types.js';

/** PexRTC's callbacks, whose action types are webapp2's: `PexRTC: <callback>`. */
type PexRTCCallback = 'participant_create' | 'participant_update' | 'participant_delete' | 'conference_update' | 'chat_message';

export class PexRTCCallbacks {
  /** Raw participants of the sync in progress, by uuid; undefined outside a sync. */
  #sync: Map<string, RawParticipant> | undefined;
  /** Who was in the roster when the sync began. */
  #before: Set<string> = new Set();

  constructor(private readonly emit: (action: PexAction) => void) {}

  /** `participant_sync_begin`; `known`: the uuids of the roster so far. */
  syncBegin(known: Iterable<string>): void {
    // A sync that restarts before its end keeps comparing with the roster before the first.
    if (!this.#sync) this.#before = new Set(known);
    this.#sync = new Map();
  }

  /** `participant_sync_end`. */
  syncEnd(): void {
    const sync = this.#sync;
    if (!sync) return;
    this.#sync = undefined;
    for (const [uuid, raw] of sync) {
      this.#emit(this.#before.delete(uuid) ? 'participant_update' : 'participant_create', raw);
    }
    for (const uuid of this.#before) this.#emit('participant_delete', { uuid });
    this.#before = new Set();
  }

  /** `participant_create` / `participant_update`. */
  participant(event: 'participant_create' | 'participant_update', raw: RawParticipant): void {
    if (typeof raw?.uuid !== 'string') return;
    if (this.#sync) this.#sync.set(raw.uuid, raw);
    else this.#emit(event, raw);
  }

  /** `participant_delete` (`{uuid}`). */
  participantDelete(raw: { uuid: string }): void {
    if (this.#sync) this.#sync.delete(raw.uuid);
    else this.#emit('participant_delete', raw);
  }

  conferenceUpdate(raw: RawConferenceStatus): void {
    this.#emit('conference_update', raw);
  }

  chatMessage(raw: RawChatMessage): void {
    this.#emit('chat_message', raw);
  }

  #emit(callback: PexRTCCallback, payload: unknown): void {
    this.emit({ type: `PexRTC: ${callback}`, payload });
  }
}
