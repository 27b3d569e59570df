import { asCaller, callingPlugin } from './calling-plugin.js';

type AnyFunction = (...args: never[]) => unknown;

/**
 * Functions of the plugin API whose code is a chunk of its own, fetched on the first call:
 * most plugins call nothing before the user clicks. Each call notes which plugin made it
 * (known only while it runs) and runs as that plugin, at once when the chunk is in, else once
 * it is, in the order the calls were made; later calls wait behind those. Each function must return a
 * promise (the wait is one the plugin already handles); the promise here is never left
 * unhandled, as the function's own is not. A chunk that does not load fails the calls that
 * waited for it, with the browser's reason; the next call asks for it again.
 */
export function lazyFunctions<F extends Record<string, AnyFunction>>(names: ReadonlyArray<keyof F & string>, load: () => Promise<F>): F {
  let loaded: F | undefined;
  let loading: Promise<F> | undefined;
  let waiting = 0;
  return Object.fromEntries(
    names.map((name) => [
      name,
      (...args: unknown[]) => {
        // Found here, where the plugin's own frame is near: the stack a browser keeps is short,
        // and the code below adds frames of its own before it asks who is calling.
        const caller = callingPlugin();
        const call = (functions: F) => asCaller(caller, () => (functions[name] as unknown as (...a: unknown[]) => unknown)(...args));
        if (loaded && waiting === 0) return call(loaded);
        waiting++;
        const attempt = (loading ??= load().then((functions) => (loaded = functions)));
        const result = attempt.then(
          (functions) => {
            waiting--;
            return call(functions);
          },
          (error: unknown) => {
            // The chunk did not come (the network, a file not served): this call fails, the next asks again.
            waiting--;
            if (loading === attempt) loading = undefined;
            throw error;
          },
        );
        result.catch(() => {});
        return result;
      },
    ]),
  ) as unknown as F;
}
