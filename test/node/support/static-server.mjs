/**
 * A static file server for the Node tests that open a built client in Chromium: `folder` at /,
 * and the runtime fixtures (test/fixtures/runtime/) at /branding/. Nothing is cached.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { projectRoot } from './installed-package.mjs';

const RUNTIME_FIXTURES = join(projectRoot, 'test', 'fixtures', 'runtime');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** Resolves to the listening server; its port is `server.address().port`. */
export function serveClient(folder) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://client.invalid').pathname);
    const [base, rest] = path.startsWith('/branding/') ? [RUNTIME_FIXTURES, path.slice('/branding/'.length)] : [folder, path.slice(1)];
    const file = normalize(join(base, rest));
    if (!file.startsWith(base) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Closes a server from serveClient(), and the connections a browser may still hold open. */
export const closeServer = (server) =>
  new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
