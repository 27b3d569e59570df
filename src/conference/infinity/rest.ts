/**
 * Our own REST client for the conference, the token calls included: JSON in and out, the `token`
 * (or `pin`) header, and the server's reason kept on failure whatever the status (many calls
 * have no error answer in the vendor schemas, so a typed client would lose it).
 */
import { CommandError } from '../commands.js';
import { conferenceRequestUrl } from '../request-path.js';
import { checkedPath, messageOf, texts } from './errors.js';

/** `<node>/api/client/v2/conferences/<alias>`; node '' means this page's origin. */
export function conferenceBase(node: string, alias: string): string {
  return `${node.replace(/\/+$/, '')}/api/client/v2/conferences/${encodeURIComponent(alias)}`;
}

/** The answer's status, and its body: parsed JSON when it is JSON, else undefined; and the raw text. */
export interface RawAnswer {
  status: number;
  statusText: string;
  json: unknown;
  text: string;
}

export async function readAnswer(response: Response): Promise<RawAnswer> {
  // A body that cannot be read says nothing more.
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the text is all there is.
  }
  return { status: response.status, statusText: response.statusText, json, text };
}

/** Infinity's answers are `{status, result}`: the `result` when there is one, else `otherwise`. */
export function resultOf(data: unknown, otherwise?: unknown): unknown {
  return data && typeof data === 'object' && 'result' in data ? data.result : otherwise;
}

/**
 * The server's reason: `result` when it is text (Infinity's `{status: 'failed', result: '<reason>'}`),
 * else a short non-JSON body (a proxy's '502 Bad Gateway'), else undefined.
 */
export function answerReason(answer: Pick<RawAnswer, 'json' | 'text'>): string | undefined {
  const { json } = answer;
  const result = resultOf(json);
  if (typeof result === 'string') return result;
  const text = answer.text.trim();
  return json === undefined && text && text.length <= 300 && !text.startsWith('<') ? text : undefined;
}

/** One request to the node. */
export interface RestRequest {
  method?: 'POST' | 'GET';
  /** Sent as JSON, with its content type, when given. */
  body?: unknown;
  /** The `token` or `pin` header. */
  headers?: Readonly<Record<string, string>>;
  /** Lets the request outlive the page (a release on `pagehide`). */
  keepalive?: boolean;
}

/**
 * Sends one request and resolves to its answer whatever the status; the caller decides what a
 * status means. Rejects, with fetch's own error, only when no answer came (the network, CORS,
 * a header value fetch refuses).
 */
export async function sendRequest(fetcher: typeof fetch, url: string, request: RestRequest = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  const init: RequestInit = { method: request.method ?? 'POST', headers };
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  if (request.keepalive) init.keepalive = true;
  return readAnswer(await fetcher(url, init));
}

export class ConferenceRest {
  constructor(
    /** `<node>/api/client/v2/conferences/<alias>`. */
    readonly base: string,
    private readonly fetcher: typeof fetch,
    private readonly token: () => string,
  ) {}

  /**
   * POST (or GET) `<base>/<path>` with the token header; resolves to the answer's `result`.
   * Rejects with a CommandError: `status` and `reason` (the server's words) when there was an
   * answer, neither when the request never got one; a RequestPathError, before anything is sent,
   * when the path could lead outside the conference (whoever built it checked it already: this
   * is the last gate before the token goes out).
   */
  async call(path: string, body?: unknown, method: 'POST' | 'GET' = 'POST'): Promise<unknown> {
    const url = await checkedPath(() => conferenceRequestUrl(this.base, path), { rest: path });
    let answer: RawAnswer;
    try {
      answer = await sendRequest(this.fetcher, url, { method, body, headers: { token: this.token() } });
    } catch (error) {
      // No answer, maybe no network: these words are here, not fetched (texts.ts).
      throw new CommandError(`${path}: the request failed: ${messageOf(error)}`);
    }
    // Refused: the status and the server's reason (texts.ts).
    if (answer.status < 200 || answer.status > 299) throw (await texts()).callFailed(path, answer);
    return resultOf(answer.json, answer.json);
  }
}
