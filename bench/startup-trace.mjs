#!/usr/bin/env node
/**
 * Where start-up time goes: a Chromium performance trace (the DevTools timeline categories) of
 * host loads and baseline loads of the start-up benchmark's pages, read phase by phase.
 *
 *   node bench/startup-trace.mjs [--plugins 30] [--runs 5] [--latency 0] [--keep trace-dir] [--dist dir] [--attached]
 *
 * For each load, from the page's t0 (`bench:t0` mark) to done (`bench:done` mark): main-thread
 * time by kind (script evaluation by file, compilation, parsing, style and layout, paint, GC,
 * idle), the moment each group of requests was sent and answered as the network stack saw it
 * (ResourceSendRequest / ResourceFinish), and the main-thread tasks between the answer of the
 * branding files and the first package request (the host's own critical path), with the
 * functions they ran. Medians over the runs; one host trace and one baseline trace are kept
 * with `--keep` for the DevTools Performance panel.
 *
 * Each load is a Chromium of its own traced from its start with no DevTools attached
 * (`--trace-startup`, lib/no-devtools.mjs), as the budget's loads run. `--attached` traces
 * through DevTools instead (puppeteer, a fresh context per load in one browser), as before: there
 * the process and its code are warm and every console call is reported, which hides a cold
 * load's costs (the first compile of each function, the storage opened, the first layout).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { SourceMapConsumer } from 'source-map-js';
import path from 'node:path';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { tempFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { summarize } from './lib/stats.mjs';
import { writeStartupBranding } from './startup.mjs';
import { noDevtoolsLoader } from './lib/no-devtools.mjs';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'blink',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

/** Which request group a URL belongs to, as startup-common.js groups them. */
function groupOf(url) {
  if (/\/(manifest|settings)\.json/.test(url)) return 'branding';
  if (url.includes('.plugin.package.json')) return 'packages';
  if (/\.plugin\.js/.test(url)) return 'scripts';
  if (/\.svg(\?|#|$)/.test(url)) return 'icons';
  if (url.includes('/dist/')) return 'dist';
  return 'other';
}

/** Kind of a main-thread trace event, by name (only leaf-ish events are counted, see below). */
const KIND_BY_EVENT = {
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  ParseHTML: 'parseHTML',
  ParseAuthorStyleSheet: 'style',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  UpdateLayerTree: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GCFinalizeMC': 'gc',
  ResourceReceiveResponse: 'network',
  ResourceReceivedData: 'network',
  ResourceFinish: 'network',
};

/** The renderer main thread of the page that made the `bench:t0` mark. */
export function mainThreadOf(events) {
  const mark = events.find((e) => e.name === 'bench:t0' && e.ph !== 'e');
  if (!mark) throw new Error('no bench:t0 mark in the trace');
  return { pid: mark.pid, tid: mark.tid, t0: mark.ts };
}

/** Complete events (ph X, or B/E pairs) of one thread as {name, ts, dur, args, depth}. */
export function completeEvents(events, pid, tid) {
  const out = [];
  const open = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') out.push({ name: e.name, ts: e.ts, dur: e.dur ?? 0, args: e.args });
    else if (e.ph === 'B') {
      const stack = open.get(e.name) ?? [];
      stack.push(e);
      open.set(e.name, stack);
    } else if (e.ph === 'E') {
      const begin = open.get(e.name)?.pop();
      if (begin) out.push({ name: e.name, ts: begin.ts, dur: e.ts - begin.ts, args: { ...begin.args, ...e.args } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** Main-thread time by kind (ms) in [from, to], from the top-level tasks and what ran inside them. */
export function timeByKind(list, from, to) {
  const kinds = {};
  // Busy: the union of the thread's tasks (task events nest, and two names mark the same task).
  let busy = 0;
  let reached = from;
  for (const task of list) {
    if (task.name !== 'RunTask' && task.name !== 'ThreadControllerImpl::RunTask') continue;
    const start = Math.max(task.ts, reached);
    const end = Math.min(task.ts + task.dur, to);
    if (end > start) {
      busy += end - start;
      reached = end;
    }
  }
  // Self time of known events nested in tasks, by kind; what no known event covers is "other".
  const known = list.filter((e) => KIND_BY_EVENT[e.name] && e.ts < to && e.ts + e.dur > from);
  const stack = [];
  const selfOf = new Map();
  for (const event of known) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= event.ts) stack.pop();
    const overlap = Math.max(0, Math.min(event.ts + event.dur, to) - Math.max(event.ts, from));
    selfOf.set(event, (selfOf.get(event) ?? 0) + overlap);
    if (stack.length) {
      const parent = stack[stack.length - 1];
      selfOf.set(parent, (selfOf.get(parent) ?? 0) - overlap);
    }
    stack.push(event);
  }
  let covered = 0;
  for (const [event, self] of selfOf) {
    const kind = KIND_BY_EVENT[event.name];
    kinds[kind] = (kinds[kind] ?? 0) + self;
    covered += self;
  }
  kinds.otherInTasks = Math.max(0, busy - covered);
  kinds.idle = Math.max(0, to - from - busy);
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v / 1000]));
}

/** Script evaluation and function calls by file (ms of self time of script kind) in [from, to]. */
function scriptByFile(list, from, to) {
  const files = new Map();
  for (const event of list) {
    if (!['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'EventDispatch', 'RunMicrotasks'].includes(event.name)) continue;
    const overlap = Math.min(event.ts + event.dur, to) - Math.max(event.ts, from);
    if (overlap <= 0) continue;
    const data = event.args?.data ?? {};
    const url = data.url || data.fileName || data.scriptName || event.name;
    const key = String(url).replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    files.set(key, (files.get(key) ?? 0) + overlap);
  }
  return [...files.entries()].map(([file, us]) => ({ file, ms: us / 1000 })).sort((a, b) => b.ms - a.ms).slice(0, 12);
}

/**
 * When each request group (`group(url)`, the start-up pages' groups by default) was first and
 * last sent, first and last answered, as the renderer's network events say (ms from t0).
 */
export function requestTimeline(events, pid, t0, group = groupOf) {
  const sent = new Map();
  const groups = {};
  for (const e of events) {
    if (e.pid !== pid) continue;
    const data = e.args?.data;
    if (!data?.requestId) continue;
    if (e.name === 'ResourceSendRequest' && data.url) sent.set(data.requestId, { url: data.url, ts: e.ts });
    if (e.name === 'ResourceFinish' && sent.has(data.requestId)) {
      const { url, ts } = sent.get(data.requestId);
      if (ts < t0) continue;
      const entry = (groups[group(url)] ??= { n: 0, firstSent: Infinity, lastSent: 0, firstFinished: Infinity, lastFinished: 0 });
      entry.n += 1;
      entry.firstSent = Math.min(entry.firstSent, (ts - t0) / 1000);
      entry.lastSent = Math.max(entry.lastSent, (ts - t0) / 1000);
      entry.firstFinished = Math.min(entry.firstFinished, (e.ts - t0) / 1000);
      entry.lastFinished = Math.max(entry.lastFinished, (e.ts - t0) / 1000);
    }
  }
  return groups;
}

/** The longest main-thread tasks in [from, to], with the script events inside each. */
function longTasks(list, from, to, t0, count = 8) {
  const tasks = list.filter((e) => e.name === 'RunTask' && e.ts + e.dur > from && e.ts < to).sort((a, b) => b.dur - a.dur);
  return tasks.slice(0, count).map((task) => {
    const inside = list.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && KIND_BY_EVENT[e.name] && e.dur >= 200);
    return {
      at: Number(((task.ts - t0) / 1000).toFixed(2)),
      ms: Number((task.dur / 1000).toFixed(2)),
      inside: inside.slice(0, 6).map((e) => {
        const data = e.args?.data ?? {};
        const where = (data.url || data.functionName || data.type || '').replace(/^https?:\/\/[^/]+/, '');
        return `${e.name}${where ? ` ${where}` : ''} ${(e.dur / 1000).toFixed(2)}`;
      }),
    };
  });
}

export async function traceOnce(browser, url) {
  const { page, close } = await freshPage(browser);
  try {
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const result = await page.evaluate(() => globalThis.benchDone);
    if (result.error) throw new Error(result.error);
    const buffer = await page.tracing.stop();
    const trace = JSON.parse(Buffer.from(buffer).toString('utf8'));
    return { result, trace };
  } finally {
    await close();
  }
}

/**
 * The JavaScript samples of the trace's CPU profile (the v8.cpu_profiler category) on the main
 * thread: [{ts, frames}] with frames the leaf-first call stack as {fn, url, line, column}.
 */
export function samplesOf(events, pid, tid) {
  const nodes = new Map();
  const samples = [];
  let ts;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.tid === tid) ts = e.args?.data?.startTime ?? ts;
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data;
    if (ts === undefined) ts = data?.startTime;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      ts += deltas[i] ?? 0;
      samples.push({ ts, id: ids[i] });
    }
  }
  return samples.map(({ ts: at, id }, i) => {
    const frames = [];
    for (let node = nodes.get(id); node; node = nodes.get(node.parent)) frames.push(node.callFrame);
    const next = samples[i + 1]?.ts ?? at;
    return { ts: at, dt: Math.max(0, next - at), frames };
  });
}

/** Where a minified position came from, through the dist files' source maps. */
class Sources {
  #maps = new Map();
  constructor(dist) {
    this.dist = dist;
  }
  async load() {
    for (const file of await readdir(this.dist)) {
      if (!file.endsWith('.js.map')) continue;
      this.#maps.set(file.replace(/\.map$/, ''), new SourceMapConsumer(JSON.parse(await readFile(path.join(this.dist, file), 'utf8'))));
    }
    return this;
  }
  name(frame) {
    const file = frame.url?.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '') ?? '';
    const map = this.#maps.get(file.replace(/^\/dist\//, ''));
    if (!map) return `${frame.functionName || '(anonymous)'} ${file || '(native)'}`;
    const at = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    const source = (at.source ?? '?').replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
    return `${at.name || frame.functionName || '(anonymous)'} ${source}:${at.line}`;
  }
}

/** Self and inclusive sampled time (ms) by function, in [from, to]. */
export function profileWindow(samples, sources, from, to, top = 12) {
  const self = new Map();
  const inclusive = new Map();
  let all = 0;
  for (const sample of samples) {
    if (sample.ts < from || sample.ts >= to) continue;
    const ms = sample.dt / 1000;
    all += ms;
    const [leaf] = sample.frames;
    const leafName = leaf ? (leaf.url || leaf.functionName.startsWith('(') ? sources.name(leaf) : sources.name(leaf)) : '(none)';
    self.set(leafName, (self.get(leafName) ?? 0) + ms);
    const seen = new Set();
    for (const frame of sample.frames) {
      if (!frame.url) continue;
      const name = sources.name(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const list = (map) => [...map.entries()].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, ms]) => ({ fn, ms }));
  return { sampledMs: all, self: list(self), inclusive: list(inclusive) };
}

function analyse(trace, sources) {
  const events = trace.traceEvents ?? trace;
  const { pid, tid, t0 } = mainThreadOf(events);
  const done = events.find((e) => e.name === 'bench:done' && e.pid === pid);
  if (!done) throw new Error('no bench:done mark in the trace');
  const list = completeEvents(events, pid, tid);
  const to = done.ts;
  const requests = requestTimeline(events, pid, t0);
  const brandingIn = requests.branding ? t0 + requests.branding.lastFinished * 1000 : t0;
  const packagesOut = requests.packages ? t0 + requests.packages.firstSent * 1000 : to;
  return {
    doneMs: (to - t0) / 1000,
    kinds: timeByKind(list, t0, to),
    requests,
    byFile: scriptByFile(list, t0, to),
    // The host's own stretch: the branding files are in, the package files not yet asked for.
    brandingToPackages: { ms: (packagesOut - brandingIn) / 1000, kinds: timeByKind(list, brandingIn, packagesOut), byFile: scriptByFile(list, brandingIn, packagesOut) },
    longTasks: longTasks(list, t0, to, t0),
    phases: phasesOf(samplesOf(events, pid, tid), sources, t0, to, requests),
    whole: profileWindow(samplesOf(events, pid, tid), sources, t0, to, 40),
    lags: lagsOf(events, pid, t0),
  };
}

/**
 * Per plugin, from the network events: its package file answered → its script asked for, and
 * its script answered → its icon asked for (or the icon asked before), in ms: the medians and
 * the largest, so a lag the host adds per plugin shows apart from the network's queue.
 */
function lagsOf(events, pid, t0) {
  const sent = new Map();
  const byPlugin = new Map();
  for (const e of events) {
    if (e.pid !== pid) continue;
    const data = e.args?.data;
    if (!data?.requestId) continue;
    if (e.name === 'ResourceSendRequest' && data.url) sent.set(data.requestId, { url: data.url, ts: e.ts });
    if (e.name !== 'ResourceFinish' || !sent.has(data.requestId)) continue;
    const { url, ts } = sent.get(data.requestId);
    const plugin = /plugins\/([^/]+)\//.exec(url)?.[1];
    if (!plugin || ts < t0) continue;
    const times = byPlugin.get(plugin) ?? {};
    times[groupOf(url)] = { sent: (ts - t0) / 1000, finished: (e.ts - t0) / 1000 };
    byPlugin.set(plugin, times);
  }
  const lag = (f) => {
    const values = [...byPlugin.values()].map(f).filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
    return { median: values[Math.floor(values.length / 2)], max: values[values.length - 1] };
  };
  return {
    packageInToScriptSent: lag((t) => t.scripts && t.packages && t.scripts.sent - t.packages.finished),
    packageInToIconSent: lag((t) => t.icons && t.packages && t.icons.sent - t.packages.finished),
    packageWait: lag((t) => t.packages && t.packages.finished - t.packages.sent),
    scriptWait: lag((t) => t.scripts && t.scripts.finished - t.scripts.sent),
  };
}

/**
 * The load cut where the requests say it is waiting on itself: before the branding files are
 * asked for, between their answer and the first package request, while the package requests
 * go out, and from the first package answer to the last script request. Each with its sampled
 * functions.
 */
function phasesOf(samples, sources, t0, to, requests) {
  const at = (ms) => t0 + ms * 1000;
  const cuts = [
    ['start → branding sent', 0, requests.branding?.firstSent],
    ['branding in → first package sent', requests.branding?.lastFinished, requests.packages?.firstSent],
    ['first → last package sent', requests.packages?.firstSent, requests.packages?.lastSent],
    ['last package sent → last script sent', requests.packages?.lastSent, requests.scripts?.lastSent],
    ['last script sent → done', requests.scripts?.lastSent, (to - t0) / 1000],
  ];
  return cuts
    .filter(([, from, until]) => typeof from === 'number' && typeof until === 'number' && until > from)
    .map(([name, from, until]) => ({ name, fromMs: from, toMs: until, ...profileWindow(samples, sources, at(from), at(until)) }));
}

const median = (values) => summarize(values, 2).median;

function combine(analyses) {
  const kinds = {};
  for (const key of new Set(analyses.flatMap((a) => Object.keys(a.kinds)))) kinds[key] = median(analyses.map((a) => a.kinds[key] ?? 0));
  const requests = {};
  for (const group of new Set(analyses.flatMap((a) => Object.keys(a.requests)))) {
    const of = analyses.map((a) => a.requests[group]).filter(Boolean);
    requests[group] = {
      n: median(of.map((g) => g.n)),
      firstSent: median(of.map((g) => g.firstSent)),
      lastSent: median(of.map((g) => g.lastSent)),
      lastFinished: median(of.map((g) => g.lastFinished)),
    };
  }
  const b2p = {};
  for (const key of new Set(analyses.flatMap((a) => Object.keys(a.brandingToPackages.kinds)))) b2p[key] = median(analyses.map((a) => a.brandingToPackages.kinds[key] ?? 0));
  return {
    doneMs: median(analyses.map((a) => a.doneMs)),
    kinds,
    requests,
    brandingToPackages: { ms: median(analyses.map((a) => a.brandingToPackages.ms)), kinds: b2p, byFileOfMedianRun: analyses[0].brandingToPackages.byFile },
    byFileOfFirstRun: analyses[0].byFile,
    longTasksOfFirstRun: analyses[0].longTasks,
    phasesOfFirstRun: analyses[0].phases,
    wholeOfFirstRun: analyses[0].whole,
    lags: analyses.map((a) => a.lags),
  };
}

/** The dist files' source maps, for names of the sampled functions. */
export function loadSources(dist = path.join(REPO_DIR, 'dist')) {
  return new Sources(dist).load();
}

/**
 * Traces `runs` interleaved pairs of host and baseline loads (after a warm-up pair) of the
 * start-up pages on `origin`, whose server serves branding/startup-<plugins>/. `traceLoad(url)`
 * resolves to `{result, trace}` (`detachedTracer` or `attachedTracer`). `keep`: a folder for
 * the first pair's traces.
 */
export async function traceLoads(traceLoad, origin, { plugins, runs, sources, keep }) {
  const host = [];
  const baseline = [];
  for (let i = 0; i < runs + 1; i++) {
    for (const which of i % 2 ? ['baseline', 'host'] : ['host', 'baseline']) {
      const { trace: recorded } = await traceLoad(`${origin}/pages/startup-${which}.html?n=${plugins}`);
      if (i === 0) continue;
      if (keep && i === 1) {
        await mkdir(keep, { recursive: true });
        await writeFile(path.join(keep, `${which}-${plugins}.trace.json`), JSON.stringify(recorded));
      }
      (which === 'host' ? host : baseline).push(analyse(recorded, sources));
    }
  }
  return { plugins, runs, host: combine(host), baseline: combine(baseline) };
}

/** Traced loads with no DevTools, each a Chromium of its own; `close()` when done. */
export async function detachedTracer() {
  const loader = await noDevtoolsLoader();
  // 100 plugins load in about 2 s here; the trace is written once its duration is over.
  return { traceLoad: (url) => loader.loadTraced(url, { categories: CATEGORIES.join(','), durationS: 6 }), close: loader.close, detached: true };
}

/** Traced loads through DevTools in `browser` (a fresh context each). */
export function attachedTracer(browser) {
  return { traceLoad: (url) => traceOnce(browser, url), close: async () => undefined, detached: false };
}

export async function trace({ plugins = 30, runs = 5, latencyMs = 0, keep, dist = path.join(REPO_DIR, 'dist'), attached = false } = {}) {
  const fixtures = await tempFolder();
  await writeStartupBranding(fixtures.dir, plugins);
  const server = await startServer({
    latencyMs,
    mounts: { '/dist/': dist, '/branding/': fixtures.dir, '/pages/': path.join(BENCH_DIR, 'pages') },
  });
  const sources = await loadSources(dist);
  const browser = attached ? await launchBrowser() : undefined;
  const tracer = attached ? attachedTracer(browser) : await detachedTracer();
  try {
    return { latencyMs, detached: tracer.detached, ...(await traceLoads(tracer.traceLoad, server.origin, { plugins, runs, sources, keep })) };
  } finally {
    await tracer.close();
    await browser?.close();
    await server.close();
    await fixtures.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const result = await trace({ plugins: Number(option('plugins', 30)), runs: Number(option('runs', 5)), latencyMs: Number(option('latency', 0)), keep: option('keep'), attached: args.includes('--attached'), ...(option('dist') ? { dist: path.resolve(option('dist')) } : {}) });
  console.log(JSON.stringify(result, (key, value) => (typeof value === 'number' ? Number(value.toFixed(2)) : value), 2));
}
