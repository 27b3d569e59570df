/**
 * One command's run against the node, bounded: it settles within `timeout` ms whatever the
 * network does (a slow node, a request that never gets an answer), its request abandoned then;
 * and a command refused with 'Invalid token' (a token that expired or was replaced while it was
 * on the way) is sent again once with a renewed token, or rejects saying the token could not be
 * renewed. Nothing is retried otherwise: a command the node did not refuse may have been done.
 */
import { CommandError } from '../commands.js';
import { texts } from './errors.js';

/** As the host's `command-timeout` default. */
export const DEFAULT_COMMAND_TIMEOUT = 10_000;

export interface CommandRun<T> {
  /** The command's name, for the messages. */
  name: string;
  timeout: number;
  /** Sends the command with this fetch (it carries the run's abort signal). */
  send: (fetcher: typeof fetch) => Promise<T>;
  fetcher: typeof fetch;
  /** Renews the token: resolves to undefined once renewed, else to why it could not be. */
  renewToken: () => Promise<string | undefined>;
}

function refusedToken(error: unknown): boolean {
  return error instanceof CommandError && error.status === 403 && error.reason === 'Invalid token';
}

export function runCommand<T>(run: CommandRun<T>): Promise<T> {
  const controller = new AbortController();
  const fetcher: typeof fetch = (input, init) => run.fetcher(input, { ...init, signal: controller.signal });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Its words are here, not fetched (texts.ts): it settles at the timeout, network or not.
      reject(new CommandError(`${run.name}: the conference did not answer within ${run.timeout} ms; the request was abandoned.`));
      controller.abort();
    }, run.timeout);
  });
  const attempt = async (): Promise<T> => {
    try {
      return await run.send(fetcher);
    } catch (error) {
      if (!refusedToken(error)) throw error;
      // The node answered: the renewal and the second send are with the rare paths' words (texts.ts).
      return (await texts()).sendAgain(run, fetcher);
    }
  };
  return Promise.race([attempt(), deadline]).finally(() => clearTimeout(timer));
}
