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
    if (this.#start) {
      if (chunk === '') return;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.#start = false;
    }
    let buffer = this.#buffer + chunk;
    let position = 0;
    for (;;) {
      const lf = buffer.indexOf('\n', position);
      const cr = buffer.indexOf('\r', position);
      if (lf === -1 && cr === -1) break;
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A '\r' at the very end may be the first half of '\r\n': wait for the next chunk.
        if (cr === buffer.length - 1) break;
        end = cr;
        next = buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      this.#line(buffer.slice(position, end));
      position = next;
    }
    buffer = buffer.slice(position);
    this.#buffer = buffer;
  }

  /** The stream ended: a trailing line is processed, an event without its blank line is dropped (as the standard says). */
  end(): void {
    if (this.#buffer.endsWith('\r')) this.#buffer = this.#buffer.slice(0, -1);
    if (this.#buffer) this.#line(this.#buffer);
    this.#buffer = '';
    this.#data = [];
    this.#type = '';
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        // Unknown fields are ignored.
        break;
    }
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
