/**
 * Start-up with 30 and 100 plugins, each a package file, a source and an SVG icon
 * (`icon.svg#icon`, as real packages carry), over HTTP on localhost with 0 and 20 ms per
 * request. Page A appends `<pex-plugin-host>` + `<pex-toolbar>` (the drop-in already loaded)
 * and is done when the last toolbar item is rendered with its icon in; page B, from the same
 * quiet moment, fetches the same files by hand, inserts the scripts and draws the icons, and is
 * done when every plugin has registered and every icon is in. Interleaved pairs (the order
 * alternating), each load a Chromium of its own with no DevTools attached (lib/no-devtools.mjs);
 * the ratio of each pair, its median and p90; the same with DevTools attached, for comparison. A sampled CPU profile of host loads says where the main thread's time goes.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { pad, tempFolder, writeBrandingFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table, verdict } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { interleavedPairs, medianOf, pairedFigures } from './lib/pairs.mjs';
import { percentile, summarize } from './lib/stats.mjs';
import { profileLoads } from './lib/profile.mjs';
import { noDevtoolsLoader } from './lib/no-devtools.mjs';
import { detachedTracer, loadSources, traceLoads } from './startup-trace.mjs';
import { COMPILE_HINT, distWithoutCompileHint } from './lib/compile-hint.mjs';

export const name = 'startup';
export const title = 'Start-up with 30 and 100 plugins (budget: paired median within 1.1×, p90 within 1.25× of loading them by hand)';

const BUDGET = { median: 1.1, p90: 1.25 };

/** A small plugin, as administrators ship them: a toolbar item whose state$ follows the roster. */
export function pluginSource(id, index) {
  return `(function () {
  var state$ = window.PEX.pluginAPI.createNewState({ label: 'Plugin ${index}' });
  var subscription;
  function load(participants$) {
    subscription = participants$.subscribe(function (participants) {
      state$.next({ label: 'Plugin ${index} (' + participants.length + ')' });
    });
  }
  function unload() {
    if (subscription) subscription.unsubscribe();
  }
  function toggle(participants, conferenceDetails) {
    window.console.log('${id}', participants.length, conferenceDetails);
  }
  PEX.pluginAPI.registerPlugin({ id: '${id}', load: load, unload: unload, toggle: toggle, state$: state$ });
})();
`;
}

/** An icon as plugin packages ship them: a symbol in an SVG file, used as `icon.svg#icon`. */
const iconSvg = (index) =>
  `<svg xmlns="http://www.w3.org/2000/svg"><symbol id="icon" viewBox="0 0 24 24"><circle cx="12" cy="12" r="${4 + (index % 6)}" fill="currentColor"/><path d="M4 4h${index % 16}v2H4z" fill="currentColor"/></symbol></svg>\n`;

/** Writes branding/startup-<count>/ with `count` plugins, each with an icon. */
export async function writeStartupBranding(dir, count) {
  const plugins = Array.from({ length: count }, (_, i) => {
    const id = `bench-plugin-${pad(i + 1)}`;
    return {
      id,
      name: `Bench plugin ${i + 1}`,
      source: pluginSource(id, i + 1),
      menuItems: { toolbar: [{ id: 'toggle', label: `Plugin ${i + 1}`, icon: 'icon.svg#icon', action: 'toggle' }] },
      files: { 'icon.svg': iconSvg(i + 1) },
    };
  });
  await writeBrandingFolder(path.join(dir, `startup-${count}`), plugins);
}

/** One load of a page with DevTools attached; its result (times in ms from the page's t0). */
export async function loadOnce(browser, url, expected) {
  const { page, errors, close } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const result = await Promise.race([
      page.evaluate(() => globalThis.benchDone),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${url}`)), 30000)),
    ]);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return checked(url, result, expected);
  } finally {
    await close();
  }
}

/** A load's result, when it is a whole one: every plugin registered or loaded, every icon fetched. */
export function checked(url, result, expected) {
  if (result.error) throw new Error(`${url}: ${result.error}`);
  const done = result.loaded ?? result.registered;
  if (done !== expected) throw new Error(`${url}: ${done} of ${expected} plugins`);
  if (result.timeline.icons?.n !== expected) throw new Error(`${url}: ${result.timeline.icons?.n} of ${expected} icons fetched`);
  return result;
}

/**
 * Interleaved pairs of host (A) and baseline (B) loads; the ratio A/B of each pair. `load`:
 * (url) => result; by default with DevTools attached (`loadOnce` in `browser`).
 */
export function pairs(browser, origin, plugins, { count, warmup = 1, load = (url) => loadOnce(browser, url, plugins) }) {
  const page = { A: `${origin}/pages/startup-host.html?n=${plugins}`, B: `${origin}/pages/startup-baseline.html?n=${plugins}` };
  return interleavedPairs((which) => load(page[which]), { count, warmup });
}

const round = (x, d = 2) => (typeof x === 'number' ? Number(x.toFixed(d)) : null);

/** Kind of a profiled function, by where its code lives. */
function kindOf(fn) {
  if (fn.startsWith('(idle)')) return 'idle';
  if (fn.startsWith('(program)')) return 'program';
  if (fn.startsWith('(garbage collector)')) return 'gc';
  if (fn.includes('/dist/')) return 'dropIn';
  if (fn.includes('.plugin.js')) return 'plugins';
  if (fn.includes('/pages/')) return 'page';
  return 'native';
}

/**
 * Sampled CPU profiles (50 µs) of whole host loads: main-thread time by kind, the functions
 * with the most self time (any code), and the drop-in's functions by inclusive time. Means per load.
 */
async function profileHost(browser, url, plugins, runs) {
  const { inclusive, ...profile } = await profileLoads(browser, url, runs, {
    kinds: ['idle', 'program', 'gc', 'dropIn', 'plugins', 'page', 'native'],
    kindOf,
    sources: { 'pex-plugin-host.js': path.join(REPO_DIR, 'dist', 'pex-plugin-host.js') },
    selfTop: 15,
    inclusiveTop: 20,
    inclusiveOf: (fn) => fn.includes('/dist/'),
  });
  return { plugins, ...profile, dropInInclusive: inclusive };
}

/**
 * How much the whole load moves with the page's own script time per plugin: the baseline as it
 * is against the baseline that also spends `spinMs` of busy main-thread time as each package
 * file comes in (`?spin=`), in interleaved pairs. The host's own work per plugin costs it the same.
 */
async function sensitivity(browser, origin, plugins, { spinMs = 1, count = 8 } = {}) {
  const page = (spin) => `${origin}/pages/startup-baseline.html?n=${plugins}&spin=${spin}`;
  const measured = await interleavedPairs((which) => loadOnce(browser, page(which === 'A' ? spinMs : 0), plugins), { count });
  const extra = summarize(measured.a.map((r, i) => r.t - measured.b[i].t), 1);
  return {
    plugins,
    spinMs,
    pairs: measured.ratios.length,
    baseline: summarize(measured.b.map((r) => r.t), 1),
    withSpin: summarize(measured.a.map((r) => r.t), 1),
    pairedRatio: summarize(measured.ratios, 3),
    extraMs: extra,
    // ms of load per ms of script spent as the packages come in: spinMs × plugins of script in all.
    loadMsPerScriptMs: round(extra.median / (spinMs * plugins), 2),
  };
}

/**
 * The drop-in with its compile hint against the same build without it (lib/compile-hint.mjs),
 * host pages both, interleaved detached pairs at 0 ms: whether the hint still earns its line.
 */
async function compileHintCheck(load, hinted, fixturesDir, plugins, { count, warmup }) {
  const unhinted = path.join(fixturesDir, 'dist-without-compile-hint');
  await mkdir(unhinted);
  await distWithoutCompileHint(path.join(REPO_DIR, 'dist'), unhinted);
  // The benchmark's own server (serving the built dist/) for the hinted side; this one beside it for the other.
  const without = await startServer({ mounts: { '/dist/': unhinted, '/branding/': fixturesDir, '/pages/': path.join(BENCH_DIR, 'pages') } });
  try {
    const url = (server) => `${server.origin}/pages/startup-host.html?n=${plugins}`;
    const measured = await interleavedPairs((which) => load(url(which === 'A' ? hinted : without)), { count, warmup });
    const figures = pairedFigures(measured);
    return {
      plugins,
      latencyMs: 0,
      pairs: figures.pairs,
      pairedMedian: figures.pairedMedian,
      pairedP90: figures.pairedP90,
      hinted: { median: figures.host.median, packagesStart: medianOf(measured.a, (r) => r.timeline.packages?.firstStart), defined: medianOf(measured.a, (r) => r.tDefined) },
      unhinted: { median: figures.baseline.median, packagesStart: medianOf(measured.b, (r) => r.timeline.packages?.firstStart), defined: medianOf(measured.b, (r) => r.tDefined) },
    };
  } finally {
    await without.close();
  }
}

/**
 * The baseline against itself (an A/A control): interleaved pairs of two loads of the same
 * by-hand page. Its paired median and p90 are what the ratios show with no host at all, the
 * noise of one load against another on this machine; a host's p90 can be judged against it.
 */
async function baselineAgainstItself(load, origin, plugins, { count, warmup }) {
  const url = `${origin}/pages/startup-baseline.html?n=${plugins}`;
  const { ratios } = await interleavedPairs(() => load(url), { count, warmup });
  const summary = summarize(ratios, 3);
  return { pairs: ratios.length, pairedMedian: summary.median, pairedP90: round(percentile(ratios, 90), 3), min: summary.min, max: summary.max };
}

export async function run({ pairsPerSetting = 20, attachedPairs = 10, warmup = 1, latencies = [0, 20], pluginCounts = [30, 100], noiseFloorPlugins = [30], compileHintPairs = 20, profileRuns = 1, traceRuns = 3, log = console.log } = {}) {
  const fixtures = await tempFolder();
  for (const n of pluginCounts) await writeStartupBranding(fixtures.dir, n);
  const server = await startServer({
    mounts: { '/dist/': path.join(REPO_DIR, 'dist'), '/branding/': fixtures.dir, '/pages/': path.join(BENCH_DIR, 'pages') },
  });
  const browser = await launchBrowser();
  // The budget's loads run with no DevTools attached, as a user's browser runs them; the
  // attached ones are shown beside them, and give the profile, the trace and the sensitivity.
  const detached = await noDevtoolsLoader();
  const settings = [];
  let profile;
  let traced;
  let spin;
  let compileHint;
  try {
    for (const plugins of pluginCounts) {
      for (const latencyMs of latencies) {
        server.latencyMs = latencyMs;
        const load = (url) => detached.load(url).then((result) => checked(url, result, plugins));
        const measured = await pairs(browser, server.origin, plugins, { count: pairsPerSetting, warmup, load });
        const { a, b, ratios } = measured;
        const figures = pairedFigures(measured);
        const entry = {
          plugins,
          latencyMs,
          ...figures,
          pass: figures.pairedMedian <= BUDGET.median && percentile(ratios, 90) <= BUDGET.p90,
          hostTimeline: {
            brandingStart: medianOf(a, (r) => r.timeline.branding?.firstStart),
            brandingEnd: medianOf(a, (r) => r.timeline.branding?.lastEnd),
            packagesStart: medianOf(a, (r) => r.timeline.packages?.firstStart),
            packagesEnd: medianOf(a, (r) => r.timeline.packages?.lastEnd),
            scriptsStart: medianOf(a, (r) => r.timeline.scripts?.firstStart),
            scriptsEnd: medianOf(a, (r) => r.timeline.scripts?.lastEnd),
            iconsStart: medianOf(a, (r) => r.timeline.icons?.firstStart),
            iconsEnd: medianOf(a, (r) => r.timeline.icons?.lastEnd),
            otherRequests: medianOf(a, (r) => r.timeline.other?.n ?? 0),
            buttons: medianOf(a, (r) => r.tButtons),
            settled: medianOf(a, (r) => r.tSettled),
            // Before t0, from navigation start: the drop-in's file in, and its elements defined.
            dropInEnd: medianOf(a, (r) => r.dropInResponseEnd),
            defined: medianOf(a, (r) => r.tDefined),
            done: figures.host.median,
          },
          baselineTimeline: {
            brandingStart: medianOf(b, (r) => r.timeline.branding?.firstStart),
            brandingEnd: medianOf(b, (r) => r.timeline.branding?.lastEnd),
            packagesStart: medianOf(b, (r) => r.timeline.packages?.firstStart),
            packagesEnd: medianOf(b, (r) => r.timeline.packages?.lastEnd),
            scriptsStart: medianOf(b, (r) => r.timeline.scripts?.firstStart),
            scriptsEnd: medianOf(b, (r) => r.timeline.scripts?.lastEnd),
            iconsStart: medianOf(b, (r) => r.timeline.icons?.firstStart),
            iconsEnd: medianOf(b, (r) => r.timeline.icons?.lastEnd),
            registered: medianOf(b, (r) => r.tRegistered),
            done: figures.baseline.median,
          },
        };
        log(
          `startup: ${plugins} plugins, ${latencyMs} ms: host median ${figures.host.median} ms, baseline ${figures.baseline.median} ms; paired A/B median ${entry.pairedMedian}, p90 ${entry.pairedP90} (${entry.pairs} pairs)`,
        );
        if (noiseFloorPlugins.includes(plugins)) {
          entry.baselineAgainstItself = await baselineAgainstItself(load, server.origin, plugins, { count: pairsPerSetting, warmup });
          log(`startup: ${plugins} plugins, ${latencyMs} ms: the baseline against itself: paired median ${entry.baselineAgainstItself.pairedMedian}, p90 ${entry.baselineAgainstItself.pairedP90}`);
        }
        if (attachedPairs > 0) {
          // The same pairs with DevTools attached (how this benchmark measured before): not the budget.
          const attached = pairedFigures(await pairs(browser, server.origin, plugins, { count: attachedPairs, warmup }));
          entry.attached = { pairs: attached.pairs, median: attached.host.median, baselineMedian: attached.baseline.median, pairedMedian: attached.pairedMedian, pairedP90: attached.pairedP90 };
          log(`startup: ${plugins} plugins, ${latencyMs} ms: with DevTools attached: A/B paired median ${attached.pairedMedian}, p90 ${attached.pairedP90}`);
        }
        settings.push(entry);
      }
    }
    // The compile-hint check, the profile and the trace load one plugin count: 30 when it is measured.
    const n = pluginCounts.includes(30) ? 30 : pluginCounts[0];
    if (compileHintPairs > 0) {
      const load = (url) => detached.load(url).then((result) => checked(url, result, n));
      server.latencyMs = 0;
      compileHint = await compileHintCheck(load, server, fixtures.dir, n, { count: compileHintPairs, warmup });
      log(`startup: ${n} plugins, 0 ms: the drop-in with its compile hint against itself without: paired median ${compileHint.pairedMedian}, p90 ${compileHint.pairedP90}; first package request ${compileHint.hinted.packagesStart} ms against ${compileHint.unhinted.packagesStart} ms`);
    }
    if (profileRuns > 0) {
      server.latencyMs = 0;
      profile = { latencyMs: 0, ...(await profileHost(browser, `${server.origin}/pages/startup-host.html?n=${n}`, n, profileRuns)) };
    }
    if (traceRuns > 0) {
      server.latencyMs = 0;
      // Traced as the budget's loads run: no DevTools, each a Chromium of its own.
      const tracer = await detachedTracer();
      try {
        traced = { latencyMs: 0, detached: true, ...(await traceLoads(tracer.traceLoad, server.origin, { plugins: n, runs: traceRuns, sources: await loadSources() })) };
      } finally {
        await tracer.close();
      }
      log(`startup: traced ${traceRuns} pairs at ${n} plugins: host done ${round(traced.host.doneMs, 1)} ms, baseline ${round(traced.baseline.doneMs, 1)} ms (the tracer slows both)`);
      spin = await sensitivity(browser, server.origin, n);
      log(`startup: the baseline with ${spin.spinMs} ms of script per package file: ${spin.pairedRatio.median}× (${spin.extraMs.median} ms more, ${spin.loadMsPerScriptMs} ms of load per ms of script)`);
    }
  } finally {
    await browser.close();
    await detached.close();
    await server.close();
    await fixtures.remove();
  }
  return {
    budget: { ...BUDGET, note: 'of the per-pair ratios A/B (host over baseline, each pair loaded back to back): their median ≤ 1.1, their p90 ≤ 1.25' },
    pluginCounts,
    pairsPerSetting,
    warmupPairs: warmup,
    server: 'node:http on 127.0.0.1, HTTP/1.1 (6 connections per origin in Chromium), files byte for byte, cache-control: no-store; latency = a delay before each answer',
    settings,
    profile,
    trace: traced,
    sensitivity: spin,
    compileHint,
    pass: settings.every((s) => s.pass),
  };
}

/** The drop-in with its compile hint against the same build without it. */
function compileHintSection(c) {
  if (!c) return '';
  return [
    `The drop-in's compile hint weighed: the host page with the built drop-in (its first line \`${COMPILE_HINT}\`) against the same build with that line removed, ${c.pairs} interleaved pairs at ${c.plugins} plugins and ${c.latencyMs} ms, no DevTools. ` +
      `Paired with/without median **${c.pairedMedian}×**, p90 ${c.pairedP90}×; start-up ${c.hinted.median} ms against ${c.unhinted.median} ms (medians), the first package request ${c.hinted.packagesStart} ms after t0 against ${c.unhinted.packagesStart} ms; ` +
      `the drop-in defined ${c.hinted.defined} ms after navigation against ${c.unhinted.defined} ms (the compile moves before t0, onto the thread that streams the file in).`,
    '',
  ].join('\n');
}

/** The same pairs with DevTools attached: how this benchmark measured before; not the budget. */
function attachedSection(settings) {
  const measured = settings.filter((s) => s.attached);
  if (measured.length === 0) return '';
  return [
    'The same pairs with DevTools attached (puppeteer, a fresh browser context per load, HTTP cache off; how this benchmark measured before): not the budget, since a user\'s browser has no DevTools attached.',
    '',
    table(
      ['plugins', 'latency', 'pairs', 'A ms median', 'B ms median', 'paired A/B median / p90', 'without DevTools, above'],
      measured.map((s) => [s.plugins, `${s.latencyMs} ms`, s.attached.pairs, s.attached.median, s.attached.baselineMedian, `${s.attached.pairedMedian}× / ${s.attached.pairedP90}×`, `**${s.pairedMedian}×** / **${s.pairedP90}×**`]),
    ),
    '',
  ].join('\n');
}

/** The A/A control's table: the ratios' noise with no host. */
function noiseFloorSection(settings) {
  const measured = settings.filter((s) => s.baselineAgainstItself);
  if (measured.length === 0) return '';
  const rows = measured.map((s) => {
    const c = s.baselineAgainstItself;
    return [s.plugins, `${s.latencyMs} ms`, c.pairs, `${c.pairedMedian}× / ${c.pairedP90}×`, `${c.min} – ${c.max}`, `**${s.pairedMedian}×** / **${s.pairedP90}×**`];
  });
  return [
    '',
    'The same figures for the baseline against itself (an A/A control: B loaded twice per pair, interleaved, in the same run): what the paired ratios show with no host at all. A perfect host would measure about this; its p90 is the noise of one load against the next, which the p90 budget has to leave room for.',
    '',
    table(['plugins', 'latency', 'pairs', 'B/B paired median / p90', 'B/B min – max', 'A/B (the host) median / p90, above'], rows),
    '',
  ].join('\n');
}

function profileSection(p) {
  if (!p) return '';
  const kinds = ['program', 'gc', 'dropIn', 'plugins', 'page', 'native', 'idle'];
  const names = {
    idle: 'idle',
    program: '(program): parse, compile, style, layout, loading',
    gc: 'GC',
    dropIn: 'drop-in JS (self)',
    plugins: 'plugin JS',
    page: 'bench page JS',
    native: 'native functions (fetch, DOM calls)',
  };
  const fn = (f) => `\`${f.fn.replace(/^(\S*) .*\/([^/]+)$/, '$1 $2')}\``;
  const code = (f) => (f.code ? `\`${f.code.replace(/`/g, "'")}\`` : '');
  return [
    '',
    `### Where a host load's main-thread time goes (${p.plugins} plugins, ${p.latencyMs} ms latency)`,
    '',
    `Sampled CPU profile (50 µs) over ${p.runs} host loads, ms per load from navigation (the drop-in's own load included; the profiler slows the page: done at ${p.doneMs} ms from t0 in these loads). By kind:`,
    '',
    table(kinds.map((k) => names[k]), [kinds.map((k) => p.kinds[k])]),
    '',
    'The functions with the most self time (idle left out):',
    '',
    table(['function (file:line:col)', 'kind', 'self ms per load', 'code at its start'], p.self.map((f) => [fn(f), f.kind, f.ms, code(f)])),
    '',
    "The drop-in's functions by inclusive time (minified names; the code column is the function's start):",
    '',
    table(['function (file:line:col)', 'inclusive ms per load', 'code'], p.dropInInclusive.slice(0, 15).map((f) => [fn(f), f.ms, code(f)])),
  ].join('\n');
}

function traceSection(t, spin) {
  if (!t) return '';
  const kinds = ['script', 'compile', 'parseHTML', 'style', 'layout', 'paint', 'gc', 'network', 'otherInTasks', 'idle'];
  const ms = (x) => (typeof x === 'number' ? round(x, 1) : '—');
  const groups = ['branding', 'packages', 'scripts', 'icons'];
  const requestCell = (g) => (g ? `${ms(g.firstSent)} → ${ms(g.lastSent)} / ${ms(g.lastFinished)}` : '—');
  const phaseRows = (t.host.phasesOfFirstRun ?? []).map((phase) => [
    phase.name,
    `${ms(phase.fromMs)} → ${ms(phase.toMs)}`,
    ms(phase.sampledMs),
    phase.self
      .filter((f) => !f.fn.startsWith('(program)'))
      .slice(0, 5)
      .map((f) => `\`${f.fn}\` ${ms(f.ms)}`)
      .join('; '),
  ]);
  return [
    '',
    `### A trace of the start-up (${t.plugins} plugins, ${t.latencyMs} ms latency)`,
    '',
    `Chromium performance traces (the DevTools timeline categories and the V8 sampler) of ${t.runs} interleaved pairs of loads, ${t.detached ? 'each a Chromium of its own traced from its start with no DevTools attached (`--trace-startup`), as the budget\'s loads run' : 'through DevTools (attached)'}, read from the page's \`bench:t0\` mark to its \`bench:done\` mark (\`bench/startup-trace.mjs\`; run it alone with \`--keep <folder>\` to open a trace in DevTools). The tracer slows both pages: done at ${ms(t.host.doneMs)} ms (host) and ${ms(t.baseline.doneMs)} ms (baseline). Main-thread time by kind, medians, ms:`,
    '',
    table(['page', ...kinds], [
      ['A (host)', ...kinds.map((k) => ms(t.host.kinds[k]))],
      ['B (by hand)', ...kinds.map((k) => ms(t.baseline.kinds[k]))],
    ]),
    '',
    'Requests as the network stack saw them (first sent → last sent / last finished, ms from t0, medians):',
    '',
    table(['page', ...groups], [
      ['A (host)', ...groups.map((g) => requestCell(t.host.requests[g]))],
      ['B (by hand)', ...groups.map((g) => requestCell(t.baseline.requests[g]))],
    ]),
    '',
    "The host's load cut where the requests say it works on its own (first traced load), with the functions (source-mapped) that had the most sampled self time in each stretch:",
    '',
    table(['stretch', 'ms from t0', 'JS sampled ms', 'most self time (ms)'], phaseRows),
    ...(spin
      ? [
          '',
          `How much the page's own script costs the whole load: the baseline with ${spin.spinMs} ms of busy script as each package file comes in (${spin.spinMs * spin.plugins} ms in all) against the baseline as it is, ${spin.pairs} interleaved pairs: paired median **${spin.pairedRatio.median}×**, ${spin.extraMs.median} ms more (median), that is **${spin.loadMsPerScriptMs} ms of load per ms of script**. Script on the main thread while files come in delays every request behind it, so the host's own work per plugin costs more than its length.`,
        ]
      : []),
  ].join('\n');
}

export function markdown(r) {
  const rows = r.settings.map((s) => [
    s.plugins,
    `${s.latencyMs} ms`,
    s.pairs,
    `${s.host.median} / ${s.host.p90}`,
    `${s.baseline.median} / ${s.baseline.p90}`,
    `**${s.pairedMedian}×** / **${s.pairedP90}×**`,
    `${s.pairedRatio.min} – ${s.pairedRatio.max}`,
    `${s.ratioOfMedians}×`,
    `≤ ${r.budget.median}× / ≤ ${r.budget.p90}×`,
    verdict(s.pass),
  ]);
  const span = (x, y) => `${x} → ${y}`;
  const timelineRows = r.settings.flatMap((s) => [
    [
      `${s.plugins} / ${s.latencyMs} ms`,
      'A (host)',
      span(s.hostTimeline.brandingStart, s.hostTimeline.brandingEnd),
      span(s.hostTimeline.packagesStart, s.hostTimeline.packagesEnd),
      span(s.hostTimeline.scriptsStart, s.hostTimeline.scriptsEnd),
      span(s.hostTimeline.iconsStart, s.hostTimeline.iconsEnd),
      `buttons ${s.hostTimeline.buttons}, settled ${s.hostTimeline.settled}, done ${s.hostTimeline.done}`,
    ],
    [
      `${s.plugins} / ${s.latencyMs} ms`,
      'B (by hand)',
      span(s.baselineTimeline.brandingStart, s.baselineTimeline.brandingEnd),
      span(s.baselineTimeline.packagesStart, s.baselineTimeline.packagesEnd),
      span(s.baselineTimeline.scriptsStart, s.baselineTimeline.scriptsEnd),
      span(s.baselineTimeline.iconsStart, s.baselineTimeline.iconsEnd),
      `registered ${s.baselineTimeline.registered}, done ${s.baselineTimeline.done}`,
    ],
  ]);
  const d = (x, y) => (typeof x === 'number' && typeof y === 'number' ? `${x - y >= 0 ? '+' : ''}${round(x - y, 1)}` : '—');
  const lateRows = r.settings.map((s) => {
    const h = s.hostTimeline;
    const b = s.baselineTimeline;
    return [
      `${s.plugins} / ${s.latencyMs} ms`,
      d(h.brandingStart, b.brandingStart),
      d(h.packagesStart, b.packagesStart),
      d(h.packagesEnd, b.packagesEnd),
      d(h.scriptsStart, b.scriptsStart),
      d(h.scriptsEnd, b.scriptsEnd),
      d(h.iconsStart, b.iconsStart),
      d(h.iconsEnd, b.iconsEnd),
      d(h.done, b.done),
    ];
  });
  return [
    `Plugins with a package file, a source (a toolbar item and a state$) and an SVG icon (\`icon.svg#icon\`) each. ${r.pairsPerSetting} interleaved pairs per setting after ${r.warmupPairs} warm-up pair, the order alternating; ` +
      'each load a Chromium process of its own started with the page (fresh profile, so no cache), with no DevTools attached: the page reports its result itself (`lib/no-devtools.mjs`); the same pairs with DevTools attached are below, for comparison with the runs before. A: from appending `<pex-plugin-host>` + `<pex-toolbar>` (the drop-in already loaded) to the last toolbar item rendered and every icon in. ' +
      `B: from the same quiet moment, the same files fetched by hand, the scripts inserted and the icons drawn with \`<use>\`, to every plugin registered and every icon in. ${r.server}.`,
    '',
    `Budget: ${r.budget.note}. The ratio of the medians is shown for reference only.`,
    '',
    table(['plugins', 'latency', 'pairs', 'A ms median / p90', 'B ms median / p90', 'paired A/B median / p90', 'paired min – max', 'A/B of medians (info)', 'budget', 'result'], rows),
    noiseFloorSection(r.settings),
    compileHintSection(r.compileHint),
    attachedSection(r.settings),
    'Medians of the resource timeline (ms from t0; first request started → last answer in, per group):',
    '',
    table(['plugins / latency', 'page', 'manifest + settings', 'package files', 'scripts', 'icons', 'done'], timelineRows),
    '',
    'Before t0, in A only (ms from navigation start, medians): the drop-in file in, and its elements defined. ' +
      'The load and compile of the drop-in is the page\'s cost before the host is appended, which no ratio above includes; ' +
      `the drop-in's compile hint (\`${COMPILE_HINT}\`) compiles it there, while it streams in, instead of inside the timed start-up: ` +
      r.settings.map((s) => `${s.plugins} / ${s.latencyMs} ms: in ${s.hostTimeline.dropInEnd ?? '—'}, defined ${s.hostTimeline.defined ?? '—'}`).join('; ') +
      '.',
    '',
    'Where the host is later than the baseline (A − B of the medians above, ms; positive = the host later): the phase where the gap opens is where to look.',
    '',
    table(['plugins / latency', 'first branding request', 'first package request', 'last package in', 'first script request', 'last script in', 'first icon request', 'last icon in', 'done'], lateRows),
    profileSection(r.profile),
    traceSection(r.trace, r.sensitivity),
  ].join('\n');
}
