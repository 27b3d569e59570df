/**
 * A small static server for the benchmarks: loopback only, files byte for byte (no
 * compression, no transformation), no caching, with an optional artificial latency per
 * request (loopback hides the cost of serial round trips) and an optional Infinity simulator
 * mounted at /api/client/v2/ and /_simulator/ (never delayed).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
};

/**
 * @param {{ mounts: Record<string, string>, latencyMs?: number, isolate?: boolean, crossOrigin?: string[], simulator?: { handle(req: unknown, res: unknown): boolean } }} options
 *   mounts: URL prefix ('/dist/') -> folder on disk. isolate: serve pages cross-origin isolated
 *   (COOP + COEP), which gives `performance.now()` 5 µs resolution instead of 100 µs.
 *   crossOrigin: URL prefixes whose files are served with `Access-Control-Allow-Origin: *`
 *   (a module script requested by a sandboxed frame, whose origin is opaque, is a CORS request).
 * @returns {Promise<{ origin: string, port: number, latencyMs: number, requests: number, close(): Promise<void> }>}
 */
export async function startServer({ mounts, latencyMs = 0, isolate = false, crossOrigin = [], simulator }) {
  const roots = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const state = { latencyMs, requests: 0 };

  const server = createServer(async (req, res) => {
    if (simulator?.handle(req, res)) return;
    state.requests += 1;
    if (state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    const pathname = decodeURIComponent(url.pathname);
    const mount = roots.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount || (req.method !== 'GET' && req.method !== 'HEAD')) return notFound(res);
    const [prefix, root] = mount;
    const file = path.resolve(root, `.${path.sep}${pathname.slice(prefix.length)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound(res);
    try {
      const info = await stat(file);
      if (!info.isFile()) return notFound(res);
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...(isolate ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {}),
        ...(crossOrigin.some((p) => pathname.startsWith(p)) ? { 'access-control-allow-origin': '*' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res);
    }
  });
  // Keep-alive connections would hold close() open.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(ms) {
      state.latencyMs = ms;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** @param {import('node:http').ServerResponse} res */
function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Not found');
}
