/**
 * Our own raw REST calls to the conference (everything but the three token calls): the token
 * header on every call, JSON in and out, and the server's reason kept on failure whatever the
 * status (many calls have no error answer in the vendor schemas, so a typed client would lose it).
 */
import { CommandError } from '../commands.js';

/** `<node>/api/client/v2/conferences/<alias>`; node '' means this page's origin. */
export function conferenceBase(node: string, alias: string): string {
  return `${node.replace(/\/+$/, '')}/api/client/v2/conferences/${encodeURIComponent(alias)}`;
}

/** The answer's body: parsed JSON when it is JSON, else undefined; and the raw text. */
export interface RawAnswer {
  status: number;
  json: unknown;
  text: string;
}

export async function readAnswer(response: Response): Promise<RawAnswer> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read says nothing more.
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/**
 * The server's reason: `result` when it is text (Infinity's `{status: 'failed', result: '<reason>'}`),
 * else a short non-JSON body (a proxy's '502 Bad Gateway'), else undefined.
 */
export function answerReason(answer: Pick<RawAnswer, 'json' | 'text'>): string | undefined {
  const { json, text } = answer;
  if (json && typeof json === 'object' && 'result' in json) {
    const result = (json as { result: unknown }).result;
    if (typeof result === 'string') return result;
  }
  if (json === undefined) {
    const trimmed = text.trim();
    if (trimmed && trimmed.length <= 300 && !trimmed.startsWith('<')) return trimmed;
  }
  return undefined;
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
   * answer, neither when the request never got one.
   */
  async call(path: string, body?: unknown, method: 'POST' | 'GET' = 'POST'): Promise<unknown> {
    const headers: Record<string, string> = { token: this.token() };
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}/${path}`, init);
    } catch (error) {
      throw new CommandError(`${path}: the request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const answer = await readAnswer(response);
    if (!response.ok) {
      const reason = answerReason(answer);
      throw new CommandError(`${path} failed: ${response.status} ${reason ?? response.statusText}`.trim(), response.status, reason);
    }
    if (answer.json && typeof answer.json === 'object' && 'result' in answer.json) {
      return (answer.json as { result: unknown }).result;
    }
    return answer.json;
  }
}
