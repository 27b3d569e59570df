/**
 * How cost grows: start-up per plugin at 10, 30 and 100 plugins (host and baseline, interleaved
 * pairs, 0 ms latency, each load a Chromium of its own with no DevTools attached, as the
 * start-up budget is measured); the main-thread cost of an update through the Infinity connection at
 * 100, 1,000 and 10,000 participants (200 updates a second, 20 plugins, a participant menu
 * open); the JS heap per participant (after forced GC, with the roster joined). Each says
 * whether it grows linearly or better, by the exponent k of cost ∝ size^k between the smallest
 * and the largest size (k ≤ 1.1: linear or better, the 0.1 for noise).
 */
import path from 'node:path';
import { noDevtoolsLoader } from './lib/no-devtools.mjs';
import { tempFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { summarize } from './lib/stats.mjs';
import { checked, pairs, writeStartupBranding } from './startup.mjs';
import { join, openRosterPage, streamUpdates } from './roster.mjs';

export const name = 'growth';
export const title = 'Growth: start-up per plugin, update cost per participant count, heap per participant (budget: linear or better)';

const LINEAR = 1.1;
const exponent = (x1, y1, x2, y2) => Number((Math.log(y2 / y1) / Math.log(x2 / x1)).toFixed(2));
const round = (x, d = 3) => Number(x.toFixed(d));
const growthOf = (k) => (k <= 0.9 ? 'better than linear' : k <= LINEAR ? 'linear' : 'worse than linear');

async function startupGrowth(counts, pairsPerCount, log) {
  const fixtures = await tempFolder();
  for (const n of counts) await writeStartupBranding(fixtures.dir, n);
  const server = await startServer({ mounts: { '/dist/': path.join(REPO_DIR, 'dist'), '/branding/': fixtures.dir, '/pages/': path.join(BENCH_DIR, 'pages') } });
  const detached = await noDevtoolsLoader();
  const rows = [];
  try {
    for (const n of counts) {
      const load = (url) => detached.load(url).then((result) => checked(url, result, n));
      const { a, b, ratios } = await pairs(undefined, server.origin, n, { count: pairsPerCount, warmup: 1, load });
      const host = summarize(a.map((r) => r.t), 2).median;
      const baseline = summarize(b.map((r) => r.t), 2).median;
      rows.push({ plugins: n, hostMs: host, baselineMs: baseline, hostPerPlugin: round(host / n), baselinePerPlugin: round(baseline / n), pairedRatio: summarize(ratios, 3).median });
      log(`growth: start-up ${n} plugins: host ${host} ms (${round(host / n)} ms/plugin), baseline ${baseline} ms, paired ${rows.at(-1).pairedRatio}`);
    }
  } finally {
    await detached.close();
    await server.close();
    await fixtures.remove();
  }
  for (let i = 1; i < rows.length; i++) {
    rows[i].hostMarginal = round((rows[i].hostMs - rows[i - 1].hostMs) / (rows[i].plugins - rows[i - 1].plugins));
    rows[i].baselineMarginal = round((rows[i].baselineMs - rows[i - 1].baselineMs) / (rows[i].plugins - rows[i - 1].plugins));
  }
  const first = rows[0];
  const last = rows.at(-1);
  const k = exponent(first.plugins, first.hostMs, last.plugins, last.hostMs);
  const kBaseline = exponent(first.plugins, first.baselineMs, last.plugins, last.baselineMs);
  return { rows, exponent: k, baselineExponent: kBaseline, growth: growthOf(k), pass: k <= LINEAR };
}

/** Heap bytes per participant added since the previous roster size (the fixed cost of a connection drops out). */
function addHeapMarginals(rows) {
  for (let i = 1; i < rows.length; i++) {
    if (typeof rows[i].heapBytes !== 'number' || typeof rows[i - 1].heapBytes !== 'number') continue;
    rows[i].heapPerAddedParticipant = round((rows[i].heapBytes - rows[i - 1].heapBytes) / (rows[i].participants - rows[i - 1].participants), 1);
  }
}

/**
 * The heap grows linearly when each added participant costs the same: the last step's bytes per
 * added participant over the first step's (1 = linear, below = better, above = worse).
 */
function heapGrowthRatio(rows) {
  const steps = rows.filter((r) => typeof r.heapPerAddedParticipant === 'number');
  if (steps.length < 2) return null;
  return round(steps.at(-1).heapPerAddedParticipant / steps[0].heapPerAddedParticipant, 2);
}

async function rosterGrowth(sizes, { rate, seconds }, log) {
  const ctx = await openRosterPage({ gc: true });
  const rows = [];
  try {
    const heapEmpty = await ctx.page.evaluate(() => globalThis.benchApi.heap());
    for (const n of sizes) {
      const joined = await join(ctx, n);
      if (!joined.pass) throw new Error(`join of ${n}: not one emission per plugin`);
      const heap = await ctx.page.evaluate(() => globalThis.benchApi.heap());
      const s = await streamUpdates(ctx, { rate, seconds });
      rows.push({
        participants: joined.rosterLength,
        updates: s.toMenu?.n ?? 0,
        medianMs: s.toMenu?.median ?? null,
        p99Ms: s.toMenu?.p99 ?? null,
        toCallbacksMedianMs: s.toCallbacks?.median ?? null,
        heapBytes: heap,
      });
      log(`growth: ${joined.rosterLength} participants: update median ${s.toMenu?.median} ms, p99 ${s.toMenu?.p99} ms; heap ${heap}`);
      await ctx.page.evaluate(() => globalThis.benchApi.leave());
    }
    for (const row of rows) row.heapPerParticipant = heapEmpty === null ? null : round((row.heapBytes - heapEmpty) / row.participants, 1);
    addHeapMarginals(rows);
    const first = rows[0];
    const last = rows.at(-1);
    const k = exponent(first.participants, first.medianMs, last.participants, last.medianMs);
    const heapK = heapEmpty === null ? null : heapGrowthRatio(rows);
    return {
      rate,
      seconds,
      heapEmptyBytes: heapEmpty,
      rows,
      update: { exponent: k, growth: growthOf(k), pass: k <= LINEAR },
      heap: heapK === null ? null : { marginalRatio: heapK, growth: growthOf(heapK), pass: heapK <= LINEAR },
    };
  } finally {
    await ctx.close();
  }
}

export async function run({ pluginCounts = [10, 30, 100], pairsPerCount = 4, sizes = [100, 1000, 10_000], rate = 200, seconds = 3, log = console.log } = {}) {
  const startup = await startupGrowth(pluginCounts, pairsPerCount, log);
  const roster = await rosterGrowth(sizes, { rate, seconds }, log);
  return { linearExponent: LINEAR, startup, roster, pass: startup.pass && roster.update.pass && (roster.heap?.pass ?? true) };
}

export function markdown(r) {
  const s = r.startup;
  const ro = r.roster;
  addHeapMarginals(ro.rows);
  const heapRatio = heapGrowthRatio(ro.rows);
  const verdictOf = (g) => `k = ${g.exponent}: **${g.growth}**`;
  return [
    `Growth is read from the exponent k of cost ∝ size^k between the smallest and the largest size: k ≤ ${r.linearExponent} is linear or better (k ≤ 0.9 better than linear). ` +
      'Absolute figures come from a busy machine as often as not; the ratios between sizes, measured minutes apart in one run, are what this table is for.',
    '',
    `### Start-up per plugin (0 ms latency, interleaved pairs, each load a Chromium of its own with no DevTools attached, medians)`,
    '',
    table(
      ['plugins', 'host ms', 'host ms per plugin', 'host ms per added plugin', 'baseline ms', 'baseline ms per plugin', 'baseline ms per added plugin', 'paired A/B median'],
      s.rows.map((x) => [x.plugins, x.hostMs, x.hostPerPlugin, x.hostMarginal ?? '—', x.baselineMs, x.baselinePerPlugin, x.baselineMarginal ?? '—', `${x.pairedRatio}×`]),
    ),
    '',
    `Host: ${verdictOf(s)} (baseline k = ${s.baselineExponent}).`,
    '',
    `### Update cost and heap by participants (${ro.rate} updates a second for ${ro.seconds} s through the Infinity connection, 20 plugins, a participant menu open)`,
    '',
    table(
      ['participants', 'updates timed', 'median ms (to the menu rendered)', 'p99 ms', 'median ms to the last plugin callback', 'JS heap bytes after GC', 'heap bytes per participant (over the empty page)', 'heap bytes per added participant'],
      ro.rows.map((x) => [
        x.participants.toLocaleString('en'),
        x.updates,
        x.medianMs,
        x.p99Ms,
        x.toCallbacksMedianMs,
        x.heapBytes?.toLocaleString('en') ?? '—',
        x.heapPerParticipant ?? '—',
        x.heapPerAddedParticipant ?? '—',
      ]),
    ),
    '',
    `Per update: ${verdictOf(ro.update)} in the participant count (k = 1 would be a cost proportional to the roster: a full copy or walk per update).` +
      (heapRatio !== null
        ? ` Heap: the last step's bytes per added participant over the first step's = ${heapRatio}: **${growthOf(heapRatio)}** (1 is linear). The bytes per participant over the page with no conference (${ro.heapEmptyBytes.toLocaleString('en')} bytes) fall with size only because a connection has a fixed cost.`
        : ''),
  ].join('\n');
}
