/**
 * The host's conference state in the forms of `@pexip/plugin-api`'s events: a participant as
 * the package's `InfinityParticipant` (camelCase names of its own, `startAt` a Date, Infinity's
 * raw participant kept as `rawData`), the conference details as its `ConferenceStatus`.
 * Pure functions.
 */
import type { CallType, ConferenceStatus, InfinityParticipant, RTCParticipantEvent } from '@pexip/plugin-api';
import type { ConferenceDetails, Participant } from '../conference/types.js';

/** Infinity's raw participant, as the connection received it; any fields. */
export type RawParticipantData = Record<string, unknown> & { uuid: string };

const yesNo = (value: boolean): 'YES' | 'NO' => (value ? 'YES' : 'NO');

/**
 * The raw participant written back from webapp2's form, for a host whose conference does not
 * keep Infinity's object (app-driven mode): every field webapp2's form carries, in Infinity's
 * names and spellings, and the fields it does not carry at their neutral values.
 */
export function rawFromParticipant(p: Participant): RTCParticipantEvent {
  return {
    uuid: p.uuid,
    display_name: p.name,
    uri: p.uri,
    role: p.role === 'chair' ? 'chair' : 'guest',
    service_type: p.serviceType as RTCParticipantEvent['service_type'],
    protocol: p.protocol as RTCParticipantEvent['protocol'],
    start_time: p.startTime,
    is_external: p.isExternal,
    is_streaming_conference: p.isStreaming,
    is_presenting: yesNo(p.presenting),
    is_muted: yesNo(p.muted),
    is_video_muted: p.isVideoMuted,
    disconnect_supported: yesNo(p.canDisconnect),
    transfer_supported: yesNo(p.canTransfer),
    mute_supported: yesNo(p.canMute),
    fecc_supported: yesNo(p.feccSupported),
    rx_presentation_policy: p.rxPresentation ? 'ALLOW' : 'DENY',
    is_audio_only_call: yesNo(p.callType === 'audio'),
    is_video_call: yesNo(p.callType === 'video'),
    spotlight: p.spotlight,
    buzz_time: p.buzzTime,
    call_direction: 'in',
    encryption: 'On',
    external_node_uuid: '',
    has_media: p.callType !== 'api',
    is_video_silent: false,
    local_alias: '',
    overlay_text: p.name,
    supports_direct_chat: true,
    can_receive_personal_mix: false,
    receive_from_video_mix: { mix_name: 'main', timestamp: 0 },
  };
}

const flag = (raw: Record<string, unknown>, field: string): boolean => raw[field] === true;
const text = (raw: Record<string, unknown>, field: string, otherwise: string): string =>
  typeof raw[field] === 'string' ? (raw[field] as string) : otherwise;

/**
 * A participant in the package's form. Most fields come from webapp2's form (one mapping of
 * Infinity's fields for both kinds of plugin); those webapp2's form lacks come from `raw`:
 *
 * | field | from |
 * |---|---|
 * | uuid, uri, role, protocol, serviceType, startTime, isExternal, isStreaming, rxPresentation | the same-named webapp2 field |
 * | displayName | `name` |
 * | callType | `callType` ('audio' / 'video' / 'api') |
 * | canControl, canDisconnect, canMute, canTransfer | the same-named webapp2 field |
 * | canFecc | `feccSupported` |
 * | canChangeLayout, isHost | role 'chair' |
 * | canRaiseHand, canSpotlight | taking part in a conference (`serviceType` 'conference' or 'lecture') |
 * | isMuted, isPresenting, isCameraMuted | `muted`, `presenting`, `isVideoMuted` |
 * | isSpotlight, spotlightOrder | `spotlight` > 0; `spotlight` (its time orders the spotlights) |
 * | raisedHand, handRaisedTime | `buzzTime` > 0; `buzzTime` (Unix seconds, as Infinity gives it) |
 * | isWaiting, isGateway | `serviceType` 'waiting_room', 'gateway' |
 * | isEndpoint | a room system or phone: `protocol` not 'api', 'webrtc' or '' |
 * | startAt | `startTime` (seconds) as a Date |
 * | overlayText, vendor | raw `overlay_text` (else the name), `vendor` (else '') |
 * | isConjoined, isClientMuted, isIdpAuthenticated, isMainVideoDroppedOut, isTransferring, isVideoSilent, needsPresentationInMix, canReceivePersonalMix | raw `is_conjoined`, `is_client_muted`, `is_idp_authenticated`, `is_main_video_dropped_out`, `is_transferring`, `is_video_silent`, `needs_presentation_in_mix`, `can_receive_personal_mix` |
 * | receiveFromVideoMix | raw `receive_from_video_mix` (else the main mix) |
 * | rawData | `raw`, else {@link rawFromParticipant} |
 */
export function toInfinityParticipant(p: Participant, raw?: RawParticipantData): InfinityParticipant {
  const rawData = (raw ?? rawFromParticipant(p)) as RTCParticipantEvent;
  const fields = rawData as unknown as Record<string, unknown>;
  const inConference = p.serviceType === 'conference' || p.serviceType === 'lecture';
  const isHost = p.role === 'chair';
  return {
    callType: p.callType as CallType,
    canControl: p.canControl,
    canChangeLayout: isHost,
    canDisconnect: p.canDisconnect,
    canMute: p.canMute,
    canTransfer: p.canTransfer,
    canFecc: p.feccSupported,
    canRaiseHand: inConference,
    canSpotlight: inConference,
    displayName: p.name,
    overlayText: text(fields, 'overlay_text', p.name),
    handRaisedTime: p.buzzTime,
    isCameraMuted: p.isVideoMuted,
    isConjoined: flag(fields, 'is_conjoined'),
    isEndpoint: p.protocol !== 'api' && p.protocol !== 'webrtc' && p.protocol !== '',
    isExternal: p.isExternal,
    isIdpAuthenticated: flag(fields, 'is_idp_authenticated'),
    isGateway: p.serviceType === 'gateway',
    isHost,
    isMainVideoDroppedOut: flag(fields, 'is_main_video_dropped_out'),
    isMuted: p.muted,
    isClientMuted: flag(fields, 'is_client_muted'),
    isPresenting: p.presenting,
    isSpotlight: p.spotlight > 0,
    isStreaming: p.isStreaming,
    isTransferring: flag(fields, 'is_transferring'),
    isVideoSilent: flag(fields, 'is_video_silent'),
    isWaiting: p.serviceType === 'waiting_room',
    needsPresentationInMix: flag(fields, 'needs_presentation_in_mix'),
    protocol: p.protocol as InfinityParticipant['protocol'],
    raisedHand: p.buzzTime > 0,
    role: (isHost ? 'chair' : 'guest') as InfinityParticipant['role'],
    rxPresentation: p.rxPresentation,
    serviceType: p.serviceType as InfinityParticipant['serviceType'],
    spotlightOrder: p.spotlight,
    startAt: new Date(p.startTime * 1000),
    startTime: p.startTime,
    uri: p.uri,
    uuid: p.uuid as InfinityParticipant['uuid'],
    vendor: text(fields, 'vendor', ''),
    canReceivePersonalMix: flag(fields, 'can_receive_personal_mix'),
    receiveFromVideoMix: (fields.receive_from_video_mix as InfinityParticipant['receiveFromVideoMix']) ?? { mix_name: 'main', timestamp: 0 },
    rawData,
  };
}

/**
 * The conference details as the package's ConferenceStatus. webapp2's details carry `locked`,
 * `guestsMuted` and `started`; the rest are what a conference without breakouts, captions or
 * classification reports. `raw`, when the connection kept `conference_status`'s result, is
 * `rawData` and fills the fields it has.
 */
export function toConferenceStatus(details: ConferenceDetails, raw?: Record<string, unknown>): ConferenceStatus {
  const fields = raw ?? {};
  const bool = (field: string): boolean => fields[field] === true;
  const rawData = {
    ...fields,
    locked: details.locked,
    guests_muted: details.guestsMuted,
    started: details.started,
  } as ConferenceStatus['rawData'];
  const status: ConferenceStatus = {
    locked: details.locked,
    guestsMuted: details.guestsMuted,
    allMuted: bool('all_muted'),
    started: details.started,
    liveCaptionsAvailable: bool('live_captions_available'),
    breakoutRooms: bool('breakout_rooms'),
    directMedia: bool('direct_media'),
    presentationAllowed: fields.presentation_allowed !== false,
    breakout: bool('breakout'),
    rawData,
  };
  if (typeof fields.guests_can_unmute === 'boolean') status.guestsCanUnmute = fields.guests_can_unmute;
  if (typeof fields.guests_can_present === 'boolean') status.guestsCanPresent = fields.guests_can_present;
  return status;
}
