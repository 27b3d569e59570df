/**
 * The conference's events stream, `GET events?token=<token>`, read with fetch and our own SSE
 * parser, kept open: after a drop it reconnects with the CURRENT token (the one last refreshed),
 * waiting a random time below a ceiling that starts at 250 ms and doubles up to 8 s (full
 * jitter, retry.ts), for a bounded number of attempts in a row. Any event on a new stream
 * resets the count. While the browser is offline it makes no attempt and spends none: it waits
 * for `online`, which also cuts a wait short. A refusal (401/403/404: the token is no longer
 * valid) is final.
 */
import { texts } from './errors.js';
import { readEventStream, type SseEvent } from './sse.js';
import { answerReason, readAnswer } from './rest.js';
import { onlineMark, browserOffline, fullJitterDelay, RetryWait, type RandomSource } from './retry.js';

export interface EventStreamOptions {
  /** `<node>/api/client/v2/conferences/<alias>`. */
  base: string;
  fetcher: typeof fetch;
  /** The current token, read at each (re)connect. */
  token: () => string;
  /** Called for every event; an exception is reported, not fatal to the stream. */
  onEvent: (event: SseEvent) => void;
  /** The stream opened (true) or dropped and is being retried (false: which attempt comes next, and what ended it). */
  onOpen: (open: boolean, retry?: { attempt: number; reason: string }) => void;
  /** The stream is gone for good: refused, or the attempts ran out. */
  onFatal: (reason: string) => void;
  /** Where the waits draw their jitter. */
  random: RandomSource;
}

/** Attempts in a row before giving up: at most about 30 s of waiting (below 250 ms, then doubling to 8 s). */
const MAX_ATTEMPTS = 8;

export class EventStream {
  #controller: AbortController | undefined;
  readonly #wait = new RetryWait();
  #stopped = false;
  #opened: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly options: EventStreamOptions) {}

  /** Opens the stream; resolves once the first connection answers (rejects if it is refused or fails). Reading goes on in the background. */
  start(): Promise<void> {
    const opened = new Promise<void>((resolve, reject) => (this.#opened = { resolve, reject }));
    void this.#run();
    return opened;
  }

  /** Closes the stream and stops reconnecting. */
  stop(): void {
    this.#stopped = true;
    this.#controller?.abort();
    this.#wait.cancel();
  }

  async #run(): Promise<void> {
    const { base, fetcher, token, onEvent, onOpen, random } = this.options;
    let failures = 0;
    while (!this.#stopped) {
      // An `online` after this (the attempt's start, then its last event) ends the wait after it at once.
      let since = onlineMark();
      // A drop's reason is told at once, while the next attempt waits: not among the words fetched later (texts.ts).
      let problem = 'the events stream ended';
      const controller = new AbortController();
      this.#controller = controller;
      try {
        const response = await fetcher(`${base}/events?token=${encodeURIComponent(token())}`, {
          headers: { accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (this.#stopped) return;
        if (!response.ok || !response.body) {
          const reason = answerReason(await readAnswer(response)) ?? response.statusText;
          problem = `the events stream was refused: ${response.status} ${reason}`.trim();
          if ([401, 403, 404].includes(response.status)) {
            this.#finish(problem);
            return;
          }
          throw new Error(problem);
        }
        this.#opened?.resolve();
        this.#opened = undefined;
        onOpen(true);
        await readEventStream(response.body, (event) => {
          if (this.#stopped) return;
          failures = 0;
          since = onlineMark();
          try {
            onEvent(event);
          } catch (error) {
            // A bug in handling one event must not drop the stream.
            void texts().then((words) => words.reportEventFailure(event.type, error));
          }
        });
      } catch (error) {
        if (this.#stopped) return;
        if (error instanceof Error && error.message !== problem) problem = `the events stream failed: ${error.message}`;
      }
      if (this.#stopped) return;
      if (this.#opened) {
        // The first connection failed: the join fails with it.
        this.#finish(problem);
        return;
      }
      // No network: trying would only fail. No attempt is spent; the next is made when the browser is back.
      const offline = browserOffline();
      if (!offline && ++failures > MAX_ATTEMPTS) {
        this.#finish(`${problem}; gave up after ${MAX_ATTEMPTS} attempts to reconnect`);
        return;
      }
      onOpen(false, { attempt: offline ? failures + 1 : failures, reason: problem });
      // An `online` on the way ends the wait at once.
      await this.#wait.wait(offline ? 'online' : fullJitterDelay(failures - 1, 250, random), since);
    }
  }

  /** The stream is over for good: the join fails with it if it was the first connection, else onFatal says why. */
  #finish(reason: string): void {
    const opened = this.#opened;
    this.#opened = undefined;
    this.stop();
    if (opened) opened.reject(new Error(reason));
    else this.options.onFatal(reason);
  }
}
