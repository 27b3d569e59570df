/**
 * Why joining a conference failed. Every error names the conference and, when the server gave
 * one, carries its reason text unchanged in `reason`.
 */

/** What kind of refusal: lets an app choose what to show without parsing messages. */
export type JoinErrorCode =
  /** A PIN is needed and none was given (see {@link PinRequiredError}). */
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
 * The conference asks for a PIN and none was given: no `pin` option, and `requestPin` was
 * missing or returned no PIN. Says which PIN: the host PIN, the guest PIN, or either.
 */
export class PinRequiredError extends InfinityJoinError {
  constructor(
    readonly alias: string,
    readonly hostPinRequired: boolean,
    readonly guestPinRequired: boolean,
  ) {
    super(`"${alias}" needs ${describePins(hostPinRequired, guestPinRequired)}: give the pin option or answer requestPin.`, 'pin-required', 403);
    this.name = 'PinRequiredError';
  }
}

function describePins(host: boolean, guest: boolean): string {
  if (host && guest) return 'a PIN (host or guest)';
  if (host) return 'the host PIN to join as host (guests need none)';
  if (guest) return 'the guest PIN';
  return 'a PIN';
}

/** No conference (or gateway rule) matches the alias: Infinity answered 404. */
export class ConferenceNotFoundError extends InfinityJoinError {
  constructor(alias: string, reason: string | undefined) {
    super(`No such conference "${alias}"${reason ? `: ${reason}` : ''}.`, 'not-found', 404, reason);
    this.name = 'ConferenceNotFoundError';
  }
}

/** A thrown value's message, for a sentence that says what went wrong. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `Could not <what> "<alias>": <detail>`, the one shape of a failed join, refresh or release. */
export function couldNot(what: string, alias: string, detail: string, code: JoinErrorCode = 'failed', status?: number, reason?: string): InfinityJoinError {
  return new InfinityJoinError(`Could not ${what} "${alias}": ${detail}`, code, status, reason);
}
