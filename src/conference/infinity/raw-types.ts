/**
 * The wire shapes of the Infinity client REST API v2 that the connection reads, as Infinity
 * sends them (snake_case). Only the fields the connection uses are typed; the rest pass
 * through untouched. The vendor's schemas (`@pexip/infinity-api`, `conference/types.d.ts`)
 * are the source of truth; these are a subset of them.
 */

/** 'YES' | 'NO', Infinity's spelling of a boolean for many participant fields. */
export type YesNo = 'YES' | 'NO';

/** A participant as `participant_create` / `participant_update` / `GET participants` carry it. */
export interface RawParticipant {
  uuid: string;
  display_name?: string;
  /** Absent or '' for guests without a URI. */
  uri?: string;
  /** 'chair' (host privileges) or 'guest'. */
  role?: string;
  /** 'connecting' | 'waiting_room' | 'ivr' | 'conference' | 'lecture' | 'gateway' | 'test_call'. */
  service_type?: string;
  /** 'api' | 'webrtc' | 'sip' | 'rtmp' | 'h323' | 'mssip' | ''. */
  protocol?: string;
  /** Unix time in seconds (UTC). */
  start_time?: number;
  is_external?: boolean;
  is_streaming_conference?: boolean;
  is_presenting?: YesNo;
  is_muted?: YesNo;
  /** A boolean, unlike its YES/NO neighbours. */
  is_video_muted?: boolean;
  disconnect_supported?: YesNo;
  transfer_supported?: YesNo;
  mute_supported?: YesNo;
  fecc_supported?: YesNo;
  /** 'ALLOW' | 'DENY'. */
  rx_presentation_policy?: string;
  is_audio_only_call?: YesNo;
  is_video_call?: YesNo;
  /** Unix time in seconds of the spotlight, 0 when off. */
  spotlight?: number;
  /** Unix time in seconds of the raised hand, 0 when off. */
  buzz_time?: number;
  [field: string]: unknown;
}

/** One entry of the `stage` event: the speaking order. */
export interface RawStageEntry {
  participant_uuid: string;
  /** 0 is the most recent speaker. */
  stage_index: number;
  /** Voice activity: 0 silent, 100 speaking. */
  vad: number;
}

/** `GET conference_status`'s result and the `conference_update` event. */
export interface RawConferenceStatus {
  locked?: boolean;
  guests_muted?: boolean;
  started?: boolean;
  [field: string]: unknown;
}

/** The `message_received` event: a chat message. */
export interface RawChatMessage {
  /** The sender's display name. */
  origin: string;
  /** The sender's participant uuid. */
  uuid: string;
  /** 'text/plain' | 'application/json'. */
  type: string;
  /** The message text (JSON text when type is application/json). */
  payload: string;
  /** Whether it was a direct (private) message. */
  direct?: boolean;
  [field: string]: unknown;
}

/** What the connection keeps of `request_token`'s result. */
export interface RawTokenResult {
  token: string;
  /** Seconds, as a string. */
  expires: string;
  participant_uuid: string;
  role: 'HOST' | 'GUEST';
  display_name: string;
  service_type?: string;
  current_service_type?: string;
  chat_enabled?: boolean;
  call_type?: 'video' | 'video-only' | 'audio';
  conference_name?: string;
  [field: string]: unknown;
}
