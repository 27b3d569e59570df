/**
 * Waiting by condition: every wait in the kit checks a condition until it holds or a bounded
 * time has passed, then fails with an error that says what it waited for and what it saw.
 */

/** How long a wait lasts unless told otherwise, in ms. */
export const DEFAULT_TIMEOUT = 4000;

/** What every wait accepts. */
export interface WaitOptions {
  /** How long to wait, in ms (default 4000). */
  timeout?: number;
}

/**
 * Resolves once `condition` returns something other than `undefined`, `null` or `false`, with
 * that value; rejects after `timeout` ms with "timed out after N ms waiting for <what>",
 * followed by `seen()` when given (what there was instead). The condition is checked at once
 * and then every 10 ms; an error it throws fails the wait.
 */
export async function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  options: WaitOptions & { seen?: () => string } = {},
): Promise<T> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const end = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= end) {
      const seen = options.seen?.();
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${seen ? `; ${seen}` : ''}`);
    }
    await nextTask();
  }
}

/**
 * One turn of the event loop (10 ms at most): promise callbacks queued so far, such as a
 * plugin's `.then(dialogRef => …)`, have run when it resolves.
 */
export function nextTask(ms = 10): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
