/**
 * The one checker for every path that reaches the conference's REST client: a plugin's
 * `sendRequest`, the PexRTC facade's participant calls, `InfinityConnection.execute` and the
 * client itself. Paths stay inside the conference's REST path (`participants/<uuid>/mute`,
 * `/lock`, `muteguests`), so a request, and the token it carries, never leaves for another
 * origin, another conference or another API on the node.
 *
 * A path passes only when no reading of it can climb out: each segment is percent-decoded again
 * and again until it no longer changes (a proxy or server that decodes twice must not find a
 * `..` or a `/` either), and every decoded form is judged.
 */
import { CommandError } from './commands.js';

/** What a caller is told to do instead. */
const SEND_REQUEST_FIX = 'pass the part after the conference, e.g. "lock" or "participants/<uuid>/mute".';

/** How many times a segment is decoded before it counts as encoded on purpose to hide something. */
const MAX_DECODINGS = 4;

/** An absolute URL: a scheme, e.g. `https:`, `javascript:`, `c:`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** ASCII controls: the URL parser drops tabs and line breaks, so `.\t.` would become `..`. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A segment of dots only, with `;parameters` some servers strip (`..;`). */
const DOTS = /^\.+(?:;.*)?$/;

/** A path refused by the checker; its message names the path, why, and what to pass instead. */
export class RequestPathError extends CommandError {
  /** The path as given. */
  readonly path: unknown;
  /** Why it was refused, in a sentence. */
  readonly why: string;

  /**
   * `call` names the entry and what was passed to it (default `sendRequest("<path>")`); `fix`
   * says what to pass instead.
   */
  constructor(path: unknown, why: string, options: { call?: string; fix?: string } = {}) {
    super(`${options.call ?? `sendRequest(${describe(path)})`}: ${why} Fix: ${options.fix ?? SEND_REQUEST_FIX}`);
    this.name = 'RequestPathError';
    this.path = path;
    this.why = why;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The segment decoded until it no longer changes, or why it cannot be: a decoding fails, or it never settles. */
function fullyDecoded(segment: string): { decoded: string } | { problem: string } {
  let current = segment;
  for (let round = 0; round <= MAX_DECODINGS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return {
        problem:
          round === 0
            ? `the segment ${JSON.stringify(segment)} is not valid percent-encoding.`
            : `the segment ${JSON.stringify(segment)} decodes to ${JSON.stringify(current)}, which is not valid percent-encoding.`,
      };
    }
    if (next === current) return { decoded: current };
    current = next;
  }
  return { problem: `the segment ${JSON.stringify(segment)} is percent-encoded more than ${MAX_DECODINGS} times over.` };
}

/** `"%252e%252e"`: ` (decoded: "..")` when decoding changed it, else nothing. */
function decodedNote(segment: string, decoded: string): string {
  return decoded === segment ? '' : ` (decoded: ${JSON.stringify(decoded)})`;
}

/**
 * The path, checked, without its leading slash and surrounding white space. Throws
 * RequestPathError (a CommandError) naming the path and why. `options` name the entry in the
 * message (see RequestPathError).
 */
export function conferenceRequestPath(path: unknown, options: { call?: string; fix?: string } = {}): string {
  const refuse = (why: string): never => {
    throw new RequestPathError(path, why, options);
  };
  if (typeof path !== 'string') return refuse('the path must be a string.');
  const trimmed = path.trim();
  if (CONTROL.test(trimmed)) refuse('control characters (tabs, line breaks) are not allowed.');
  if (SCHEME.test(trimmed) || trimmed.startsWith('//')) refuse('absolute and protocol-relative URLs are not allowed; requests go to the conference only.');
  if (trimmed.includes('\\')) refuse('backslashes are not allowed.');
  if (/[?#]/.test(trimmed)) refuse('query strings and fragments are not allowed; send parameters as the payload.');
  const relative = trimmed.startsWith('/') ? trimmed.slice(1) : trimmed;
  if (relative === '') refuse('the path is empty.');
  for (const segment of relative.split('/')) {
    if (segment === '') refuse('empty path segments ("//", or a trailing "/") are not allowed.');
    const reading = fullyDecoded(segment);
    if ('problem' in reading) return refuse(reading.problem);
    const { decoded } = reading;
    const note = decodedNote(segment, decoded);
    if (DOTS.test(decoded) || DOTS.test(decoded.normalize('NFKC'))) refuse(`the segment ${JSON.stringify(segment)}${note} is made of dots: "." and ".." segments are not allowed.`);
    if (/[/\\]/.test(decoded)) refuse(`the segment ${JSON.stringify(segment)}${note} holds an encoded slash or backslash.`);
    if (/[?#]/.test(decoded)) refuse(`the segment ${JSON.stringify(segment)}${note} holds an encoded "?" or "#".`);
    if (CONTROL.test(decoded)) refuse(`the segment ${JSON.stringify(segment)}${note} holds an encoded control character.`);
  }
  return relative;
}

/**
 * The URL `<base>/<path>` for a path conferenceRequestPath passed, checked once more as the URL
 * parser reads it: the same origin as `base`, and under `base`'s path. Throws RequestPathError.
 */
export function conferenceRequestUrl(base: string, path: string, options: { call?: string; fix?: string } = {}): string {
  const checked = conferenceRequestPath(path, options);
  const url = `${base}/${checked}`;
  const page = globalThis.location?.href ?? 'http://localhost/';
  const root = new URL(`${base}/`, page);
  const resolved = new URL(url, page);
  if (resolved.origin !== root.origin || !resolved.pathname.startsWith(root.pathname) || resolved.search || resolved.hash) {
    throw new RequestPathError(path, `it resolves to ${resolved.href}, outside the conference (${root.href}).`, options);
  }
  return url;
}
