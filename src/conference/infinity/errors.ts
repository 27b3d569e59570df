/**
 * Why joining a conference failed. Every error names the conference and, when the server gave
 * one, carries its reason text unchanged in `reason`.
 */

import type { PathEntry } from './texts.js';

/** What kind of refusal: lets an app choose what to show without parsing messages. */
export type JoinErrorCode =
  /** A PIN is needed and none was given (see PinRequiredError, refusal-errors.ts). */
  | 'pin-required'
  /** The server refused the join with a reason (a wrong PIN: 'Invalid PIN', a full conference...). */
  | 'refused'
  /** No conference or gateway rule matches the alias (404). */
  | 'not-found'
  /** The conference signs users in through an identity provider (SSO), which this connection does not do. */
  | 'idp-required'
  /** The conference needs a `conference_extension` (a Microsoft Teams / Skype meeting id). */
  | 'extension-required'
  /** The node answered something else: a server error, an unexpected answer, the network. */
  | 'failed';

export class InfinityJoinError extends Error {
  constructor(
    message: string,
    readonly code: JoinErrorCode,
    /** The HTTP status, when there was an answer. */
    readonly status?: number,
    /** The server's reason text, as it sent it. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'InfinityJoinError';
  }
}

/**
 * The words of the rare paths (texts.ts), a chunk of its own: fetched when a refusal, a failure
 * or an odd answer needs them, never on the way of a join, its events, commands and leaving.
 */
export const texts = () => import('./texts.js');

/**
 * A path checked by the one checker (request-path.ts), without words; a refusal is told again
 * naming the entry it came through (texts.ts `pathRefusal`).
 */
export async function checkedPath(check: () => string, entry: PathEntry): Promise<string> {
  try {
    return check();
  } catch (error) {
    throw (await texts()).pathRefusal(error, entry);
  }
}

/** A thrown value's message, for a sentence that says what went wrong. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `Could not <what> "<alias>": <detail>`, the one shape of a failed join or refresh, here with the
 * code 'failed' (no answer came); texts.ts `joinError` gives it a refusal's code, status and reason.
 */
export function couldNot(what: string, alias: string, detail: string): InfinityJoinError {
  return new InfinityJoinError(`Could not ${what} "${alias}": ${detail}`, 'failed');
}
