import { findCallingSandbox, lastStartedRuntime, startedRuntimes, type PluginRuntime } from '../runtime/plugin-runtime.js';
import { problemTexts } from '../config/diagnostics.js';
import type { PluginSandbox, ProblemTexts } from '../runtime/plugin-sandbox.js';

/** Who made a pluginAPI call: its plugin (when known) and the host it belongs to. */
export interface Caller {
  sandbox: PluginSandbox | undefined;
  runtime: PluginRuntime | undefined;
}

let replayed: Caller | undefined;

/**
 * Runs `call` as if `caller` were making it now: for a call whose code was fetched after the
 * plugin made it, when its stack and current script no longer name the plugin.
 */
export function asCaller<T>(caller: Caller, call: () => T): T {
  const outer = replayed;
  replayed = caller;
  try {
    return call();
  } finally {
    replayed = outer;
  }
}

/**
 * The plugin a pluginAPI call comes from, and the runtime (host) it belongs to. Code the
 * host can see is found by its context, script or stack; a call from an inline handler in a
 * plugin's dialog belongs to that dialog's plugin; anything else goes to the host started last.
 */
export function callingPlugin(): Caller {
  if (replayed) return replayed;
  const sandbox = findCallingSandbox() ?? sandboxOfCurrentEvent();
  return { sandbox, runtime: sandbox?.runtime ?? lastStartedRuntime() };
}

function sandboxOfCurrentEvent(): PluginSandbox | undefined {
  const target = (globalThis as { event?: Event }).event?.target;
  if (!(target instanceof Element)) return undefined;
  const pluginId = target.closest('[data-pex-plugin-id]')?.getAttribute('data-pex-plugin-id');
  if (!pluginId) return undefined;
  for (const runtime of startedRuntimes()) {
    const sandbox = runtime.sandboxOf(pluginId);
    if (sandbox) return sandbox;
  }
  return undefined;
}

/**
 * A pluginAPI call with an argument of the wrong kind (`argument` names it, problem-texts.ts
 * says what it must be): reported for the calling plugin once per load; resolves to the error
 * the call fails with.
 */
export function misuse(sandbox: PluginSandbox | undefined, call: string, argument: string, value: unknown): Promise<TypeError> {
  const make = (texts: ProblemTexts) => new TypeError(texts.pluginProblems.misuse(sandbox?.pluginId ?? '(unknown)', call, argument, value));
  const error = problemTexts().then(make);
  if (sandbox) sandbox.reportOnce('misuse', make);
  else void error.then((made) => console.warn('[pex-plugin-host]', made.message));
  return error;
}
