/**
 * The methods of `window.PEX.pexrtc`: the conference ones (conference-methods.ts) fetched on a
 * plugin's first call, and the ones PexRTC answered at once, here: muting the user's own media
 * returns the setting, and setRole throws for a role PexRTC did not know.
 */
import { actions } from '../actions.js';
import { dispatch } from '../action-bus.js';
import { callingPlugin } from '../calling-plugin.js';
import { lazyFunctions } from '../lazy-functions.js';
import type { ConferenceMethods } from './conference-methods.js';

/** A call refused before it ran: logged, and a promise that rejects without going unhandled. */
export function refused(method: string, why: string): Promise<never> {
  const { sandbox } = callingPlugin();
  const error = new TypeError(`window.PEX.pexrtc.${method} (plugin "${sandbox?.pluginId ?? '(unknown)'}"): ${why}`);
  console.error('[pex-plugin-host]', error);
  const promise = Promise.reject(error);
  promise.catch(() => {});
  return promise;
}

/** Mutes or unmutes the user's own media: the request `PEX.dispatchAction` makes of the app. */
function muteOwn(method: 'muteAudio' | 'muteVideo', setting: unknown): boolean | undefined {
  if (typeof setting !== 'boolean') {
    void refused(method, `expects true (mute) or false (unmute); got ${JSON.stringify(setting) ?? String(setting)}.`);
    return undefined;
  }
  const type =
    method === 'muteAudio'
      ? setting ? actions.MUTE_MICROPHONE : actions.UNMUTE_MICROPHONE
      : setting ? actions.MUTE_CAMERA : actions.UNMUTE_CAMERA;
  dispatch({ type }, 'plugin');
  return setting;
}

const conference = lazyFunctions<ConferenceMethods>(
  [
    'sendChatMessage',
    'dialOut',
    'disconnectParticipant',
    'setParticipantMute',
    'setMuteAllGuests',
    'setConferenceLock',
    'setParticipantSpotlight',
    'transformLayout',
    'setBuzz',
    'clearBuzz',
    'setRole',
  ],
  () => import('../command-functions.js').then((module) => module.conferenceMethods),
);

export const pexrtcMethods = {
  ...conference,

  /** `setRole(uuid, role)`: `'chair'` or `'guest'` (`participants/<uuid>/role`), as PexRTC, which threw for anything else. */
  setRole(uuid: unknown, role: unknown): Promise<unknown> {
    if (role !== 'chair' && role !== 'guest') {
      const { sandbox } = callingPlugin();
      throw new TypeError(
        `window.PEX.pexrtc.setRole(${JSON.stringify(uuid)}, ${JSON.stringify(role)}) (plugin "${sandbox?.pluginId ?? '(unknown)'}"): ` +
          'the role must be "chair" (host) or "guest".',
      );
    }
    return conference.setRole(uuid, role);
  },

  /** `muteAudio(setting)`: asks the client to mute (true) or unmute (false) the user's microphone; returns the setting. */
  muteAudio(setting: unknown): boolean | undefined {
    return muteOwn('muteAudio', setting);
  },

  /** `muteVideo(setting)`: asks the client to turn the user's camera off (true) or on (false); returns the setting. */
  muteVideo(setting: unknown): boolean | undefined {
    return muteOwn('muteVideo', setting);
  },
};

export type PexRTCMethods = typeof pexrtcMethods;
