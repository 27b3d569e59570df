/**
 * What the kit puts on the page goes after each test: mounted hosts, open dialogs, simulator
 * connections. With Mocha's globals (web-test-runner's default), a root `afterEach` does it by
 * itself; elsewhere call `cleanUp()` after each test.
 */
type Cleaner = () => void | Promise<void>;

const cleaners = new Set<Cleaner>();

/** Registers something to undo after the test; returns the function that unregisters it. */
export function onCleanUp(cleaner: Cleaner): () => void {
  cleaners.add(cleaner);
  return () => cleaners.delete(cleaner);
}

/** Removes every host the kit mounted and leaves every simulator conference it joined. */
export async function cleanUp(): Promise<void> {
  const pending = [...cleaners].reverse();
  cleaners.clear();
  const failures: unknown[] = [];
  for (const cleaner of pending) {
    try {
      await cleaner();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

const mocha = globalThis as { afterEach?: (hook: () => Promise<void>) => void };
if (typeof mocha.afterEach === 'function') mocha.afterEach(cleanUp);
