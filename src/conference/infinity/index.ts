/**
 * The Infinity connection: joins a Pexip Infinity conference over the client REST API v2 and
 * keeps its roster, details and happenings as a ConferenceConnection for `host.connection`.
 *
 * This module is its own chunk: the drop-in entry (components/index.ts) must not import it
 * statically; load it with `await import(...)` when a connection is wanted.
 */
import { InfinityConnection, type ConnectInfinityOptions } from './connection.js';

export { InfinityConnection } from './connection.js';
export type { ConnectInfinityOptions, ConnectSuccessPayload, InfinityConnectionState } from './connection.js';
export { InfinityJoinError, type JoinErrorCode } from './errors.js';
// Types only: the classes come with the rare paths' chunk (texts.ts), which a value export here would load with the connection.
export type { ConferenceNotFoundError, PinRequiredError } from './refusal-errors.js';
export type { PinRequest, RequestPin } from './token.js';

/**
 * Joins `alias` on `node` as `displayName` and resolves once joined: the token is granted, the
 * conference status read, the events stream open and the first roster sync in (or after
 * `syncTimeout`, 5 s by default, without one).
 *
 * PINs: `pin` goes in the `pin` header. Without it, a conference that asks for a PIN makes
 * `requestPin({alias, hostPinRequired, guestPinRequired})` be called once; its answer is tried.
 * Rejects with PinRequiredError (no PIN to give), InfinityJoinError (code 'refused' with the
 * server's reason for a wrong PIN, 'idp-required', 'extension-required', 'failed') or
 * ConferenceNotFoundError (404, with the server's reason).
 */
export function connectInfinity(options: ConnectInfinityOptions): Promise<InfinityConnection> {
  return InfinityConnection.join(options);
}
