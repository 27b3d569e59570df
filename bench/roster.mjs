/**
 * Roster, the big conference: 10,000 participants as a sync burst reach each of 20 plugins as
 * ONE emission (app-driven; through the Infinity connection against the simulator on join, and
 * on the resync after a dropped events stream); then 200 speaking-indicator updates a second
 * for 10 seconds through the Infinity connection (the simulator's stage events, the realistic
 * path) with the 20 plugins subscribed and a participant menu open: the main-thread time of
 * each update, from its chunk coming off the network to the last plugin callback and to the
 * open menu rendered (median, p99, max), and the longest frame (requestAnimationFrame deltas,
 * long tasks). A sampled CPU profile of more such updates says where the time goes.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { createSimulator } from '../tools/infinity-simulator/simulator.mjs';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { pad, tempFolder, writeBrandingFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table, verdict } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { percentile, summarize } from './lib/stats.mjs';
import { profileFunctions } from './lib/profile.mjs';

export const name = 'roster';
export const title = 'Roster: one emission per 10,000-participant sync, and 200 updates a second (budget: p99 under 1 ms, no frame over 50 ms)';

export const PLUGINS = 20;
const BIG = 10_000;
const BUDGET = { p99Ms: 1, frameMs: 50 };

/** A plugin that listens to the roster and has a toolbar item and a participant menu item. */
function pluginSource(id, index) {
  return `(function () {
  var state$ = window.PEX.pluginAPI.createNewState({ label: 'Roster ${index}' });
  PEX.pluginAPI.registerPlugin({
    id: '${id}',
    load: function (participants$) {
      participants$.subscribe(function (participants) {
        window.benchRoster.seen('${id}', participants);
        if (window.benchRoster.relabel) state$.next({ label: 'Roster ${index} (' + participants.length + ')' });
      });
    },
    unload: function () {},
    act: function () {},
    state$: state$
  });
})();
`;
}

async function control(origin, pathName, body) {
  const response = await fetch(`${origin}/_simulator/${pathName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(`simulator ${pathName}: ${response.status} ${await response.text()}`);
  return response.json();
}

const oneEach = (emissions) => Object.keys(emissions).length === PLUGINS && Object.values(emissions).every((n) => n === 1);
const round = (x, d = 3) => Number(x.toFixed(d));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The roster page with its 20 plugins loaded, the Infinity simulator mounted; `gc` exposes
 * window.gc for heap figures.
 */
export async function openRosterPage({ gc = false } = {}) {
  const fixtures = await tempFolder();
  await writeBrandingFolder(
    path.join(fixtures.dir, 'roster'),
    Array.from({ length: PLUGINS }, (_, i) => {
      const id = `roster-plugin-${pad(i + 1)}`;
      const item = { label: `Roster ${i + 1}`, icon: null, action: 'act' };
      return { id, name: `Roster plugin ${i + 1}`, source: pluginSource(id, i + 1), menuItems: { toolbar: [item], participants: [item] } };
    }),
  );
  const simulator = createSimulator();
  const server = await startServer({
    mounts: { '/dist/': path.join(REPO_DIR, 'dist'), '/branding/': fixtures.dir, '/pages/': path.join(BENCH_DIR, 'pages') },
    isolate: true,
    simulator,
  });
  const browser = await launchBrowser(gc ? { args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] } : {});
  const { page, errors, close } = await freshPage(browser);
  page.setDefaultTimeout(90_000);
  await page.goto(`${server.origin}/pages/roster.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.benchReady === true);
  const ready = await page.evaluate(() => globalThis.benchApi.ready());
  if (ready.loaded !== PLUGINS) throw new Error(`${ready.loaded} of ${PLUGINS} roster plugins loaded: ${errors.join('; ')}`);
  return {
    page,
    errors,
    origin: server.origin,
    isolated: ready.isolated,
    async close() {
      await close();
      await browser.close();
      simulator.close();
      await server.close();
      await fixtures.remove();
    },
  };
}

/** Joins `meet` with `n` more participants in it; the emissions per plugin of the sync. */
export async function join(ctx, n) {
  await control(ctx.origin, 'reset');
  await control(ctx.origin, 'conferences/meet/roster', { count: n });
  const joined = await ctx.page.evaluate(() => globalThis.benchApi.connect());
  return { ...joined, expected: n + 1, pass: oneEach(joined.emissions) && joined.rosterLength === n + 1 };
}

/**
 * `rate` stage events a second for `seconds`, sent to the simulator on schedule (one
 * participant of a stage of five speaks in turn, so every event changes two vad values),
 * while the page records; the page's record and how the sending kept to its schedule.
 */
export async function streamUpdates(ctx, { rate = 200, seconds = 10 } = {}) {
  const uuids = await ctx.page.evaluate((k) => globalThis.benchApi.uuids(k), 5);
  const started = await ctx.page.evaluate(() => globalThis.benchApi.startStream());
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const t0 = performance.now();
  const pending = [];
  let late = 0;
  for (let i = 0; i < total; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait >= 1) await sleep(wait);
    else if (wait < -interval) late += 1;
    const speaker = i % uuids.length;
    const stage = uuids.map((uuid, index) => ({ participant_uuid: uuid, stage_index: index, vad: index === speaker ? 100 : 0 }));
    pending.push(control(ctx.origin, 'conferences/meet/stage', stage));
  }
  await Promise.all(pending);
  const sentSeconds = (performance.now() - t0) / 1000;
  const r = await ctx.page.evaluate(() => globalThis.benchApi.stopStream());
  const stat = (list) => (list.length ? { ...summarize(list, 4), p99: round(percentile(list, 99), 4) } : null);
  return {
    rate,
    seconds,
    sent: total,
    sentSeconds: round(sentSeconds, 2),
    sentLate: late,
    menuItems: started.menuItems,
    chunks: r.chunks,
    updatesReachingAllPlugins: r.toCallbacks.length,
    emissionsPerPlugin: r.emissionsPerPlugin,
    toCallbacks: stat(r.toCallbacks),
    toMenu: stat(r.toMenu),
    frames: { n: r.frames.length, maxMs: round(Math.max(...r.frames), 1), p99Ms: round(percentile(r.frames, 99), 1), over50: r.frames.filter((f) => f > 50).length },
    longTasks: { n: r.longTasks.length, maxMs: r.longTasks.length ? round(Math.max(...r.longTasks.map((t) => t.ms)), 1) : 0 },
  };
}

/** The Infinity chunk the drop-in imports. */
async function infinityChunkName() {
  const dropIn = await readFile(path.join(REPO_DIR, 'dist', 'pex-plugin-host.js'), 'utf8');
  return /infinity-[\w-]+\.js/.exec(dropIn)?.[0];
}

export async function run({ rate = 200, seconds = 10, profileSeconds = 2, log = console.log } = {}) {
  const ctx = await openRosterPage();
  const result = { plugins: PLUGINS, budget: { ...BUDGET, note: 'per update p99 under 1 ms of main thread (chunk off the network to the open participant menu rendered), and no frame over 50 ms' } };
  try {
    result.crossOriginIsolated = ctx.isolated;
    const sync = await ctx.page.evaluate((n) => globalThis.benchApi.appDrivenSync(n), BIG);
    result.appDrivenSync = {
      participants: BIG,
      emissionsPerPlugin: [...new Set(Object.values(sync.emissions))],
      setMs: round(sync.setMs),
      pass: oneEach(sync.emissions),
    };
    log(`roster: app-driven sync of ${BIG}: emissions per plugin ${result.appDrivenSync.emissionsPerPlugin}`);

    const joined = await join(ctx, BIG);
    const connection = {
      rosterLength: joined.rosterLength,
      joinMs: round(joined.joinMs, 1),
      onJoin: { emissionsPerPlugin: [...new Set(Object.values(joined.emissions))], pass: joined.pass },
    };
    await ctx.page.evaluate(() => globalThis.benchApi.armResync());
    await control(ctx.origin, 'faults', { dropEvents: true });
    const resync = await ctx.page.evaluate((len) => globalThis.benchApi.resyncDone(len), joined.expected);
    connection.resync = {
      emissionsPerPlugin: [...new Set(Object.values(resync.emissions))],
      connectionEmissions: resync.connectionEmissions,
      chunks: resync.chunks,
      dropToAllPluginsMs: round(resync.syncMs, 1),
      pass: oneEach(resync.emissions) && resync.connectionEmissions === 1,
    };
    log(`roster: connection of ${joined.rosterLength}: on join ${connection.onJoin.emissionsPerPlugin}, resync ${connection.resync.emissionsPerPlugin} emission(s) per plugin`);
    result.connection = connection;

    const s = await streamUpdates(ctx, { rate, seconds });
    s.pass = s.toMenu !== null && s.toMenu.p99 < BUDGET.p99Ms && s.frames.maxMs <= BUDGET.frameMs && s.longTasks.maxMs <= BUDGET.frameMs;
    result.stream = { participants: joined.rosterLength, ...s };
    log(
      `roster: ${s.sent} updates in ${s.sentSeconds} s: to last plugin median ${s.toCallbacks?.median} p99 ${s.toCallbacks?.p99} max ${s.toCallbacks?.max} ms; ` +
        `to menu rendered median ${s.toMenu?.median} p99 ${s.toMenu?.p99} max ${s.toMenu?.max} ms; longest frame ${s.frames.maxMs} ms, long tasks ${s.longTasks.n}`,
    );

    if (profileSeconds > 0) {
      const sources = { 'pex-plugin-host.js': path.join(REPO_DIR, 'dist', 'pex-plugin-host.js') };
      const chunk = await infinityChunkName();
      if (chunk) sources[chunk] = path.join(REPO_DIR, 'dist', chunk);
      let profiled;
      const profile = await profileFunctions(ctx.page, async () => {
        profiled = await streamUpdates(ctx, { rate, seconds: profileSeconds });
      }, { intervalUs: 50, sources, top: 40 });
      const events = profiled.sent;
      const perEvent = (list) =>
        list
          .filter((f) => !f.fn.startsWith('(idle)'))
          .slice(0, 14)
          .map((f) => ({ fn: f.fn, msPerEvent: round(f.ms / events, 4), code: f.code }));
      result.stream.profile = { events, intervalUs: profile.intervalUs, sampledMs: profile.sampledMs, self: perEvent(profile.self), total: perEvent(profile.total.filter((f) => f.fn.includes('/dist/'))) };
    }
    await ctx.page.evaluate(() => globalThis.benchApi.leave());
    if (ctx.errors.length) result.pageErrors = ctx.errors.slice(0, 20);
  } finally {
    await ctx.close();
  }
  result.pass = result.appDrivenSync.pass && result.connection.onJoin.pass && result.connection.resync.pass && result.stream.pass;
  return result;
}

function profileSection(p) {
  if (!p) return '';
  const fn = (f) => `\`${f.fn.replace(/http:\/\/127\.0\.0\.1:\d+/, '').replace(/^(\S*) .*\/([^/]+)$/, '$1 $2')}\``;
  const code = (f) => (f.code ? `\`${f.code.slice(0, 70).replace(/`/g, "'")}\`` : '');
  return [
    '',
    `### Where an update's time goes`,
    '',
    `Sampled CPU profile (every ${p.intervalUs} µs) over ${p.events} more updates at the same rate, ms per update (the profiler slows the code; compare shares). ` +
      'Self time, any code (idle left out):',
    '',
    table(['function (file:line:col)', 'self ms/update', 'code'], p.self.map((f) => [fn(f), f.msPerEvent, code(f)])),
    '',
    "The drop-in's functions by inclusive time:",
    '',
    table(['function (file:line:col)', 'inclusive ms/update', 'code'], p.total.map((f) => [fn(f), f.msPerEvent, code(f)])),
  ].join('\n');
}

export function markdown(r) {
  const c = r.connection;
  const syncRows = [
    ['app-driven: `host.participants = [10,000]`', r.appDrivenSync.participants.toLocaleString('en'), r.appDrivenSync.emissionsPerPlugin.join(', '), '1', verdict(r.appDrivenSync.pass)],
    ['Infinity connection: join (the sync before connectInfinity resolves), then `host.connection = c`', c.rosterLength.toLocaleString('en'), c.onJoin.emissionsPerPlugin.join(', '), '1', verdict(c.onJoin.pass)],
    [
      `Infinity connection: resync after a dropped events stream (${c.resync.chunks} chunks; ${c.resync.dropToAllPluginsMs} ms from the drop to every plugin)`,
      c.rosterLength.toLocaleString('en'),
      `${c.resync.emissionsPerPlugin.join(', ')} (participants$: ${c.resync.connectionEmissions})`,
      '1',
      verdict(c.resync.pass),
    ],
  ];
  const s = r.stream;
  const row = (label, st) => [label, st ? st.median : '—', st ? st.p99 : '—', st ? st.max : '—', st ? st.n : 0];
  return [
    `${r.plugins} plugins, each subscribed to \`participants$\` through the host, each with a toolbar item and a participant menu item. Page cross-origin isolated: ${r.crossOriginIsolated} (\`performance.now()\` resolution 5 µs). "1" means every plugin got exactly one emission.`,
    '',
    table(['sync', 'participants', 'emissions per plugin', 'budget', 'result'], syncRows),
    '',
    `### ${s.rate} updates a second for ${s.seconds} s through the Infinity connection`,
    '',
    `${s.participants.toLocaleString('en')} participants; the simulator sends a \`stage\` event for each update (one of five on stage speaks in turn), ${s.sent} sent in ${s.sentSeconds} s (${s.sentLate} late by more than one interval); ` +
      `a \`<pex-participant-menu>\` is open for a participant on stage (${s.menuItems} plugin items), its \`.participant\` set from every roster emission as an app does. ` +
      `${s.chunks} events-stream chunks; ${s.updatesReachingAllPlugins} updates reached all ${r.plugins} plugins (emissions per plugin over the stream: ${s.emissionsPerPlugin.join(', ')}). ` +
      'Main-thread ms per update, from the chunk coming off the network (the events stream body is wrapped to timestamp chunks):',
    '',
    table(['per update', 'median ms', 'p99 ms', 'max ms', 'n'], [row('to the last plugin callback', s.toCallbacks), row('to the open participant menu rendered (budget: p99 < 1 ms)', s.toMenu)]),
    '',
    `Frames meanwhile (requestAnimationFrame deltas): ${s.frames.n}, longest ${s.frames.maxMs} ms, p99 ${s.frames.p99Ms} ms, ${s.frames.over50} over 50 ms; long tasks (PerformanceObserver 'longtask'): ${s.longTasks.n}, longest ${s.longTasks.maxMs} ms. ` +
      `Budget: p99 < ${r.budget.p99Ms} ms and no frame over ${r.budget.frameMs} ms: ${verdict(s.pass)}.`,
    profileSection(s.profile),
  ].join('\n');
}
