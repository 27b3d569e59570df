/**
 * The three token calls — request_token (with the PIN dialogue), refresh_token, release_token —
 * on our own REST client (rest.ts), with the wire Infinity's schemas describe (the tests judge
 * it with the vendor's validators). Every answer is read raw, so a status outside the schema or
 * an answer that is not JSON still yields the server's reason; and a 200 that lacks fields the
 * schema requires but carries what a session needs is used, with a warning (a newer Infinity
 * changing a field must not lock users out).
 */
import { couldNot, messageOf, texts } from './errors.js';
import { conferenceBase, resultOf, sendRequest, type RawAnswer, type RestRequest } from './rest.js';
import type { RawTokenResult } from './raw-types.js';

/** What the conference asks for when it wants a PIN. */
export interface PinRequest {
  alias: string;
  /** The host PIN is needed to join as host. */
  hostPinRequired: boolean;
  /**
   * The guest PIN is needed to join as guest. When false (and the host PIN is required),
   * answering '' joins as a guest without a PIN.
   */
  guestPinRequired: boolean;
}

/** Answers a PIN request: the PIN, '' to join as guest when no guest PIN is needed, or null/undefined to give up. */
export type RequestPin = (request: PinRequest) => string | null | undefined | Promise<string | null | undefined>;

export interface TokenTarget {
  /** The node's base URL ('' for this page's origin). */
  node: string;
  alias: string;
  fetcher: typeof fetch;
}

function hasSessionFields(value: unknown): value is RawTokenResult {
  // A primitive has none of these fields; null and undefined have no fields at all.
  const v = value as Record<string, unknown> | null | undefined;
  return typeof v?.token === 'string' && typeof v.participant_uuid === 'string' && (typeof v.expires === 'string' || typeof v.expires === 'number');
}

/**
 * Which fields of request_token's result that the vendor schema requires but the session can do
 * without are missing or of another type (true), in the order texts.ts `warnSchema` names them.
 */
function schemaGaps(result: RawTokenResult): boolean[] {
  return [
    typeof result.expires !== 'string',
    result.role !== 'HOST' && result.role !== 'GUEST',
    typeof result.display_name !== 'string',
    typeof result.current_service_type !== 'string',
    !(result.version && typeof result.version === 'object'),
  ];
}

/**
 * POSTs `<conference>/<call>`. A request that got no answer rejects with an InfinityJoinError
 * that says what could not be done ("Could not join \"meet\": Failed to fetch").
 */
async function tokenCall(target: TokenTarget, call: string, request: RestRequest, what: string): Promise<RawAnswer> {
  try {
    return await sendRequest(target.fetcher, `${conferenceBase(target.node, target.alias)}/${call}`, request);
  } catch (error) {
    // No answer, maybe no network: these words are here, not fetched (texts.ts).
    throw couldNot(what, target.alias, messageOf(error));
  }
}


/**
 * `POST request_token {display_name}`, with the `pin` header when there is a PIN. On a 403 that
 * asks for a PIN and no PIN was given, asks `requestPin` once and retries with its answer.
 * Rejects with PinRequiredError, InfinityJoinError ('refused' for a wrong PIN with the server's
 * reason, 'idp-required', 'extension-required', 'failed') or ConferenceNotFoundError.
 * Resolves to the session and the PIN it was granted with (none for 'none', Infinity's "no PIN").
 */
export async function requestSessionToken(
  target: TokenTarget,
  displayName: string,
  pin: string | undefined,
  requestPin: RequestPin | undefined,
): Promise<{ session: RawTokenResult; pin: string | undefined }> {
  const { alias } = target;
  // Checked here, before anything is sent: Infinity requires it (as a string).
  if (typeof displayName !== 'string') throw (await texts()).badDisplayName(alias);
  let asked = false;
  for (;;) {
    // The PIN goes in its header only: the body's unknown fields are dropped by Infinity.
    const answer = await tokenCall(target, 'request_token', { body: { display_name: displayName }, headers: pin === undefined ? undefined : { pin } }, 'join');
    const { status } = answer;
    const result = resultOf(answer.json);
    if (status === 200) {
      if (hasSessionFields(result)) {
        const gaps = schemaGaps(result);
        if (gaps.includes(true)) void texts().then((words) => words.warnSchema(gaps));
        return { session: result, pin: pin === 'none' ? undefined : pin };
      }
      throw (await texts()).noToken(alias);
    }
    const refusal = ((status === 403 && typeof result === 'object' && result) || {}) as Record<string, unknown>;
    if ('pin' in refusal || 'guest_pin' in refusal) {
      const request: PinRequest = { alias, hostPinRequired: refusal.pin === 'required', guestPinRequired: refusal.guest_pin === 'required' };
      const answered = asked || !requestPin ? undefined : await requestPin(request);
      if (answered === null || answered === undefined) throw (await texts()).pinRequired(request);
      asked = true;
      const trimmed = answered.trim();
      // Infinity's spelling for "no PIN, join as guest" when only hosts need one.
      pin = trimmed === '' ? 'none' : trimmed;
      continue;
    }
    // Any other answer: no such conference, SSO, an extension, a server's reason (texts.ts).
    throw (await texts()).joinRefused(alias, answer);
  }
}

/** A refreshed token. */
export interface RefreshedToken {
  token: string;
  /** Seconds. */
  expires: number;
  role?: 'HOST' | 'GUEST';
}

/**
 * `POST refresh_token` with the current token. Rejects with an InfinityJoinError whose status is
 * the answer's (403: the token is no longer valid), or none when the request got no answer.
 */
export async function refreshSessionToken(target: TokenTarget, token: string): Promise<RefreshedToken> {
  const answer = await tokenCall(target, 'refresh_token', { headers: { token } }, 'refresh the token for');
  const result = resultOf(answer.json);
  // A primitive result has none of these fields.
  const { token: renewed, expires, role } = ((answer.status === 200 && result) || {}) as Record<string, unknown>;
  if (typeof renewed === 'string' && Number.isFinite(Number(expires))) {
    return { token: renewed, expires: Number(expires), role: role === 'HOST' || role === 'GUEST' ? role : undefined };
  }
  throw (await texts()).refreshRefused(target.alias, answer);
}

/**
 * `POST release_token` with the token. `keepalive` lets the request outlive the page (for
 * `pagehide`). Never rejects: leaving must not fail because the node is gone.
 */
export async function releaseSessionToken(target: TokenTarget, token: string, keepalive = false): Promise<void> {
  // The schema asks for a JSON object body, empty here. Whatever happens is dropped: no words needed.
  await sendRequest(target.fetcher, `${conferenceBase(target.node, target.alias)}/release_token`, { body: {}, headers: { token }, keepalive }).catch(() => undefined);
}
