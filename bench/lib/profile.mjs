/**
 * A sampled CPU profile (the DevTools protocol's Profiler) of whatever `during()` makes the
 * page do, summed by function: self time and total (inclusive) time, with a snippet of the
 * code at each function's start so that minified functions can be told apart.
 */
import { readFile } from 'node:fs/promises';
import { freshPage } from './browser.mjs';

/**
 * @param {import('puppeteer-core').Page} page
 * @param {() => Promise<void>} during
 * @param {{ intervalUs?: number, sources?: Record<string, string>, top?: number }} [options]
 *   sources: URL suffix -> file on disk, for snippets.
 */
export async function profileFunctions(page, during, { intervalUs = 25, sources = {}, top = 15 } = {}) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  try {
    await during();
  } finally {
    var { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
  }
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
    const leaf = nodes.get(profile.samples[i]);
    all += dt;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = key(nodes.get(id));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const texts = {};
  for (const [suffix, file] of Object.entries(sources)) texts[suffix] = (await readFile(file, 'utf8')).split('\n');
  const snippet = (k) => {
    const m = /^(.*) (\S+):(\d+):(\d+)$/.exec(k);
    if (!m) return '';
    const suffix = Object.keys(texts).find((s) => m[2].endsWith(s));
    if (!suffix) return '';
    const line = texts[suffix][Number(m[3]) - 1] ?? '';
    return line.slice(Number(m[4]) - 1, Number(m[4]) - 1 + 90);
  };
  const list = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ fn: k.replace(/http:\/\/127\.0\.0\.1:\d+/, ''), ms: Number(ms.toFixed(2)), share: Number((ms / all).toFixed(3)), code: snippet(k) }));
  return { intervalUs, sampledMs: Number(all.toFixed(1)), self: list(self), total: list(total) };
}

/**
 * Sampled CPU profiles (50 µs) of `runs` loads of a bench page (one whose `benchDone` resolves
 * to its result, with its time `t`), each in a fresh browser context, summed and given as ms per
 * load: main-thread time by kind (`kindOf` of each function, one of `kinds`), the `selfTop`
 * functions with the most self time (idle left out) and the `inclusiveTop` ones by inclusive
 * time among those `inclusiveOf` picks.
 */
export async function profileLoads(browser, url, runs, { kinds, kindOf, sources = {}, selfTop = 12, inclusiveTop = 0, inclusiveOf = () => false }) {
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, 0]));
  const self = new Map();
  const inclusive = new Map();
  let sampled = 0;
  let done = 0;
  const add = (map, f) => {
    const entry = map.get(f.fn) ?? { fn: f.fn, ms: 0, code: f.code };
    entry.ms += f.ms;
    map.set(f.fn, entry);
  };
  for (let i = 0; i < runs; i++) {
    const { page, close } = await freshPage(browser);
    try {
      const profile = await profileFunctions(
        page,
        async () => {
          await page.goto(url, { waitUntil: 'domcontentloaded' });
          const r = await page.evaluate(() => globalThis.benchDone);
          if (r.error) throw new Error(r.error);
          done += r.t;
        },
        { intervalUs: 50, top: 2000, sources },
      );
      sampled += profile.sampledMs;
      for (const f of profile.self) {
        byKind[kindOf(f.fn)] += f.ms;
        add(self, f);
      }
      for (const f of profile.total.filter((t) => inclusiveOf(t.fn))) add(inclusive, f);
    } finally {
      await close();
    }
  }
  const per = (ms) => Number((ms / runs).toFixed(1));
  const top = (map, n) =>
    [...map.values()]
      .filter((f) => !f.fn.startsWith('(idle)'))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, n)
      .map((f) => ({ fn: f.fn.replace(/http:\/\/127\.0\.0\.1:\d+/, ''), kind: kindOf(f.fn), ms: per(f.ms), code: (f.code ?? '').slice(0, 80) }));
  return {
    runs,
    doneMs: per(done),
    sampledMs: per(sampled),
    kinds: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, per(v)])),
    self: top(self, selfTop),
    inclusive: top(inclusive, inclusiveTop),
  };
}
