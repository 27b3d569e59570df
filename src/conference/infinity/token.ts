/**
 * The three token calls — request_token (with the PIN dialogue), refresh_token, release_token —
 * through Pexip's typed client `@pexip/infinity-api`. Its two weak points are covered here: a
 * fetch wrapper keeps a copy of every raw answer, so a status outside its schema ("Unexpected
 * status N") or an answer that fails its strict validation still yields the server's reason;
 * and a 200 that fails validation but carries what a session needs is used, with a warning
 * (a newer Infinity adding a field must not lock users out).
 */
import { refreshToken, releaseToken, requestToken, withPin, withToken } from '@pexip/infinity-api';
import { ConferenceNotFoundError, InfinityJoinError, PinRequiredError } from './errors.js';
import { answerReason, readAnswer, type RawAnswer } from './rest.js';
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

/** A fetch that remembers a copy of the last answer, for the reason the typed client may drop. */
function recording(fetcher: typeof fetch): { fetch: typeof fetch; last(): Response | undefined } {
  let last: Response | undefined;
  return {
    fetch: async (input, init) => {
      const response = await fetcher(input, init);
      last = response.clone();
      return response;
    },
    last: () => last,
  };
}

function hasSessionFields(value: unknown): value is RawTokenResult {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && typeof v.participant_uuid === 'string' && (typeof v.expires === 'string' || typeof v.expires === 'number');
}

/**
 * Calls the typed client; when it throws (a status outside its schema, an answer that fails
 * validation, an answer that is not JSON), returns the raw answer instead so the caller can
 * still read the server's reason. A request that got no answer at all rethrows.
 */
async function typedOrRaw<T extends { status: number; data: unknown }>(
  call: (fetcher: typeof fetch) => Promise<T>,
  fetcher: typeof fetch,
): Promise<{ status: number; data: unknown; raw?: RawAnswer; error?: unknown }> {
  const recorder = recording(fetcher);
  try {
    return await call(recorder.fetch);
  } catch (error) {
    const last = recorder.last();
    if (!last) throw error;
    const raw = await readAnswer(last);
    return { status: raw.status, data: raw.json, raw, error };
  }
}

function resultOf(data: unknown): unknown {
  return data && typeof data === 'object' && 'result' in data ? (data as { result: unknown }).result : undefined;
}

function failure(alias: string, status: number, reason: string | undefined, what = 'join'): InfinityJoinError {
  return new InfinityJoinError(`Could not ${what} "${alias}": ${status}${reason ? ` ${reason}` : ''}`, 'failed', status, reason);
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
  let asked = false;
  for (;;) {
    const fetcher = pin === undefined ? target.fetcher : withPin(target.fetcher, pin);
    let answer: Awaited<ReturnType<typeof typedOrRaw>>;
    try {
      answer = await typedOrRaw(
        (f) => requestToken({ fetcher: f, host: target.node, params: { conferenceAlias: alias }, body: { display_name: displayName } }),
        fetcher,
      );
    } catch (error) {
      throw new InfinityJoinError(`Could not join "${alias}": ${error instanceof Error ? error.message : String(error)}`, 'failed');
    }
    const { status } = answer;
    const result = resultOf(answer.data);
    if (status === 200) {
      if (hasSessionFields(result)) {
        if (answer.error) console.warn(`[pex] request_token's answer does not match @pexip/infinity-api's schema; using it anyway:`, answer.error);
        return { session: result, pin: pin === 'none' ? undefined : pin };
      }
      throw new InfinityJoinError(`Could not join "${alias}": request_token answered without a token.`, 'failed', 200);
    }
    const reason = answer.raw ? answerReason(answer.raw) : typeof result === 'string' ? result : undefined;
    if (status === 404) throw new ConferenceNotFoundError(alias, reason);
    if (status !== 403) throw failure(alias, status, reason);
    if (typeof result === 'string') throw new InfinityJoinError(`Could not join "${alias}": ${result}`, 'refused', 403, result);
    const refusal = (result ?? {}) as Record<string, unknown>;
    if ('pin' in refusal || 'guest_pin' in refusal) {
      const request: PinRequest = { alias, hostPinRequired: refusal.pin === 'required', guestPinRequired: refusal.guest_pin === 'required' };
      if (asked || !requestPin) throw new PinRequiredError(alias, request.hostPinRequired, request.guestPinRequired);
      asked = true;
      const answered = await requestPin(request);
      if (answered === null || answered === undefined) throw new PinRequiredError(alias, request.hostPinRequired, request.guestPinRequired);
      const trimmed = answered.trim();
      // Infinity's spelling for "no PIN, join as guest" when only hosts need one.
      pin = trimmed === '' ? 'none' : trimmed;
      continue;
    }
    if ('idp' in refusal || 'redirect_url' in refusal) {
      throw new InfinityJoinError(`Could not join "${alias}": the conference signs users in with an identity provider (SSO), which this connection does not support.`, 'idp-required', 403);
    }
    if (refusal.conference_extension === 'required') {
      throw new InfinityJoinError(`Could not join "${alias}": the conference needs a conference extension (a meeting id), which this connection does not send.`, 'extension-required', 403);
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

/** `POST refresh_token` with the current token. Rejects with an InfinityJoinError whose status is the answer's (403: the token is no longer valid). */
export async function refreshSessionToken(target: TokenTarget, token: string): Promise<RefreshedToken> {
  const answer = await typedOrRaw(
    (f) => refreshToken({ fetcher: f, host: target.node, params: { conferenceAlias: target.alias } }),
    withToken(target.fetcher, token),
  );
  const result = resultOf(answer.data);
  if (answer.status === 200 && result && typeof result === 'object') {
    const r = result as Record<string, unknown>;
    const expires = Number(r.expires);
    if (typeof r.token === 'string' && Number.isFinite(expires)) {
      return { token: r.token, expires, ...(r.role === 'HOST' || r.role === 'GUEST' ? { role: r.role } : {}) };
    }
  }
  const reason = answer.raw ? answerReason(answer.raw) : typeof result === 'string' ? result : undefined;
  throw failure(target.alias, answer.status, reason, 'refresh the token for');
}

/**
 * `POST release_token` with the token. `keepalive` lets the request outlive the page (for
 * `pagehide`). Never rejects: leaving must not fail because the node is gone.
 */
export async function releaseSessionToken(target: TokenTarget, token: string, keepalive = false): Promise<boolean> {
  try {
    const answer = await releaseToken({
      fetcher: withToken(target.fetcher, token),
      host: target.node,
      params: { conferenceAlias: target.alias },
      body: {},
      ...(keepalive ? { init: { keepalive: true } } : {}),
    });
    return answer.status === 200;
  } catch {
    return false;
  }
}
