import { currentContextSandbox, type PluginSandbox } from './plugin-sandbox.js';
import type { RegisteredPlugin } from './plugin-record.js';
import type { PluginRuntime } from './plugin-runtime.js';

/**
 * The runtimes that are started, page-wide. `PEX.pluginAPI` and `PEX.actions$` are one per
 * page while hosts may be several: a call finds its plugin, and so its host, among these.
 * A Set keeps the order they started in, which `lastStartedRuntime` relies on.
 */
const runningHosts = new Set<PluginRuntime>();

/** A runtime's start makes it one that calls are routed to... */
export function addRunningHost(runtime: PluginRuntime): void {
  runningHosts.add(runtime);
}

/** ...and its stop, no longer. */
export function removeRunningHost(runtime: PluginRuntime): void {
  runningHosts.delete(runtime);
}

/** Finds the runtime and sandbox of the plugin whose code is calling, across all hosts. */
export function findCallingSandbox(): PluginSandbox | undefined {
  const inContext = currentContextSandbox();
  if (inContext) return inContext;
  // By the running script first, the call's stack only when no script names the plugin (a
  // timer, a listener, a promise callback): capturing and formatting a stack was most of what
  // a plugin's `createNewState` and `registerPlugin` cost while its script runs. Made here, in
  // the function the plugin called, so the plugin's frames are as near the top as ever.
  for (const runtime of runningHosts) {
    const sandbox = runtime.findCallingSandbox();
    if (sandbox) return sandbox;
  }
  const stack = new Error().stack ?? '';
  for (const runtime of runningHosts) {
    const sandbox = runtime.findCallingSandbox(stack);
    if (sandbox) return sandbox;
  }
  return undefined;
}

/** The runtime started last: where a call that no plugin can be named for goes. */
export function lastStartedRuntime(): PluginRuntime | undefined {
  let last: PluginRuntime | undefined;
  for (const runtime of runningHosts) last = runtime;
  return last;
}

/** The runtimes that are started, oldest first. */
export function startedRuntimes(): readonly PluginRuntime[] {
  return [...runningHosts];
}

/** Routes a `registerPlugin` call to the runtime loading that plugin. */
export function routeRegistration(plugin: RegisteredPlugin): boolean {
  // Read here, in the plugin's own call: a later tick has no current script and another stack.
  const script = document.currentScript;
  // By the running script in every host first, the stack only then (see findCallingSandbox).
  for (const runtime of runningHosts) {
    if (runtime.acceptRegistration(plugin, script)) return true;
  }
  const stack = new Error().stack ?? '';
  for (const runtime of runningHosts) {
    if (runtime.acceptRegistration(plugin, null, stack)) return true;
  }
  return false;
}
