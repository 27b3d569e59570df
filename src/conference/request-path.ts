/**
 * `sendRequest` paths stay inside the conference's REST path: `participants/<uuid>/mute`,
 * `/lock`, `muteguests`. A plugin's request never leaves for another origin or another
 * conference, so the token it carries never does either.
 */
export class RequestPathError extends TypeError {
  constructor(path: unknown, why: string) {
    super(
      `sendRequest(${JSON.stringify(path)}): ${why} ` +
        'Fix: pass the part after the conference, e.g. "lock" or "participants/<uuid>/mute".',
    );
    this.name = 'RequestPathError';
  }
}

/** The path, checked, without its leading slash. Throws RequestPathError. */
export function conferenceRequestPath(path: unknown): string {
  if (typeof path !== 'string') throw new RequestPathError(path, 'the path must be a string.');
  const trimmed = path.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    throw new RequestPathError(path, 'absolute URLs are not allowed; requests go to the conference only.');
  }
  if (trimmed.includes('\\')) throw new RequestPathError(path, 'backslashes are not allowed.');
  if (/[?#]/.test(trimmed)) throw new RequestPathError(path, 'query strings and fragments are not allowed; send parameters as the payload.');
  const relative = trimmed.replace(/^\/+/, '');
  if (relative === '') throw new RequestPathError(path, 'the path is empty.');
  const segments = relative.split('/');
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new RequestPathError(path, `"${segment}" is not a valid path segment.`);
    }
    if (decoded === '..' || decoded === '.') throw new RequestPathError(path, '"." and ".." segments are not allowed.');
    if (decoded.includes('/') || decoded.includes('\\')) throw new RequestPathError(path, 'encoded slashes are not allowed.');
    if (segment === '') throw new RequestPathError(path, 'empty path segments ("//") are not allowed.');
  }
  return relative;
}
