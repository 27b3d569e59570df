/**
 * The three token calls — request_token (with the PIN dialogue), refresh_token, release_token —
 * on our own REST client (rest.ts), with the wire Infinity's schemas describe (the tests judge
 * it with the vendor's validators). Every answer is read raw, so a status outside the schema or
 * an answer that is not JSON still yields the server's reason; and a 200 that lacks fields the
 * schema requires but carries what a session needs is used, with a warning (a newer Infinity
 * changing a field must not lock users out).
 */
import { ConferenceNotFoundError, couldNot, InfinityJoinError, messageOf, PinRequiredError } from './errors.js';
import { answerReason, conferenceBase, resultOf, sendRequest, type RawAnswer, type RestRequest } from './rest.js';
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
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && typeof v.participant_uuid === 'string' && (typeof v.expires === 'string' || typeof v.expires === 'number');
}

/** The fields of request_token's result that the vendor schema requires but the session can do without, when missing or of another type. */
function schemaGaps(result: RawTokenResult): string[] {
  return [
    typeof result.expires !== 'string' && 'expires (a string)',
    result.role !== 'HOST' && result.role !== 'GUEST' && "role ('HOST' or 'GUEST')",
    typeof result.display_name !== 'string' && 'display_name',
    typeof result.current_service_type !== 'string' && 'current_service_type',
    !(result.version && typeof result.version === 'object') && 'version',
  ].filter(Boolean) as string[];
}

/**
 * POSTs `<conference>/<call>`. A request that got no answer rejects with an InfinityJoinError
 * that says what could not be done ("Could not join \"meet\": Failed to fetch").
 */
async function tokenCall(target: TokenTarget, call: string, request: RestRequest, what: string): Promise<RawAnswer> {
  try {
    return await sendRequest(target.fetcher, `${conferenceBase(target.node, target.alias)}/${call}`, request);
  } catch (error) {
    throw couldNot(what, target.alias, messageOf(error));
  }
}

/** A failure with the answer's status and the server's reason. */
function failure(alias: string, status: number, reason: string | undefined, what = 'join'): InfinityJoinError {
  return couldNot(what, alias, `${status}${reason ? ` ${reason}` : ''}`, 'failed', status, reason);
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
  if (typeof displayName !== 'string') throw couldNot('join', alias, 'displayName must be a string.');
  let asked = false;
  for (;;) {
    // The PIN goes in its header only: the body's unknown fields are dropped by Infinity.
    const answer = await tokenCall(target, 'request_token', { body: { display_name: displayName }, headers: pin === undefined ? undefined : { pin } }, 'join');
    const { status } = answer;
    const result = resultOf(answer.json);
    if (status === 200) {
      if (hasSessionFields(result)) {
        const gaps = schemaGaps(result);
        if (gaps.length > 0) console.warn(`[pex] request_token's answer does not match Infinity's schema (${gaps.join(', ')}); using it anyway.`);
        return { session: result, pin: pin === 'none' ? undefined : pin };
      }
      throw couldNot('join', alias, 'request_token answered without a token.', 'failed', 200);
    }
    const reason = answerReason(answer);
    if (status === 404) throw new ConferenceNotFoundError(alias, reason);
    if (status !== 403) throw failure(alias, status, reason);
    if (typeof result === 'string') throw couldNot('join', alias, result, 'refused', 403, result);
    const refusal = (result ?? {}) as Record<string, unknown>;
    if ('pin' in refusal || 'guest_pin' in refusal) {
      const request: PinRequest = { alias, hostPinRequired: refusal.pin === 'required', guestPinRequired: refusal.guest_pin === 'required' };
      const answered = asked || !requestPin ? undefined : await requestPin(request);
      if (answered === null || answered === undefined) throw new PinRequiredError(alias, request.hostPinRequired, request.guestPinRequired);
      asked = true;
      const trimmed = answered.trim();
      // Infinity's spelling for "no PIN, join as guest" when only hosts need one.
      pin = trimmed === '' ? 'none' : trimmed;
      continue;
    }
    if ('idp' in refusal || 'redirect_url' in refusal) {
      throw couldNot('join', alias, 'it signs users in with SSO (an identity provider), which this connection does not support.', 'idp-required', 403);
    }
    if (refusal.conference_extension === 'required') {
      throw couldNot('join', alias, 'it needs a conference extension (a meeting id), which this connection does not send.', 'extension-required', 403);
    }
    throw failure(alias, 403, reason ?? JSON.stringify(result));
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
  const what = 'refresh the token for';
  const answer = await tokenCall(target, 'refresh_token', { headers: { token } }, what);
  const result = resultOf(answer.json);
  const { token: renewed, expires, role } = (answer.status === 200 && result && typeof result === 'object' ? result : {}) as Record<string, unknown>;
  if (typeof renewed === 'string' && Number.isFinite(Number(expires))) {
    return { token: renewed, expires: Number(expires), role: role === 'HOST' || role === 'GUEST' ? role : undefined };
  }
  throw failure(target.alias, answer.status, answerReason(answer), what);
}

/**
 * `POST release_token` with the token. `keepalive` lets the request outlive the page (for
 * `pagehide`). Never rejects: leaving must not fail because the node is gone.
 */
export async function releaseSessionToken(target: TokenTarget, token: string, keepalive = false): Promise<void> {
  // The schema asks for a JSON object body, empty here.
  await tokenCall(target, 'release_token', { body: {}, headers: { token }, keepalive }, 'release the token for').catch(() => undefined);
}
