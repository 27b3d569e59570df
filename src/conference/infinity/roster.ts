/**
 * The roster the events stream builds: raw participants by uuid, the stage, and the mapped
 * participants list, emitted coalesced.
 *
 * - A sync (`participant_sync_begin` … `participant_sync_end`) collects into a fresh map that
 *   replaces the roster at its end, so a resync after a dropped stream neither loses nor
 *   duplicates anyone, and those who left during the drop disappear. The whole sync is one
 *   emission.
 * - Outside a sync, every change marks the roster dirty and one emission follows in a
 *   microtask, so a burst of events handled in one task is one emission.
 * - Events a node may send twice or out of order leave it right: a second create is an update,
 *   a second delete does nothing, and a create or update that comes after its participant's
 *   delete (a uuid is never used again) is stale and dropped, until the next sync says otherwise.
 */
import { mapParticipant, mapStage, OFF_STAGE, type StagePosition } from './mapping.js';
import type { Participant } from '../types.js';
import type { RawParticipant, RawStageEntry } from './raw-types.js';

/** How many departed uuids are remembered between syncs, to drop the late events about them. */
const GONE_LIMIT = 10_000;

/** What a live (not sync) change did, for the actions the connection emits. */
export type RosterChange =
  | { kind: 'create'; participant: Participant }
  | { kind: 'update'; participant: Participant; previous: Participant }
  | { kind: 'delete'; participant: Participant };

export class Roster {
  /** Mapped participants by uuid, in join order (Map keeps insertion order). */
  #participants = new Map<string, Participant>();
  /** The map a sync in progress fills; undefined outside a sync. */
  #pending: Map<string, Participant> | undefined;
  #stage = new Map<string, StagePosition>();
  /** Who left since the last sync: an event about them now is stale. */
  #gone = new Set<string>();
  #scheduled = false;
  #dirty = false;

  /**
   * @param emit receives the full list after each coalesced change.
   * @param schedule defers the emission (a microtask by default).
   */
  constructor(
    private readonly emit: (participants: readonly Participant[]) => void,
    private readonly schedule: (callback: () => void) => void = (callback) => queueMicrotask(callback),
  ) {}

  /** The current roster (the one last swapped in, plus live changes). */
  get participants(): readonly Participant[] {
    return [...this.#participants.values()];
  }

  /** The uuids of the current roster. */
  uuids(): IterableIterator<string> {
    return this.#participants.keys();
  }

  get(uuid: string): Participant | undefined {
    return this.#participants.get(uuid);
  }

  syncBegin(): void {
    this.#pending = new Map();
    // The sync is the node's whole word on who is there.
    this.#gone.clear();
  }

  syncEnd(): void {
    if (!this.#pending) return;
    this.#participants = this.#pending;
    this.#pending = undefined;
    this.#markDirty();
  }

  /**
   * A `participant_create` or `participant_update` (both carry the whole object). Returns the
   * change when it happened live, undefined during a sync.
   */
  upsert(raw: RawParticipant): RosterChange | undefined {
    if (typeof raw?.uuid !== 'string') return undefined;
    if (!this.#pending && this.#gone.has(raw.uuid)) return undefined;
    const participant = mapParticipant(raw, this.#stage.get(raw.uuid) ?? OFF_STAGE);
    if (this.#pending) {
      this.#pending.set(raw.uuid, participant);
      return undefined;
    }
    const previous = this.#participants.get(raw.uuid);
    this.#participants.set(raw.uuid, participant);
    this.#markDirty();
    return previous ? { kind: 'update', participant, previous } : { kind: 'create', participant };
  }

  /** A `participant_delete` (`{uuid}`). Returns the change when it happened live and the participant was known. */
  remove(uuid: string): RosterChange | undefined {
    if (this.#pending) {
      this.#pending.delete(uuid);
      return undefined;
    }
    if (this.#gone.size >= GONE_LIMIT) this.#gone.delete(this.#gone.values().next().value as string);
    this.#gone.add(uuid);
    const participant = this.#participants.get(uuid);
    if (!participant) return undefined;
    this.#participants.delete(uuid);
    this.#markDirty();
    return { kind: 'delete', participant };
  }

  /**
   * A `stage` event: the full speaking order. Every participant already carries its position
   * from the stage before, so only those on the old or the new stage can change: the rest of
   * the roster is not looked at.
   */
  setStage(entries: readonly RawStageEntry[]): void {
    const before = this.#stage;
    const stage = (this.#stage = mapStage(Array.isArray(entries) ? entries : []));
    let changed = false;
    for (const uuid of new Set([...before.keys(), ...stage.keys()])) {
      const { vad, stageIndex } = stage.get(uuid) ?? OFF_STAGE;
      for (const map of [this.#pending, this.#participants]) {
        const participant = map?.get(uuid);
        if (!participant || (participant.vad === vad && participant.stageIndex === stageIndex)) continue;
        map!.set(uuid, { ...participant, vad, stageIndex });
        changed = true;
      }
    }
    // During a sync, its end emits.
    if (changed && !this.#pending) this.#markDirty();
  }

  #markDirty(): void {
    this.#dirty = true;
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.schedule(() => {
      this.#scheduled = false;
      // A sync that began after the change holds the emission until its end.
      if (!this.#dirty || this.#pending) return;
      this.#dirty = false;
      this.emit(this.participants);
    });
  }
}
