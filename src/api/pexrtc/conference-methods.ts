/**
 * PexRTC's conference control methods, as `window.PEX.pexrtc` offers them (a chunk of its own,
 * fetched on a plugin's first call; methods.ts has the table and the synchronous ones): each becomes the
 * call the pluginAPI makes for the same thing, so the app sees the same `pex-command` and the
 * connection the same request, attributed to the calling plugin the same way. The REST paths
 * are the ones PexRTC sent.
 */
import { callingPlugin } from '../calling-plugin.js';
import { createCommandFunctions } from '../commands.js';
import { conferenceRequestPath } from '../../conference/request-path.js';
import { currentFields } from './call-state.js';
import { refused } from './methods.js';

const commands = createCommandFunctions();

/**
 * `participants/<uuid>/<call>` as PexRTC sent it (the uuid as given), through the one path
 * checker (request-path.ts) before it goes down sendRequest's path: a uuid such as `..` or
 * `%2e%2e` is refused here, named after the method the plugin called.
 */
function participantRequest(method: string, uuid: unknown, call: string, payload?: Record<string, unknown>): Promise<unknown> {
  const path = `participants/${String(uuid)}/${call}`;
  try {
    conferenceRequestPath(path, {
      call: `window.PEX.pexrtc.${method}(${JSON.stringify(uuid) ?? String(uuid)}) (plugin "${callingPlugin().sandbox?.pluginId ?? '(unknown)'}", the request ${JSON.stringify(path)})`,
      fix: "pass a participant's uuid, as participants$ gives it.",
    });
  } catch (error) {
    console.error('[pex-plugin-host]', error);
    const refusal = Promise.reject(error);
    refusal.catch(() => {});
    return refusal;
  }
  return commands.sendRequest(path, payload);
}

/** PexRTC's `'HOST'`/`'GUEST'` for dialOut, in the pluginAPI's spelling. */
function dialOutRole(role: unknown): unknown {
  return typeof role === 'string' ? role.toLowerCase() : role;
}

function selfUUID(): string | undefined {
  return currentFields()?.uuid ?? window.PEX?.selfUUID;
}

export const conferenceMethods = {
  /** `sendChatMessage(message, uuid?)`: to everyone, or (with a uuid) to one participant. */
  sendChatMessage(message: unknown, uuid?: unknown): Promise<unknown> {
    if (uuid === undefined || uuid === null || uuid === '') return commands.sendChatMessage(String(message ?? ''));
    return participantRequest('sendChatMessage', uuid, 'message', { type: 'text/plain', payload: String(message ?? '') });
  },

  /** `dialOut(destination, protocol?, role?, cb?, params?)`: `cb` gets `{result: [uuid, ...]}`. */
  dialOut(destination: unknown, protocol?: unknown, role?: unknown, cb?: unknown, params?: unknown): Promise<{ result: string[] }> {
    return commands.dialOut(destination, protocol, dialOutRole(role), cb, params);
  },

  disconnectParticipant(uuid: unknown): Promise<unknown> {
    return commands.disconnectParticipant(uuid);
  },

  /** `setParticipantMute(uuid, setting)`: `participants/<uuid>/mute` or `unmute`. */
  setParticipantMute(uuid: unknown, setting: unknown): Promise<unknown> {
    return participantRequest('setParticipantMute', uuid, setting ? 'mute' : 'unmute');
  },

  /** `setMuteAllGuests(setting)`: `muteguests` or `unmuteguests`. */
  setMuteAllGuests(setting: unknown): Promise<unknown> {
    return commands.sendRequest(setting ? 'muteguests' : 'unmuteguests');
  },

  /** `setConferenceLock(setting)`: `lock` or `unlock`. */
  setConferenceLock(setting: unknown): Promise<unknown> {
    return commands.sendRequest(setting ? 'lock' : 'unlock');
  },

  /** `setParticipantSpotlight(uuid, setting)`: the pluginAPI's spotlightOnParticipant / spotlightOffParticipant. */
  setParticipantSpotlight(uuid: unknown, setting: unknown): Promise<unknown> {
    return setting ? commands.spotlightOnParticipant(uuid) : commands.spotlightOffParticipant(uuid);
  },

  /** `transformLayout(transforms)`: the pluginAPI's transformConferenceLayout. */
  transformLayout(transforms: unknown): Promise<unknown> {
    return commands.transformConferenceLayout(transforms);
  },

  /** `setBuzz()`: raises the user's own hand (`participants/<own uuid>/buzz`). */
  setBuzz(): Promise<unknown> {
    const uuid = selfUUID();
    if (!uuid) return refused('setBuzz', 'the user\'s own participant uuid is not known yet (connect, or set host.selfUUID or host.callInfo.uuid).');
    return participantRequest('setBuzz', uuid, 'buzz');
  },

  /** `clearBuzz(uuid?)`: lowers a hand, the user's own when no uuid is given. */
  clearBuzz(uuid?: unknown): Promise<unknown> {
    const target = uuid || selfUUID();
    if (!target) return refused('clearBuzz', 'no uuid was given and the user\'s own participant uuid is not known yet.');
    return participantRequest('clearBuzz', target, 'clearbuzz');
  },

  /** `setRole(uuid, role)`: `'chair'` or `'guest'` (`participants/<uuid>/role`), as PexRTC, which threw for anything else. */
  setRole(uuid: unknown, role: unknown): Promise<unknown> {
    return participantRequest('setRole', uuid, 'role', { role });
  },
};

export type ConferenceMethods = typeof conferenceMethods;
