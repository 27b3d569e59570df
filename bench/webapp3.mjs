/**
 * Start-up of 30 Web App 3 plugins against 30 bare sandboxed frames. A
 * (`pages/webapp3-host.html`): the drop-in loaded, then timed from appending
 * `<pex-plugin-host branding-url=...>` (a manifest.json listing 30 plugins, an empty
 * settings.json) to `host.plugins` listing all 30 `loaded` (each frame's `registerPlugin`
 * answered) and each plugin's toolbar button drawn in the host's toolbar. Each plugin is a page whose module script is written with the real
 * `@pexip/plugin-api`, bundled once with esbuild when the benchmark starts (one bundle shared by
 * every frame, each page telling its id by `?id=pN`). B (`pages/webapp3-baseline.html`): the same
 * page, 30 bare `<iframe sandbox="allow-scripts">` entering it at once, each page's script file
 * posting one message; done when all 30 arrived. Interleaved pairs (order alternating), each
 * load a Chromium of its own with no DevTools attached (lib/no-devtools.mjs), at 0 and 20 ms
 * per request; the ratio of each pair, its median and p90; the same with DevTools attached, for
 * comparison. Then the weight of the frame host: the Web App 3 chunks' gzip -9 size and
 * when they are fetched (never for a branding without Web App 3 plugins, resource timing says).
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { tempFolder, writeBrandingFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table, verdict } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { interleavedPairs, pairedFigures, medianOf } from './lib/pairs.mjs';
import { profileLoads } from './lib/profile.mjs';
import { noDevtoolsLoader } from './lib/no-devtools.mjs';
import { pluginSource } from './startup.mjs';

export const name = 'webapp3';
export const title = '30 Web App 3 plugins ready (budget: paired median within 1.25× of 30 bare sandboxed frames)';

const BUDGET = { median: 1.25 };
const BRANDING_ID = '1700000000999';
const BUNDLE_PREFIX = '/webapp3-bundle/';

/** The moments each page reports (pages/webapp3-common.js `moments`), in the order they come. */
const MOMENTS = ['framesIn', 'firstMessage', 'firstSyn', 'lastSyn', 'lastMessage'];
/** Their medians over `loads` (a moment a page has not, such as B's handshakes, is null). */
const momentsOf = (loads) =>
  Object.fromEntries(MOMENTS.map((name) => [name, loads.some((r) => typeof r.moments?.[name] === 'number') ? medianOf(loads, (r) => r.moments?.[name]) : null]));

const round = (x, d = 2) => (typeof x === 'number' ? Number(x.toFixed(d)) : null);
const gzip9 = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The plugin of every frame, bundled with esbuild into `dir` (minified, as plugins ship). */
export async function bundlePlugin(dir) {
  await mkdir(dir, { recursive: true });
  const outfile = path.join(dir, 'webapp3-plugin.js');
  await build({
    entryPoints: [path.join(BENCH_DIR, 'pages', 'webapp3-plugin.src.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile,
    logLevel: 'silent',
  });
  const bytes = await readFile(outfile);
  return { bytes: bytes.length, gzip9: gzip9(bytes) };
}

/** branding/webapp3-<n>/: manifest.json listing `n` Web App 3 plugins (pages/webapp3-plugin.html?id=pN), settings.json with none. */
async function writeWebapp3Branding(dir, n) {
  const folder = path.join(dir, `webapp3-${n}`);
  await mkdir(folder, { recursive: true });
  const plugins = Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, src: `../../pages/webapp3-plugin.html?id=p${i + 1}` }));
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(path.join(folder, 'manifest.json'), json({ brandingID: BRANDING_ID, isSettingsBranded: true, plugins }));
  await writeFile(path.join(folder, 'settings.json'), json({ plugins: [] }));
}

/** One load of a page; its result (times in ms from the page's t0). */
async function loadOnce(browser, url, expected) {
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

/** A load's result, when it is a whole one: every plugin loaded and every button drawn. */
function checked(url, result, expected) {
  if (result.error) throw new Error(`${url}: ${result.error}`);
  if (result.loaded !== expected) throw new Error(`${url}: ${result.loaded} of ${expected} plugins (${(result.failed ?? []).join('; ')})`);
  const wantedButtons = Number(new URL(url).searchParams.get('buttons') ?? expected);
  if (result.buttons !== undefined && result.buttons < wantedButtons) throw new Error(`${url}: ${result.buttons} of ${wantedButtons} toolbar buttons`);
  return result;
}

/**
 * Interleaved pairs of `first` (host, A, or the minimal host, C) and baseline (B) loads; the
 * ratio first/B of each pair.
 */
function pairs(load, origin, n, { count, warmup, first = 'webapp3-host' }) {
  const page = { A: `${origin}/pages/${first}.html?n=${n}&brandingID=${BRANDING_ID}`, B: `${origin}/pages/webapp3-baseline.html?n=${n}&brandingID=${BRANDING_ID}` };
  return interleavedPairs((which) => load(page[which]), { count, warmup });
}


/**
 * Which dist/ files a host fetches for a branding without Web App 3 plugins (one webapp2
 * plugin) and for one with them, each page left a second after settling; the Web App 3 chunks'
 * sizes, and the files only the second fetched (the chunks and what they import).
 */
async function chunkCheck(browser, origin, n) {
  const load = async (branding, expected) => {
    // The webapp2 plugin has no menu item: no button to wait for.
    const buttons = branding === 'webapp2-only' ? 0 : expected;
    const r = await loadOnce(browser, `${origin}/pages/webapp3-host.html?branding=${branding}&n=${expected}&buttons=${buttons}&linger=1000`, expected);
    return r;
  };
  const without = await load('webapp2-only', 1);
  const withW3 = await load(`webapp3-${n}`, n);
  // The Web App 3 chunks (dist/webapp3-*.js): the ones the drop-in imports (dist/ may still hold
  // older builds' chunks beside them) that the Web App 3 branding fetched.
  const dropIn = await readFile(path.join(REPO_DIR, 'dist', 'pex-plugin-host.js'), 'utf8');
  const referenced = [...new Set(dropIn.match(/\bwebapp3-[\w-]+\.js/g) ?? [])];
  const chunkFiles = referenced.filter((file) => withW3.distFiles.some((f) => f.file === file));
  const sizeOf = async (file) => {
    const bytes = await readFile(path.join(REPO_DIR, 'dist', file));
    return { file, bytes: bytes.length, gzip9: gzip9(bytes) };
  };
  const before = new Set(without.distFiles.map((f) => f.file));
  const extra = await Promise.all(withW3.distFiles.filter((f) => !before.has(f.file)).map((f) => sizeOf(f.file)));
  const chunks = await Promise.all(chunkFiles.map(sizeOf));
  return {
    chunks,
    chunksGzip9: chunks.reduce((sum, c) => sum + c.gzip9, 0),
    withoutWebapp3: { branding: 'one webapp2 plugin, no manifest plugins', fetched: without.distFiles.map((f) => f.file), fetchedChunk: without.distFiles.some((f) => /^webapp3-/.test(f.file)) },
    withWebapp3: {
      branding: `${n} Web App 3 plugins`,
      fetched: withW3.distFiles.map((f) => f.file),
      fetchedChunk: chunkFiles.length > 0,
      // Web App 3 chunks the drop-in imports that were not fetched by the time the host settled (lazier ones).
      notFetched: referenced.filter((file) => !chunkFiles.includes(file)),
      // ms from t0 (the host appended): first dist/ request started -> last answer in.
      chunkFetch: withW3.timeline.chunks,
    },
    onlyWithWebapp3: extra,
    onlyWithWebapp3Gzip9: extra.reduce((sum, c) => sum + c.gzip9, 0),
    pass: chunkFiles.length > 0 && !without.distFiles.some((f) => /^webapp3-/.test(f.file)),
  };
}

/** Kind of a profiled function, by where its code lives. */
function kindOf(fn) {
  if (fn.startsWith('(idle)')) return 'idle';
  if (fn.startsWith('(program)')) return 'program';
  if (fn.startsWith('(garbage collector)')) return 'gc';
  if (fn.includes('/dist/')) return 'dropIn';
  if (fn.includes(BUNDLE_PREFIX)) return 'plugins';
  if (fn.includes('/pages/')) return 'page';
  return 'native';
}

/** A sampled CPU profile (50 µs) of loads of a page: main-thread time by kind and the top self time, ms per load. */
async function profilePage(browser, url, runs) {
  const { runs: n, doneMs, kinds, self } = await profileLoads(browser, url, runs, {
    kinds: ['idle', 'program', 'gc', 'dropIn', 'plugins', 'page', 'native'],
    kindOf,
  });
  return { runs: n, doneMs, kinds, self: self.map(({ fn, kind, ms }) => ({ fn, kind, ms })) };
}

/**
 * The Web App 3 pages' files in a temporary folder (the plugin bundle, branding/webapp3-<plugins>/
 * and branding/webapp2-only/) and the server of them, dist/ and pages/; `close()` ends both.
 */
export async function webapp3Fixtures({ plugins = 30, latencyMs = 0, dist = path.join(REPO_DIR, 'dist') } = {}) {
  const fixtures = await tempFolder();
  const brandingDir = path.join(fixtures.dir, 'branding');
  const bundleDir = path.join(fixtures.dir, 'bundle');
  const bundle = await bundlePlugin(bundleDir);
  await writeWebapp3Branding(brandingDir, plugins);
  await writeBrandingFolder(path.join(brandingDir, 'webapp2-only'), [{ id: 'bench-plugin-01', name: 'Bench plugin 1', source: pluginSource('bench-plugin-01', 1) }], { brandingID: BRANDING_ID });
  const server = await startServer({
    latencyMs,
    mounts: { '/dist/': dist, '/branding/': brandingDir, '/pages/': path.join(BENCH_DIR, 'pages'), [BUNDLE_PREFIX]: bundleDir },
    crossOrigin: [BUNDLE_PREFIX],
  });
  return {
    bundle,
    server,
    close: async () => {
      await server.close();
      await fixtures.remove();
    },
  };
}

export async function run({ pairsPerSetting = 20, minimalPairs = 10, attachedPairs = 10, noiseFloor = true, warmup = 1, latencies = [0, 20], plugins = 30, profileRuns = 2, log = console.log } = {}) {
  const fixtures = await webapp3Fixtures({ plugins });
  const { bundle, server } = fixtures;
  log(`webapp3: plugin bundle ${bundle.bytes} bytes (${bundle.gzip9} gzip -9), shared by all ${plugins} frames`);
  const browser = await launchBrowser();
  // The budget's loads run with no DevTools attached, as a user's browser runs them; the
  // attached ones (puppeteer) are shown beside them, and give the chunk check and the profiles.
  const detached = await noDevtoolsLoader();
  const load = (url) => detached.load(url).then((result) => checked(url, result, plugins));
  const loadAttached = (url) => loadOnce(browser, url, plugins);
  const settings = [];
  let weight;
  let profile;
  try {
    for (const latencyMs of latencies) {
      server.latencyMs = latencyMs;
      const measured = await pairs(load, server.origin, plugins, { count: pairsPerSetting, warmup });
      const { a, b } = measured;
      const figures = pairedFigures(measured);
      const entry = {
        plugins,
        latencyMs,
        ...figures,
        pass: figures.pairedMedian <= BUDGET.median,
        hostTimeline: {
          brandingStart: medianOf(a, (r) => r.timeline.branding?.firstStart),
          brandingEnd: medianOf(a, (r) => r.timeline.branding?.lastEnd),
          chunkStart: medianOf(a, (r) => r.timeline.chunks?.firstStart),
          chunkEnd: medianOf(a, (r) => r.timeline.chunks?.lastEnd),
          framesStart: medianOf(a, (r) => r.timeline.frames?.firstStart),
          framesEnd: medianOf(a, (r) => r.timeline.frames?.lastEnd),
          moments: momentsOf(a),
          done: figures.host.median,
        },
        baselineTimeline: {
          framesStart: medianOf(b, (r) => r.timeline.frames?.firstStart),
          framesEnd: medianOf(b, (r) => r.timeline.frames?.lastEnd),
          moments: momentsOf(b),
          done: figures.baseline.median,
        },
      };
      if (minimalPairs > 0) {
        // The reference C (pages/webapp3-minimal.html): how much of the ratio the plugins
        // themselves take, whatever the host; information, not the budget.
        const minimalLoads = await pairs(load, server.origin, plugins, { count: minimalPairs, warmup, first: 'webapp3-minimal' });
        const minimal = pairedFigures(minimalLoads);
        entry.minimal = { pairs: minimal.pairs, median: minimal.host.median, baselineMedian: minimal.baseline.median, pairedMedian: minimal.pairedMedian, pairedP90: minimal.pairedP90, moments: momentsOf(minimalLoads.a) };
        log(`webapp3: ${latencyMs} ms: minimal host C/B paired median ${minimal.pairedMedian}, p90 ${minimal.pairedP90} (${minimal.pairs} pairs)`);
      }
      if (noiseFloor) {
        // The bare frames against themselves (an A/A control): the ratios' noise with no host.
        const control = pairedFigures(await pairs(load, server.origin, plugins, { count: pairsPerSetting, warmup, first: 'webapp3-baseline' }));
        entry.baselineAgainstItself = { pairs: control.pairs, pairedMedian: control.pairedMedian, pairedP90: control.pairedP90, min: control.pairedRatio.min, max: control.pairedRatio.max };
        log(`webapp3: ${latencyMs} ms: the bare frames against themselves: paired median ${control.pairedMedian}, p90 ${control.pairedP90}`);
      }
      if (attachedPairs > 0) {
        // The same pairs with DevTools attached (how this benchmark measured before): not the budget.
        const attached = pairedFigures(await pairs(loadAttached, server.origin, plugins, { count: attachedPairs, warmup }));
        entry.attached = { pairs: attached.pairs, median: attached.host.median, baselineMedian: attached.baseline.median, pairedMedian: attached.pairedMedian, pairedP90: attached.pairedP90 };
        log(`webapp3: ${latencyMs} ms: with DevTools attached: A/B paired median ${attached.pairedMedian}, p90 ${attached.pairedP90} (A ${attached.host.median} ms, B ${attached.baseline.median} ms)`);
      }
      log(`webapp3: ${plugins} plugins, ${latencyMs} ms: host median ${figures.host.median} ms, baseline ${figures.baseline.median} ms; paired A/B median ${entry.pairedMedian}, p90 ${entry.pairedP90} (${entry.pairs} pairs)`);
      settings.push(entry);
    }
    server.latencyMs = 0;
    weight = await chunkCheck(browser, server.origin, plugins);
    log(
      `webapp3: chunks ${weight.chunks.map((c) => `${c.file} ${c.gzip9}`).join(', ')} bytes gzip -9 (all files only a Web App 3 branding fetches: ${weight.onlyWithWebapp3Gzip9}); fetched without Web App 3 plugins: ${weight.withoutWebapp3.fetchedChunk}, with: ${weight.withWebapp3.fetchedChunk}`,
    );
    if (profileRuns > 0) {
      profile = {
        host: await profilePage(browser, `${server.origin}/pages/webapp3-host.html?n=${plugins}`, profileRuns),
        baseline: await profilePage(browser, `${server.origin}/pages/webapp3-baseline.html?n=${plugins}&brandingID=${BRANDING_ID}`, profileRuns),
      };
    }
  } finally {
    await browser.close();
    await detached.close();
    await fixtures.close();
  }
  return {
    budget: { ...BUDGET, note: 'the median of the per-pair ratios A/B (host over bare frames, each pair loaded back to back) ≤ 1.25; p90 shown' },
    plugins,
    pairsPerSetting,
    warmupPairs: warmup,
    pluginBundle: bundle,
    server: 'node:http on 127.0.0.1, HTTP/1.1, files byte for byte, cache-control: no-store, the plugin bundle with Access-Control-Allow-Origin: *; latency = a delay before each answer',
    settings,
    weight,
    profile,
    pass: settings.every((s) => s.pass) && !!weight?.pass,
  };
}

/**
 * The moments of each page's loads (medians, ms from t0), A beside C (the minimal host) and B:
 * where along the way the host falls behind, from the pages' own clocks (no tracer, no profiler).
 */
function momentsText(r) {
  const cell = (x) => (typeof x === 'number' ? round(x, 1) : '—');
  const row = (latency, page, m, done) => [latency, page, ...MOMENTS.map((name) => cell(m?.[name])), cell(done)];
  const rows = r.settings.flatMap((s) => [
    row(`${s.latencyMs} ms`, 'A (host)', s.hostTimeline.moments, s.hostTimeline.done),
    ...(s.minimal?.moments ? [row(`${s.latencyMs} ms`, 'C (minimal host)', s.minimal.moments, s.minimal.median)] : []),
    row(`${s.latencyMs} ms`, 'B (bare frames)', s.baselineTimeline.moments, s.baselineTimeline.done),
  ]);
  if (!r.settings.some((s) => s.hostTimeline.moments)) return [];
  const stretch = (m, done) => ({
    toFrames: m.framesIn,
    framesToHandshake: m.firstSyn - m.framesIn,
    handshakes: m.lastSyn - m.firstSyn,
    lastHandshakeToDone: done - m.lastSyn,
  });
  const stretchRows = r.settings
    .filter((s) => s.minimal?.moments)
    .flatMap((s) => {
      const a = stretch(s.hostTimeline.moments, s.hostTimeline.done);
      const c = stretch(s.minimal.moments, s.minimal.median);
      return [[`${s.latencyMs} ms`, ...Object.keys(a).map((k) => `${cell(a[k])} / ${cell(c[k])} (${a[k] - c[k] >= 0 ? '+' : ''}${cell(a[k] - c[k])})`)]];
    });
  return [
    '',
    "The moments of the loads, from each page's own clock (medians, ms from t0): the frames' insertion seen done (the host's, by a MutationObserver on its shadow root; C's and B's, after their own insertion), the first message from a frame, the first and last handshake (`syn`; B's frames post no handshake, only one message each), the last message (A's and C's: a plugin's `ui:button:add`), and done. Heard in the capture phase, before the page or the host handles a message.",
    '',
    table(['latency', 'page', 'frames in', 'first message', 'first handshake', 'last handshake', 'last message', 'done'], rows),
    '',
    ...(stretchRows.length
      ? [
          'A against C, stretch by stretch (A / C (A − C), medians of the moments above): t0 to the frames in; the frames in to the first handshake (their pages load, their scripts run); the first to the last handshake; the last handshake to done (the last plugins\' buttons asked for, answered and drawn).',
          '',
          table(['latency', 't0 → frames in', 'frames in → first handshake', 'first → last handshake', 'last handshake → done'], stretchRows),
        ]
      : []),
  ];
}

export function markdown(r) {
  const rows = r.settings.map((s) => [
    s.plugins,
    `${s.latencyMs} ms`,
    s.pairs,
    `${s.host.median} / ${s.host.p90}`,
    `${s.baseline.median} / ${s.baseline.p90}`,
    `**${s.pairedMedian}×** / ${s.pairedP90}×`,
    `${s.pairedRatio.min} – ${s.pairedRatio.max}`,
    `${s.ratioOfMedians}×`,
    `≤ ${r.budget.median}×`,
    verdict(s.pass),
  ]);
  const span = (x, y) => (typeof x === 'number' ? `${x} → ${y}` : '—');
  const timelineRows = r.settings.flatMap((s) => [
    [`${s.latencyMs} ms`, 'A (host)', span(s.hostTimeline.brandingStart, s.hostTimeline.brandingEnd), span(s.hostTimeline.chunkStart, s.hostTimeline.chunkEnd), span(s.hostTimeline.framesStart, s.hostTimeline.framesEnd), s.hostTimeline.done],
    [`${s.latencyMs} ms`, 'B (bare frames)', '—', '—', span(s.baselineTimeline.framesStart, s.baselineTimeline.framesEnd), s.baselineTimeline.done],
  ]);
  const w = r.weight;
  const weightText = w
    ? [
        '',
        '### Weight of the frame host',
        '',
        `The Web App 3 chunks (the \`dist/webapp3-*.js\` files the drop-in imports, fetched by the time the host settled${w.withWebapp3.notFetched?.length ? `; not fetched: ${w.withWebapp3.notFetched.join(', ')}` : ''}): ${w.chunks.map((c) => `\`${c.file}\` ${c.gzip9}`).join(', ')}, **${w.chunksGzip9} bytes gzip -9**; with what they import, the files only a Web App 3 branding fetches: **${w.onlyWithWebapp3Gzip9} bytes gzip -9**. ` +
          `A host whose branding has no Web App 3 plugins (${w.withoutWebapp3.branding}) fetched them: **${w.withoutWebapp3.fetchedChunk ? 'yes' : 'no'}**; ` +
          `one whose branding lists ${r.plugins}: **${w.withWebapp3.fetchedChunk ? 'yes' : 'no'}**, from ${round(w.withWebapp3.chunkFetch?.firstStart, 1)} to ${round(w.withWebapp3.chunkFetch?.lastEnd, 1)} ms after the host was appended (resource timing of each page, left a second after settling) ${verdict(w.pass)}.`,
        '',
        'The dist/ files only the Web App 3 branding fetched:',
        '',
        table(['file', 'bytes', 'gzip -9'], [...w.onlyWithWebapp3.map((f) => [`\`${f.file}\``, f.bytes, f.gzip9]), ['total', w.onlyWithWebapp3.reduce((sum, f) => sum + f.bytes, 0), w.onlyWithWebapp3Gzip9]]),
        '',
        `The plugin of every frame (\`pages/webapp3-plugin.src.mjs\`, \`@pexip/plugin-api\` bundled and minified by esbuild): ${r.pluginBundle.bytes} bytes, ${r.pluginBundle.gzip9} gzip -9, fetched by each frame.`,
      ].join('\n')
    : '';
  const p = r.profile;
  const kinds = ['program', 'gc', 'dropIn', 'plugins', 'page', 'native', 'idle'];
  const fn = (f) => `\`${f.fn.replace(/^(\S*) .*\/([^/]+)$/, '$1 $2')}\``;
  const profileText = p
    ? [
        '',
        `### Where the main thread's time goes (${r.plugins} plugins, 0 ms latency)`,
        '',
        `Sampled CPU profiles (50 µs), ${p.host.runs} loads of each page, ms per load from navigation (the drop-in's own load included; the frames run in the same renderer, so their pages' work is here too). ` +
          `Done at ${p.host.doneMs} ms (A) and ${p.baseline.doneMs} ms (B) from t0 in these loads. By kind (dropIn = dist/ code, whose self time includes the DOM work it calls, such as inserting the frames; plugins = the bundle's code in the frames; page = the bench page's, B's frame insertion included):`,
        '',
        table(['page', ...kinds], [['A (host)', ...kinds.map((k) => p.host.kinds[k])], ['B (bare frames)', ...kinds.map((k) => p.baseline.kinds[k])]]),
        '',
        'The most self time, A:',
        '',
        table(['function (file:line:col)', 'kind', 'self ms per load'], p.host.self.map((f) => [fn(f), f.kind, f.ms])),
        '',
        'B:',
        '',
        table(['function (file:line:col)', 'kind', 'self ms per load'], p.baseline.self.map((f) => [fn(f), f.kind, f.ms])),
      ].join('\n')
    : '';
  return [
    `${r.plugins} Web App 3 plugins (each a page whose module script registers with the real \`@pexip/plugin-api\`, one esbuild bundle shared by all) against ${r.plugins} bare sandboxed frames (\`sandbox="allow-scripts"\`, a script file posting one message). ` +
      `${r.pairsPerSetting} interleaved pairs per setting after ${r.warmupPairs} warm-up pair, the order alternating. ` +
      'Each load is a Chromium process of its own started with the page (fresh profile, so no cache), with no DevTools attached: the page reports its result itself (`lib/no-devtools.mjs`). With DevTools attached, every frame\'s context and every console call (`@pexip/plugin-api` logs each message its page receives) are reported to the client as the page runs, which slows every page; those figures are below, for comparison with the runs before. ' +
      'A: from appending `<pex-plugin-host branding-url=...>` (the drop-in already loaded; manifest.json lists the plugins, settings.json none) to `host.plugins` listing all of them `loaded` (each frame\'s `registerPlugin` answered) and each plugin\'s toolbar button (`ui.addButton`) drawn in the host\'s `<pex-toolbar>`. ' +
      `B: the same page, from the same quiet moment, the frames inserted at once, to the last message in; a message counts when it comes from the window of the frame it names, read then (since 5e18fc8, when the host stopped reading windows early; before, the page read every frame's window as it inserted them, which costs each frame a script context for its first, empty document and made B about 8% slower in 12 pairs). ${r.server}.`,
    '',
    `Budget: ${r.budget.note}. The ratio of the medians is shown for reference only.`,
    '',
    table(['plugins', 'latency', 'pairs', 'A ms median / p90', 'B ms median / p90', 'paired A/B median / p90', 'paired min – max', 'A/B of medians (info)', 'budget', 'result'], rows),
    '',
    ...(r.settings.some((s) => s.baselineAgainstItself)
      ? [
          'The bare frames against themselves (an A/A control: B loaded twice per pair, interleaved, in the same run): what the paired ratios show with no host at all, the noise of one load against the next.',
          '',
          table(
            ['latency', 'pairs', 'B/B paired median / p90', 'B/B min – max', 'A/B (the host) median / p90, above'],
            r.settings
              .filter((s) => s.baselineAgainstItself)
              .map((s) => {
                const c = s.baselineAgainstItself;
                return [`${s.latencyMs} ms`, c.pairs, `${c.pairedMedian}× / ${c.pairedP90}×`, `${c.min} – ${c.max}`, `**${s.pairedMedian}×** / ${s.pairedP90}×`];
              }),
          ),
          '',
        ]
      : []),
    ...(r.settings.some((s) => s.attached)
      ? [
          'The same pairs with DevTools attached (puppeteer, a fresh browser context per load, HTTP cache off; how this benchmark measured before): not the budget, since a user\'s browser has no DevTools attached.',
          '',
          table(
            ['latency', 'pairs', 'A ms median', 'B ms median', 'paired A/B median / p90', 'without DevTools, above'],
            r.settings.filter((s) => s.attached).map((s) => [`${s.latencyMs} ms`, s.attached.pairs, s.attached.median, s.attached.baselineMedian, `${s.attached.pairedMedian}× / ${s.attached.pairedP90}×`, `**${s.pairedMedian}×** / ${s.pairedP90}×`]),
          ),
          '',
        ]
      : []),
    ...(r.settings.some((s) => s.minimal)
      ? [
          "For reference, not the budget: C (`pages/webapp3-minimal.html`), the least any host of these plugins must do in plain script (fetch manifest.json and settings.json, insert the frames at once, answer each `syn` and `ui:button:add`, draw a `<button>` per button; no checks, no conference state), with A's plugins, in its own interleaved pairs against B. C/B is what the plugins themselves cost beside bare frames; the budget leaves the host the rest.",
          '',
          table(
            ['latency', 'pairs', 'C ms median', 'B ms median', 'paired C/B median / p90'],
            r.settings.filter((s) => s.minimal).map((s) => [`${s.latencyMs} ms`, s.minimal.pairs, s.minimal.median, s.minimal.baselineMedian, `**${s.minimal.pairedMedian}×** / ${s.minimal.pairedP90}×`]),
          ),
          '',
        ]
      : []),
    "Medians of the parent page's resource timeline (ms from t0; first request started → last answer in; a frame counts as its page's navigation, its script is the frame's own):",
    '',
    table(['latency', 'page', 'manifest + settings', 'dist chunks', 'frame pages', 'done'], timelineRows),
    '',
    'Where the host is later than the bare frames (A − B of the medians above, ms): what it spends before its first frame (the branding, then the chunks, which import more chunks) against what it spends after.',
    '',
    table(
      ['latency', 'first frame requested', 'last frame page in', 'done', 'share of the gap before the first frame'],
      r.settings.map((s) => {
        const before = s.hostTimeline.framesStart - s.baselineTimeline.framesStart;
        const gap = s.hostTimeline.done - s.baselineTimeline.done;
        const signed = (x) => `${x >= 0 ? '+' : ''}${round(x, 1)}`;
        return [`${s.latencyMs} ms`, signed(before), signed(s.hostTimeline.framesEnd - s.baselineTimeline.framesEnd), signed(gap), gap > 0 ? `${Math.round((100 * before) / gap)} %` : '—'];
      }),
    ),
    ...momentsText(r),
    weightText,
    profileText,
  ].join('\n');
}
