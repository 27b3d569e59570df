import type { IncomingMessage, ServerResponse } from 'node:http';

/** The Infinity simulator (see simulator.mjs for the API it serves). */
export interface InfinitySimulator {
  /** Answers requests under /api/client/v2/ and /_simulator/ and returns true; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Every conference back to its initial state, faults cleared, event streams closed. */
  reset(): void;
  /** Ends every event stream and timer; the simulator answers 503 afterwards. */
  close(): void;
}

export interface SimulatorOptions {
  /** Scripted participants in `meet` who speak, raise hands, join and leave. Default false. */
  scripted?: boolean;
  /** Token lifetime in seconds. Default 120. */
  tokenExpiry?: number;
}

export function createSimulator(options?: SimulatorOptions): InfinitySimulator;

/** Connect/Vite middleware: `server.middlewares.use(connectMiddleware(simulator))`. */
export function connectMiddleware(
  simulator: Pick<InfinitySimulator, 'handle'>,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Whether a path is the simulator's (/api/client/v2/... or /_simulator/...). */
export function isSimulatorPath(pathname: string): boolean;

/** Koa / web-test-runner middleware. */
export function koaMiddleware(
  simulator: Pick<InfinitySimulator, 'handle'>,
): (
  ctx: { req: IncomingMessage; res: ServerResponse; path: string; respond?: boolean; status: number },
  next: () => Promise<unknown>,
) => Promise<unknown>;
