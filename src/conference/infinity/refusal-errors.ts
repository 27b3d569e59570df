/**
 * The join refusals that are classes of their own, for `instanceof`. Only the rare paths' words
 * (texts.ts) make them, so they come with that chunk, not with the connection's; the package
 * exports them from index.ts.
 */
import { InfinityJoinError } from './errors.js';

/**
 * The conference asks for a PIN and none was given: no `pin` option, and `requestPin` was
 * missing or returned no PIN. Says which PIN: the host PIN, the guest PIN, or either (the
 * message's words come from texts.ts, fetched when a join is refused).
 */
export class PinRequiredError extends InfinityJoinError {
  constructor(
    readonly alias: string,
    readonly hostPinRequired: boolean,
    readonly guestPinRequired: boolean,
    message: string,
  ) {
    super(message, 'pin-required', 403);
    this.name = 'PinRequiredError';
  }
}

/** No conference (or gateway rule) matches the alias: Infinity answered 404. */
export class ConferenceNotFoundError extends InfinityJoinError {
  constructor(message: string, reason: string | undefined) {
    super(message, 'not-found', 404, reason);
    this.name = 'ConferenceNotFoundError';
  }
}
