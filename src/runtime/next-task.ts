/**
 * Runs `callback` in a task of its own, after the current one and its rendering microtasks.
 * Returns what cancels it. For work that is needed soon but not in the task that asks for it:
 * posted while a request travels, it runs in the wait for the answer, before that answer's
 * task (an idle callback came too late for that: at 0 ms latency the answer was first).
 */
export function nextTask(callback: () => void): () => void {
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}
