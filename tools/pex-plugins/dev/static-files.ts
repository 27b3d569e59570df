/**
 * Serves files from a folder byte for byte with `Cache-Control: no-store`: plugin sources must
 * reach the browser exactly as written (a syntax error included), and an edited file must never
 * come from a cache.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Answers with the file at `urlPath` (already stripped of its mount prefix and query) under
 * `root`; 404 for a folder or a missing file, 403 for a path that climbs out of `root`.
 */
export async function sendFile(res: ServerResponse, root: string, urlPath: string, method: string | undefined): Promise<void> {
  let relativePath: string;
  try {
    relativePath = decodeURIComponent(urlPath);
  } catch {
    return sendText(res, 400, 'Bad Request');
  }
  const base = normalize(root).replace(/[\\/]+$/, '');
  const file = normalize(join(base, relativePath));
  if (file !== base && !file.startsWith(base + sep)) return sendText(res, 403, 'Forbidden');
  try {
    if (!(await stat(file)).isFile()) return sendText(res, 404, 'Not Found');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(method === 'HEAD' ? undefined : body);
  } catch {
    sendText(res, 404, 'Not Found');
  }
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
