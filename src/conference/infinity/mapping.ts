/**
 * Raw Infinity shapes → the plugin guide's camelCase properties. Pure functions, no I/O.
 * Each property says which raw field it comes from and in which unit.
 */
import type { ConferenceDetails, Participant } from '../types.js';
import type { RawConferenceStatus, RawParticipant, RawStageEntry, RawTokenResult } from './raw-types.js';

/** Where a participant is on the stage; from the `stage` event, not the participant object. */
export interface StagePosition {
  /** Voice activity: 0 not speaking, 100 speaking (`vad`). */
  vad: number;
  /** 0 is the most recent speaker (`stage_index`); -1 when not on the stage. */
  stageIndex: number;
}

/** A participant who is not on the stage: silent, with stageIndex -1. */
export const OFF_STAGE: Readonly<StagePosition> = Object.freeze({ vad: 0, stageIndex: -1 });

/** 'YES' → true, anything else ('NO', absent) → false. */
export function yes(value: unknown): boolean {
  return value === 'YES';
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `display_name`, else the `uri` without its `sip:` (or `sips:`) scheme. */
export function participantName(raw: RawParticipant): string {
  const name = str(raw.display_name).trim();
  if (name) return name;
  return str(raw.uri).replace(/^sips?:/i, '');
}

/** `is_audio_only_call` 'YES' → 'audio'; `is_video_call` 'YES' → 'video'; otherwise 'api' (no media). */
export function participantCallType(raw: RawParticipant): 'audio' | 'video' | 'api' {
  if (yes(raw.is_audio_only_call)) return 'audio';
  if (yes(raw.is_video_call)) return 'video';
  return 'api';
}

/**
 * A raw participant as the guide's participant:
 *
 * | property | raw field |
 * |---|---|
 * | uuid, uri, protocol, role, serviceType | `uuid`, `uri` ('' when absent), `protocol`, `role` ('chair'/'guest'), `service_type` ('' when absent) |
 * | name | `display_name`, else `uri` without `sip:` |
 * | startTime | `start_time`, Unix time in **seconds** (UTC), as Infinity sends it |
 * | isExternal, isStreaming | `is_external`, `is_streaming_conference` (booleans) |
 * | presenting, muted | `is_presenting`, `is_muted` ('YES'/'NO' → boolean) |
 * | isVideoMuted | `is_video_muted` (already a boolean on the wire) |
 * | canDisconnect, canTransfer, canMute, feccSupported | `disconnect_supported`, `transfer_supported`, `mute_supported`, `fecc_supported` ('YES'/'NO') |
 * | rxPresentation | `rx_presentation_policy === 'ALLOW'` |
 * | canControl | role 'chair' in a VMR or Virtual Auditorium (`service_type` 'conference' or 'lecture') |
 * | callType | `is_audio_only_call` 'YES' → 'audio'; `is_video_call` 'YES' → 'video'; else 'api' |
 * | spotlight, buzzTime | `spotlight`, `buzz_time`: Unix time in seconds, 0 when off |
 * | vad, stageIndex | from the `stage` event (`stage`), {@link OFF_STAGE} when not on it |
 */
export function mapParticipant(raw: RawParticipant, stage: StagePosition = OFF_STAGE): Participant {
  const role = str(raw.role);
  const serviceType = str(raw.service_type);
  return {
    uuid: raw.uuid,
    name: participantName(raw),
    role,
    uri: str(raw.uri),
    startTime: num(raw.start_time),
    protocol: str(raw.protocol),
    isExternal: raw.is_external === true,
    presenting: yes(raw.is_presenting),
    muted: yes(raw.is_muted),
    canControl: role === 'chair' && (serviceType === 'conference' || serviceType === 'lecture'),
    canDisconnect: yes(raw.disconnect_supported),
    canTransfer: yes(raw.transfer_supported),
    canMute: yes(raw.mute_supported),
    serviceType,
    callType: participantCallType(raw),
    spotlight: num(raw.spotlight),
    isStreaming: raw.is_streaming_conference === true,
    vad: stage.vad,
    stageIndex: stage.stageIndex,
    rxPresentation: raw.rx_presentation_policy === 'ALLOW',
    feccSupported: yes(raw.fecc_supported),
    buzzTime: num(raw.buzz_time),
    isVideoMuted: raw.is_video_muted === true,
  };
}

/** The `stage` event as a map from participant uuid to its position. */
export function mapStage(entries: readonly RawStageEntry[]): Map<string, StagePosition> {
  const stage = new Map<string, StagePosition>();
  for (const entry of entries) {
    if (typeof entry?.participant_uuid !== 'string') continue;
    stage.set(entry.participant_uuid, { vad: num(entry.vad), stageIndex: num(entry.stage_index) });
  }
  return stage;
}

/**
 * `request_token`'s `call_type` → the guide's `mediaType`: 'video' → 'video',
 * 'audio' → 'audioonly', 'video-only' (video without audio) → 'video'; absent → 'video'
 * (Infinity's default call is audio and video).
 */
export function mediaTypeFromCallType(callType: unknown): 'video' | 'audioonly' {
  return callType === 'audio' ? 'audioonly' : 'video';
}

/**
 * The conference details known from `request_token`: `chat_enabled` → chatEnabled (true when
 * absent), `call_type` → mediaType (see {@link mediaTypeFromCallType}).
 */
export function conferenceFromToken(token: Pick<RawTokenResult, 'chat_enabled' | 'call_type'>): Pick<ConferenceDetails, 'chatEnabled' | 'mediaType'> {
  return {
    chatEnabled: token.chat_enabled !== false,
    mediaType: mediaTypeFromCallType(token.call_type),
  };
}

/**
 * `conference_status`'s result or a `conference_update` event applied to the details:
 * `locked` → locked, `guests_muted` → guestsMuted, `started` → started (booleans). Fields the
 * event leaves out keep their value.
 */
export function applyConferenceStatus(details: ConferenceDetails, raw: RawConferenceStatus): ConferenceDetails {
  const next = { ...details };
  if (typeof raw.locked === 'boolean') next.locked = raw.locked;
  if (typeof raw.guests_muted === 'boolean') next.guestsMuted = raw.guests_muted;
  if (typeof raw.started === 'boolean') next.started = raw.started;
  return next;
}

/** `request_token`'s role ('HOST' | 'GUEST') → the guide's participant role ('chair' | 'guest'). */
export function roleFromJoinRole(role: unknown): 'chair' | 'guest' {
  return role === 'HOST' ? 'chair' : 'guest';
}

/** A plugin's dialOut role → `dial`'s role: 'host' and 'chair' → 'HOST', anything else → 'GUEST'. */
export function dialRole(role: unknown): 'HOST' | 'GUEST' {
  const lower = typeof role === 'string' ? role.toLowerCase() : '';
  return lower === 'host' || lower === 'chair' ? 'HOST' : 'GUEST';
}
