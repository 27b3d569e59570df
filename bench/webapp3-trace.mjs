#!/usr/bin/env node
/**
 * Where the Web App 3 start-up's time goes: Chromium traces of interleaved host and baseline
 * loads of the Web App 3 benchmark's pages, cut into phases at the moments the network events
 * give, each phase with its main-thread time by kind and the functions sampled in it.
 *
 *   node bench/webapp3-trace.mjs [--runs 3] [--latency 20] [--top 8] [--against baseline|minimal] [--attached]
 *
 * Each load is a Chromium of its own traced from its start with no DevTools attached, as the
 * budget's loads run; `--attached` traces through DevTools in one browser instead.
 *
 * Phases of the host (A): the branding files asked for and answered; the Web App 3 chunks
 * asked for and the first in; the frames made (their navigations sent); the last frame sent to
 * done (the plugins' pages, their scripts, handshakes and buttons). The baseline (B) has only
 * the last two; `--against minimal` traces the host against the minimal host of
 * `pages/webapp3-minimal.html` instead (the branding, then its frames). Also, per process and
 * thread, the tasks' time over the whole load, which shows work the browser does beside the
 * page (its own UI's renderers, the browser process).
 */
import { launchBrowser } from './lib/browser.mjs';
import { webapp3Fixtures } from './webapp3.mjs';
import { detachedTracer, attachedTracer, mainThreadOf, completeEvents, timeByKind, samplesOf, profileWindow, loadSources, requestTimeline } from './startup-trace.mjs';

const BRANDING_ID = '1700000000999';

/** Which request group a URL belongs to. */
function groupOf(url) {
  if (/\/(manifest|settings)\.json/.test(url)) return 'branding';
  if (url.includes('/dist/')) return 'dist';
  if (/\/pages\/webapp3-(plugin|bare)\.html/.test(url)) return 'frames';
  return 'other';
}

/** Tasks' time (ms) by process and thread in [from, to], the page's own thread marked. */
function busyByThread(events, pid, from, to) {
  const processes = {};
  const threads = {};
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processes[e.pid] = e.args?.name;
    if (e.name === 'process_labels') processes[e.pid] = `${processes[e.pid] ?? ''} ${e.args?.labels ?? ''}`.trim();
    if (e.name === 'thread_name') threads[`${e.pid}:${e.tid}`] = e.args?.name;
  }
  const busy = {};
  for (const e of events) {
    // Only the outer task event: RunTask nests inside it on the same thread.
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ph !== 'X' || e.ts < from || e.ts >= to) continue;
    const key = `${processes[e.pid] ?? e.pid}${e.pid === pid ? ' (the page)' : ''} / ${threads[`${e.pid}:${e.tid}`] ?? e.tid}`;
    busy[key] = (busy[key] ?? 0) + e.dur / 1000;
  }
  return Object.entries(busy).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([thread, ms]) => ({ thread, ms: Number(ms.toFixed(1)) }));
}

function analyse(trace, sources, top) {
  const events = trace.traceEvents ?? trace;
  const { pid, tid, t0 } = mainThreadOf(events);
  const done = events.find((e) => e.name === 'bench:done' && e.pid === pid)?.ts;
  if (done === undefined) throw new Error('no bench:done mark in the trace');
  // Trace times (µs) of each group's moments, for the cuts below.
  const at = (ms) => t0 + ms * 1000;
  const g = {};
  for (const [name, x] of Object.entries(requestTimeline(events, pid, t0, groupOf))) {
    g[name] = { n: x.n, firstSent: at(x.firstSent), lastSent: at(x.lastSent), firstIn: at(x.firstFinished), lastIn: at(x.lastFinished) };
  }
  const samples = samplesOf(events, pid, tid);
  const list = completeEvents(events, pid, tid);
  if (!g.frames) throw new Error('no frame navigations in the trace');
  // Up to the first frame, by page: the host (branding, then chunks), the minimal host
  // (branding only) or the bare frames (nothing); from there on, the same for all.
  const branding = g.branding && [
    ['start → branding sent', t0, g.branding.firstSent],
    ['branding sent → in', g.branding.firstSent, g.branding.lastIn],
  ];
  const beforeFrames = g.dist
    ? [
        ...branding,
        ['branding in → chunks sent', g.branding.lastIn, g.dist.firstSent],
        ['chunks sent → first in', g.dist.firstSent, g.dist.firstIn],
        ['first chunk in → first frame sent', g.dist.firstIn, g.frames.firstSent],
      ]
    : branding
      ? [...branding, ['branding in → first frame sent', g.branding.lastIn, g.frames.firstSent]]
      : [['start → first frame sent', t0, g.frames.firstSent]];
  const cuts = [...beforeFrames, ['first → last frame sent', g.frames.firstSent, g.frames.lastSent], ['last frame sent → done', g.frames.lastSent, done]];
  const ms = (us) => Number((us / 1000).toFixed(1));
  return {
    doneMs: ms(done - t0),
    requests: Object.fromEntries(Object.entries(g).map(([k, x]) => [k, { n: x.n, sent: [ms(x.firstSent - t0), ms(x.lastSent - t0)], in: [ms(x.firstIn - t0), ms(x.lastIn - t0)] }])),
    phases: cuts
      .filter(([, from, to]) => from !== undefined && to !== undefined && to > from)
      .map(([name, from, to]) => {
        const kinds = Object.fromEntries(Object.entries(timeByKind(list, from, to)).map(([k, v]) => [k, Number(v.toFixed(1))]));
        const { self } = profileWindow(samples, sources, from, to, top);
        return { name, fromMs: ms(from - t0), ms: ms(to - from), kinds, self: self.map((f) => ({ fn: f.fn, ms: Number(f.ms.toFixed(1)) })) };
      }),
    threads: busyByThread(events, pid, t0, done),
  };
}

export async function trace({ runs = 3, latencyMs = 20, plugins = 30, top = 8, against = 'baseline', attached = false } = {}) {
  const fixtures = await webapp3Fixtures({ plugins, latencyMs });
  const { server } = fixtures;
  const sources = await loadSources();
  // As the budget's loads run: each a Chromium of its own, no DevTools (whose client is told of
  // every frame's context and console call); `attached` traces through DevTools instead.
  const browser = attached ? await launchBrowser() : undefined;
  const tracer = attached ? attachedTracer(browser) : await detachedTracer();
  const loads = { host: [], [against]: [] };
  try {
    // A warm-up pair first, then `runs` pairs, the order alternating.
    for (let i = 0; i <= runs; i++) {
      for (const which of i % 2 ? [against, 'host'] : ['host', against]) {
        const { trace: recorded } = await tracer.traceLoad(`${server.origin}/pages/webapp3-${which}.html?n=${plugins}&brandingID=${BRANDING_ID}`);
        if (i > 0) loads[which].push(analyse(recorded, sources, top));
      }
    }
  } finally {
    await tracer.close();
    await browser?.close();
    await fixtures.close();
  }
  return { latencyMs, plugins, runs, detached: tracer.detached, ...loads };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const against = option('against', 'baseline');
  if (!['baseline', 'minimal'].includes(against)) throw new Error(`--against ${against}: baseline or minimal`);
  const result = await trace({ runs: Number(option('runs', 3)), latencyMs: Number(option('latency', 20)), top: Number(option('top', 8)), against, attached: args.includes('--attached') });
  console.log(JSON.stringify(result, null, 2));
}
