#!/usr/bin/env node
// @ts-check
/**
 * The Infinity simulator as a standalone server:
 *
 *   npm run simulator -- [--port 8787] [--quiet] [--token-expiry 120]
 *
 * Serves the client REST API at http://127.0.0.1:<port>/api/client/v2/conferences/<alias>/...
 * and the control API at /_simulator/... (see simulator.mjs). Answers carry CORS headers so a
 * page served from another port can use it. `--quiet` turns the scripted participants off.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { CONFERENCES } from './conferences.mjs';
import { createSimulator } from './simulator.mjs';

const HOST = '127.0.0.1';
const USAGE = `Usage: npm run simulator -- [--port 8787] [--quiet] [--token-expiry 120]

  --port N           port to listen on (default 8787; 0 picks a free one)
  --quiet            no scripted participants in 'meet'
  --token-expiry S   token lifetime in seconds (default 120)`;

/** @returns {{ port: number, quiet: boolean, tokenExpiry: number }} */
function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string', short: 'p' },
        quiet: { type: 'boolean', short: 'q' },
        'token-expiry': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(parsed.values.port ?? process.env.PORT ?? 8787);
  const tokenExpiry = Number(parsed.values['token-expiry'] ?? 120);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port: ${parsed.values.port}\n${USAGE}`);
    process.exit(2);
  }
  if (!(tokenExpiry > 0)) {
    console.error(`Not a number of seconds: ${parsed.values['token-expiry']}\n${USAGE}`);
    process.exit(2);
  }
  return { port, quiet: Boolean(parsed.values.quiet), tokenExpiry };
}

const { port, quiet, tokenExpiry } = options();
const simulator = createSimulator({ scripted: !quiet, tokenExpiry });

const server = createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'token, pin, content-type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Max-Age': '600' });
    res.end();
    return;
  }
  if (simulator.handle(req, res)) return;
  const body = JSON.stringify({ status: 'failed', result: `Not found: ${req.url}` });
  res.writeHead(404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});

server.on('error', (error) => {
  console.error(`Infinity simulator: ${error.message}`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const base = `http://${HOST}:${actual}`;
  const lines = [
    `Infinity simulator listening on ${base}`,
    `  client API   ${base}/api/client/v2/conferences/<alias>/...`,
    `  control API  ${base}/_simulator/...  (reset, faults, conferences/<alias>)`,
    `  scripted participants: ${quiet ? 'off (--quiet)' : "on, in 'meet'"}; tokens expire after ${tokenExpiry} s`,
    'Conferences:',
    ...CONFERENCES.map((def) => `  ${def.alias.padEnd(8)} ${def.description}`),
    `  (any other alias: 404 'Neither conference nor gateway found')`,
    `Try: curl -X POST -H 'content-type: application/json' -d '{"display_name":"Me"}' ${base}/api/client/v2/conferences/meet/request_token`,
  ];
  console.log(lines.join('\n'));
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nInfinity simulator: ${signal}, stopping`);
  simulator.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
