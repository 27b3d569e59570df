/**
 * Files a browser test writes and then has the page fetch: `PUT /_scratch/<path>` keeps the
 * body in memory, `GET /_scratch/<path>` serves it. They are served as cacheable for an hour on
 * purpose: a test that changes a file and sees the change has proved that its code did not
 * rely on the server to defeat the browser's cache.
 */
const PREFIX = '/_scratch/';

const TYPES = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
};

export function scratchFiles() {
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  return async function scratch(ctx, next) {
    if (!ctx.path.startsWith(PREFIX)) return next();
    if (ctx.method === 'PUT') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      files.set(ctx.path, Buffer.concat(chunks));
      ctx.status = 204;
      return undefined;
    }
    const body = files.get(ctx.path);
    if (!body) {
      ctx.status = 404;
      ctx.body = 'Not Found';
      return undefined;
    }
    ctx.body = body;
    ctx.type = TYPES[ctx.path.split('.').pop()] ?? 'application/octet-stream';
    ctx.set('Cache-Control', 'public, max-age=3600');
    return undefined;
  };
}
