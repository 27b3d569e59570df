/**
 * What went to console.warn and console.error while a harness was mounted, as text: the host
 * warns there (a deprecated call, a bad attribute), and so do plugins. One patch serves every
 * listening harness, so harnesses may come and go in any order.
 */
const listeners = new Set<string[]>();
let restore: (() => void) | undefined;

function textOf(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Starts copying console warnings and errors into `into`; returns the function that stops it. */
export function captureConsole(into: string[]): () => void {
  listeners.add(into);
  if (!restore) {
    const { warn, error } = console;
    const tee = (level: string, original: (...args: unknown[]) => void) =>
      function (this: Console, ...args: unknown[]) {
        const line = `${level}: ${args.map(textOf).join(' ')}`;
        for (const listener of listeners) listener.push(line);
        original.apply(this, args);
      };
    console.warn = tee('warn', warn);
    console.error = tee('error', error);
    restore = () => {
      console.warn = warn;
      console.error = error;
    };
  }
  return () => {
    listeners.delete(into);
    if (listeners.size === 0) {
      restore?.();
      restore = undefined;
    }
  };
}
