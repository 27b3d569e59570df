/**
 * The playground's server, plain Node `http`, laid out as a webapp2 deployment: the page at
 * `/`, the branding folder beside it as `/custom_configuration/` (plugins fetch their own files
 * page-relative through that name), the Infinity simulator at `/api/client/v2/` and
 * `/_simulator/`, and `/_playground/events`, the Server-Sent Events that tell the page what to
 * reload.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createSimulator, type InfinitySimulator } from '../../infinity-simulator/simulator.mjs';
import { sendFile, sendText } from './static-files.js';

export const BRANDING_PREFIX = '/custom_configuration/';
export const EVENTS_PATH = '/_playground/events';
/** A comment line now and then keeps proxies and idle timeouts from closing the stream. */
const HEARTBEAT_MS = 15_000;

export interface PlaygroundServer {
  readonly port: number;
  /** Sends an event to every open page. */
  notify(event: 'plugins' | 'branding', data: object): void;
  /** How many pages are listening. */
  readonly listeners: number;
  close(): Promise<void>;
}

export class PortBusy extends Error {
  override name = 'PortBusy';
}

export interface ServerOptions {
  brandingFolder: string;
  playgroundFolder: string;
  /** The port to listen on; with `tryNext`, the next free one up to `tryNext` further. */
  port: number;
  tryNext?: number;
}

export async function startPlaygroundServer(options: ServerOptions): Promise<PlaygroundServer> {
  const simulator = createSimulator({ scripted: true });
  const pages = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (simulator.handle(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://playground.invalid').pathname;
    if (path === EVENTS_PATH) return openEvents(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    if (path.startsWith(BRANDING_PREFIX)) return sendFile(res, options.brandingFolder, path.slice(BRANDING_PREFIX.length), req.method);
    return sendFile(res, options.playgroundFolder, path === '/' ? 'index.html' : path.slice(1), req.method);
  }

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': pex-plugins dev\n\n');
    pages.add(res);
    res.on('close', () => pages.delete(res));
  }

  const heartbeat = setInterval(() => {
    for (const page of pages) page.write(': still here\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let port: number;
  try {
    port = await listen(server, options.port, options.tryNext ?? 0);
  } catch (error) {
    clearInterval(heartbeat);
    simulator.close();
    throw error;
  }
  return {
    port,
    get listeners() {
      return pages.size;
    },
    notify(event, data) {
      for (const page of pages) page.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: () => closeAll(server, simulator, pages, heartbeat),
  };
}

/** Listens on `port` on 127.0.0.1, else on the next ones; PortBusy when none of them is free. */
async function listen(server: Server, port: number, tryNext: number): Promise<number> {
  for (let candidate = port; candidate <= port + tryNext; candidate++) {
    const outcome = await new Promise<'ok' | 'busy'>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve('busy');
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve('ok');
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, '127.0.0.1');
    });
    if (outcome === 'ok') return candidate;
  }
  throw new PortBusy(
    tryNext === 0
      ? `port ${port} is busy: something else listens on 127.0.0.1:${port}. Fix: stop it, or pick another port with --port N`
      : `ports ${port} to ${port + tryNext} are all busy. Fix: pick a free port with --port N`,
  );
}

function closeAll(server: Server, simulator: InfinitySimulator, pages: Set<ServerResponse>, heartbeat: ReturnType<typeof setInterval>): Promise<void> {
  clearInterval(heartbeat);
  simulator.close();
  for (const page of pages) page.end();
  pages.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Event streams and keep-alive connections would hold the server open.
    server.closeAllConnections();
  });
}
