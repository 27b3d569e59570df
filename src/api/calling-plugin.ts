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
