/**
 * PexRTC's callbacks as actions. webapp2 ran on PexRTC and dispatched each of its callbacks as
 * an action named `PexRTC: <event>` whose payload is the raw (snake_case) object of the events
 * stream; plugins listen for them (`actions$.ofType('PexRTC: participant_update')`). This keeps
 * PexRTC's timing: nothing during a participant sync, then at its end a create for each newcomer,
 * an update for everyone already known and a delete (`{uuid}`) for each who is gone.
 */
import type { PexAction } from '../types.js';
import type { RawChatMessage, RawConferenceStatus, RawParticipant } from './raw-types.js';

/** The action types, as webapp2 named them. */
export const PEXRTC_ACTIONS = Object.freeze({
  participantCreate: 'PexRTC: participant_create',
  participantUpdate: 'PexRTC: participant_update',
  participantDelete: 'PexRTC: participant_delete',
  conferenceUpdate: 'PexRTC: conference_update',
  chatMessage: 'PexRTC: chat_message',
});

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
      this.#emit(this.#before.delete(uuid) ? PEXRTC_ACTIONS.participantUpdate : PEXRTC_ACTIONS.participantCreate, raw);
    }
    for (const uuid of this.#before) this.#emit(PEXRTC_ACTIONS.participantDelete, { uuid });
    this.#before = new Set();
  }

  /** `participant_create` / `participant_update`. */
  participant(event: 'participant_create' | 'participant_update', raw: RawParticipant): void {
    if (!raw || typeof raw.uuid !== 'string') return;
    if (this.#sync) this.#sync.set(raw.uuid, raw);
    else this.#emit(event === 'participant_create' ? PEXRTC_ACTIONS.participantCreate : PEXRTC_ACTIONS.participantUpdate, raw);
  }

  /** `participant_delete` (`{uuid}`). */
  participantDelete(raw: { uuid: string }): void {
    if (this.#sync) this.#sync.delete(raw.uuid);
    else this.#emit(PEXRTC_ACTIONS.participantDelete, raw);
  }

  conferenceUpdate(raw: RawConferenceStatus): void {
    this.#emit(PEXRTC_ACTIONS.conferenceUpdate, raw);
  }

  chatMessage(raw: RawChatMessage): void {
    this.#emit(PEXRTC_ACTIONS.chatMessage, raw);
  }

  #emit(type: string, payload: unknown): void {
    this.emit({ type, payload });
  }
}
