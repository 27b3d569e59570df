// @ts-check
/**
 * The Infinity simulator: the part of Pexip Infinity's client REST API v2 and its server-sent
 * events stream that a plugin host needs, with in-memory conferences, over real HTTP.
 *
 *   const simulator = createSimulator({ scripted: false, tokenExpiry: 120 });
 *   http.createServer((req, res) => simulator.handle(req, res) || notFound(res));
 *
 * `handle(req, res)` answers every path under `/api/client/v2/` (the client API) and
 * `/_simulator/` (the control API tests use) and returns true; any other path returns false
 * untouched, so the handler mounts in a Node server, Connect/Vite (`connectMiddleware`) or Koa /
 * web-test-runner (`koaMiddleware`). `reset()` puts everything back as it started; `close()` ends
 * every event stream and timer.
 *
 * Conferences (see conferences.mjs):
 *   meet    open, no PIN, everyone joins as HOST (role chair); scripted participants live here
 *   secure  host PIN 1234 -> HOST, guest PIN 5678 -> GUEST; no PIN -> 403 {pin: 'required',
 *           guest_pin: 'required', version}; a wrong PIN -> 403 'Invalid PIN'
 *   guests  guests need no PIN (or send `pin: none`), host PIN 1234 -> HOST, another PIN -> 403
 *           'Invalid PIN'; starts with started: false until a host joins or start_conference
 *   anything else -> 404 {status: 'failed', result: 'Neither conference nor gateway found'}
 *
 * Client API, under /api/client/v2/conferences/<alias>/ (shapes from @pexip/infinity-api 20's
 * schemas, which the tests check every answer against):
 *   POST request_token (header pin), refresh_token, release_token
 *   GET  conference_status, participants, available_layouts, events?token=... (text/event-stream)
 *   POST lock, unlock, muteguests, unmuteguests, start_conference, disconnect, clearallbuzz,
 *        message {type, payload}, transform_layout {transforms}, override_layout {layouts} (legacy),
 *        dial {destination, protocol, role, streaming, ...} -> [uuid]
 *   POST participants/<uuid>/ disconnect, mute, unmute, video_muted, video_unmuted, spotlighton,
 *        spotlightoff, allowrxpresentation, denyrxpresentation, unlock, buzz, clearbuzz,
 *        dtmf {digits}, overlaytext {text}, role {role}, transfer {conference_alias, role, pin?},
 *        message {type, payload}
 * Every call but request_token needs header `token` (GETs may pass `?token=`); a token expires
 * `tokenExpiry` seconds after it was issued (a refreshed one keeps working until its own expiry);
 * when a client's newest token expires its participant leaves with `disconnect` {reason: 'Timer
 * expired awaiting token refresh'}.
 *
 * Status codes and texts: success is 200 {status: 'success', result}. A refusal is 403 with
 * status 'success' and the reason in result ('Invalid token', 'Invalid PIN', 'Insufficient
 * privileges', 'Participant not found', 'Invalid role', 'Gateway dial out failed', 'transfer
 * failed'): that is what real Infinity sends, and the vendor schemas allow 'success' or 'failed'
 * on 403. Everything else that fails says status 'failed': 404 unknown conference (the schema
 * demands 'failed' there) or unknown path, 405 wrong method, 400 a malformed body, and the
 * status a `fail` fault asks for. A GUEST may use, on itself, disconnect, mute, unmute,
 * video_muted, video_unmuted, buzz, clearbuzz and dtmf, and message anyone; every other
 * conference or participant command is for HOSTs.
 *
 * Events: on connect participant_sync_begin (data null), one participant_create per participant
 * (the client's own included), participant_sync_end (data null); then participant_create /
 * participant_update (the whole object) / participant_delete {uuid}, conference_update (the
 * conference_status object), stage [{participant_uuid, stage_index, vad}], message_received
 * {origin, uuid, type, payload, direct}, layout {view, participants, requested_layout,
 * overlay_text_enabled}, refresh_token (null; sent to a client whose role changed), refer {alias,
 * token} (a transferred client: request_token at `alias` with body.token joins in the new role),
 * disconnect {reason}. Every event has an `id:`; a `: keep-alive` comment goes out every 15 s.
 *
 * Control API (JSON, never delayed or failed by faults):
 *   POST /_simulator/reset
 *   POST /_simulator/faults {tokenExpiry?, fail?: {status, reason?, count? = 1, match?} | null,
 *        dropEvents?, slowMs?, slow?: {ms, match?} | null, dropSyncAfter?: n | null,
 *        duplicateEvents?, disorder?, expireTokens?} -> {ok: true}
 *     fail          the next `count` client API requests whose path contains `match` (any, without)
 *                   answer `status` with `reason`; rules add up; null clears them
 *     dropEvents    closes every open events stream now
 *     slowMs        delays every client API answer by that many ms
 *     slow          delays the answers whose path contains `match` by `ms`; rules add up; null clears
 *     dropSyncAfter the next events stream opened closes in the middle of its sync, after that many
 *                   participant_create events (once); null clears it
 *     duplicateEvents  true: every event goes out twice (each with its own id); false stops it
 *     disorder      true: events out of order, as a node under load may send them: a new participant's
 *                   participant_update comes before its participant_create, and a leaver's
 *                   participant_delete comes twice, followed by a stale participant_update; false stops it
 *     expireTokens  true: every token issued so far expires now (calls with it are refused 'Invalid
 *                   token'; the sessions end at the next sweep, as a node does)
 *   GET  /_simulator/conferences -> {conferences: [{alias, name, pin, guest_pin, participants}]}
 *   GET  /_simulator/conferences/<alias> -> {participants, locked, guests_muted, started, layout,
 *        stage, messages, requests: [{method, path, body, token: boolean, pin?}]}
 *   POST /_simulator/conferences/<alias>/participants {display_name, role?, ...raw} -> {uuid}
 *   POST /_simulator/conferences/<alias>/roster {count} -> {count}
 *   PATCH|DELETE /_simulator/conferences/<alias>/participants/<uuid> -> {ok: true}
 *   POST /_simulator/conferences/<alias>/stage [{participant_uuid, stage_index, vad}] -> {ok: true}
 *   POST /_simulator/conferences/<alias>/messages {origin, uuid?, type?, payload} -> {ok: true}
 *   POST /_simulator/conferences/<alias>/disconnect {reason?} -> {ok: true}
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { CONFERENCES, VERSION, admit } from './conferences.mjs';
import { bulkName, makeClientParticipant, makeDialledParticipant, makeParticipant, unixNow } from './participants.mjs';
import { runScript } from './scripted.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./participants.mjs').RawParticipant} RawParticipant
 * @typedef {import('./conferences.mjs').ConferenceDefinition} ConferenceDefinition
 *
 * @typedef {{ res: Res, session: Session, id: number, keepAlive: ReturnType<typeof setInterval> }} Stream
 * @typedef {{
 *   uuid: string, conf: Conference, role: 'HOST' | 'GUEST', tokens: Set<string>,
 *   expiresAt: number, streams: Set<Stream>, ended: boolean,
 * }} Session
 * @typedef {{ origin: string, uuid: string, type: string, payload: string, direct: boolean, to?: string }} Message
 * @typedef {{ method: string, path: string, body: unknown, token: boolean, pin?: string }} LoggedRequest
 * @typedef {{
 *   def: ConferenceDefinition, participants: Map<string, RawParticipant>, sessions: Map<string, Session>,
 *   scripted: Set<string>, locked: boolean, guests_muted: boolean, started: boolean,
 *   layout: Record<string, unknown>, stage: unknown[], messages: Message[], requests: LoggedRequest[],
 * }} Conference
 * @typedef {{ status: number, reason?: string, count: number, match?: string }} FailRule
 * @typedef {{ ms: number, match?: string }} SlowRule
 * @typedef {{
 *   tokenExpiry: number | undefined, fail: FailRule[], slowMs: number, slow: SlowRule[],
 *   dropSyncAfter: number | undefined, duplicateEvents: boolean, disorder: boolean,
 * }} Faults
 */

const API_PREFIX = '/api/client/v2/';
const CONFERENCE_PREFIX = '/api/client/v2/conferences/';
const CONTROL_PREFIX = '/_simulator/';
const KEEP_ALIVE_MS = 15_000;
const CONNECT_DELAY_MS = 300;
const MAX_BODY_BYTES = 1 << 20;
const LOG_LIMIT = 2000;
const MAX_ROSTER = 20_000;
const ONE_TIME_TOKEN_MS = 60_000;
const INITIAL_LAYOUT = Object.freeze({ layout: 'ac' });
const AVAILABLE_LAYOUTS = ['1:0', '1:7', '1:21', '2:21', '1:33', '4:0', '5:7', 'ac', 'ac_presentation_in_mix'];

const GET_CALLS = new Set(['events', 'conference_status', 'participants', 'available_layouts']);
const CONFERENCE_POSTS = new Set([
  'refresh_token',
  'release_token',
  'lock',
  'unlock',
  'muteguests',
  'unmuteguests',
  'start_conference',
  'disconnect',
  'clearallbuzz',
  'message',
  'transform_layout',
  'override_layout',
  'dial',
]);
const HOST_ONLY = new Set([
  'lock',
  'unlock',
  'muteguests',
  'unmuteguests',
  'start_conference',
  'disconnect',
  'clearallbuzz',
  'transform_layout',
  'override_layout',
  'dial',
]);
/** Participant commands a GUEST may give about itself. */
const GUEST_ON_SELF = new Set(['disconnect', 'mute', 'unmute', 'video_muted', 'video_unmuted', 'buzz', 'clearbuzz', 'dtmf', 'message']);
/** Participant commands a GUEST may give about anyone. */
const GUEST_ON_ANYONE = new Set(['message']);
const MESSAGE_TYPES = new Set(['text/plain', 'application/json']);

/** A reply decided while handling a request. */
class Reply {
  /** @param {number} status @param {unknown} body */
  constructor(status, body) {
    this.status = status;
    this.body = body;
  }
}

/** @param {unknown} result */
const ok = (result) => new Reply(200, { status: 'success', result });
/** A 403 as Infinity sends it: status 'success', the reason in result. @param {unknown} result */
const refused = (result) => new Reply(403, { status: 'success', result });
/** @param {number} status @param {string} reason */
const failed = (status, reason) => new Reply(status, { status: status === 403 ? 'success' : 'failed', result: reason });

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {number} status */
function defaultReason(status) {
  if (status === 502) return '502 Bad Gateway';
  if (status === 503) return '503 Service Unavailable';
  return `${status} ${STATUS_CODES[status] ?? 'Error'}`;
}

/** @param {Res} res @param {number} status @param {unknown} body */
function sendJson(res, status, body) {
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(body);
  // The reason phrase is explicit: a Koa host may have set statusMessage already.
  res.writeHead(status, STATUS_CODES[status] ?? 'Unknown', {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** @param {Req} req @param {string} name */
function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads a JSON body. An empty body is `undefined`.
 * @param {Req} req
 * @returns {Promise<{ value: unknown } | { error: string, status: number }>}
 */
function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !settled) {
        settled = true;
        resolve({ error: 'Request body too large', status: 413 });
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ value: undefined });
      try {
        resolve({ value: JSON.parse(text) });
      } catch {
        resolve({ error: 'Request body is not valid JSON', status: 400 });
      }
    });
    req.on('error', () => {
      if (!settled) {
        settled = true;
        resolve({ error: 'Request body could not be read', status: 400 });
      }
    });
  });
}

/**
 * @param {{ scripted?: boolean, tokenExpiry?: number }} [options]
 */
export function createSimulator({ scripted = false, tokenExpiry = 120 } = {}) {
  /** @type {Map<string, Conference>} */
  let conferences = new Map();
  /** token -> its session and expiry */
  const tokens = /** @type {Map<string, { session: Session, expiresAt: number }>} */ (new Map());
  /** one-time tokens handed out by `refer` after a transfer */
  const oneTimeTokens = /** @type {Map<string, { alias: string, role: 'HOST' | 'GUEST', expiresAt: number }>} */ (new Map());
  const streams = /** @type {Set<Stream>} */ (new Set());
  /** timers that belong to the conferences' state: cleared by reset() and close() */
  const timers = /** @type {Set<ReturnType<typeof setTimeout>>} */ (new Set());
  /** slowMs delays in flight: cleared by close() */
  const delays = /** @type {Set<{ timer: ReturnType<typeof setTimeout>, resolve: () => void }>} */ (new Set());
  /** @returns {Faults} */
  const noFaults = () => ({ tokenExpiry: undefined, fail: [], slowMs: 0, slow: [], dropSyncAfter: undefined, duplicateEvents: false, disorder: false });
  let faults = noFaults();
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let sweeper;
  let closed = false;
  let bulkCounter = 0;

  // ---------------------------------------------------------------- timers

  /** @param {() => void} fn @param {number} ms */
  function after(ms, fn) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    timers.add(timer);
  }

  /** @param {() => void} fn @param {number} ms */
  function every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    timers.add(timer);
  }

  function clearTimers() {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (sweeper) clearInterval(sweeper);
    sweeper = undefined;
  }

  /** @param {number} ms */
  function delay(ms) {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          delays.delete(entry);
          resolve(undefined);
        }, ms),
        resolve: () => resolve(undefined),
      };
      delays.add(entry);
    });
  }

  // ---------------------------------------------------------------- conferences

  /** @param {ConferenceDefinition} def @returns {Conference} */
  function newConference(def) {
    return {
      def,
      participants: new Map(),
      sessions: new Map(),
      scripted: new Set(),
      locked: false,
      guests_muted: false,
      started: def.startedInitially,
      layout: { ...INITIAL_LAYOUT },
      stage: [],
      messages: [],
      requests: [],
    };
  }

  function build() {
    conferences = new Map(CONFERENCES.map((def) => [def.alias, newConference(def)]));
    bulkCounter = 0;
    const meet = conferences.get('meet');
    if (scripted && meet) runScript(scriptContext(meet));
  }

  /** @param {Conference} conf */
  function statusOf(conf) {
    return {
      locked: conf.locked,
      guests_muted: conf.guests_muted,
      started: conf.started,
      all_muted: false,
      direct_media: false,
      presentation_allowed: true,
      live_captions_available: false,
      breakout_rooms: false,
      guests_can_unmute: false,
      guests_can_present: true,
    };
  }

  /** @param {Conference} conf */
  function layoutEvent(conf) {
    const layout = conf.layout;
    const view = String(layout.layout ?? 'ac');
    const staged = /** @type {{ participant_uuid?: unknown }[]} */ (conf.stage)
      .map((entry) => entry?.participant_uuid)
      .filter((uuid) => typeof uuid === 'string' && conf.participants.has(uuid));
    return {
      view,
      participants: staged.slice(0, 8),
      requested_layout: {
        primary_screen: {
          chair_layout: String(layout.host_layout ?? view),
          guest_layout: String(layout.guest_layout ?? view),
        },
      },
      overlay_text_enabled: layout.enable_overlay_text !== false,
    };
  }

  // ---------------------------------------------------------------- events

  /** @param {Stream} stream @param {string} event @param {unknown} data */
  function write(stream, event, data) {
    const copies = faults.duplicateEvents ? 2 : 1;
    for (let i = 0; i < copies; i += 1) {
      if (stream.res.writableEnded) return;
      stream.id += 1;
      stream.res.write(`event: ${event}\nid: ${stream.id}\ndata: ${JSON.stringify(data ?? null)}\n\n`);
    }
  }

  /**
   * Sends an event to every event stream of the conference.
   * @param {Conference} conf @param {string} event @param {unknown} data
   * @param {{ except?: Session }} [options]
   */
  function emit(conf, event, data, options = {}) {
    for (const session of conf.sessions.values()) {
      if (session === options.except) continue;
      for (const stream of session.streams) write(stream, event, data);
    }
  }

  /** @param {Session} session @param {string} event @param {unknown} data */
  function emitTo(session, event, data) {
    for (const stream of session.streams) write(stream, event, data);
  }

  /** @param {Stream} stream */
  function closeStream(stream) {
    clearInterval(stream.keepAlive);
    stream.session.streams.delete(stream);
    streams.delete(stream);
    if (!stream.res.writableEnded) stream.res.end();
  }

  /** @param {Req} req @param {Res} res @param {Session} session */
  function openStream(req, res, session) {
    res.writeHead(200, 'OK', {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    /** @type {Stream} */
    const stream = {
      res,
      session,
      id: 0,
      keepAlive: setInterval(() => {
        if (!res.writableEnded) res.write(': keep-alive\n\n');
      }, KEEP_ALIVE_MS),
    };
    stream.keepAlive.unref?.();
    session.streams.add(stream);
    streams.add(stream);
    const done = () => closeStream(stream);
    req.on('close', done);
    res.on('close', done);
    write(stream, 'participant_sync_begin', null);
    // dropSyncAfter: this stream ends in the middle of its sync (once).
    const dropAfter = faults.dropSyncAfter;
    faults.dropSyncAfter = undefined;
    let sent = 0;
    for (const participant of session.conf.participants.values()) {
      if (dropAfter !== undefined && sent >= dropAfter) return closeStream(stream);
      write(stream, 'participant_create', participant);
      sent += 1;
    }
    if (dropAfter !== undefined && sent >= dropAfter) return closeStream(stream);
    write(stream, 'participant_sync_end', null);
  }

  // ---------------------------------------------------------------- participants and sessions

  /** @param {Conference} conf @param {RawParticipant} participant */
  function addParticipant(conf, participant) {
    conf.participants.set(participant.uuid, participant);
    // disorder: the update overtakes the create.
    if (faults.disorder) emit(conf, 'participant_update', participant);
    emit(conf, 'participant_create', participant);
  }

  /** participant_delete to everyone; with `disorder`, twice and then a stale update. @param {Conference} conf @param {RawParticipant} participant */
  function emitDelete(conf, participant) {
    emit(conf, 'participant_delete', { uuid: participant.uuid });
    if (!faults.disorder) return;
    emit(conf, 'participant_delete', { uuid: participant.uuid });
    emit(conf, 'participant_update', participant);
  }

  /** @param {Conference} conf @param {RawParticipant} participant @param {Partial<RawParticipant>} changes */
  function updateParticipant(conf, participant, changes) {
    Object.assign(participant, changes, { uuid: participant.uuid });
    const session = conf.sessions.get(participant.uuid);
    if (session && (participant.role === 'chair' || participant.role === 'guest')) {
      session.role = participant.role === 'chair' ? 'HOST' : 'GUEST';
    }
    emit(conf, 'participant_update', participant);
  }

  /** A dialled or joining participant: connecting, then in the conference. @param {Conference} conf @param {RawParticipant} participant */
  function connectLater(conf, participant) {
    after(CONNECT_DELAY_MS, () => {
      if (conf.participants.get(participant.uuid) === participant && participant.service_type === 'connecting') {
        updateParticipant(conf, participant, { service_type: 'conference' });
      }
    });
  }

  /** @param {Session} session */
  function issueToken(session) {
    const seconds = faults.tokenExpiry ?? tokenExpiry;
    const token = randomBytes(48).toString('base64url');
    const expiresAt = Date.now() + seconds * 1000;
    tokens.set(token, { session, expiresAt });
    session.tokens.add(token);
    session.expiresAt = Math.max(session.expiresAt, expiresAt);
    startSweeper();
    return { token, expires: String(seconds) };
  }

  /** @param {string | undefined} token @param {Conference} conf */
  function sessionFor(token, conf) {
    if (!token) return undefined;
    const entry = tokens.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      tokens.delete(token);
      return undefined;
    }
    if (entry.session.ended || entry.session.conf !== conf) return undefined;
    return entry.session;
  }

  /**
   * Ends a client's session: a `disconnect` event when there is a reason, its streams closed,
   * its tokens void, its participant gone (participant_delete to the others).
   * @param {Session} session @param {string | undefined} reason
   */
  function endSession(session, reason) {
    if (session.ended) return;
    session.ended = true;
    for (const stream of [...session.streams]) {
      if (reason) write(stream, 'disconnect', { reason });
      closeStream(stream);
    }
    for (const token of session.tokens) tokens.delete(token);
    const conf = session.conf;
    conf.sessions.delete(session.uuid);
    const participant = conf.participants.get(session.uuid);
    if (participant && conf.participants.delete(session.uuid)) emitDelete(conf, participant);
  }

  /** @param {Conference} conf @param {string} uuid @param {string} reason for a client that is disconnected */
  function removeParticipant(conf, uuid, reason) {
    const session = conf.sessions.get(uuid);
    if (session) return endSession(session, reason);
    conf.scripted.delete(uuid);
    const participant = conf.participants.get(uuid);
    if (participant && conf.participants.delete(uuid)) emitDelete(conf, participant);
  }

  /**
   * Disconnects every client of the conference at once (each gets `disconnect`), then removes
   * their participants; with `everyone`, the simulated participants go too.
   * @param {Conference} conf @param {string} reason @param {boolean} everyone
   */
  function disconnectAll(conf, reason, everyone) {
    const sessions = [...conf.sessions.values()];
    for (const session of sessions) {
      session.ended = true;
      for (const stream of [...session.streams]) {
        write(stream, 'disconnect', { reason });
        closeStream(stream);
      }
      for (const token of session.tokens) tokens.delete(token);
    }
    conf.sessions.clear();
    for (const session of sessions) conf.participants.delete(session.uuid);
    if (everyone) {
      conf.participants.clear();
      conf.scripted.clear();
    }
  }

  function startSweeper() {
    if (sweeper || closed) return;
    sweeper = setInterval(sweep, 250);
    sweeper.unref?.();
  }

  function sweep() {
    const now = Date.now();
    for (const [token, entry] of tokens) if (entry.expiresAt <= now) tokens.delete(token);
    for (const [token, entry] of oneTimeTokens) if (entry.expiresAt <= now) oneTimeTokens.delete(token);
    let sessions = 0;
    for (const conf of conferences.values()) {
      for (const session of [...conf.sessions.values()]) {
        if (session.expiresAt <= now) endSession(session, 'Timer expired awaiting token refresh');
        else sessions += 1;
      }
    }
    if (sessions === 0 && oneTimeTokens.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }

  // ---------------------------------------------------------------- scripted participants

  /** @param {Conference} conf @returns {import('./scripted.mjs').ScriptContext} */
  function scriptContext(conf) {
    return {
      add(fields, options = {}) {
        const role = fields.role === 'chair' ? 'chair' : 'guest';
        const participant = makeParticipant({
          ...fields,
          display_name: fields.display_name,
          local_alias: conf.def.alias,
          role,
          is_muted: role === 'guest' && conf.guests_muted ? 'YES' : 'NO',
          service_type: options.connecting ? 'connecting' : 'conference',
        });
        conf.scripted.add(participant.uuid);
        addParticipant(conf, participant);
        if (options.connecting) connectLater(conf, participant);
        return participant;
      },
      remove(uuid) {
        removeParticipant(conf, uuid, 'Disconnected');
      },
      update(uuid, changes) {
        const participant = conf.participants.get(uuid);
        if (participant) updateParticipant(conf, participant, changes);
      },
      stage(entries) {
        conf.stage = entries;
        emit(conf, 'stage', entries);
      },
      all: () => [...conf.participants.values()],
      scripted: () => [...conf.participants.values()].filter((p) => conf.scripted.has(p.uuid)),
      every,
      after,
    };
  }

  // ---------------------------------------------------------------- client API

  /**
   * @param {Req} req @param {Conference} conf @param {unknown} body @param {string | undefined} pin
   */
  function requestToken(req, conf, body, pin) {
    if (!isObject(body) || typeof body.display_name !== 'string' || body.display_name.trim() === '') {
      return failed(400, 'display_name is required');
    }
    /** @type {'HOST' | 'GUEST'} */
    let role;
    const oneTime = typeof body.token === 'string' ? oneTimeTokens.get(body.token) : undefined;
    if (oneTime && oneTime.alias === conf.def.alias && oneTime.expiresAt > Date.now()) {
      oneTimeTokens.delete(/** @type {string} */ (body.token));
      role = oneTime.role;
    } else {
      const decision = admit(conf.def, pin);
      if ('refusal' in decision) return refused(decision.refusal);
      role = decision.role;
    }
    const waiting = conf.locked && role === 'GUEST';
    const participant = makeClientParticipant({
      display_name: body.display_name,
      local_alias: conf.def.alias,
      role: role === 'HOST' ? 'chair' : 'guest',
      call_tag: typeof body.call_tag === 'string' ? body.call_tag : '',
      vendor: header(req, 'user-agent'),
      service_type: waiting ? 'waiting_room' : 'conference',
      muted: role === 'GUEST' && conf.guests_muted,
      supports_direct_chat: typeof body.supports_direct_chat === 'boolean' ? body.supports_direct_chat : true,
    });
    /** @type {Session} */
    const session = { uuid: participant.uuid, conf, role, tokens: new Set(), expiresAt: 0, streams: new Set(), ended: false };
    conf.sessions.set(session.uuid, session);
    const { token, expires } = issueToken(session);
    addParticipant(conf, participant);
    if (role === 'HOST' && !conf.started) {
      conf.started = true;
      emit(conf, 'conference_update', statusOf(conf));
    }
    return ok({
      token,
      expires,
      participant_uuid: participant.uuid,
      role,
      display_name: participant.display_name,
      current_service_type: waiting ? 'waiting_room' : 'conference',
      service_type: 'conference',
      service_name: conf.def.name,
      conference_name: conf.def.name,
      version: VERSION,
      call_tag: participant.call_tag ?? '',
      chat_enabled: true,
      call_type: 'video',
      fecc_enabled: false,
      guests_can_present: true,
      direct_media: false,
      breakout_rooms: false,
      trickle_ice_enabled: true,
      rtmp_enabled: true,
      analytics_enabled: false,
      use_relay_candidates_only: false,
      stun: [{ url: 'stun:stun.example.com:3478' }],
      turn: [],
    });
  }

  /**
   * Conference-level commands (token checked).
   * @param {Conference} conf @param {Session} session @param {string} call @param {unknown} body
   * @returns {Reply}
   */
  function conferenceCall(conf, session, call, body) {
    if (HOST_ONLY.has(call) && session.role !== 'HOST') return refused('Insufficient privileges');
    switch (call) {
      case 'refresh_token': {
        const { token, expires } = issueToken(session);
        return ok({ token, expires, role: session.role });
      }
      case 'release_token':
        endSession(session, undefined);
        return ok(true);
      case 'conference_status':
        return ok(statusOf(conf));
      case 'participants':
        return ok([...conf.participants.values()]);
      case 'available_layouts':
        return ok(AVAILABLE_LAYOUTS);
      case 'lock':
      case 'unlock': {
        conf.locked = call === 'lock';
        if (!conf.locked) {
          for (const participant of conf.participants.values()) {
            if (participant.service_type === 'waiting_room') updateParticipant(conf, participant, { service_type: 'conference' });
          }
        }
        emit(conf, 'conference_update', statusOf(conf));
        return ok(true);
      }
      case 'muteguests':
      case 'unmuteguests': {
        conf.guests_muted = call === 'muteguests';
        const muted = conf.guests_muted ? 'YES' : 'NO';
        for (const participant of conf.participants.values()) {
          if (participant.role === 'guest' && participant.is_muted !== muted) updateParticipant(conf, participant, { is_muted: muted });
        }
        emit(conf, 'conference_update', statusOf(conf));
        return ok(true);
      }
      case 'start_conference':
        conf.started = true;
        emit(conf, 'conference_update', statusOf(conf));
        return ok(true);
      case 'disconnect':
        disconnectAll(conf, 'Conference terminated by another participant', true);
        return ok(true);
      case 'clearallbuzz':
        for (const participant of conf.participants.values()) {
          if (participant.buzz_time) updateParticipant(conf, participant, { buzz_time: 0 });
        }
        return ok(true);
      case 'message': {
        const problem = messageProblem(body);
        if (problem) return failed(400, problem);
        const message = messageFrom(conf, session, /** @type {Record<string, any>} */ (body), false);
        record(conf, message);
        emit(conf, 'message_received', message, { except: session });
        return ok(true);
      }
      case 'transform_layout': {
        if (!isObject(body) || !isObject(body.transforms)) return failed(400, 'transforms is required');
        conf.layout = Object.keys(body.transforms).length === 0 ? { ...INITIAL_LAYOUT } : { ...conf.layout, ...body.transforms };
        emit(conf, 'layout', layoutEvent(conf));
        return ok(true);
      }
      case 'override_layout': {
        if (!isObject(body) || !Array.isArray(body.layouts)) return failed(400, 'layouts is required');
        const first = body.layouts.find(isObject);
        if (first && typeof first.layout === 'string') conf.layout = { ...conf.layout, layout: first.layout };
        emit(conf, 'layout', layoutEvent(conf));
        return ok(true);
      }
      case 'dial':
        return dial(conf, body);
      default:
        return failed(404, `Unknown request: ${call}`);
    }
  }

  /** @param {Conference} conf @param {unknown} body */
  function dial(conf, body) {
    if (!isObject(body) || typeof body.destination !== 'string' || body.destination.trim() === '') {
      return failed(400, 'destination is required');
    }
    const protocol = body.protocol ?? 'sip';
    if (!['sip', 'h323', 'rtmp', 'mssip', 'auto'].includes(protocol)) return failed(400, `Invalid protocol: ${protocol}`);
    const role = body.role ?? 'HOST';
    if (role !== 'HOST' && role !== 'GUEST') return failed(400, `Invalid role: ${role}`);
    if (body.streaming !== undefined && body.streaming !== 'yes' && body.streaming !== 'no') {
      return failed(400, `Invalid streaming: ${body.streaming}`);
    }
    if (/fail/i.test(body.destination)) return refused('Gateway dial out failed');
    const participant = makeDialledParticipant({
      alias: conf.def.alias,
      destination: body.destination,
      protocol,
      role,
      streaming: body.streaming,
      call_type: body.call_type,
      remote_display_name: typeof body.remote_display_name === 'string' ? body.remote_display_name : undefined,
      text: typeof body.text === 'string' ? body.text : undefined,
      source: typeof body.source === 'string' ? body.source : undefined,
    });
    if (participant.role === 'guest' && conf.guests_muted) participant.is_muted = 'YES';
    addParticipant(conf, participant);
    connectLater(conf, participant);
    return ok([participant.uuid]);
  }

  /** @param {unknown} body */
  function messageProblem(body) {
    if (!isObject(body)) return 'type and payload are required';
    if (!MESSAGE_TYPES.has(body.type)) return `Invalid message type: ${body.type}`;
    if (typeof body.payload !== 'string') return 'payload must be a string';
    return undefined;
  }

  /** @param {Conference} conf @param {Session} session @param {Record<string, any>} body @param {boolean} direct */
  function messageFrom(conf, session, body, direct) {
    const sender = conf.participants.get(session.uuid);
    return {
      origin: sender?.display_name ?? '',
      uuid: session.uuid,
      type: String(body.type),
      payload: String(body.payload),
      direct,
    };
  }

  /** @param {Conference} conf @param {Message} message */
  function record(conf, message) {
    conf.messages.push(message);
    if (conf.messages.length > LOG_LIMIT) conf.messages.splice(0, conf.messages.length - LOG_LIMIT);
  }

  /**
   * `participants/<uuid>/<call>` (token checked).
   * @param {Conference} conf @param {Session} session @param {string} uuid @param {string} call @param {unknown} body
   * @returns {Reply}
   */
  function participantCall(conf, session, uuid, call, body) {
    const target = conf.participants.get(uuid);
    if (!target) return refused('Participant not found');
    const self = uuid === session.uuid;
    if (session.role !== 'HOST' && !(GUEST_ON_ANYONE.has(call) || (self && GUEST_ON_SELF.has(call)))) {
      return refused('Insufficient privileges');
    }
    const set = (/** @type {Partial<RawParticipant>} */ changes) => {
      updateParticipant(conf, target, changes);
      return ok(true);
    };
    switch (call) {
      case 'disconnect':
        removeParticipant(conf, uuid, self ? 'API initiated participant disconnect' : 'Disconnected by another participant');
        return ok(true);
      case 'mute':
        return set({ is_muted: 'YES' });
      case 'unmute':
        return set({ is_muted: 'NO' });
      case 'video_muted':
        return set({ is_video_muted: true });
      case 'video_unmuted':
        return set({ is_video_muted: false });
      case 'spotlighton':
        return set({ spotlight: unixNow() });
      case 'spotlightoff':
        return set({ spotlight: 0 });
      case 'allowrxpresentation':
        return set({ rx_presentation_policy: 'ALLOW' });
      case 'denyrxpresentation':
        return set({ rx_presentation_policy: 'DENY' });
      case 'unlock':
        return target.service_type === 'waiting_room' ? set({ service_type: 'conference' }) : ok(true);
      case 'buzz':
        return set({ buzz_time: unixNow() });
      case 'clearbuzz':
        return set({ buzz_time: 0 });
      case 'dtmf':
        if (!isObject(body) || typeof body.digits !== 'string' || !/^[0-9*#A-Da-d]+$/.test(body.digits)) {
          return refused('Invalid DTMF digits');
        }
        return ok(true);
      case 'overlaytext':
        if (!isObject(body) || typeof body.text !== 'string') return refused('text is required');
        return set({ overlay_text: body.text });
      case 'role': {
        const role = isObject(body) ? body.role : undefined;
        if (role !== 'chair' && role !== 'guest') return refused('Invalid role');
        updateParticipant(conf, target, { role });
        const targetSession = conf.sessions.get(uuid);
        if (targetSession) emitTo(targetSession, 'refresh_token', null);
        return ok(true);
      }
      case 'transfer':
        return transfer(conf, target, body);
      case 'message': {
        const problem = messageProblem(body);
        if (problem) return failed(400, problem);
        const message = messageFrom(conf, session, /** @type {Record<string, any>} */ (body), true);
        record(conf, { ...message, to: uuid });
        const targetSession = conf.sessions.get(uuid);
        if (targetSession) emitTo(targetSession, 'message_received', message);
        return ok(true);
      }
      default:
        return failed(404, `Unknown request: participants/${uuid}/${call}`);
    }
  }

  /** @param {Conference} conf @param {RawParticipant} target @param {unknown} body */
  function transfer(conf, target, body) {
    if (!isObject(body) || typeof body.conference_alias !== 'string') return refused('conference_alias is required');
    const destination = conferences.get(body.conference_alias);
    if (!destination) return refused('transfer failed');
    const wanted = String(body.role ?? 'guest').toLowerCase();
    if (!['host', 'guest', 'chair'].includes(wanted)) return refused('Invalid role');
    /** @type {'HOST' | 'GUEST'} */
    const role = wanted === 'guest' ? 'GUEST' : 'HOST';
    const { hostPin, guestPin } = destination.def;
    const pin = typeof body.pin === 'string' ? body.pin : undefined;
    if (role === 'HOST' && hostPin !== null && pin !== hostPin) return refused('Invalid PIN');
    if (role === 'GUEST' && guestPin !== null && pin !== guestPin && pin !== hostPin) return refused('Invalid PIN');
    const session = conf.sessions.get(target.uuid);
    if (session) {
      const token = randomBytes(24).toString('base64url');
      oneTimeTokens.set(token, { alias: destination.def.alias, role, expiresAt: Date.now() + ONE_TIME_TOKEN_MS });
      startSweeper();
      emitTo(session, 'refer', { alias: destination.def.alias, token });
      endSession(session, undefined);
    } else {
      removeParticipant(conf, target.uuid, 'Transferred');
      const moved = makeParticipant({
        ...target,
        uuid: randomUUID(),
        local_alias: destination.def.alias,
        role: role === 'HOST' ? 'chair' : 'guest',
        start_time: unixNow(),
        spotlight: 0,
        buzz_time: 0,
      });
      addParticipant(destination, moved);
    }
    return ok(true);
  }

  /** @param {string} path */
  function takeFailRule(path) {
    const index = faults.fail.findIndex((rule) => rule.match === undefined || path.includes(rule.match));
    if (index < 0) return undefined;
    const rule = faults.fail[index];
    rule.count -= 1;
    if (rule.count <= 0) faults.fail.splice(index, 1);
    return rule;
  }

  /** @param {Req} req @param {Res} res @param {URL} url */
  async function serveClient(req, res, url) {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/\/+$/, '');
    const parsed = method === 'GET' || method === 'HEAD' ? { value: undefined } : await readBody(req);
    const body = 'value' in parsed ? parsed.value : undefined;
    const headerToken = header(req, 'token');
    const queryToken = url.searchParams.get('token') ?? undefined;
    const pin = header(req, 'pin');

    const rest = path.startsWith(CONFERENCE_PREFIX) ? path.slice(CONFERENCE_PREFIX.length).split('/') : [];
    /** @type {string[]} */
    let decoded;
    try {
      decoded = rest.map((segment) => decodeURIComponent(segment));
    } catch {
      return sendJson(res, 400, { status: 'failed', result: 'Malformed path' });
    }
    const [alias = '', ...segments] = decoded;
    const conf = conferences.get(alias);
    if (conf) {
      /** @type {LoggedRequest} */
      const entry = { method, path, body: body ?? null, token: Boolean(headerToken || queryToken) };
      if (pin !== undefined) entry.pin = pin;
      conf.requests.push(entry);
      if (conf.requests.length > LOG_LIMIT) conf.requests.splice(0, conf.requests.length - LOG_LIMIT);
    }

    if (faults.slowMs > 0) await delay(faults.slowMs);
    const slowFor = faults.slow.filter((rule) => rule.match === undefined || path.includes(rule.match)).reduce((sum, rule) => sum + rule.ms, 0);
    if (slowFor > 0) await delay(slowFor);
    if (closed) return sendJson(res, 503, { status: 'failed', result: 'Simulator closed' });
    const rule = takeFailRule(path);
    if (rule) return reply(res, failed(rule.status, rule.reason ?? defaultReason(rule.status)));

    if (!path.startsWith(CONFERENCE_PREFIX) || rest.length < 2) return reply(res, failed(404, `Unknown request: ${path}`));
    if (!conf) return reply(res, failed(404, 'Neither conference nor gateway found'));
    const call = segments.join('/');
    const participantCallName = segments.length === 3 && segments[0] === 'participants' ? segments[2] : undefined;
    const known = call === 'request_token' || GET_CALLS.has(call) || CONFERENCE_POSTS.has(call) || participantCallName !== undefined;
    if (!known) return reply(res, failed(404, `Unknown request: ${call}`));
    const wantsGet = GET_CALLS.has(call);
    if ((wantsGet && method !== 'GET') || (!wantsGet && method !== 'POST')) {
      return reply(res, failed(405, `Method ${method} not allowed for ${call}`));
    }
    if ('error' in parsed) return reply(res, failed(parsed.status, parsed.error));

    if (call === 'request_token') return reply(res, requestToken(req, conf, body, pin));
    const session = sessionFor(headerToken ?? (method === 'GET' ? queryToken : undefined), conf);
    if (!session) return reply(res, refused('Invalid token'));
    if (call === 'events') return openStream(req, res, session);
    if (participantCallName !== undefined) return reply(res, participantCall(conf, session, segments[1], participantCallName, body));
    return reply(res, conferenceCall(conf, session, call, body));
  }

  /** @param {Res} res @param {Reply} answer */
  function reply(res, answer) {
    sendJson(res, answer.status, answer.body);
  }

  // ---------------------------------------------------------------- control API

  /** @param {unknown} body */
  function applyFaults(body) {
    if (!isObject(body)) return new Reply(400, { error: 'faults: a JSON object is required' });
    if (body.tokenExpiry !== undefined) {
      if (body.tokenExpiry !== null && !(typeof body.tokenExpiry === 'number' && body.tokenExpiry > 0)) {
        return new Reply(400, { error: 'tokenExpiry: a positive number of seconds (or null) is required' });
      }
    }
    if (body.fail !== undefined && body.fail !== null) {
      const fail = body.fail;
      if (!isObject(fail) || !Number.isInteger(fail.status) || fail.status < 100 || fail.status > 599) {
        return new Reply(400, { error: 'fail: {status: 100-599, reason?, count?, match?} is required' });
      }
      if (fail.count !== undefined && !(Number.isInteger(fail.count) && fail.count > 0)) {
        return new Reply(400, { error: 'fail.count: a positive integer is required' });
      }
    }
    if (body.slowMs !== undefined && !(typeof body.slowMs === 'number' && body.slowMs >= 0)) {
      return new Reply(400, { error: 'slowMs: a number of milliseconds >= 0 is required' });
    }
    if (body.slow !== undefined && body.slow !== null) {
      const slow = body.slow;
      if (!isObject(slow) || !(typeof slow.ms === 'number' && slow.ms >= 0) || (slow.match !== undefined && typeof slow.match !== 'string')) {
        return new Reply(400, { error: 'slow: {ms: >= 0, match?: string} is required' });
      }
    }
    if (body.dropSyncAfter !== undefined && body.dropSyncAfter !== null && !(Number.isInteger(body.dropSyncAfter) && body.dropSyncAfter >= 0)) {
      return new Reply(400, { error: 'dropSyncAfter: an integer >= 0 (or null) is required' });
    }
    for (const name of ['duplicateEvents', 'disorder', 'expireTokens']) {
      if (body[name] !== undefined && typeof body[name] !== 'boolean') return new Reply(400, { error: `${name}: true or false is required` });
    }
    if (body.tokenExpiry !== undefined) faults.tokenExpiry = body.tokenExpiry ?? undefined;
    if (body.fail === null) faults.fail = [];
    else if (isObject(body.fail)) {
      faults.fail.push({
        status: body.fail.status,
        reason: typeof body.fail.reason === 'string' ? body.fail.reason : undefined,
        count: body.fail.count ?? 1,
        match: typeof body.fail.match === 'string' ? body.fail.match : undefined,
      });
    }
    if (body.slowMs !== undefined) faults.slowMs = body.slowMs;
    if (body.slow === null) faults.slow = [];
    else if (isObject(body.slow)) faults.slow.push({ ms: body.slow.ms, match: typeof body.slow.match === 'string' ? body.slow.match : undefined });
    if (body.dropSyncAfter !== undefined) faults.dropSyncAfter = body.dropSyncAfter ?? undefined;
    if (body.duplicateEvents !== undefined) faults.duplicateEvents = body.duplicateEvents;
    if (body.disorder !== undefined) faults.disorder = body.disorder;
    if (body.expireTokens === true) {
      const now = Date.now();
      for (const entry of tokens.values()) {
        entry.expiresAt = now;
        entry.session.expiresAt = Math.min(entry.session.expiresAt, now);
      }
    }
    if (body.dropEvents === true) for (const stream of [...streams]) closeStream(stream);
    return new Reply(200, { ok: true });
  }

  /** @param {Conference} conf */
  function snapshot(conf) {
    return {
      participants: [...conf.participants.values()],
      locked: conf.locked,
      guests_muted: conf.guests_muted,
      started: conf.started,
      layout: conf.layout,
      stage: conf.stage,
      messages: conf.messages,
      requests: conf.requests,
    };
  }

  /** @param {Conference} conf @param {unknown} body */
  function controlAddParticipant(conf, body) {
    if (!isObject(body) || typeof body.display_name !== 'string') return new Reply(400, { error: 'display_name is required' });
    const role = body.role ?? 'guest';
    if (role !== 'chair' && role !== 'guest') return new Reply(400, { error: "role: 'chair' or 'guest'" });
    if (typeof body.uuid === 'string' && conf.participants.has(body.uuid)) return new Reply(409, { error: `uuid ${body.uuid} exists` });
    const participant = makeParticipant({
      is_muted: role === 'guest' && conf.guests_muted ? 'YES' : 'NO',
      ...body,
      display_name: body.display_name,
      local_alias: typeof body.local_alias === 'string' ? body.local_alias : conf.def.alias,
      role,
    });
    addParticipant(conf, participant);
    return new Reply(200, { uuid: participant.uuid });
  }

  /** @param {Conference} conf @param {unknown} body */
  function controlRoster(conf, body) {
    const count = isObject(body) ? body.count : undefined;
    if (!Number.isInteger(count) || count < 0 || count > MAX_ROSTER) {
      return new Reply(400, { error: `count: an integer from 0 to ${MAX_ROSTER} is required` });
    }
    for (let i = 0; i < count; i += 1) {
      addParticipant(
        conf,
        makeParticipant({
          display_name: bulkName(bulkCounter++),
          local_alias: conf.def.alias,
          role: 'guest',
          is_muted: conf.guests_muted ? 'YES' : 'NO',
        }),
      );
    }
    return new Reply(200, { count });
  }

  /** @param {Conference} conf @param {unknown} body */
  function controlStage(conf, body) {
    const valid =
      Array.isArray(body) &&
      body.every(
        (entry) =>
          isObject(entry) &&
          typeof entry.participant_uuid === 'string' &&
          typeof entry.stage_index === 'number' &&
          typeof entry.vad === 'number',
      );
    if (!valid) return new Reply(400, { error: 'stage: [{participant_uuid, stage_index, vad}] is required' });
    conf.stage = /** @type {unknown[]} */ (body);
    emit(conf, 'stage', body);
    return new Reply(200, { ok: true });
  }

  /** @param {Conference} conf @param {unknown} body */
  function controlMessage(conf, body) {
    if (!isObject(body) || typeof body.origin !== 'string' || typeof body.payload !== 'string') {
      return new Reply(400, { error: 'origin and payload (strings) are required' });
    }
    const sender = [...conf.participants.values()].find((p) => p.display_name === body.origin);
    /** @type {Message} */
    const message = {
      origin: body.origin,
      uuid: typeof body.uuid === 'string' ? body.uuid : (sender?.uuid ?? randomUUID()),
      type: typeof body.type === 'string' ? body.type : 'text/plain',
      payload: body.payload,
      direct: false,
    };
    record(conf, message);
    emit(conf, 'message_received', message);
    return new Reply(200, { ok: true });
  }

  /** @param {Req} req @param {Res} res @param {URL} url */
  async function serveControl(req, res, url) {
    const method = (req.method ?? 'GET').toUpperCase();
    /** @type {string[]} */
    let parts;
    try {
      parts = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '').split('/').map(decodeURIComponent);
    } catch {
      return reply(res, new Reply(400, { error: 'Malformed path' }));
    }
    const parsed = method === 'GET' || method === 'HEAD' ? { value: undefined } : await readBody(req);
    if ('error' in parsed) return reply(res, new Reply(parsed.status, { error: parsed.error }));
    const body = parsed.value;
    const route = `${method} ${parts[0] ?? ''}`;
    if (closed) return reply(res, new Reply(503, { error: 'Simulator closed' }));

    if (route === 'POST reset' && parts.length === 1) {
      reset();
      return reply(res, new Reply(200, { ok: true }));
    }
    if (route === 'POST faults' && parts.length === 1) return reply(res, applyFaults(body));
    if (route === 'GET conferences' && parts.length === 1) {
      return reply(
        res,
        new Reply(200, {
          conferences: [...conferences.values()].map((conf) => ({
            alias: conf.def.alias,
            name: conf.def.name,
            pin: conf.def.hostPin,
            guest_pin: conf.def.guestPin,
            description: conf.def.description,
            participants: conf.participants.size,
          })),
        }),
      );
    }
    if (parts[0] === 'conferences' && parts.length >= 2) {
      const conf = conferences.get(parts[1]);
      if (!conf) return reply(res, new Reply(404, { error: `No conference ${parts[1]}` }));
      const sub = parts.slice(2).join('/');
      if (method === 'GET' && sub === '') return reply(res, new Reply(200, snapshot(conf)));
      if (method === 'POST' && sub === 'participants') return reply(res, controlAddParticipant(conf, body));
      if (method === 'POST' && sub === 'roster') return reply(res, controlRoster(conf, body));
      if (method === 'POST' && sub === 'stage') return reply(res, controlStage(conf, body));
      if (method === 'POST' && sub === 'messages') return reply(res, controlMessage(conf, body));
      if (method === 'POST' && sub === 'disconnect') {
        const reason = isObject(body) && typeof body.reason === 'string' ? body.reason : 'Conference terminated by an administrator';
        disconnectAll(conf, reason, false);
        return reply(res, new Reply(200, { ok: true }));
      }
      if (parts.length === 4 && parts[2] === 'participants' && (method === 'PATCH' || method === 'DELETE')) {
        const participant = conf.participants.get(parts[3]);
        if (!participant) return reply(res, new Reply(404, { error: `No participant ${parts[3]}` }));
        if (method === 'DELETE') {
          removeParticipant(conf, participant.uuid, 'Disconnected by an administrator');
        } else {
          if (!isObject(body)) return reply(res, new Reply(400, { error: 'a JSON object of raw fields is required' }));
          updateParticipant(conf, participant, body);
        }
        return reply(res, new Reply(200, { ok: true }));
      }
    }
    return reply(res, new Reply(404, { error: `Unknown simulator request: ${method} ${url.pathname}` }));
  }

  // ---------------------------------------------------------------- lifecycle

  function stopEverything() {
    for (const stream of [...streams]) closeStream(stream);
    tokens.clear();
    oneTimeTokens.clear();
    clearTimers();
  }

  function reset() {
    stopEverything();
    faults = noFaults();
    if (!closed) build();
  }

  function close() {
    closed = true;
    stopEverything();
    for (const entry of delays) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    delays.clear();
    conferences = new Map();
  }

  /**
   * @param {Req} req @param {Res} res
   * @returns {boolean} whether the request is the simulator's (it then answers it)
   */
  function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (!isSimulatorPath(url.pathname)) return false;
    const serve = url.pathname.startsWith(API_PREFIX) ? serveClient : serveControl;
    serve(req, res, url).catch((error) => {
      sendJson(res, 500, { status: 'failed', result: `Simulator error: ${error instanceof Error ? error.message : String(error)}` });
    });
    return true;
  }

  build();
  return { handle, reset, close };
}

/**
 * Whether a path is the simulator's: the client API (/api/client/v2/...) or the control API
 * (/_simulator/...).
 * @param {string} pathname
 */
export function isSimulatorPath(pathname) {
  return pathname.startsWith(API_PREFIX) || pathname.startsWith(CONTROL_PREFIX) || pathname === '/_simulator';
}

/**
 * Mounts a simulator in Connect (Vite's `server.middlewares`).
 * @param {{ handle(req: Req, res: Res): boolean }} simulator
 * @returns {(req: Req, res: Res, next: (error?: unknown) => void) => void}
 */
export function connectMiddleware(simulator) {
  return (req, res, next) => {
    if (!simulator.handle(req, res)) next();
  };
}

/**
 * Mounts a simulator in Koa (web-test-runner's `middleware`). Koa leaves the response to the
 * simulator (`respond = false`) and sees status 200: the simulator starts answering only once
 * the Koa chain has unwound (setImmediate), so the test runner, which reports every 404 as a
 * missing file, does not list the API's deliberate 404s (unknown alias, unknown path). Tests
 * see the real statuses.
 * @param {{ handle(req: Req, res: Res): boolean }} simulator
 * @returns {(ctx: { req: Req, res: Res, path: string, respond?: boolean, status: number }, next: () => Promise<unknown>) => Promise<unknown>}
 */
export function koaMiddleware(simulator) {
  return async function infinitySimulator(ctx, next) {
    if (!isSimulatorPath(ctx.path)) return next();
    ctx.respond = false;
    ctx.status = 200;
    setImmediate(() => simulator.handle(ctx.req, ctx.res));
    return undefined;
  };
}
