import { CommandError, type PluginCommand } from '../../src/conference/commands.js';
import type { ConferenceConnection } from '../../src/conference/connection.js';
import { createPexEvent, type PexCommandDetail } from '../events.js';

export const DEFAULT_COMMAND_TIMEOUT = 10_000;

/**
 * Where a plugin's command goes: first to the app as a `pex-command` event (a listener
 * answers with resolve/reject, or takes it with preventDefault and answers later); a command
 * nobody took goes to the connection; with neither, it fails after `timeout` ms, saying what
 * to do.
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
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      finish();
    };
    const detail = {
      name: command.name,
      args: command.args,
      pluginId,
      resolve: (value?: unknown) => settle(() => resolve({ value, answeredBy: 'app' })),
      reject: (error?: unknown) => settle(() => reject(error instanceof Error ? error : new CommandError(String(error ?? `${command.name} was refused.`)))),
    } as PexCommandDetail;
    const event = createPexEvent('pex-command', detail, true);
    target.dispatchEvent(event);
    if (settled) return;
    if (!event.defaultPrevented && connection) {
      connection.execute(command).then(
        (value) => settle(() => resolve({ value, answeredBy: 'connection' })),
        (error: unknown) => settle(() => reject(error)),
      );
      return;
    }
    deadline.timer = setTimeout(() => {
      const message = event.defaultPrevented
        ? `${command.name}: the app took the command but did not answer within ${timeout} ms.`
        : `${command.name}: nobody answered within ${timeout} ms. Listen for "pex-command" on <pex-plugin-host> and ` +
          'call event.detail.resolve(value) or reject(error), or set host.connection (connectInfinity).';
      settle(() => reject(new CommandError(message)));
    }, timeout);
  });
}
