/**
 * Plugin commands → Infinity REST calls. Each resolves to the server's `result` and rejects with
 * a CommandError carrying the status and the server's reason.
 */
import type { CommandResults, PluginCommand } from '../commands.js';
import { conferenceRequestPath } from '../request-path.js';
import { checkedPath, texts } from './errors.js';
import { dialRole } from './mapping.js';
import type { ConferenceRest } from './rest.js';

/** The commands on one participant: the REST call each makes, `participants/<uuid>/<call>`. */
const PARTICIPANT_CALLS: Readonly<Record<string, string>> = {
  disconnectParticipant: 'disconnect',
  spotlightOnParticipant: 'spotlighton',
  spotlightOffParticipant: 'spotlightoff',
};

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
      // The host checked a plugin's path already; an app may call execute with any.
      const path = await checkedPath(() => conferenceRequestPath(c.args.path), { sendRequest: c.args.path });
      return (await rest.call(path, c.args.payload)) as R;
    }
    case 'dialOut': {
      const result = await rest.call('dial', dialBody(c.args));
      return (Array.isArray(result) ? result.filter((uuid): uuid is string => typeof uuid === 'string') : []) as R;
    }
    case 'disconnectParticipant':
    case 'spotlightOnParticipant':
    case 'spotlightOffParticipant': {
      const { uuid } = c.args;
      const path = `participants/${encodeURIComponent(uuid)}/${PARTICIPANT_CALLS[c.name]}`;
      // Checked by the one path checker (request-path.ts).
      return (await rest.call(await checkedPath(() => conferenceRequestPath(path), { command: c.name, uuid, path }))) as R;
    }
    case 'transformConferenceLayout':
      return (await rest.call('transform_layout', { transforms: c.args.layout ?? {} })) as R;
    case 'sendChatMessage':
      return (await rest.call('message', { type: c.args.type || 'text/plain', payload: c.args.payload })) as R;
    default: {
      throw (await texts()).noSuchCommand((command as { name?: unknown }).name);
    }
  }
}
