/**
 * Waiting between attempts: exponential backoff with full jitter, and the browser's own word on
 * the network. When a node restarts, every client on it loses its events stream at the same
 * moment; without jitter they would all come back in lockstep, at 250 ms, 500 ms, 1 s ..., and
 * knock it over again. Full jitter draws each wait from the whole range instead:
 *
 *   delay = random(0, min(cap, base * 2^attempt))
 *
 * While the browser says it is offline (`navigator.onLine === false`) nothing is tried at all:
 * the wait is for the `online` event, which also cuts any backoff short.
 */

/** A number in [0, 1), as Math.random gives; tests pass a seeded one. */
export type RandomSource = () => number;

/**
 * The wait before retry number `attempt` (0 for the first retry), in whole ms: below `base` ms
 * (the first attempt's ceiling), doubling up to the highest ceiling, `cap` ms.
 */
export function fullJitterDelay(attempt: number, base: number, random: RandomSource, cap = 8000): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt));
  const draw = random();
  // A source that strays outside [0, 1) must not make the wait negative or longer than the ceiling.
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0;
  return Math.floor(unit * ceiling);
}

/** Whether the browser says there is no network (unknown counts as online). */
export function browserOffline(): boolean {
  return globalThis.navigator?.onLine === false;
}

/** When the page last heard `online` (performance.now()), kept by one listener per page from the first wait on. */
let lastOnline = Number.NEGATIVE_INFINITY;
let watchingOnline = false;
/** The waits that end on the next `online`: the same listener ends them. */
const waitingForOnline = new Set<(why: 'online') => void>();

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

function watchOnline(): void {
  if (watchingOnline) return;
  watchingOnline = true;
  globalThis.addEventListener?.('online', () => {
    lastOnline = now();
    for (const end of waitingForOnline) end('online');
  });
}

/** A mark to pass to RetryWait.wait: an `online` after it ends that wait at once. */
export function onlineMark(): number {
  watchOnline();
  return now();
}

/**
 * One wait at a time that ends early: on the page's `online` event, or on `cancel()` (when the
 * connection ends). Resolves to why it ended.
 */
export class RetryWait {
  #end: ((why: 'elapsed' | 'online' | 'cancelled') => void) | undefined;

  /**
   * Waits `ms`, or until `online` when `ms` is 'online'. When the browser came back online after
   * `since` (an onlineMark() taken when the failed attempt started), it does not wait at all:
   * that attempt may have failed for want of the network the browser now has. A new wait ends
   * the one before it (as cancelled).
   */
  wait(ms: number | 'online', since = Number.POSITIVE_INFINITY): Promise<'elapsed' | 'online' | 'cancelled'> {
    this.cancel();
    watchOnline();
    if (lastOnline > since) return Promise.resolve('online');
    return new Promise((resolve) => {
      const end = (why: 'elapsed' | 'online' | 'cancelled'): void => {
        if (this.#end !== end) return;
        this.#end = undefined;
        clearTimeout(timer);
        waitingForOnline.delete(end);
        resolve(why);
      };
      this.#end = end;
      waitingForOnline.add(end);
      const timer = ms === 'online' ? undefined : setTimeout(() => end('elapsed'), ms);
    });
  }

  /** Ends the current wait, if any. */
  cancel(): void {
    this.#end?.('cancelled');
  }
}
