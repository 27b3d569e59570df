/**
 * Interleaved pairs, as the start-up benchmarks time a host against its baseline: A and B
 * loaded back to back, the order alternating so that drift hits both alike, and the ratio A/B
 * of each pair; then the figures every such benchmark records.
 */
import { percentile, summarize } from './stats.mjs';

const round = (x, d = 2) => (typeof x === 'number' ? Number(x.toFixed(d)) : null);

/**
 * `load('A')` and `load('B')` resolve to results with a time `t`; `warmup` pairs first are not
 * kept. Returns the kept results of each side and the ratio of each pair.
 */
export async function interleavedPairs(load, { count, warmup = 1 }) {
  const a = [];
  const b = [];
  const ratios = [];
  for (let i = 0; i < warmup + count; i++) {
    const pair = {};
    for (const which of i % 2 ? ['B', 'A'] : ['A', 'B']) pair[which] = await load(which);
    if (i < warmup) continue;
    a.push(pair.A);
    b.push(pair.B);
    ratios.push(pair.A.t / pair.B.t);
  }
  return { a, b, ratios };
}

/**
 * What a benchmark records of a set of pairs: each side's times, the paired ratios (their
 * summary, median and p90, the figures the budgets judge), the ratio of the medians (for
 * reference only) and every sample.
 */
export function pairedFigures({ a, b, ratios }) {
  const host = summarize(a.map((r) => r.t), 2);
  const baseline = summarize(b.map((r) => r.t), 2);
  const pairedRatio = summarize(ratios, 3);
  return {
    pairs: ratios.length,
    host,
    baseline,
    pairedRatio,
    pairedMedian: pairedRatio.median,
    pairedP90: round(percentile(ratios, 90), 3),
    ratioOfMedians: round(host.median / baseline.median, 3),
    samples: { host: a.map((r) => round(r.t)), baseline: b.map((r) => round(r.t)), ratios: ratios.map((x) => round(x, 3)) },
  };
}

/** The median of `f` over the results that have it (a timeline phase may be missing). */
export const medianOf = (list, f) => summarize(list.map(f).filter((x) => typeof x === 'number'), 2).median;
