import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves a folder byte for byte, ahead of the dev server's transforms: plugin sources must
 * reach the browser as written (a syntax error included), as a branding folder would.
 */
export function serveStatic(urlPrefix, folder) {
  const root = normalize(folder).replace(/[\\/]+$/, '');
  return async function staticFixtures(ctx, next) {
    if (!ctx.path.startsWith(urlPrefix)) return next();
    const file = normalize(join(root, decodeURIComponent(ctx.path.slice(urlPrefix.length))));
    if (file !== root && !file.startsWith(root + sep)) {
      ctx.status = 403;
      return;
    }
    try {
      ctx.body = await readFile(file);
      ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
      ctx.set('Cache-Control', 'no-cache');
    } catch {
      ctx.status = 404;
      ctx.body = 'Not Found';
    }
  };
}
