import { CommandError } from '../components/index.js';
import type { PexCommandDetail } from '../components/events.js';
import type { CommandAnswers } from '../src/conference/commands.js';
import { waitFor, type WaitOptions } from './wait.js';

type CommandName = PexCommandDetail['name'];

/** Who answers a recorded command. */
export type CommandHandler = 'test' | 'auto' | 'connection';

/**
 * A conference command a plugin sent (`sendRequest`, `dialOut`, `sendChatMessage`, …), as the
 * host's `pex-command` event carried it. `name` is the pluginAPI function's name, `args` its
 * arguments by name (see the README's table), `pluginId` the plugin's settings.json id.
 */
export type RecordedCommand<N extends CommandName = CommandName> = {
  [K in N]: {
    readonly name: K;
    readonly args: Extract<PexCommandDetail, { name: K }>['args'];
    readonly pluginId: string;
    /**
     * Who answers it: `test` (held until the test calls `answer` or `refuse`), `auto` (the
     * mount's `autoAnswer`), `connection` (the host's connection carries it out).
     */
    readonly handledBy: CommandHandler;
    /** How it was answered, once it was: `{value}` or `{refused: reason}` (not for `connection`). */
    readonly outcome: { value: unknown } | { refused: string } | undefined;
  };
}[N];

/** The answer a mount's `autoAnswer` gives: a value, or a promise of one; a throw or rejection refuses. */
export type AutoAnswer = (command: RecordedCommand) => unknown;

interface Entry {
  record: { -readonly [K in keyof RecordedCommand]: RecordedCommand[K] };
  detail: PexCommandDetail;
}

function reasonOf(error: unknown): string {
  if (error instanceof CommandError && error.reason) return error.reason;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Records every `pex-command` a host emits and, unless a connection carries them out, takes
 * them (`preventDefault`) so the test can answer. `nextCommand` hands them out in order.
 */
export class CommandLog {
  readonly #entries: Entry[] = [];
  #cursor = 0;

  constructor(
    private readonly mode: () => { connected: boolean; autoAnswer: AutoAnswer | undefined },
  ) {}

  /** Every command so far, oldest first. */
  get all(): readonly RecordedCommand[] {
    return this.#entries.map((entry) => entry.record as RecordedCommand);
  }

  /** The `pex-command` listener (the harness adds it to the host before the host starts). */
  readonly listener = (event: Event): void => {
    const detail = (event as CustomEvent<PexCommandDetail>).detail;
    const { connected, autoAnswer } = this.mode();
    const handledBy: CommandHandler = autoAnswer ? 'auto' : connected ? 'connection' : 'test';
    const record = { name: detail.name, args: detail.args, pluginId: detail.pluginId, handledBy, outcome: undefined } as Entry['record'];
    const entry: Entry = { record, detail };
    this.#entries.push(entry);
    if (handledBy === 'connection') return;
    event.preventDefault();
    if (autoAnswer) {
      Promise.resolve()
        .then(() => autoAnswer(record as RecordedCommand))
        .then(
          (value) => this.#settle(entry, { value }),
          (error: unknown) => this.#settle(entry, { refused: reasonOf(error) }),
        );
    }
  };

  /**
   * The next command after the one the previous call returned (any command, or the next one
   * called `name`); waits for it. Fails after the timeout naming the commands there were.
   */
  async next<N extends CommandName>(name?: N, options: WaitOptions = {}): Promise<RecordedCommand<N>> {
    const index = await waitFor(
      () => {
        for (let i = this.#cursor; i < this.#entries.length; i++) {
          if (name === undefined || this.#entries[i]!.record.name === name) return i + 1;
        }
        return undefined;
      },
      name ? `a "${name}" command` : 'a command',
      { ...options, seen: () => this.#describe() },
    );
    this.#cursor = index;
    return this.#entries[index - 1]!.record as RecordedCommand<N>;
  }

  /**
   * Answers a held command: the plugin's promise resolves (and its callback runs) with `value`,
   * read as the host reads an app's answer (`dialOut`: `['uuid']`, `{result: ['uuid']}`, …).
   */
  answer<C extends RecordedCommand>(command: C, value?: CommandAnswers[C['name']]): void {
    this.#settle(this.#held(command, 'answer'), { value });
  }

  /**
   * Refuses a held command with the server's words: `sendRequest`'s callback gets
   * `{status: 'failed', result: reason}`, `dialOut`'s `{result: []}`, the promise rejects with
   * an error whose `reason` is `reason`.
   */
  refuse(command: RecordedCommand, reason: string): void {
    this.#settle(this.#held(command, 'refuse'), { refused: reason });
  }

  #held(command: RecordedCommand, verb: string): Entry {
    const entry = this.#entries.find((e) => e.record === command);
    if (!entry) throw new Error(`${verb}: that command was not recorded by this host`);
    if (entry.record.handledBy !== 'test') {
      throw new Error(`${verb}: the ${command.name} command is answered by the ${entry.record.handledBy === 'auto' ? 'autoAnswer option' : 'connection'}, not the test`);
    }
    if (entry.record.outcome) throw new Error(`${verb}: the ${command.name} command was answered already`);
    return entry;
  }

  #settle(entry: Entry, outcome: { value: unknown } | { refused: string }): void {
    entry.record.outcome = outcome;
    if ('refused' in outcome) entry.detail.reject(new CommandError(`${entry.detail.name}: ${outcome.refused}`, 403, outcome.refused));
    // `answer` is typed by command; `autoAnswer`'s value is whatever the test returns, and the
    // host reads (and warns about) a shape the command does not understand.
    else (entry.detail as { resolve(value: unknown): void }).resolve(outcome.value);
  }

  #describe(): string {
    const names = this.#entries.map((e, i) => `${e.record.name} (${e.record.pluginId})${i < this.#cursor ? ' [taken]' : ''}`);
    return names.length ? `commands so far: ${names.join(', ')}` : 'no command was sent';
  }
}
