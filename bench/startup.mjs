/**
 * Start-up with 30 plugins: page A (`<pex-plugin-host>` + `<pex-toolbar>` from the drop-in,
 * done when `host.settled` has resolved and 30 toolbar buttons are rendered) against page B
 * (the same files fetched and the same scripts inserted by hand, done when all 30 have
 * registered). Fresh browser context per run, HTTP cache off, runs interleaved, with and
 * without an artificial per-request latency.
 */
import path from 'node:path';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { pad, tempFolder, writeBrandingFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table, verdict } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { summarize } from './lib/stats.mjs';
import { profileFunctions } from './lib/profile.mjs';

export const name = 'startup';
export const title = 'Start-up with 30 plugins (budget: within 1.25× of loading them by hand)';

const BUDGET_RATIO = 1.25;

/** A small plugin, as administrators ship them: a toolbar item whose state$ follows the roster. */
function pluginSource(id, index) {
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

export async function writeStartupBranding(dir, count) {
  const plugins = Array.from({ length: count }, (_, i) => {
    const id = `bench-plugin-${pad(i + 1)}`;
    return {
      id,
      name: `Bench plugin ${i + 1}`,
      source: pluginSource(id, i + 1),
      menuItems: { toolbar: [{ id: 'toggle', label: `Plugin ${i + 1}`, icon: null, action: 'toggle' }] },
    };
  });
  await writeBrandingFolder(path.join(dir, 'startup'), plugins);
}

/** Resource timing of a finished run, to show where the time goes. */
function timeline() {
  const entries = performance.getEntriesByType('resource');
  const pick = (test) => entries.filter((e) => test(e.name));
  const span = (list) =>
    list.length ? { n: list.length, firstStart: Math.min(...list.map((e) => e.startTime)), lastEnd: Math.max(...list.map((e) => e.responseEnd)) } : null;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    html: nav ? nav.responseEnd : null,
    dropIn: span(pick((n) => n.includes('/dist/pex-plugin-host.js'))),
    branding: span(pick((n) => /\/(manifest|settings)\.json/.test(n))),
    packages: span(pick((n) => n.includes('.plugin.package.json'))),
    scripts: span(pick((n) => /\.plugin\.js/.test(n))),
  };
}

/**
 * Main-thread time of whole page loads by kind (sampled CPU profile, 50 µs): idle, V8's
 * "(program)" (the browser's own work: parsing, style, layout, loading), the drop-in's code,
 * the plugins' code, the page's own scripts, other (native functions such as fetch and
 * appendChild, GC); and, for the drop-in, its functions by inclusive time. Averages per load.
 */
async function profilePage(browser, url, runs, withFunctions) {
  const kinds = { idle: 0, program: 0, dropIn: 0, plugins: 0, page: 0, other: 0 };
  const functions = new Map();
  let sampled = 0;
  let done = 0;
  for (let i = 0; i < runs; i++) {
    const { page, close } = await freshPage(browser);
    try {
      const profile = await profileFunctions(
        page,
        async () => {
          await page.goto(url, { waitUntil: 'domcontentloaded' });
          done += (await page.evaluate(() => globalThis.benchDone)).t;
        },
        { intervalUs: 50, top: 1000, sources: { 'pex-plugin-host.js': path.join(REPO_DIR, 'dist', 'pex-plugin-host.js') } },
      );
      sampled += profile.sampledMs;
      for (const f of profile.self) {
        const kind = f.fn.startsWith('(idle)')
          ? 'idle'
          : f.fn.startsWith('(program)')
            ? 'program'
            : f.fn.includes('/dist/')
              ? 'dropIn'
              : f.fn.includes('.plugin.js')
                ? 'plugins'
                : f.fn.includes('/pages/')
                  ? 'page'
                  : 'other';
        kinds[kind] += f.ms;
      }
      if (withFunctions) {
        for (const f of profile.total.filter((t) => t.fn.includes('/dist/'))) {
          const entry = functions.get(f.fn) ?? { fn: f.fn, ms: 0, code: f.code };
          entry.ms += f.ms;
          functions.set(f.fn, entry);
        }
      }
    } finally {
      await close();
    }
  }
  const per = (ms) => Number((ms / runs).toFixed(1));
  return {
    doneMs: per(done),
    sampledMs: per(sampled),
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, per(v)])),
    ...(withFunctions
      ? {
          functions: [...functions.values()]
            .sort((x, y) => y.ms - x.ms)
            .slice(0, 30)
            .map((f) => ({ fn: f.fn.replace(/http:\/\/127\.0\.0\.1:\d+/, ''), ms: per(f.ms), code: f.code.slice(0, 80) })),
        }
      : {}),
  };
}

async function once(browser, url, expected) {
  const { page, errors, close } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const result = await Promise.race([
      page.evaluate(() => globalThis.benchDone),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${url}`)), 15000)),
    ]);
    if (result.error) throw new Error(`${url}: ${result.error}`);
    const done = result.loaded ?? result.registered;
    if (done !== expected) throw new Error(`${url}: ${done} of ${expected} plugins`);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return { ...result, timeline: await page.evaluate(timeline) };
  } finally {
    await close();
  }
}

export async function run({ runs = 25, warmup = 2, latencies = [0, 20], plugins = 30, secondsPerSetting = 40, profileRuns = 2, log = console.log } = {}) {
  const fixtures = await tempFolder();
  await writeStartupBranding(fixtures.dir, plugins);
  const server = await startServer({
    mounts: { '/dist/': path.join(REPO_DIR, 'dist'), '/branding/': fixtures.dir, '/pages/': path.join(BENCH_DIR, 'pages') },
  });
  const browser = await launchBrowser();
  const pageA = `${server.origin}/pages/startup-host.html?n=${plugins}`;
  const pageB = `${server.origin}/pages/startup-baseline.html?n=${plugins}`;
  const settings = [];
  let profile;
  try {
    for (const latencyMs of latencies) {
      server.latencyMs = latencyMs;
      const a = [];
      const b = [];
      const pairs = [];
      const started = Date.now();
      for (let i = 0; i < warmup + runs; i++) {
        // Bounded: a slow (or busy) machine gets fewer runs, never fewer than five measured pairs.
        if (i >= warmup + 5 && Date.now() - started > secondsPerSetting * 1000) break;
        // Interleaved, the order alternating, so drift hits both pages alike.
        const order = i % 2 ? ['B', 'A'] : ['A', 'B'];
        const pair = {};
        for (const which of order) {
          const result = await once(browser, which === 'A' ? pageA : pageB, plugins);
          pair[which] = result.t;
          if (i >= warmup) (which === 'A' ? a : b).push(result);
        }
        if (i >= warmup) pairs.push(pair.A / pair.B);
      }
      const tA = summarize(a.map((r) => r.t), 2);
      const tB = summarize(b.map((r) => r.t), 2);
      const median = (list, f) => summarize(list.map(f).filter((x) => typeof x === 'number'), 2).median;
      const entry = {
        latencyMs,
        runsPerPage: a.length,
        host: tA,
        baseline: tB,
        ratioMedian: Number((tA.median / tB.median).toFixed(3)),
        ratioP90: Number((tA.p90 / tB.p90).toFixed(3)),
        // Each A run over the B run next to it: less sensitive to a machine whose load drifts.
        pairedRatio: summarize(pairs, 3),
        pass: tA.median / tB.median <= BUDGET_RATIO,
        // Medians of the resource timeline (ms since navigation start), to see what is serial.
        hostTimeline: {
          htmlEnd: median(a, (r) => r.timeline.html),
          dropInEnd: median(a, (r) => r.timeline.dropIn?.lastEnd),
          moduleRan: median(a, (r) => r.tModule),
          brandingStart: median(a, (r) => r.timeline.branding?.firstStart),
          brandingEnd: median(a, (r) => r.timeline.branding?.lastEnd),
          packagesStart: median(a, (r) => r.timeline.packages?.firstStart),
          packagesEnd: median(a, (r) => r.timeline.packages?.lastEnd),
          scriptsStart: median(a, (r) => r.timeline.scripts?.firstStart),
          scriptsEnd: median(a, (r) => r.timeline.scripts?.lastEnd),
          settled: median(a, (r) => r.tSettled),
          buttonsRendered: tA.median,
        },
        baselineTimeline: {
          htmlEnd: median(b, (r) => r.timeline.html),
          brandingStart: median(b, (r) => r.timeline.branding?.firstStart),
          brandingEnd: median(b, (r) => r.timeline.branding?.lastEnd),
          packagesStart: median(b, (r) => r.timeline.packages?.firstStart),
          packagesEnd: median(b, (r) => r.timeline.packages?.lastEnd),
          scriptsStart: median(b, (r) => r.timeline.scripts?.firstStart),
          scriptsEnd: median(b, (r) => r.timeline.scripts?.lastEnd),
          allRegistered: tB.median,
        },
        samples: { host: a.map((r) => Number(r.t.toFixed(2))), baseline: b.map((r) => Number(r.t.toFixed(2))) },
      };
      log(`startup: latency ${latencyMs} ms: A median ${tA.median} ms, B median ${tB.median} ms, A/B ${entry.ratioMedian}`);
      settings.push(entry);
    }
    if (profileRuns > 0) {
      server.latencyMs = 0;
      profile = {
        latencyMs: 0,
        runs: profileRuns,
        host: await profilePage(browser, pageA, profileRuns, true),
        baseline: await profilePage(browser, pageB, profileRuns, false),
      };
    }
  } finally {
    await browser.close();
    await server.close();
    await fixtures.remove();
  }
  return {
    budget: { ratio: BUDGET_RATIO, note: 'A/B of the medians; A = drop-in host until settled + buttons rendered, B = by hand until all registered' },
    plugins,
    runsPerPageRequested: runs,
    warmupPerPage: warmup,
    server: 'node:http on 127.0.0.1, HTTP/1.1 (6 connections per origin in Chromium), files byte for byte, cache-control: no-store; latency = a delay before each answer',
    settings,
    profile,
    pass: settings.every((s) => s.pass),
  };
}

function profileSection(p) {
  if (!p) return '';
  const kinds = ['idle', 'program', 'dropIn', 'plugins', 'page', 'other'];
  const names = { idle: 'idle', program: '(program): parse, style, layout, loading', dropIn: 'drop-in JS', plugins: 'plugin JS', page: 'page JS', other: 'native functions, GC' };
  return [
    '',
    `Main thread during a whole load at ${p.latencyMs} ms latency, sampled CPU profile (50 µs), mean of ${p.runs} profiled loads per page (the profiler slows pages down; ` +
      `done at ${p.host.doneMs} ms for A and ${p.baseline.doneMs} ms for B in these loads):`,
    '',
    table(['page', ...kinds.map((k) => names[k])], [
      ['A (host)', ...kinds.map((k) => p.host.kinds[k])],
      ['B (by hand)', ...kinds.map((k) => p.baseline.kinds[k])],
    ]),
    '',
    'The drop-in\'s functions in A by inclusive ms per load (minified names; the code column is the function\'s start):',
    '',
    table(['function (file:line:col)', 'ms per load', 'code'], p.host.functions.slice(0, 20).map((f) => [`\`${f.fn.replace(/^(\S*) .*\/([^/]+)$/, '$1 $2')}\``, f.ms, `\`${f.code.replace(/`/g, "'")}\``])),
  ].join('\n');
}

export function markdown(r) {
  const rows = r.settings.map((s) => [
    `${s.latencyMs} ms`,
    `${s.host.median} / ${s.host.p90}`,
    `${s.baseline.median} / ${s.baseline.p90}`,
    `${s.ratioMedian}× / ${s.ratioP90}×`,
    `${s.pairedRatio.median}× [${s.pairedRatio.min} – ${s.pairedRatio.max}]`,
    `≤ ${r.budget.ratio}×`,
    verdict(s.pass),
  ]);
  const timelineRows = r.settings.flatMap((s) => [
    [
      `${s.latencyMs} ms`,
      'A (host)',
      s.hostTimeline.htmlEnd,
      `${s.hostTimeline.dropInEnd} (ran ${s.hostTimeline.moduleRan})`,
      `${s.hostTimeline.brandingStart} → ${s.hostTimeline.brandingEnd}`,
      `${s.hostTimeline.packagesStart} → ${s.hostTimeline.packagesEnd}`,
      `${s.hostTimeline.scriptsStart} → ${s.hostTimeline.scriptsEnd}`,
      `settled ${s.hostTimeline.settled}, buttons ${s.hostTimeline.buttonsRendered}`,
    ],
    [
      `${s.latencyMs} ms`,
      'B (by hand)',
      s.baselineTimeline.htmlEnd,
      '—',
      `${s.baselineTimeline.brandingStart} → ${s.baselineTimeline.brandingEnd}`,
      `${s.baselineTimeline.packagesStart} → ${s.baselineTimeline.packagesEnd}`,
      `${s.baselineTimeline.scriptsStart} → ${s.baselineTimeline.scriptsEnd}`,
      `registered ${s.baselineTimeline.allRegistered}`,
    ],
  ]);
  return [
    `${r.plugins} plugins (a toolbar item and a state$ each), ${r.settings.map((s) => s.runsPerPage).join(' and ')} runs per page (per latency setting) after ${r.warmupPerPage} warm-up runs, interleaved, the order alternating; ` +
      `fresh browser context per run, HTTP cache off. Times in ms from navigation start (\`performance.now()\`). ${r.server}.`,
    '',
    table(['latency per request', 'A: host, median / p90', 'B: by hand, median / p90', 'A/B of medians / of p90s', 'A/B paired runs, median [min – max]', 'budget (A/B of medians)', 'result'], rows),
    '',
    'Medians of the resource timeline (ms from navigation start; `start → end` of the first request to the last answer of each group):',
    '',
    table(['latency', 'page', 'HTML in', 'drop-in in', 'manifest + settings', '30 package files', '30 scripts', 'done'], timelineRows),
    profileSection(r.profile),
  ].join('\n');
}
