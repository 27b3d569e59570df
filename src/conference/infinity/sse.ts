/**
 * A small server-sent events parser (the `text/event-stream` format of the HTML standard) and
 * a reader that feeds it from a fetch body. The Infinity connection reads `events` with fetch
 * instead of EventSource because EventSource reconnects on its own with the URL it was given,
 * and the token in that URL expires: each reconnect here is a new fetch with the current token.
 */

/** One dispatched event. */
export interface SseEvent {
  /** The `event:` field, 'message' when absent. */
  type: string;
  /** The `data:` lines joined with '\n'. */
  data: string;
  /** The last `id:` seen on the stream ('' when none). */
  lastEventId: string;
}

/**
 * Incremental parser: feed it text as it arrives, in chunks cut anywhere (inside a line, between
 * '\r' and '\n'); it calls `onEvent` for every complete event. Handles '\n', '\r\n' and '\r' line
 * ends, comments (':'), multi-line data, `id` and `retry`, and a leading byte-order mark.
 */
export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #type = '';
  #lastEventId = '';
  #start = true;
  /** The last `retry:` value in ms, if the server sent one. */
  retry: number | undefined;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  /** Parses a chunk of the stream. */
  feed(chunk: string): void {
    let text = this.#buffer + chunk;
    if (this.#start && text) {
      this.#start = false;
      text = text.replace(/^\uFEFF/, '');
    }
    // A '\r' at the very end may be the first half of '\r\n': it waits for the next chunk.
    const held = text.endsWith('\r') ? '\r' : '';
    const lines = (held ? text.slice(0, -1) : text).split(/\r\n|\r|\n/);
    // The last piece is a line still to be finished.
    this.#buffer = lines.pop() + held;
    for (const line of lines) this.#line(line);
  }

  /** The stream ended: a trailing line is processed, an event without its blank line is dropped (as the standard says). */
  end(): void {
    if (this.#buffer.replace(/\r$/, '')) this.feed('\n');
    this.#buffer = '';
    this.#data = [];
    this.#type = '';
  }

  #line(line: string): void {
    if (line === '') return this.#dispatch();
    const colon = line.indexOf(':');
    // A comment.
    if (colon === 0) return;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.#type = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id') {
      if (!value.includes('\0')) this.#lastEventId = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    // Unknown fields are ignored.
  }

  #dispatch(): void {
    const data = this.#data;
    const type = this.#type;
    this.#data = [];
    this.#type = '';
    if (data.length === 0) return;
    this.onEvent({ type: type || 'message', data: data.join('\n'), lastEventId: this.#lastEventId });
  }
}

/**
 * Reads a `text/event-stream` body to its end, calling `onEvent` per event. Resolves when the
 * server ends the stream; rejects when reading fails (a network drop, or an abort).
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
  const parser = new SseParser(onEvent);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
