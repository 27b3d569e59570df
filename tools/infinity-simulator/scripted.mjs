// @ts-check
/**
 * Scripted participants: a few named people in `meet` from the start, and a timer that makes the
 * conference feel alive. Every TICK_MS one thing happens: most often someone speaks (a `stage`
 * event with their vad at 100, and another with it at 0 a second or two later), now and then
 * someone raises or lowers a hand (buzz_time), or someone joins (connecting, then in the
 * conference) or leaves. Only scripted people act; the roster stays between MIN and MAX of them.
 * The random choices come from a seeded generator, so a run after `reset()` repeats itself.
 */
import { SCRIPTED_CAST, SCRIPTED_VISITORS, unixNow } from './participants.mjs';

export const TICK_MS = 2500;
const MIN_PRESENT = 3;
const MAX_PRESENT = 7;
const STAGE_LIMIT = 20;

/**
 * @typedef {import('./participants.mjs').RawParticipant} RawParticipant
 * @typedef {{
 *   add(fields: Record<string, unknown> & { display_name: string }, options?: { connecting?: boolean }): RawParticipant,
 *   remove(uuid: string): void,
 *   update(uuid: string, changes: Partial<RawParticipant>): void,
 *   stage(entries: { participant_uuid: string, stage_index: number, vad: number }[]): void,
 *   all(): RawParticipant[],
 *   scripted(): RawParticipant[],
 *   every(ms: number, fn: () => void): void,
 *   after(ms: number, fn: () => void): void,
 * }} ScriptContext
 */

/**
 * A small seeded PRNG (mulberry32).
 * @param {number} seed
 */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {ScriptContext} ctx
 * @param {number} [seed]
 */
export function runScript(ctx, seed = 7) {
  const random = generator(seed);
  /** @template T @param {T[]} list @returns {T} */
  const pick = (list) => list[Math.floor(random() * list.length)];
  /** uuids, most recent speaker first */
  let recency = /** @type {string[]} */ ([]);

  for (const person of SCRIPTED_CAST) ctx.add(person);

  /** @param {string | null} active */
  function stageEntries(active) {
    const media = ctx.all().filter((p) => p.has_media && p.service_type === 'conference');
    const present = new Set(media.map((p) => p.uuid));
    recency = recency.filter((uuid) => present.has(uuid));
    const order = [...recency, ...media.map((p) => p.uuid).filter((uuid) => !recency.includes(uuid))];
    return order.slice(0, STAGE_LIMIT).map((uuid, stage_index) => ({
      participant_uuid: uuid,
      stage_index,
      vad: uuid === active ? 100 : 0,
    }));
  }

  function speak() {
    const candidates = ctx
      .scripted()
      .filter((p) => p.has_media && p.is_muted === 'NO' && p.service_type === 'conference');
    if (candidates.length === 0) return;
    const speaker = pick(candidates);
    recency = [speaker.uuid, ...recency.filter((uuid) => uuid !== speaker.uuid)];
    ctx.stage(stageEntries(speaker.uuid));
    ctx.after(800 + Math.floor(random() * 1200), () => ctx.stage(stageEntries(null)));
  }

  function raiseOrLowerHand() {
    const present = ctx.scripted().filter((p) => p.service_type === 'conference');
    if (present.length === 0) return;
    const who = pick(present);
    ctx.update(who.uuid, { buzz_time: who.buzz_time ? 0 : unixNow() });
  }

  function joinOrLeave() {
    const present = ctx.scripted();
    const names = new Set(present.map((p) => p.display_name));
    const absent = [...SCRIPTED_CAST, ...SCRIPTED_VISITORS].filter((p) => !names.has(p.display_name));
    const join = absent.length > 0 && (present.length <= MIN_PRESENT || (present.length < MAX_PRESENT && random() < 0.5));
    if (join) ctx.add(pick(absent), { connecting: true });
    else if (present.length > MIN_PRESENT) ctx.remove(pick(present).uuid);
  }

  ctx.every(TICK_MS, () => {
    const roll = random();
    if (roll < 0.6) speak();
    else if (roll < 0.78) raiseOrLowerHand();
    else joinOrLeave();
  });
}
