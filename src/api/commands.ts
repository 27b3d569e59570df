import type { PluginCommand } from '../conference/commands.js';
import type { PluginRuntime } from '../runtime/plugin-runtime.js';
import type * as commandFunctions from './command-functions.js';
import { lazyFunctions } from './lazy-functions.js';

/** Where a runtime's commands go: its host, which asks the app or the connection. */
export type CommandSink = (command: PluginCommand, pluginId: string) => Promise<unknown>;

const sinks = new WeakMap<PluginRuntime, CommandSink>();

export function setCommandSink(runtime: PluginRuntime, sink: CommandSink | undefined): void {
  if (sink) sinks.set(runtime, sink);
  else sinks.delete(runtime);
}

export function commandSinkOf(runtime: PluginRuntime): CommandSink | undefined {
  return sinks.get(runtime);
}

/** The conference functions of `PEX.pluginAPI` (sendRequest, dialOut, …). */
export type CommandFunctions = ReturnType<typeof commandFunctions.createCommandFunctions>;

const NAMES = [
  'sendRequest',
  'dialOut',
  'disconnectParticipant',
  'spotlightOnParticipant',
  'spotlightOffParticipant',
  'transformConferenceLayout',
  'changeConferenceLayout',
  'sendChatMessage',
] as const satisfies ReadonlyArray<keyof CommandFunctions>;

/**
 * The conference functions of `PEX.pluginAPI`; their code (command-functions.ts) is fetched on
 * a plugin's first call.
 */
export function createCommandFunctions(): CommandFunctions {
  return lazyFunctions<CommandFunctions>(NAMES, () => import('./command-functions.js').then((module) => module.createCommandFunctions()));
}
