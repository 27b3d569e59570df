/**
 * Loads a page the way a user's browser runs it: a Chromium process of its own, started with
 * the page's URL and no DevTools session at all. With DevTools attached (puppeteer), every
 * frame's context, every console call and its arguments are reported to the client as the page
 * runs, which costs the page's main thread: a Web App 3 plugin (`@pexip/plugin-api` logs each
 * message it receives with console.debug) and each sandboxed frame pay for it, so the attached
 * times are not what a user sees. The page POSTs its result back (pages/report.js, with
 * `?report=<url>`), with the errors DevTools would have seen.
 *
 * A traced load (`loadTraced`) starts that Chromium with a start-up trace (`--trace-startup`):
 * the trace is recorded from the process's first moment, with no DevTools client, and written
 * to a file when its duration is over. The only way to see a cold load's costs (the first
 * compile of each function, the storage opened, the first layout) as a user's browser pays them:
 * with DevTools attached the process is warm and every frame's console is reported.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH } from './browser.mjs';
import { QUIET_CHROMIUM_ARGS } from '../../tools/lib/quiet-chromium.mjs';

/** The flags puppeteer launches headless Chromium with (the attached runs' browser), with the quiet ones merged in. */
function chromiumArgs(userDataDir) {
  const quiet = QUIET_CHROMIUM_ARGS.map((arg) => arg.replace(/^--disable-features=/, ''));
  return [
    ...puppeteer
      .defaultArgs({ headless: true, userDataDir })
      .filter((arg) => arg !== 'about:blank')
      // One --disable-features switch: Chromium reads only the last.
      .map((arg) => (arg.startsWith('--disable-features=') ? `${arg},${quiet.join(',')}` : arg)),
    '--no-sandbox',
    '--disable-gpu',
  ];
}

/**
 * A server that receives the pages' reports. `load(url)` starts Chromium with `url` (given a
 * `report` parameter), resolves to the page's result once it is POSTed, and then ends that
 * Chromium and removes its profile. Throws when the page reported errors or did not report
 * within `timeoutMs`.
 */
export async function noDevtoolsLoader({ timeoutMs = 60000 } = {}) {
  /** @type {Map<string, (body: { result: any, errors: string[] }) => void>} */
  const waiting = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      res.end();
      const token = new URL(req.url ?? '/', 'http://report.invalid').searchParams.get('t') ?? '';
      try {
        waiting.get(token)?.(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        // Not a report: ignored.
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const reportUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/report`;
  let loads = 0;

  /**
   * Starts Chromium with the page, waits for its report; `extraArgs` are more switches, and
   * `afterReport(profile)` runs before the process is ended (a traced load reads its trace there).
   */
  async function run(pageUrl, extraArgs = () => [], afterReport = async () => undefined) {
    const token = String(++loads);
    const url = new URL(pageUrl);
    url.searchParams.set('report', `${reportUrl}?t=${token}`);
    const profile = await mkdtemp(path.join(os.tmpdir(), 'pex-bench-nodevtools-'));
    let timer;
    const reported = new Promise((resolve, reject) => {
      waiting.set(token, resolve);
      timer = setTimeout(() => reject(new Error(`no report within ${timeoutMs} ms: ${pageUrl}`)), timeoutMs);
    });
    // Its own process group, so that ending it ends its renderers and helpers too.
    const chromium = spawn(CHROME_PATH, [...chromiumArgs(profile), ...extraArgs(profile), url.href], { stdio: 'ignore', detached: true });
    const exited = new Promise((resolve) => chromium.once('exit', resolve));
    try {
      const { result, errors } = await Promise.race([
        reported,
        exited.then(() => Promise.reject(new Error(`Chromium exited before the page reported: ${pageUrl}`))),
      ]);
      if (errors.length) throw new Error(`${pageUrl}: ${errors.join('; ')}`);
      return { result, after: await afterReport(profile) };
    } finally {
      clearTimeout(timer);
      waiting.delete(token);
      try {
        process.kill(-chromium.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
      // Its helpers may still be writing the profile for a moment.
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  }

  async function load(pageUrl) {
    return (await run(pageUrl)).result;
  }

  /**
   * A load traced from Chromium's start (`categories`, comma-separated), the trace written
   * `durationS` seconds after it: resolves to `{result, trace}` (the trace's JSON). The page
   * must be done well inside `durationS`, or its end is not in the trace.
   */
  async function loadTraced(pageUrl, { categories, durationS = 5 }) {
    const file = (profile) => path.join(profile, 'startup-trace.json');
    const args = (profile) => [`--trace-startup=${categories}`, `--trace-startup-file=${file(profile)}`, '--trace-startup-format=json', `--trace-startup-duration=${durationS}`];
    const readTrace = async (profile) => {
      // Written once the duration is over; a file still being written does not parse yet.
      const until = Date.now() + (durationS + 30) * 1000;
      for (;;) {
        try {
          return JSON.parse(await readFile(file(profile), 'utf8'));
        } catch (error) {
          if (Date.now() > until) throw new Error(`no start-up trace within ${durationS + 30} s: ${pageUrl}`, { cause: error });
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    };
    const { result, after } = await run(pageUrl, args, readTrace);
    return { result, trace: after };
  }

  return { load, loadTraced, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}
