/**
 * Test helpers for the Infinity simulator mounted in the test server (same origin):
 * the client REST API at /api/client/v2/conferences/<alias>/..., the control API at /_simulator/...
 */

export const API_BASE = '/api/client/v2/conferences';

/** An answer of the client API: the HTTP status and the parsed JSON body. */
export interface Answer<T = unknown> {
  status: number;
  body: { status: string; result: T };
  contentType: string | null;
}

/** A call to the control API; throws on a non-2xx answer. */
export async function control<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/_simulator/${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`/_simulator/${path}: ${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

export const resetSimulator = () => control('reset', { method: 'POST' });

export interface Faults {
  tokenExpiry?: number | null;
  fail?: { status: number; reason?: string; count?: number; match?: string } | null;
  dropEvents?: boolean;
  slowMs?: number;
  /** Delays the answers whose path contains `match` (every one without) by `ms`; rules add up; null clears. */
  slow?: { ms: number; match?: string } | null;
  /** The next events stream opened closes in the middle of its sync, after that many participant_create events (once). */
  dropSyncAfter?: number | null;
  /** Every event twice. */
  duplicateEvents?: boolean;
  /** A new participant's update before its create; a leaver's delete twice, then a stale update. */
  disorder?: boolean;
  /** Every token issued so far expires now. */
  expireTokens?: boolean;
}
export const setFaults = (faults: Faults) => control<{ ok: true }>('faults', { body: faults });

/** The testing kit's types of the simulator's state. */
export type { SimulatedConference as ConferenceState, SimulatedParticipant as RawParticipant } from '../../testing/simulator.js';
import type { SimulatedConference as ConferenceState } from '../../testing/simulator.js';
export const conferenceState = (alias: string) => control<ConferenceState>(`conferences/${alias}`);

/** A call to the client API. */
export async function call<T = unknown>(
  alias: string,
  path: string,
  init: { method?: string; token?: string; pin?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.token = init.token;
  if (init.pin !== undefined) headers.pin = init.pin;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${API_BASE}/${encodeURIComponent(alias)}/${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return {
    status: response.status,
    body: await response.json(),
    contentType: response.headers.get('content-type'),
  };
}

export interface TokenResult {
  token: string;
  expires: string;
  participant_uuid: string;
  role: 'HOST' | 'GUEST';
  display_name: string;
  current_service_type: string;
  [field: string]: unknown;
}

/** request_token; throws unless it succeeds. */
export async function join(alias: string, displayName: string, pin?: string) {
  const answer = await call<TokenResult>(alias, 'request_token', { pin, body: { display_name: displayName } });
  if (answer.status !== 200) throw new Error(`request_token ${alias}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...answer.body.result, answer };
}

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: unknown;
}

/**
 * Reads an event stream with fetch and a ReadableStream. `take(name)` returns the next event of
 * that name after the previous `take` (waiting for it); `ended` settles when the server ends the
 * stream.
 */
export class EventReader {
  readonly events: SseEvent[] = [];
  readonly ended: Promise<void>;
  status = 0;
  private cursor = 0;
  private readonly abort = new AbortController();
  private readonly waiters = new Set<() => void>();
  private done = false;

  private constructor(private readonly response: Response) {
    this.status = response.status;
    this.ended = this.read();
  }

  static async open(alias: string, token: string): Promise<EventReader> {
    const controller = new AbortController();
    const response = await fetch(`${API_BASE}/${encodeURIComponent(alias)}/events?token=${encodeURIComponent(token)}`, {
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      throw new Error(`events ${alias}: ${response.status} ${await response.text()}`);
    }
    const reader = new EventReader(response);
    reader.abort.signal.addEventListener('abort', () => controller.abort());
    return reader;
  }

  get isEnded() {
    return this.done;
  }

  private async read() {
    const decoder = new TextDecoder();
    const source = this.response.body!.getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await source.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          this.parse(buffer.slice(0, boundary));
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.done = true;
      this.wake();
    }
  }

  private parse(block: string) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text
    }
    this.events.push({ event, id, data: parsed });
    this.wake();
  }

  private wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Waits for an event after the cursor that satisfies `test`, and moves the cursor past it. */
  async waitFor(test: (event: SseEvent) => boolean, what: string, timeoutMs = 4000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = this.cursor; i < this.events.length; i++) {
        if (test(this.events[i])) {
          this.cursor = i + 1;
          return this.events[i];
        }
      }
      if (this.done) throw new Error(`event stream ended before ${what}; got ${this.names()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; got ${this.names()}`);
      await new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          this.waiters.delete(finish);
          resolve();
        };
        const timer = setTimeout(finish, left);
        this.waiters.add(finish);
      });
    }
  }

  /** The next event called `name` (after the cursor). */
  take(name: string, timeoutMs?: number) {
    return this.waitFor((event) => event.event === name, name, timeoutMs);
  }

  /** Event names so far, for messages. */
  names() {
    const names = this.events.map((event) => event.event);
    return names.length > 30 ? `${names.slice(0, 30).join(', ')} … (${names.length})` : names.join(', ');
  }

  close() {
    this.abort.abort();
  }
}

/** A vendor validator (Ajv standalone): returns whether `data` passes; `errors` explains a failure. */
export type VendorValidator = ((data: unknown) => boolean) & { errors?: unknown };

/**
 * Throws with the validator's errors unless `data` passes the vendor schema. The vendor's
 * validators remove the fields their schema does not know from what they check: a copy keeps
 * the caller's answer whole.
 */
export function conforms(validator: VendorValidator, data: unknown, what: string) {
  if (!validator(structuredClone(data))) {
    throw new Error(`${what} does not pass the vendor schema: ${JSON.stringify(validator.errors)}\n${JSON.stringify(data)}`);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
