/**
 * The words of the connection's rare paths: a join the node refused (a PIN, SSO, an extension,
 * no such conference), a token call or a command the node answered with a failure, what the
 * caller got wrong (an alias, a display name, a path, a command), odd answers worth a console
 * warning. They are a chunk of their own, loaded when one of those happens (errors.ts `texts`),
 * so a join, its events, its commands and leaving never fetch them.
 *
 * Not here: the words of what happens without an answer (a request that got none, a command
 * timed out, the events stream dropped, refused or given up). They are told at once, at the
 * moment they happen (a timeout settles at the timeout, a drop's reason comes with its
 * 'reconnecting'), and often when the network, which would bring these words, is gone.
 */
import { CommandError } from '../commands.js';
import { RequestPathError } from '../request-path.js';
import { couldNot, InfinityJoinError, messageOf, type JoinErrorCode } from './errors.js';
import { ConferenceNotFoundError, PinRequiredError } from './refusal-errors.js';
import { answerReason, resultOf, type RawAnswer } from './rest.js';
import type { CommandRun } from './command-run.js';
import type { PinRequest } from './token.js';

/** errors.ts `couldNot`'s sentence, with the refusal's code, the answer's status and the server's reason. */
function joinError(what: string, alias: string, detail: string, code: JoinErrorCode = 'failed', status?: number, reason?: string): InfinityJoinError {
  return new InfinityJoinError(couldNot(what, alias, detail).message, code, status, reason);
}

/** A failure with the answer's status and the server's reason. */
function failure(alias: string, status: number, reason: string | undefined, what = 'join'): InfinityJoinError {
  return joinError(what, alias, `${status}${reason ? ` ${reason}` : ''}`, 'failed', status, reason);
}

/** refresh_token's answer without a token: its status (403: the token is no longer valid) and the server's reason. */
export function refreshRefused(alias: string, answer: RawAnswer): InfinityJoinError {
  return failure(alias, answer.status, answerReason(answer), 'refresh the token for');
}

/** No PIN to give: which PIN the conference needs. */
export function pinRequired({ alias, hostPinRequired: host, guestPinRequired: guest }: PinRequest): PinRequiredError {
  const pins = host && guest ? 'a PIN (host or guest)' : host ? 'the host PIN to join as host (guests need none)' : guest ? 'the guest PIN' : 'a PIN';
  return new PinRequiredError(alias, host, guest, `"${alias}" needs ${pins}: give the pin option or answer requestPin.`);
}

/**
 * request_token's answer when it is neither a session nor a request for a PIN: no such
 * conference (404), a refusal with the server's reason, SSO, a conference extension, or a failure.
 */
export function joinRefused(alias: string, answer: RawAnswer): InfinityJoinError {
  const { status } = answer;
  const result = resultOf(answer.json);
  const reason = answerReason(answer);
  if (status === 404) return new ConferenceNotFoundError(`No such conference "${alias}"${reason ? `: ${reason}` : ''}.`, reason);
  if (status !== 403) return failure(alias, status, reason);
  if (typeof result === 'string') return joinError('join', alias, result, 'refused', 403, result);
  const refusal = (result ?? {}) as Record<string, unknown>;
  if ('idp' in refusal || 'redirect_url' in refusal) {
    return joinError('join', alias, 'it signs users in with SSO (an identity provider), which this connection does not support.', 'idp-required', 403);
  }
  if (refusal.conference_extension === 'required') {
    return joinError('join', alias, 'it needs a conference extension (a meeting id), which this connection does not send.', 'extension-required', 403);
  }
  return failure(alias, 403, reason ?? JSON.stringify(result));
}

/** request_token answered 200 without what a session needs. */
export function noToken(alias: string): InfinityJoinError {
  return joinError('join', alias, 'request_token answered without a token.', 'failed', 200);
}

/** Infinity requires a display name, as a string. */
export function badDisplayName(alias: string): InfinityJoinError {
  return couldNot('join', alias, 'displayName must be a string.');
}

/** An alias that names no conference (not a string, empty, or only dots, which would be read as path steps). */
export function badAlias(alias: unknown): InfinityJoinError {
  return new InfinityJoinError(`Could not join ${JSON.stringify(alias)}: the alias must name a conference.`, 'failed');
}

/** The connection ended (the node disconnected it, the stream was refused) before the join was done. */
export function endedWhileJoining(alias: string): InfinityJoinError {
  return couldNot('join', alias, 'the conference ended while joining.');
}

/** Why a command cannot be carried out once the connection has ended. */
const LEFT = 'the conference was left';

/** A command given after the connection ended. */
export function commandAfterLeaving(name: string): CommandError {
  return new CommandError(`${name}: ${LEFT}.`);
}

/**
 * A refresh for a command the node refused with 'Invalid token': resolves to undefined once
 * `refreshed` says the token is renewed, else to why it could not be; a refresh the node refused
 * (403) ends the session with `end`, as the node has ended it.
 */
export function renewal(refreshed: Promise<boolean>, end: (reason: string) => void): Promise<string | undefined> {
  return refreshed.then(
    (renewed) => (renewed ? undefined : LEFT),
    (error: unknown) => {
      const why = messageOf(error);
      if (error instanceof InfinityJoinError && error.status === 403) end(why);
      return why;
    },
  );
}

/** The fields request_token's 200 lacks (or has of another type), in token.ts `schemaGaps` order. */
const SCHEMA_FIELDS = ['expires (a string)', "role ('HOST' or 'GUEST')", 'display_name', 'current_service_type', 'version'];

/** The console's word on a request_token 200 that lacks some of what the schema requires (`gaps`, token.ts `schemaGaps`): it is used anyway. */
export function warnSchema(gaps: readonly boolean[]): void {
  console.warn(`[pex] request_token's answer does not match Infinity's schema (${SCHEMA_FIELDS.filter((_, i) => gaps[i]).join(', ')}); using it anyway.`);
}

/** The console's word on a failed `conference_status`: the details keep their defaults. */
export function warnStatus(error: unknown): void {
  console.warn('[pex] conference_status failed; the details stay at their defaults:', error);
}

/** The console's word on an event whose data is not JSON: it is ignored. */
export function warnNotJson(type: string): void {
  console.warn(`[pex] the Infinity event "${type}" is not JSON; ignored.`);
}

/** The console's word on an event whose handling threw: the stream goes on. */
export function reportEventFailure(type: string, error: unknown): void {
  console.error(`[pex] the Infinity event "${type}" failed:`, error);
}

/**
 * A command the node refused with 'Invalid token': the token renewed, the command sent again
 * once, or a rejection saying why the token could not be renewed.
 */
export async function sendAgain<T>(run: CommandRun<T>, fetcher: typeof fetch): Promise<T> {
  const why = await run.renewToken();
  if (why !== undefined) throw new CommandError(`${run.name}: the node refused the token and it could not be renewed (${why}).`, 403, 'Invalid token');
  return run.send(fetcher);
}

/** A REST call the node answered outside 2xx: a CommandError with the status and the server's reason. */
export function callFailed(path: string, answer: RawAnswer): CommandError {
  const reason = answerReason(answer);
  return new CommandError(`${path} failed: ${answer.status} ${reason ?? answer.statusText}`.trim(), answer.status, reason);
}

/** A command execute does not know. */
export function noSuchCommand(name: unknown): CommandError {
  return new CommandError(`InfinityConnection.execute: no such command ${JSON.stringify(name)}.`);
}

/** Where a refused path came in, as its message names it. */
export type PathEntry =
  /** The REST client itself, the last gate before the token goes out. */
  | { rest: string }
  /** execute's sendRequest, with the path the app passed. */
  | { sendRequest: unknown }
  /** execute's participant commands: the command, the uuid passed and the path it made. */
  | { command: string; uuid: string; path: string };

/**
 * A path refusal (RequestPathError) told with the entry it came through: the checker runs
 * without words on the way in, and its refusal is told again here with them. Anything else is
 * returned as it is.
 */
export function pathRefusal(error: unknown, entry: PathEntry): unknown {
  if (!(error instanceof RequestPathError)) return error;
  if ('rest' in entry) return new RequestPathError(error.path, error.why, { call: `The conference's REST client (${JSON.stringify(entry.rest)})` });
  if ('sendRequest' in entry) return new RequestPathError(error.path, error.why, { call: `InfinityConnection.execute(sendRequest ${JSON.stringify(entry.sendRequest)})` });
  return new RequestPathError(error.path, error.why, {
    call: `InfinityConnection.execute(${entry.command} ${JSON.stringify(entry.uuid)}) (the request ${JSON.stringify(entry.path)})`,
    fix: "pass a participant's uuid, as participants$ gives it.",
  });
}
