/**
 * Reads what answered a plugin's command (an app's `pex-command` resolve, or a connection's
 * `execute`) as that command's result. Apps answer in several reasonable shapes: the result
 * itself, the server's REST reply `{status, result}` forwarded as it came, and for `dialOut` also
 * one uuid or the shape the plugin's callback gets (`{result: [uuid]}`). Each is understood the
 * same way; a failed REST reply is a refusal. A value no shape fits is passed on as it is, marked
 * so the host can say so: nothing silently becomes a failure.
 */
import { CommandError, type CommandName, type CommandResults } from './commands.js';

/** How an answer reads: the result, a refusal, or a value of no shape the command understands (passed on). */
export type AnswerReading<K extends CommandName> =
  | { kind: 'result'; result: CommandResults[K] }
  | { kind: 'refused'; error: CommandError }
  | { kind: 'unrecognised'; result: unknown };

type Reply = { status: 'success' | 'failed' | 'error'; result: unknown };

/** `{status: 'success' | 'failed' | 'error', result}`: the client REST API's reply. */
function isRestReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('result' in value)) return false;
  const status = (value as { status?: unknown }).status;
  return status === 'success' || status === 'failed' || status === 'error';
}

function uuidsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value ? [value] : undefined;
  if (Array.isArray(value) && value.every((uuid) => typeof uuid === 'string')) return value as string[];
  return undefined;
}

/** `dialOut`: the uuids, one uuid, or the callback's `{result: [uuid]}`; `[]` keeps the guide's meaning (the call failed). */
function dialOutUuids(value: unknown): string[] | undefined {
  const direct = uuidsOf(value);
  if (direct) return direct;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'result' in value) {
    return uuidsOf((value as { result: unknown }).result);
  }
  return undefined;
}

/** The words of a failed reply's `result`, when it has some. */
function replyReason(result: unknown): string | undefined {
  if (typeof result === 'string') return result || undefined;
  if (result === undefined || result === null) return undefined;
  return preview(result);
}

/** A refused command's error: `error` itself when it is one, the reason of a failed REST reply, else its words. */
export function refusalOf(name: CommandName, error: unknown): Error {
  if (error instanceof Error) return error;
  if (isRestReply(error)) {
    const reason = replyReason(error.result);
    return new CommandError(`${name} was refused${reason ? `: ${reason}` : ` (${error.status})`}`, undefined, reason);
  }
  return new CommandError(String(error ?? `${name} was refused.`));
}

export function readAnswer<K extends CommandName>(name: K, answer: unknown): AnswerReading<K> {
  let value = answer;
  if (isRestReply(answer)) {
    if (answer.status !== 'success') return { kind: 'refused', error: refusalOf(name, answer) as CommandError };
    value = answer.result;
  }
  if (name === 'dialOut') {
    const uuids = dialOutUuids(value);
    return uuids ? { kind: 'result', result: uuids as CommandResults[K] } : { kind: 'unrecognised', result: value };
  }
  // Every other command's result is the server's, whatever it is.
  return { kind: 'result', result: value as CommandResults[K] };
}

/** The shapes each command's answer may take, in words, and the fix (for the warning on one that fits none). */
const UNDERSTOOD: Partial<Record<CommandName, { shapes: string; fix: string }>> = {
  dialOut: {
    shapes:
      'the new participants\' uuids (["uuid", …]; [] when the call failed), one "uuid", ' +
      'the callback\'s {result: ["uuid", …]}, or the REST reply {status: "success", result: ["uuid", …]}',
    fix: 'resolve dialOut with the new participants\' uuids, e.g. resolve([uuid]), or reject(error) when the call failed',
  },
};

/** A short rendering of a value for a message. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * The console warning for an answer no shape fits: the command, the plugin, who answered, what
 * the plugin gets, the shapes understood and the fix.
 */
export function unrecognisedAnswerWarning(
  name: CommandName,
  pluginId: string,
  answeredBy: 'app' | 'connection',
  answer: unknown,
  passedOn: unknown,
): string {
  const who = answeredBy === 'app' ? 'the app resolved it' : 'the connection\'s execute resolved';
  const given = passedOn === answer ? 'it' : `${preview(passedOn)} (the reply's result)`;
  const understood = UNDERSTOOD[name];
  return (
    `[pex-plugin-host] ${name} from plugin "${pluginId || '(unknown)'}": ${who} with ${preview(answer)}, ` +
    `a shape ${name} does not understand; the plugin gets ${given} as the result. ` +
    (understood ? `Understood: ${understood.shapes}. Fix: ${understood.fix}.` : '')
  ).trim();
}
