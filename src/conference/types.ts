/**
 * The conference as plugins see it: the participant and conference properties of the plugin
 * guide, camelCase. Connections (and apps in app-driven mode) produce these shapes.
 */

/** A participant, as handed to plugins in `participants$` and to participants-menu actions. */
export interface Participant {
  /** The UUID of this participant, to use with other operations. */
  uuid: string;
  /** Display name. */
  name: string;
  /** 'chair' has Host privileges, 'guest' Guest privileges. */
  role: 'chair' | 'guest' | string;
  uri: string;
  /** When the participant joined: Unix time in seconds (UTC), as Infinity reports `start_time`. */
  startTime: number;
  /** 'api' | 'webrtc' | 'sip' | 'rtmp' | 'h323' | 'mssip' */
  protocol: string;
  isExternal: boolean;
  presenting: boolean;
  /** Administratively muted. */
  muted: boolean;
  canControl: boolean;
  canDisconnect: boolean;
  canTransfer: boolean;
  canMute: boolean;
  /** 'connecting' | 'waiting_room' | 'ivr' | 'conference' | 'lecture' | 'gateway' | 'test_call' */
  serviceType: string;
  /** 'video' | 'audio' | 'api' */
  callType: string;
  /** Unix timestamp of the spotlight, 0 when not spotlighted. */
  spotlight: number;
  isStreaming: boolean;
  /** Speaking indication: 0 not speaking, 100 speaking. */
  vad: number;
  /** Position on the stage: 0 is the most recent speaker. */
  stageIndex: number;
  rxPresentation: boolean;
  feccSupported: boolean;
  /** Unix timestamp of a raised hand, 0 otherwise. */
  buzzTime: number;
  /** Beyond the guide, read by real plugins: the participant's camera is off. */
  isVideoMuted: boolean;
}

/** The conference properties of the plugin guide. */
export interface ConferenceDetails {
  locked: boolean;
  guestsMuted: boolean;
  chatEnabled: boolean;
  /** 'video' | 'audioonly' | 'none' */
  mediaType: string;
  started: boolean;
}

export const DEFAULT_CONFERENCE_DETAILS: Readonly<ConferenceDetails> = Object.freeze({
  locked: false,
  guestsMuted: false,
  chatEnabled: true,
  mediaType: 'video',
  started: false,
});

/** An action on `window.PEX.actions$`, NgRx style. */
export interface PexAction<P = unknown> {
  type: string;
  payload?: P;
}
