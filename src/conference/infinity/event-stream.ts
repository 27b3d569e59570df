/**
 * The conference's events stream, `GET events?token=<token>`, read with fetch and our own SSE
 * parser, kept open: after a drop it reconnects with the CURRENT token (the one last refreshed)
 * after 250 ms, doubling up to a cap, for a bounded number of attempts in a row. Any event on a
 * new stream resets the count. A refusal (401/403/404: the token is no longer valid) is final.
 */
import { readEventStream, type SseEvent } from './sse.js';
import { answerReason, readAnswer } from './rest.js';

export interface EventStreamOptions {
  /** `<node>/api/client/v2/conferences/<alias>`. */
  base: string;
  fetcher: typeof fetch;
  /** The current token, read at each (re)connect. */
  token: () => string;
  /** Called for every event; an exception is reported, not fatal to the stream. */
  onEvent: (event: SseEvent) => void;
  /** The stream opened (true) or dropped and is being retried (false). */
  onOpen?: (open: boolean) => void;
  /** The stream is gone for good: refused, or the attempts ran out. */
  onFatal: (reason: string) => void;
  /** First delay in ms (default 250). */
  initialDelay?: number;
  /** Longest delay in ms (default 8000). */
  maxDelay?: number;
  /** Attempts in a row before giving up (default 8: about 30 s with the defaults). */
  maxAttempts?: number;
}

export class EventStream {
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #wake: (() => void) | undefined;
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
    clearTimeout(this.#timer);
    this.#wake?.();
  }

  async #run(): Promise<void> {
    const { initialDelay = 250, maxDelay = 8000, maxAttempts = 8 } = this.options;
    let failures = 0;
    while (!this.#stopped) {
      let sawEvent = false;
      let problem = 'the events stream ended';
      const controller = new AbortController();
      this.#controller = controller;
      try {
        const url = `${this.options.base}/events?token=${encodeURIComponent(this.options.token())}`;
        const response = await this.options.fetcher(url, {
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
        this.options.onOpen?.(true);
        await readEventStream(response.body, (event) => {
          if (this.#stopped) return;
          sawEvent = true;
          failures = 0;
          try {
            this.options.onEvent(event);
          } catch (error) {
            // A bug in handling one event must not drop the stream.
            console.error(`[pex] handling the Infinity event "${event.type}" failed:`, error);
          }
        });
      } catch (error) {
        if (this.#stopped) return;
        if (error instanceof Error && error.message !== problem) problem = `the events stream failed: ${error.message}`;
      }
      if (this.#stopped) return;
      if (this.#opened) {
        // The first connection failed: the join fails with it.
        this.#opened.reject(new Error(problem));
        this.#opened = undefined;
        this.stop();
        return;
      }
      if (!sawEvent) failures += 1;
      else failures = 1;
      if (failures > maxAttempts) {
        this.#finish(`${problem}; gave up after ${maxAttempts} attempts to reconnect`);
        return;
      }
      this.options.onOpen?.(false);
      await this.#sleep(Math.min(initialDelay * 2 ** (failures - 1), maxDelay));
    }
  }

  #finish(reason: string): void {
    if (this.#opened) {
      this.#opened.reject(new Error(reason));
      this.#opened = undefined;
      this.stop();
      return;
    }
    this.stop();
    this.options.onFatal(reason);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(resolve, ms);
    });
  }
}
