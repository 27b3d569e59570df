/**
 * Runs `callback` when the main thread is next idle (at the latest after `timeoutMs`); where
 * the page has no requestIdleCallback, after a task. Returns what cancels it.
 * For work that is needed soon but not now: done in a gap, it never holds up a response that
 * arrives first.
 */
export function whenIdle(callback: () => void, timeoutMs = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => callback(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}
