// @ts-check
/**
 * Raw Infinity participant objects, as `participant_create` / `participant_update` and
 * `GET participants` carry them.
 *
 * Only the fields of `Participant` in @pexip/infinity-api's `conference/types.d.ts` are sent:
 * that schema has `additionalProperties: false`, so a field the vendor does not list (real
 * Infinity 36 also sends `show_live_captions`, for one) would fail the vendor's validator.
 * All 29 required fields are always present.
 */
import { randomUUID } from 'node:crypto';

/**
 * @typedef {'YES' | 'NO'} YesNo
 * @typedef {{
 *   api_url?: string,
 *   buzz_time: number,
 *   call_direction: 'in' | 'out',
 *   call_tag?: string,
 *   disconnect_supported: YesNo,
 *   display_name: string,
 *   encryption: 'On' | 'Off',
 *   external_node_uuid: string,
 *   fecc_supported: YesNo,
 *   has_media: boolean,
 *   is_audio_only_call: YesNo,
 *   is_client_muted?: boolean,
 *   is_external: boolean,
 *   is_idp_authenticated?: boolean,
 *   is_main_video_dropped_out?: boolean,
 *   is_muted: YesNo,
 *   is_presenting: YesNo,
 *   is_streaming_conference: boolean,
 *   is_transferring?: boolean,
 *   is_video_call: YesNo,
 *   is_video_muted: boolean,
 *   is_video_silent: boolean,
 *   local_alias: string,
 *   mute_supported: YesNo,
 *   needs_presentation_in_mix?: boolean,
 *   overlay_text: string,
 *   presentation_supported?: YesNo,
 *   protocol: 'api' | 'webrtc' | 'sip' | 'rtmp' | 'h323' | 'mssip' | '',
 *   role: 'chair' | 'guest',
 *   rx_presentation_policy: 'ALLOW' | 'DENY',
 *   service_type?: 'connecting' | 'waiting_room' | 'ivr' | 'conference' | 'lecture' | 'gateway' | 'test_call',
 *   spotlight: number,
 *   start_time: number,
 *   supports_direct_chat: boolean,
 *   transfer_supported: YesNo,
 *   uuid: string,
 *   uri?: string,
 *   vendor?: string,
 *   can_receive_personal_mix: boolean,
 *   receive_from_video_mix: { mix_name: string, timestamp: number },
 *   [extra: string]: unknown,
 * }} RawParticipant
 */

/** Unix time in seconds with millisecond precision, as Infinity sends `start_time` (a float). */
export function unixNow() {
  return Math.round(Date.now()) / 1000;
}

const BROWSER_VENDOR =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/**
 * A participant with realistic defaults: a WebRTC guest with audio and video, in the conference.
 * @param {{ display_name: string, local_alias: string } & Partial<RawParticipant>} fields
 * @returns {RawParticipant}
 */
export function makeParticipant(fields) {
  const uuid = typeof fields.uuid === 'string' && fields.uuid ? fields.uuid : randomUUID();
  const displayName = String(fields.display_name);
  /** @type {RawParticipant} */
  const base = {
    api_url: `/participants/${uuid}`,
    buzz_time: 0,
    call_direction: 'in',
    call_tag: '',
    can_receive_personal_mix: false,
    disconnect_supported: 'YES',
    display_name: displayName,
    encryption: 'On',
    external_node_uuid: '',
    fecc_supported: 'NO',
    has_media: true,
    is_audio_only_call: 'NO',
    is_client_muted: false,
    is_external: false,
    is_idp_authenticated: false,
    is_main_video_dropped_out: false,
    is_muted: 'NO',
    is_presenting: 'NO',
    is_streaming_conference: false,
    is_transferring: false,
    is_video_call: 'YES',
    is_video_muted: false,
    is_video_silent: false,
    local_alias: fields.local_alias,
    mute_supported: 'YES',
    needs_presentation_in_mix: false,
    overlay_text: displayName,
    presentation_supported: 'YES',
    protocol: 'webrtc',
    receive_from_video_mix: { mix_name: 'main', timestamp: 0 },
    role: 'guest',
    rx_presentation_policy: 'ALLOW',
    service_type: 'conference',
    spotlight: 0,
    start_time: unixNow(),
    supports_direct_chat: true,
    transfer_supported: 'YES',
    uri: displayName,
    uuid,
    vendor: BROWSER_VENDOR,
  };
  return { ...base, ...fields, uuid, api_url: `/participants/${uuid}` };
}

/**
 * The participant a client gets when it asks for a token: Infinity reports such clients with
 * protocol `api`; a plugin host sends no media, so both call-type flags are `NO` (the guide's
 * `callType` is then `api`).
 * @param {{ display_name: string, local_alias: string, role: 'chair' | 'guest', call_tag?: string,
 *   vendor?: string, service_type: RawParticipant['service_type'], muted: boolean, supports_direct_chat?: boolean }} o
 */
export function makeClientParticipant(o) {
  return makeParticipant({
    display_name: o.display_name,
    local_alias: o.local_alias,
    role: o.role,
    call_tag: o.call_tag ?? '',
    vendor: o.vendor ?? BROWSER_VENDOR,
    service_type: o.service_type,
    protocol: 'api',
    has_media: false,
    is_video_call: 'NO',
    is_audio_only_call: 'NO',
    presentation_supported: 'NO',
    is_muted: o.muted ? 'YES' : 'NO',
    supports_direct_chat: o.supports_direct_chat ?? true,
  });
}

/**
 * The participant a `dial` creates. `auto` resolves to rtmp for rtmp:// and rtmps:// destinations
 * and to sip otherwise; an rtmp participant or `streaming: 'yes'` is a streaming participant.
 * @param {{ alias: string, destination: string, protocol: string, role: 'HOST' | 'GUEST', streaming?: string,
 *   call_type?: string, remote_display_name?: string, text?: string, source?: string }} body
 */
export function makeDialledParticipant(body) {
  const rtmpDestination = /^rtmps?:\/\//i.test(body.destination);
  const protocol = /** @type {RawParticipant['protocol']} */ (
    body.protocol === 'auto' ? (rtmpDestination ? 'rtmp' : 'sip') : body.protocol
  );
  const streaming = body.streaming === 'yes' || protocol === 'rtmp';
  const audioOnly = body.call_type === 'audio';
  const displayName = body.remote_display_name || body.destination;
  return makeParticipant({
    display_name: displayName,
    overlay_text: body.text || displayName,
    local_alias: body.source || body.alias,
    uri: body.destination,
    protocol,
    role: body.role === 'GUEST' ? 'guest' : 'chair',
    call_direction: 'out',
    service_type: 'connecting',
    is_streaming_conference: streaming,
    is_audio_only_call: audioOnly ? 'YES' : 'NO',
    is_video_call: audioOnly ? 'NO' : 'YES',
    presentation_supported: protocol === 'rtmp' ? 'NO' : 'YES',
    transfer_supported: protocol === 'rtmp' ? 'NO' : 'YES',
    supports_direct_chat: false,
    vendor: protocol === 'rtmp' ? 'RTMP' : 'Simulated SIP endpoint',
  });
}

/** The people in `meet` from the start when scripted participants are on. */
export const SCRIPTED_CAST = [
  { display_name: 'Alice Johnson', role: 'chair', uri: 'alice.johnson@example.com' },
  {
    display_name: 'Bob Smith',
    role: 'guest',
    protocol: 'sip',
    uri: 'sip:bob.smith@example.com',
    vendor: 'TANDBERG/529 (ce11.5.2)',
  },
  { display_name: 'Chen Wei', role: 'guest', uri: 'chen.wei@example.com', is_video_muted: true },
  {
    display_name: 'Dana Okafor (phone)',
    role: 'guest',
    protocol: 'sip',
    uri: 'sip:+4722000001@example.com',
    is_audio_only_call: 'YES',
    is_video_call: 'NO',
    presentation_supported: 'NO',
    vendor: 'Simulated PSTN gateway',
  },
];

/** People who join and leave `meet` now and then when scripted participants are on. */
export const SCRIPTED_VISITORS = [
  { display_name: 'Erik Nilsson', role: 'guest', uri: 'erik.nilsson@example.com' },
  { display_name: 'Fatima Zahra', role: 'chair', uri: 'fatima.zahra@example.com' },
  { display_name: 'Gustavo Lima', role: 'guest', uri: 'gustavo.lima@example.com' },
  { display_name: 'Hana Sato', role: 'guest', uri: 'hana.sato@example.com' },
];

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dmitri', 'Eva', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lena'];
const LAST = ['Berg', 'Costa', 'Dahl', 'Eze', 'Fischer', 'Gupta', 'Haugen', 'Ito', 'Jensen', 'Kovac', 'Lund'];

/**
 * A distinct name for the n-th bulk guest (`roster`): "Ada Berg 0001".
 * @param {number} n
 */
export function bulkName(n) {
  return `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${String(n + 1).padStart(4, '0')}`;
}
