/**
 * Judges the token calls on the wire with Pexip's own validators (`@pexip/infinity-api`'s
 * schemas, a devDependency): a fetch wrapper that, for request_token, refresh_token and
 * release_token, checks the request the client sends and the answer the server gives, and keeps
 * every call it saw. Give a connection `fetch: judge.fetch`, or `judge.install()` it on window.
 */
import {
  validateRefreshToken200,
  validateRefreshToken403,
  validateReleaseToken200,
  validateReleaseToken403,
  validateReleaseTokenBody,
  validateRequestToken200,
  validateRequestToken403,
  validateRequestToken404,
  validateRequestToken415,
  validateRequestToken502,
  validateRequestToken503,
  validateRequestToken504,
  validateRequestToken529,
  validateRequestTokenBody,
} from '@pexip/infinity-api/dist/token/validation.js';
import type { VendorValidator } from './simulator-client.js';

export type TokenCall = 'request_token' | 'refresh_token' | 'release_token';

/** The answers each call has in the vendor schema, by status. */
const ANSWERS: Record<TokenCall, Partial<Record<number, VendorValidator>>> = {
  request_token: {
    200: validateRequestToken200,
    403: validateRequestToken403,
    404: validateRequestToken404,
    415: validateRequestToken415,
    502: validateRequestToken502,
    503: validateRequestToken503,
    504: validateRequestToken504,
    529: validateRequestToken529,
  },
  refresh_token: { 200: validateRefreshToken200, 403: validateRefreshToken403 },
  release_token: { 200: validateReleaseToken200, 403: validateReleaseToken403 },
};

/** The calls that take a body, and its schema; refresh_token takes none. */
const BODIES: Partial<Record<TokenCall, VendorValidator>> = {
  request_token: validateRequestTokenBody,
  release_token: validateReleaseTokenBody,
};

/**
 * Runs a vendor validator on a copy: they are generated to drop the fields their schema does not
 * know, in place, which would hide from the other checks (and the test) what was really sent.
 */
function passes(validator: VendorValidator, data: unknown): boolean {
  return validator(structuredClone(data));
}

/** The top-level fields of `data` that the schema does not know (the validator drops them). */
function unknownFields(validator: VendorValidator, data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  const copy = structuredClone(data) as Record<string, unknown>;
  validator(copy);
  return Object.keys(data).filter((field) => !(field in copy));
}

const TOKEN_CALL = /\/api\/client\/v2\/conferences\/[^/]+\/(request_token|refresh_token|release_token)$/;

/** One token call as it went over the wire. */
export interface JudgedCall {
  call: TokenCall;
  /** The request's headers, lower-case names. */
  headers: Record<string, string>;
  /** The request's body, parsed; undefined when there was none. */
  body: unknown;
  keepalive: boolean;
  /** performance.now() when the request was sent. */
  sentAt: number;
  /** The answer's status; undefined while it is awaited or when none came. */
  status?: number;
  /** The answer's body, parsed. */
  answer?: unknown;
  /** Whether the vendor schema has this status for this call (and so the answer was judged). */
  judged?: boolean;
}

export class TokenWireJudge {
  /** Every token call seen, in order. */
  readonly calls: JudgedCall[] = [];
  /** What did not pass the vendor's schemas, one line each. */
  readonly violations: string[] = [];
  readonly #inner: typeof fetch;
  readonly #judgeAnswers: boolean;

  /**
   * `inner` is what answers (default: the page's fetch). `answers: false` judges the requests
   * only, for a test that gives the client answers outside the schema on purpose.
   */
  constructor(inner: typeof fetch = window.fetch.bind(window), options: { answers?: boolean } = {}) {
    this.#inner = inner;
    this.#judgeAnswers = options.answers ?? true;
  }

  /** The calls of one kind. */
  of(call: TokenCall): JudgedCall[] {
    return this.calls.filter((c) => c.call === call);
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const call = TOKEN_CALL.exec(url.pathname)?.[1] as TokenCall | undefined;
    if (!call) return this.#inner(input, init);
    const judged = this.#judgeRequest(call, init);
    this.calls.push(judged);
    const response = await this.#inner(input, init);
    await this.#judgeAnswer(judged, response.clone());
    return response;
  };

  /** Puts the judge in front of window.fetch; returns what puts it back. */
  install(): () => void {
    const original = window.fetch;
    window.fetch = this.fetch;
    return () => {
      window.fetch = original;
    };
  }

  #violation(call: TokenCall, what: string): void {
    this.violations.push(`${call}: ${what}`);
  }

  #judgeRequest(call: TokenCall, init: RequestInit | undefined): JudgedCall {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    let body: unknown;
    if (init?.body !== undefined && init.body !== null) {
      if (typeof init.body !== 'string') this.#violation(call, 'the body is not JSON text');
      else {
        try {
          body = JSON.parse(init.body);
        } catch {
          this.#violation(call, `the body is not JSON: ${init.body}`);
        }
      }
    }
    const judged: JudgedCall = { call, headers, body, keepalive: init?.keepalive === true, sentAt: performance.now() };
    if ((init?.method ?? 'GET').toUpperCase() !== 'POST') this.#violation(call, `sent as ${init?.method ?? 'GET'}, not POST`);
    const bodySchema = BODIES[call];
    if (bodySchema) {
      if (!passes(bodySchema, body)) this.#violation(call, `the request body fails the vendor schema: ${JSON.stringify(bodySchema.errors)} ${JSON.stringify(body)}`);
      const unknown = unknownFields(bodySchema, body);
      if (unknown.length > 0) this.#violation(call, `the request body has fields the schema does not know, which Infinity drops: ${unknown.join(', ')}`);
      if (!headers['content-type']?.startsWith('application/json')) this.#violation(call, `the body is sent as ${headers['content-type'] ?? 'no content type'}`);
    } else if (body !== undefined) {
      this.#violation(call, `sends a body the schema does not have: ${JSON.stringify(body)}`);
    }
    if (call === 'request_token') {
      if ('token' in headers) this.#violation(call, 'sends a token header');
      // Infinity drops the body's unknown fields: a PIN there would never be seen.
      if (body && typeof body === 'object' && 'pin' in body) this.#violation(call, 'puts the PIN in the body, not the pin header');
      if ('pin' in headers && headers.pin === '') this.#violation(call, 'sends an empty pin header');
    } else if (!headers.token) {
      this.#violation(call, 'sends no token header');
    }
    return judged;
  }

  async #judgeAnswer(judged: JudgedCall, response: Response): Promise<void> {
    const { call } = judged;
    judged.status = response.status;
    const text = await response.text();
    try {
      judged.answer = text ? JSON.parse(text) : undefined;
    } catch {
      judged.answer = text;
    }
    const validator = ANSWERS[call][response.status];
    judged.judged = validator !== undefined && this.#judgeAnswers;
    if (!validator || !this.#judgeAnswers) return;
    if (!response.headers.get('content-type')?.startsWith('application/json')) {
      this.#violation(call, `the ${response.status} answer is ${response.headers.get('content-type') ?? 'without a content type'}, not JSON`);
    }
    if (!passes(validator, judged.answer)) {
      this.#violation(call, `the ${response.status} answer fails the vendor schema: ${JSON.stringify(validator.errors)} ${text}`);
    }
  }
}
