import { Subject, type Observable } from 'rxjs';
import { readAnswer, refusalOf, unrecognisedAnswerWarning } from '../../src/conference/command-answers.js';
import { CommandError, type PluginCommand } from '../../src/conference/commands.js';
import type { ConferenceConnection } from '../../src/conference/connection.js';
import { createPexEvent, type PexCommandDetail } from '../events.js';

export { DEFAULT_COMMAND_TIMEOUT } from './command-timeout.js';

/**
 * How a plugin's command ended: the `pex-command` event's detail and its answer, read as the
 * command's result (what the plugin gets; a failed REST reply is a refusal).
 */
export type CommandOutcome = { detail: PexCommandDetail } & (
  | { ok: true; value: unknown; answeredBy: 'app' | 'connection' }
  | { ok: false; error: unknown }
);

const outcomes = new Subject<CommandOutcome>();

/**
 * Every command's answer, as it settles, with the same `detail` object its `pex-command` event
 * carried: tools that show what plugins sent (the playground's inspector) pair the two by it.
 */
export const commandOutcomes$: Observable<CommandOutcome> = outcomes.asObservable();

/** How much longer than the timeout the host waits for a connection that keeps its own deadline. */
const CONNECTION_GRACE_MS = 250;

/**
 * Where a plugin's command goes: first to the app as a `pex-command` event (a listener
 * answers with resolve/reject, or takes it with preventDefault and answers later); a command
 * nobody took goes to the connection; whoever has it, it fails after `timeout` ms without an
 * answer, saying what to do.
 */
export function routeCommand(
  target: EventTarget,
  command: PluginCommand,
  pluginId: string,
  connection: ConferenceConnection | undefined,
  timeout: number,
): Promise<{ value: unknown; answeredBy: 'app' | 'connection' }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const deadline: { timer?: ReturnType<typeof setTimeout> } = {};
    // The app's and the connection's answers are read alike (command-answers.ts): the REST
    // reply, the callback's shape and the bare result all mean the same.
    const answer = (given: unknown, answeredBy: 'app' | 'connection') => {
      if (settled) return;
      const reading = readAnswer(command.name, given);
      if (reading.kind === 'refused') {
        refuse(reading.error);
        return;
      }
      const value = reading.result;
      if (reading.kind === 'unrecognised') console.warn(unrecognisedAnswerWarning(command.name, pluginId, answeredBy, given, value));
      settled = true;
      clearTimeout(deadline.timer);
      resolve({ value, answeredBy });
      outcomes.next({ detail, ok: true, value, answeredBy });
    };
    const refuse = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      reject(error);
      outcomes.next({ detail, ok: false, error });
    };
    const detail = {
      name: command.name,
      args: command.args,
      pluginId,
      resolve: (value?: unknown) => answer(value, 'app'),
      reject: (error?: unknown) => refuse(refusalOf(command.name, error)),
    } as PexCommandDetail;
    const event = createPexEvent('pex-command', detail, true);
    target.dispatchEvent(event);
    if (settled) return;
    if (!event.defaultPrevented && connection) {
      // The host's own deadline too, so an app's connection that never answers cannot leave the
      // plugin waiting for ever. A little later than the timeout: a connection that bounds its
      // commands itself (the Infinity connection abandons the request and says so) goes first.
      deadline.timer = setTimeout(
        () => refuse(new CommandError(`${command.name}: the connection did not answer within ${timeout} ms.`)),
        timeout + CONNECTION_GRACE_MS,
      );
      connection.execute(command).then(
        (value) => answer(value, 'connection'),
        (error: unknown) => refuse(error),
      );
      return;
    }
    deadline.timer = setTimeout(() => {
      const message = event.defaultPrevented
        ? `${command.name}: the app took the command but did not answer within ${timeout} ms.`
        : `${command.name}: nobody answered within ${timeout} ms. Listen for "pex-command" on <pex-plugin-host> and ` +
          'call event.detail.resolve(value) or reject(error), or set host.connection (connectInfinity).';
      refuse(new CommandError(message));
    }, timeout);
  });
}
