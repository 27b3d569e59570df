import { CommandError, type CommandResults, type PluginCommand } from '../conference/commands.js';
import { conferenceRequestPath } from '../conference/request-path.js';
import { problemTexts } from '../config/diagnostics.js';
import type { PluginSandbox, ProblemTexts } from '../runtime/plugin-sandbox.js';
import { callingPlugin, misuse } from './calling-plugin.js';
import { commandSinkOf } from './commands.js';

/**
 * The conference functions of `PEX.pluginAPI` as they run: checked, attributed to their plugin,
 * sent down their host's command path and answered. A chunk of its own (commands.ts loads it
 * on a plugin's first call), since most plugins call nothing before the user clicks.
 */

type Callback = (answer: unknown) => void;

/**
 * How many of a plugin's commands may wait for an answer at once: a "mute everyone" over a
 * large roster fits; a plugin sending in a loop is stopped before it floods the app and the node.
 */
export const MAX_PENDING_COMMANDS = 256;
const pending = new WeakMap<PluginSandbox, number>();

/**
 * Runs a command for the calling plugin. The returned promise never goes unhandled (plugins
 * seldom await these calls); a failure is logged with the plugin's id.
 */
function run<C extends PluginCommand>(command: C): Promise<CommandResults[C['name']]> {
  const { sandbox, runtime } = callingPlugin();
  const sink = runtime && commandSinkOf(runtime);
  const pluginId = sandbox?.pluginId ?? '';
  const waiting = sandbox ? (pending.get(sandbox) ?? 0) : 0;
  if (sandbox && waiting >= MAX_PENDING_COMMANDS) {
    const make = (texts: ProblemTexts) => new CommandError(texts.pluginProblems.commands(pluginId, command.name, MAX_PENDING_COMMANDS));
    sandbox.reportOnce('commands', make);
    return problemTexts().then((texts) => Promise.reject(make(texts)));
  }
  const result = sink
    ? (sink(command, pluginId) as Promise<CommandResults[C['name']]>)
    : Promise.reject(new CommandError(`${command.name}: no <pex-plugin-host> is on the page to carry it out.`));
  if (sandbox) {
    pending.set(sandbox, waiting + 1);
    const done = () => pending.set(sandbox, (pending.get(sandbox) ?? 1) - 1);
    result.then(done, done);
  }
  result.catch((error: unknown) => {
    console.warn(`[pex-plugin-host] ${command.name} from plugin "${pluginId || '(unknown)'}" failed:`, error);
  });
  return result;
}

/** A call refused before it ran: the plugin's callback (if any) hears `failure`, and the promise rejects quietly. */
function refused<T>(sandbox: PluginSandbox | undefined, callback: unknown, failure: (error: Error) => unknown, error: Promise<Error>): Promise<T> {
  return quiet(
    error.then((made) => {
      answer(sandbox, callback, failure(made));
      throw made;
    }),
  );
}

/** A uuid, else the call is refused (a uuid of "undefined" would reach the node). */
function participantCommand(name: 'disconnectParticipant' | 'spotlightOnParticipant' | 'spotlightOffParticipant', uuid: unknown): Promise<unknown> {
  const { sandbox } = callingPlugin();
  if (typeof uuid !== 'string') return refused(sandbox, undefined, () => undefined, misuse(sandbox, name, 'uuid', uuid));
  return quiet(run({ name, args: { uuid } }));
}

/** Calls a plugin's callback inside its sandbox: a throwing callback is the plugin's error. */
function answer(sandbox: PluginSandbox | undefined, callback: unknown, value: unknown): void {
  if (typeof callback !== 'function') return;
  if (sandbox) sandbox.call('action', callback as Callback, undefined, [value]);
  else (callback as Callback)(value);
}

function reasonOf(error: unknown): string {
  if (error instanceof CommandError && error.reason) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

/** Never rejects unhandled: the caller may ignore it. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

let warnedChangeLayout = false;

/** The conference functions of `PEX.pluginAPI`. */
export function createCommandFunctions() {
  const functions = {
    /**
     * `sendRequest(path, payload?, callback?)`: a request to the conference's REST API. The
     * callback (and the promise) get `{status: 'success', result}`; on failure the callback
     * gets `{status: 'failed', result: <the server's reason>}` and the promise rejects.
     */
    sendRequest(path: unknown, payload?: unknown, callback?: unknown): Promise<{ status: 'success'; result: unknown }> {
      const { sandbox } = callingPlugin();
      const wrong =
        typeof path !== 'string'
          ? misuse(sandbox, 'sendRequest', 'path', path)
          : payload !== undefined && payload !== null && typeof payload !== 'object'
            ? misuse(sandbox, 'sendRequest', 'payload', payload)
            : undefined;
      if (wrong) return refused(sandbox, callback, (error) => ({ status: 'failed', result: error.message }), wrong);
      let checked: string;
      try {
        checked = conferenceRequestPath(path);
      } catch (error) {
        console.error('[pex-plugin-host]', error);
        answer(sandbox, callback, { status: 'failed', result: (error as Error).message });
        return quiet(Promise.reject(error));
      }
      const body = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
      return quiet(
        run({ name: 'sendRequest', args: { path: checked, payload: body } }).then(
          (result) => {
            const response = { status: 'success' as const, result };
            answer(sandbox, callback, response);
            return response;
          },
          (error: unknown) => {
            answer(sandbox, callback, { status: 'failed', result: reasonOf(error) });
            throw error;
          },
        ),
      );
    },

    /**
     * `dialOut(alias, protocol, role, callback, options)`: the callback (and the promise) get
     * `{result: [newParticipantUuid, ...]}`; `{result: []}` when the call failed (when it was
     * refused, the promise rejects with the reason).
     */
    dialOut(alias: unknown, protocol?: unknown, role?: unknown, callback?: unknown, options?: unknown): Promise<{ result: string[] }> {
      const { sandbox } = callingPlugin();
      if (typeof alias !== 'string') {
        return refused(sandbox, callback, () => ({ result: [] }), misuse(sandbox, 'dialOut', 'alias', alias));
      }
      const args = {
        alias,
        protocol: typeof protocol === 'string' && protocol ? protocol : 'auto',
        role: typeof role === 'string' && role ? role : 'guest',
        options: typeof options === 'object' && options !== null ? (options as { streaming?: boolean }) : {},
      };
      return quiet(
        run({ name: 'dialOut', args }).then(
          (uuids) => {
            // The host read the answer already: the uuids, or (warned) a value of no shape
            // dialOut understands, passed on rather than turned into the failure `[]`.
            const response = { result: uuids };
            answer(sandbox, callback, response);
            return response;
          },
          (error: unknown) => {
            answer(sandbox, callback, { result: [] });
            throw error;
          },
        ),
      );
    },

    disconnectParticipant(uuid: unknown): Promise<unknown> {
      return participantCommand('disconnectParticipant', uuid);
    },

    spotlightOnParticipant(uuid: unknown): Promise<unknown> {
      return participantCommand('spotlightOnParticipant', uuid);
    },

    spotlightOffParticipant(uuid: unknown): Promise<unknown> {
      return participantCommand('spotlightOffParticipant', uuid);
    },

    /** `transformConferenceLayout({layout, guest_layout, enable_overlay_text, streaming, ...})`; `{}` resets. */
    transformConferenceLayout(layout: unknown): Promise<unknown> {
      // Anything but an object would reset the layout, which is not what was asked.
      if (typeof layout !== 'object' || layout === null) {
        const { sandbox } = callingPlugin();
        return refused(sandbox, undefined, () => undefined, misuse(sandbox, 'transformConferenceLayout', 'layout', layout));
      }
      return quiet(run({ name: 'transformConferenceLayout', args: { layout: layout as Record<string, unknown> } }));
    },

    /**
     * Deprecated in the guide in favour of transformConferenceLayout. `{layouts: [...]}` (the
     * old override form) becomes the `override_layout` request; anything else a transform.
     */
    changeConferenceLayout(layout: unknown): Promise<unknown> {
      if (!warnedChangeLayout) {
        warnedChangeLayout = true;
        console.warn('[pex-plugin-host] changeConferenceLayout is deprecated: use transformConferenceLayout.');
      }
      if (typeof layout === 'object' && layout !== null && Array.isArray((layout as { layouts?: unknown }).layouts)) {
        return functions.sendRequest('override_layout', layout);
      }
      return functions.transformConferenceLayout(typeof layout === 'string' ? { layout } : layout);
    },

    /** `sendChatMessage(text)` or `sendChatMessage({type, payload})`. */
    sendChatMessage(message: unknown): Promise<unknown> {
      const args =
        typeof message === 'object' && message !== null
          ? {
              type: String((message as { type?: unknown }).type ?? 'text/plain'),
              payload: typeof (message as { payload?: unknown }).payload === 'string'
                ? ((message as { payload: string }).payload)
                : JSON.stringify((message as { payload?: unknown }).payload ?? ''),
            }
          : { type: 'text/plain', payload: String(message ?? '') };
      return quiet(run({ name: 'sendChatMessage', args }));
    },
  };
  return functions;
}
export { conferenceMethods } from './pexrtc/conference-methods.js';
