import { findCallingSandbox, lastStartedRuntime, startedRuntimes, type PluginRuntime } from '../runtime/plugin-runtime.js';
import type { PluginSandbox } from '../runtime/plugin-sandbox.js';

/**
 * The plugin a pluginAPI call comes from, and the runtime (host) it belongs to. Code the
 * host can see is found by its context, script or stack; a call from an inline handler in a
 * plugin's dialog belongs to that dialog's plugin; anything else goes to the host started last.
 */
export function callingPlugin(): { sandbox: PluginSandbox | undefined; runtime: PluginRuntime | undefined } {
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

/** How a value is named in a message: "a number", "an object", "null", "nothing". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A pluginAPI call with an argument of the wrong kind: the error to fail the call with,
 * reported for the calling plugin once per load (`expected` says what the argument must be).
 */
export function misuse(sandbox: PluginSandbox | undefined, call: string, expected: string, value: unknown): TypeError {
  const error = new TypeError(`PEX.pluginAPI.${call}: ${expected}; plugin "${sandbox?.pluginId ?? '(unknown)'}" passed ${kindOf(value)}.`);
  if (sandbox) sandbox.reportOnce('misuse', error);
  else console.warn('[pex-plugin-host]', error.message);
  return error;
}
