/**
 * Plugin commands → Infinity REST calls. Each resolves to the server's `result` and rejects with
 * a CommandError carrying the status and the server's reason.
 */
import { CommandError, type CommandResults, type PluginCommand } from '../commands.js';
import { dialRole } from './mapping.js';
import type { ConferenceRest } from './rest.js';

/** The conference-relative path of a sendRequest, or a CommandError when it could leave the conference. */
export function confinedPath(path: string): string {
  const relative = String(path).trim().replace(/^\/+/, '');
  if (!relative || relative.includes('..') || relative.includes('://') || relative.includes('\\')) {
    throw new CommandError(`sendRequest: the path ${JSON.stringify(path)} is refused; it must stay inside the conference (e.g. "participants/<uuid>/mute").`);
  }
  return relative;
}

function participantPath(uuid: string, call: string): string {
  return `participants/${encodeURIComponent(uuid)}/${call}`;
}

/** `dial`'s body for `dialOut(alias, protocol, role, callback, options)`. */
export function dialBody(args: { alias: string; protocol: string; role: string; options?: { streaming?: boolean } }): {
  destination: string;
  protocol: string;
  role: 'HOST' | 'GUEST';
  streaming: 'yes' | 'no';
} {
  const protocol = args.protocol || 'auto';
  return {
    destination: args.alias,
    protocol,
    role: dialRole(args.role),
    // As the older JS client does: streaming when asked for, and always for RTMP.
    streaming: args.options?.streaming === true || protocol === 'rtmp' ? 'yes' : 'no',
  };
}

export async function executeCommand<C extends PluginCommand>(rest: ConferenceRest, command: C): Promise<CommandResults[C['name']]> {
  type R = CommandResults[C['name']];
  const c = command as PluginCommand;
  switch (c.name) {
    case 'sendRequest': {
      const path = confinedPath(c.args.path);
      return (await rest.call(path, c.args.payload)) as R;
    }
    case 'dialOut': {
      const result = await rest.call('dial', dialBody(c.args));
      return (Array.isArray(result) ? result.filter((uuid): uuid is string => typeof uuid === 'string') : []) as R;
    }
    case 'disconnectParticipant':
      return (await rest.call(participantPath(c.args.uuid, 'disconnect'))) as R;
    case 'spotlightOnParticipant':
      return (await rest.call(participantPath(c.args.uuid, 'spotlighton'))) as R;
    case 'spotlightOffParticipant':
      return (await rest.call(participantPath(c.args.uuid, 'spotlightoff'))) as R;
    case 'transformConferenceLayout':
      return (await rest.call('transform_layout', { transforms: c.args.layout ?? {} })) as R;
    case 'sendChatMessage':
      return (await rest.call('message', { type: c.args.type || 'text/plain', payload: c.args.payload })) as R;
    default: {
      const name = (command as { name?: unknown }).name;
      throw new CommandError(`The Infinity connection does not know the command ${JSON.stringify(name)}.`);
    }
  }
}
