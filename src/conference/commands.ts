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
