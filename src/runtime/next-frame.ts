/**
 * Runs `callback` at the next frame; in a hidden page, which gets no frames, after 16 ms.
 * For work that changes in bursts while plugins load (one change per plugin, each in a task of
 * its own): done once per frame, it is done once per burst.
 */
export function atNextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
}
