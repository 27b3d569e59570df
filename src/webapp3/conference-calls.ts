/**
 * The conference and participant calls of a Web App 3 plugin as the commands webapp2 plugins'
 * calls become (src/conference/commands.ts), carried out by the same injected function: in
 * app-driven mode the app's `pex-command` answer, in connected mode the Infinity connection.
 * Replies take the shapes the package's types give (the Infinity client's answer,
 * `{status: 200, data: {status: 'success', result}}`); a refusal is a `failed` reply with the
 * server's reason. Calls this host cannot serve (its media, breakout rooms) are answered
 * `failed` with why, never left unanswered.
 */
import type { RTCParticipantEvent } from '@pexip/plugin-api';
import { CommandError, type CommandResults, type PluginCommand, type RequestPayload } from '../conference/commands.js';
import type { conferenceRequestPath as ConferenceRequestPath } from '../conference/request-path.js';
import { failedReply, type RpcContext, type RpcHandler, type RpcHandlers } from './rpc-router.js';
import { reasonOf } from './problems.js';

/** Carries out a plugin's command; the same shape webapp2's side uses. */
export type ExecuteCommand = (command: PluginCommand, pluginId: string) => Promise<unknown>;

export interface ConferenceCallOptions {
  execute: ExecuteCommand;
  /** The user's own participant uuid, for calls that default to the user (raise hand). */
  selfUuid?: () => string | undefined;
  /** The current room's id; a host without breakouts has the one main room. */
  roomId?: () => string;
}

/** The Infinity client's answer to a call: the HTTP status and the server's body. */
export interface EndpointReply<R = unknown> {
  status: 200;
  data: { status: 'success'; result: R };
}

const ok = <R>(result: R): EndpointReply<R> => ({ status: 200, data: { status: 'success', result } });

type Payload = Record<string, unknown>;

/** The payload as an object, else a refusal that says what was expected. */
function objectOf(rpc: string, payload: unknown): Payload {
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) return payload as Payload;
  throw new CommandError(`${rpc} needs an object payload, not ${JSON.stringify(payload) ?? String(payload)}.`);
}

function stringField(rpc: string, payload: Payload, field: string): string {
  const value = payload[field];
  if (typeof value === 'string' && value) return value;
  throw new CommandError(`${rpc} needs "${field}" (a string), not ${JSON.stringify(value) ?? 'nothing'}.`);
}

function booleanField(rpc: string, payload: Payload, field: string): boolean {
  const value = payload[field];
  if (typeof value === 'boolean') return value;
  throw new CommandError(`${rpc} needs "${field}" (true or false), not ${JSON.stringify(value) ?? 'nothing'}.`);
}

/** The server's words for a refusal, else the error's. */
function refusalReason(error: unknown): string {
  if (error instanceof CommandError && error.reason) return error.reason;
  return reasonOf(error);
}

/** A handler for `rpc` that runs `command(payload)` and replies with `reply(result)`; a refusal is `failed` with the reason. */
/**
 * The one path checker of REST calls, fetched with the first call that makes a command: it is
 * a chunk shared with webapp2 plugins' commands, and a static import would have fetched it a
 * round trip after this chunk, before any plugin's frame could be made.
 */
let checkPath: typeof ConferenceRequestPath | undefined;
let checkerLoaded: Promise<unknown> | undefined;
function loadPathChecker(): Promise<unknown> {
  return (checkerLoaded ??= import('../conference/request-path.js').then((module) => (checkPath = module.conferenceRequestPath)));
}

/** The path checker; only commands built after `loadPathChecker` resolved call it. */
function checkedPath(...args: Parameters<typeof ConferenceRequestPath>): string {
  if (!checkPath) throw new Error('the path checker is not loaded yet');
  return checkPath(...args);
}

function commandCall<R>(
  options: ConferenceCallOptions,
  rpc: string,
  command: (payload: Payload, context: RpcContext) => PluginCommand,
  reply: (result: R, context: RpcContext) => unknown = (result) => ok(result),
  failed: (reason: string, context: RpcContext) => unknown = (reason, context) => failedReply(context.callId, reason),
): RpcHandler {
  return async (payload, context) => {
    let result: unknown;
    try {
      await loadPathChecker();
      result = await options.execute(command(objectOf(rpc, payload), context), context.pluginId);
    } catch (error) {
      return failed(refusalReason(error), context);
    }
    return reply(result as R, context);
  };
}

/** `participants/<uuid>/<call>`, checked by the one path checker. */
function participantPath(rpc: string, payload: Payload, call: string, uuid = stringField(rpc, payload, 'participantUuid')): string {
  return checkedPath(`participants/${encodeURIComponent(uuid)}/${call}`, {
    call: `${rpc}(participantUuid ${JSON.stringify(uuid)})`,
    fix: "pass a participant's uuid, as event:participants gives it.",
  });
}

const request = (path: string, payload?: RequestPayload): PluginCommand => ({ name: 'sendRequest', args: { path, payload } });

/** A call this host cannot serve, answered at once with why. */
function unsupported(reason: string): RpcHandler {
  return (_payload, context) => failedReply(context.callId, reason);
}

const NO_BREAKOUTS = 'breakout rooms are not supported by this host: its conference has the main room only.';

/** The conference and participant rpc handlers. */
export function conferenceCalls(options: ConferenceCallOptions): RpcHandlers {
  const call = <R>(
    rpc: string,
    command: (payload: Payload, context: RpcContext) => PluginCommand,
    reply?: (result: R, context: RpcContext) => unknown,
    failed?: (reason: string, context: RpcContext) => unknown,
  ) => commandCall(options, rpc, command, reply, failed);

  /** A message to everyone, or to one participant (a direct message) when `participantUuid` is given. */
  const message = (rpc: string, type: 'text/plain' | 'application/json', body: (payload: Payload) => string) =>
    call(rpc, (payload) =>
      typeof payload.participantUuid === 'string'
        ? request(participantPath(rpc, payload, 'message'), { type, payload: body(payload) })
        : { name: 'sendChatMessage', args: { type, payload: body(payload) } },
    );

  return {
    'conference:dialOut': call<CommandResults['dialOut']>(
      'conference:dialOut',
      (payload) => {
        const { destination, protocol, role, streaming, ...rest } = payload;
        return {
          name: 'dialOut',
          args: {
            alias: stringField('conference:dialOut', { destination }, 'destination'),
            protocol: typeof protocol === 'string' ? protocol : 'auto',
            role: role === 'HOST' ? 'host' : 'guest',
            options: { ...rest, streaming: streaming === 'yes' },
          },
        };
      },
      (uuids) => ok(uuids),
      // The plugin side reads the new uuid from data.result: an empty result makes its dialOut
      // throw its own "Could not dial out", where a reply without data would be a TypeError.
      (reason, context) => ({ ...failedReply(context.callId, reason), data: { status: 'failed', result: [] } }),
    ),
    'conference:sendMessage': message('conference:sendMessage', 'text/plain', (payload) => stringField('conference:sendMessage', payload, 'payload')),
    'conference:sendApplicationMessage': message('conference:sendApplicationMessage', 'application/json', (payload) =>
      JSON.stringify(objectOf('conference:sendApplicationMessage', payload.payload)),
    ),
    'conference:lock': call('conference:lock', (payload) => request(booleanField('conference:lock', payload, 'lock') ? 'lock' : 'unlock')),
    'conference:muteAllGuests': call('conference:muteAllGuests', (payload) =>
      request(booleanField('conference:muteAllGuests', payload, 'mute') ? 'muteguests' : 'unmuteguests'),
    ),
    'conference:setLayout': call('conference:setLayout', (payload) => ({
      name: 'transformConferenceLayout',
      args: { layout: objectOf('conference:setLayout', payload.transforms) },
    })),
    'conference:disconnectAll': call('conference:disconnectAll', () => request('disconnect')),
    'conference:sendRequest': call('conference:sendRequest', (payload) => {
      if (payload.method !== undefined && payload.method !== 'POST') {
        throw new CommandError(`conference:sendRequest with method ${JSON.stringify(payload.method)} is not supported by this host: its requests are POST.`);
      }
      const path = checkedPath(stringField('conference:sendRequest', payload, 'path'), { call: 'conference:sendRequest' });
      const body = payload.payload;
      return request(path, typeof body === 'object' && body !== null ? (body as Payload) : undefined);
    }),
    'conference:currentRoomId': () => options.roomId?.() ?? 'main',
    'conference:setBandwidth': unsupported("conference:setBandwidth is not supported by this host: the app's media, not the host, sets the call's bandwidth."),
    'conference:breakout': unsupported(NO_BREAKOUTS),
    'conference:joinBreakoutRoom': unsupported(NO_BREAKOUTS),
    'conference:closeBreakouts': unsupported(NO_BREAKOUTS),
    'conference:closeBreakoutRoom': unsupported(NO_BREAKOUTS),
    'conference:emptyBreakouts': unsupported(NO_BREAKOUTS),
    'conference:breakoutMoveParticipants': unsupported(NO_BREAKOUTS),

    'participant:mute': call('participant:mute', (payload) =>
      request(participantPath('participant:mute', payload, booleanField('participant:mute', payload, 'mute') ? 'mute' : 'unmute')),
    ),
    'participant:muteVideo': call('participant:muteVideo', (payload) =>
      request(participantPath('participant:muteVideo', payload, booleanField('participant:muteVideo', payload, 'muteVideo') ? 'video_muted' : 'video_unmuted')),
    ),
    'participant:spotlight': call('participant:spotlight', (payload) => ({
      name: booleanField('participant:spotlight', payload, 'enable') ? 'spotlightOnParticipant' : 'spotlightOffParticipant',
      args: { uuid: stringField('participant:spotlight', payload, 'participantUuid') },
    })),
    'participant:admit': call('participant:admit', (payload) => request(participantPath('participant:admit', payload, 'unlock'))),
    'participant:raiseHand': call('participant:raiseHand', (payload) => {
      const uuid = typeof payload.participantUuid === 'string' ? payload.participantUuid : options.selfUuid?.();
      if (!uuid) throw new CommandError('participant:raiseHand needs "participantUuid": the user\'s own uuid is not known yet.');
      return request(participantPath('participant:raiseHand', payload, booleanField('participant:raiseHand', payload, 'raise') ? 'buzz' : 'clearbuzz', uuid));
    }),
    'participant:setRole': call('participant:setRole', (payload) => {
      const role = payload.role;
      if (role !== 'chair' && role !== 'guest') throw new CommandError(`participant:setRole needs "role" 'chair' or 'guest', not ${JSON.stringify(role) ?? 'nothing'}.`);
      return request(participantPath('participant:setRole', payload, 'role'), { role });
    }),
    'participant:setTextOverlay': call('participant:setTextOverlay', (payload) =>
      request(participantPath('participant:setTextOverlay', payload, 'overlaytext'), { text: stringField('participant:setTextOverlay', payload, 'text') }),
    ),
    'participant:sendDTMF': call('participant:sendDTMF', (payload) =>
      request(participantPath('participant:sendDTMF', payload, 'dtmf'), { digits: stringField('participant:sendDTMF', payload, 'digits') }),
    ),
    'participant:transfer': call('participant:transfer', (payload) =>
      request(participantPath('participant:transfer', payload, 'transfer'), {
        conference_alias: stringField('participant:transfer', payload, 'destination'),
        role: payload.role,
        pin: typeof payload.pin === 'string' ? payload.pin : '',
      }),
    ),
    'participant:disconnect': call('participant:disconnect', (payload) => ({
      name: 'disconnectParticipant',
      args: { uuid: stringField('participant:disconnect', payload, 'participantUuid') },
    })),
  };
}

/** What the calls answered from the conference's state read (ConferenceEvents has it). */
export interface ConferenceStateOptions {
  /** The room's participants now, as Infinity's raw objects (each participant's `rawData`); undefined before the roster is known. */
  participants: () => readonly RTCParticipantEvent[] | undefined;
  /** Keeps where a plugin wants the user to go once the call ends. */
  setDisconnectDestination: (url: string, pluginId: string) => void;
}

/**
 * The calls answered from what the host knows without asking the conference:
 * `conference:requestParticipants` (the roster, as the Infinity client's answer to
 * `GET participants`: Infinity's raw participants) and `app:setDisconnectDestination`.
 */
export function conferenceStateCalls(options: ConferenceStateOptions): RpcHandlers {
  return {
    'conference:requestParticipants': (_payload, context) => {
      const participants = options.participants();
      if (!participants) return failedReply(context.callId, 'conference:requestParticipants: the roster is not known yet.');
      return ok([...participants]);
    },
    'app:setDisconnectDestination': (payload, context) => {
      const url = typeof payload === 'object' && payload !== null ? (payload as Payload).url : undefined;
      let destination: URL | undefined;
      try {
        destination = typeof url === 'string' ? new URL(url, document.baseURI) : undefined;
      } catch {
        destination = undefined;
      }
      if (!destination || (destination.protocol !== 'https:' && destination.protocol !== 'http:')) {
        return failedReply(context.callId, `app:setDisconnectDestination needs "url" (an http or https address), not ${JSON.stringify(url) ?? 'nothing'}.`);
      }
      options.setDisconnectDestination(destination.href, context.pluginId);
      return { status: 'ok', id: context.callId, data: undefined };
    },
  };
}
