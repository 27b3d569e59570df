/**
 * The conference commands plugins call through `PEX.pluginAPI`, as data: what an app
 * answers in app-driven mode (the `pex-command` event) and what a connection executes.
 */

/** A payload sent with a REST request: an object, or nothing. */
export type RequestPayload = Record<string, unknown> | undefined;

export interface CommandArgs {
  /** `sendRequest(path, payload?, callback?)`; `path` is already checked and has no leading slash. */
  sendRequest: { path: string; payload: RequestPayload };
  /** `dialOut(alias, protocol, role, callback, options)`. */
  dialOut: { alias: string; protocol: string; role: string; options: { streaming?: boolean; [option: string]: unknown } };
  disconnectParticipant: { uuid: string };
  spotlightOnParticipant: { uuid: string };
  spotlightOffParticipant: { uuid: string };
  /** `transformConferenceLayout(layout)`: the transforms, e.g. `{layout: '4:0'}`; `{}` resets. */
  transformConferenceLayout: { layout: Record<string, unknown> };
  /** `sendChatMessage(text)` or `sendChatMessage({type, payload})`. */
  sendChatMessage: { type: string; payload: string };
}

export type CommandName = keyof CommandArgs;

/** What each command resolves to. */
export interface CommandResults {
  /** The server's `result` for the request. */
  sendRequest: unknown;
  /** The new participants' uuids (empty when the call failed). */
  dialOut: string[];
  disconnectParticipant: unknown;
  spotlightOnParticipant: unknown;
  spotlightOffParticipant: unknown;
  transformConferenceLayout: unknown;
  sendChatMessage: unknown;
}

/**
 * A reply of the client REST API as the server sends it: what an app that forwards the server's
 * answer resolves with. A `failed` or `error` reply is a refusal, `result` its reason.
 */
export type RestReply<R> = { status: 'success'; result: R } | { status: 'failed' | 'error'; result: unknown };

/** The new participants' uuids as an app may give them: the list, one uuid, or the callback's `{result}`. */
export type DialOutUuids = readonly string[] | string | { result: readonly string[] };

/**
 * What an app may answer each command with (`event.detail.resolve(value)`), and what a
 * connection's `execute` may resolve to: the command's result, or the server's REST reply of it;
 * for `dialOut` also one uuid or the callback's shape `{result: [uuid]}`.
 */
export interface CommandAnswers {
  sendRequest: unknown;
  dialOut: DialOutUuids | RestReply<DialOutUuids>;
  disconnectParticipant: unknown;
  spotlightOnParticipant: unknown;
  spotlightOffParticipant: unknown;
  transformConferenceLayout: unknown;
  sendChatMessage: unknown;
}

export type PluginCommand = { [K in CommandName]: { name: K; args: CommandArgs[K] } }[CommandName];

/** A command the conference refused or could not carry out; `reason` is the server's words when it gave some. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
