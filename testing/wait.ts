/**
 * Waiting by condition: every wait in the kit checks a condition until it holds or a bounded
 * time has passed, then fails with an error that says what it waited for and what it saw.
 */

/**
 * How long a wait lasts unless told otherwise, in ms: three quarters of Mocha's test timeout
 * (web-test-runner's default 2000 ms gives 1500 ms), so that a wait that fails does so with
 * its own error, which says what it waited for, before Mocha times the test out; 4000 ms
 * without Mocha or with its timeout turned off.
 */
export function defaultTimeout(): number {
  const suite = (globalThis as { mocha?: { suite?: { timeout?: () => unknown } } }).mocha?.suite;
  const ms = typeof suite?.timeout === 'function' ? suite.timeout() : undefined;
  return typeof ms === 'number' && ms > 0 ? Math.floor(ms * 0.75) : 4000;
}

/** What every wait accepts. */
export interface WaitOptions {
  /** How long to wait, in ms (default: see defaultTimeout). */
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
  const timeout = options.timeout ?? defaultTimeout();
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
