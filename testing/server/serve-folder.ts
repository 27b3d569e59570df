import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The few parts of a Koa context (web-test-runner's middleware) the kit uses. */
export interface KoaContext {
  path: string;
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
}

/** A Koa middleware, as web-test-runner's `middleware` option takes them. */
export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<unknown>) => Promise<unknown>;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/** A folder given as a path (relative to the working directory) or a file: URL. */
export function folderPath(folder: string | URL): string {
  const path = folder instanceof URL || folder.startsWith('file:') ? fileURLToPath(folder) : resolve(folder);
  return normalize(path).replace(/[\\/]+$/, '');
}

/**
 * Serves `folder` under `urlPrefix` byte for byte, ahead of the dev server's own handling:
 * web-test-runner rewrites the JavaScript it serves (bare imports), and a plugin source must
 * reach the browser as the branding portal would serve it, a syntax error included.
 * Paths that leave the folder get 403, missing files 404.
 */
export function serveFolder(urlPrefix: string, folder: string | URL): KoaMiddleware {
  const prefix = urlPrefix.endsWith('/') ? urlPrefix : `${urlPrefix}/`;
  const root = folderPath(folder);
  return async function servePluginFolder(ctx, next) {
    if (!ctx.path.startsWith(prefix)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(prefix.length));
    } catch {
      ctx.status = 400;
      return;
    }
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) {
      ctx.status = 403;
      return;
    }
    try {
      ctx.body = await readFile(file);
      ctx.type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      ctx.set('Cache-Control', 'no-cache');
    } catch {
      ctx.status = 404;
      ctx.body = `Not found: ${ctx.path} (no ${file})`;
    }
  };
}
