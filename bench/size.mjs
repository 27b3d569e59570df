/**
 * Size. (1) In Chromium, a page with the drop-in and a one-plugin branding: the gzip -9 bytes
 * of every drop-in file (dist/) the page fetched by the time its first toolbar item rendered
 * and the host settled (a chunk every page loads at start counts), against 20 KB; then the
 * scenarios that load the rest, one by one (a template dialog, the settings page, a plugin that
 * misuses the API and throws, a broken branding file with its diagnostics, connectInfinity),
 * each lazy chunk with its size and the scenario that fetched it; the Infinity chunk against 7 KB. (2) The real cost of each part:
 * esbuild builds of components/index.ts with that part's modules replaced by empty modules,
 * the gzip of the start-up code with and without it; beside lit alone and rxjs alone (bundles
 * of just what the elements and the host import from them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createSimulator } from '../tools/infinity-simulator/simulator.mjs';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { tempFolder, writeBrandingFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table, verdict } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { startFunctionCoverage, stopFunctionCoverage } from './lib/coverage.mjs';

export const name = 'size';
export const title = 'Size: what a page loads before its first plugin renders (budget: 20 KB gzip; Infinity chunk 7 KB)';

/** KB read strictly as 1,000 bytes of gzip -9. */
const BUDGET = { startBytes: 20_000, infinityBytes: 7_000 };
const DIST = path.join(REPO_DIR, 'dist');
const DROP_IN = path.join(DIST, 'pex-plugin-host.js');

function gzip9(file) {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 2 ** 20 }).length;
  } catch {
    return gzipSync(readFileSync(file), { level: 9 }).length;
  }
}

async function sizes(file) {
  const bytes = await readFile(file);
  return { file: path.relative(REPO_DIR, file), raw: bytes.length, gzip9: gzip9(file) };
}

/** The imports of a built module, static and dynamic, without following them. */
async function importsOf(file) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'everything-external',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  const input = Object.values(result.metafile.inputs)[0];
  return input.imports.map((i) => ({ path: i.path, kind: i.kind }));
}

/** Every file of dist/ the drop-in can reach through imports, with how (static or dynamic) and from where. */
async function reachableChunks() {
  const seen = new Map([['pex-plugin-host.js', { from: null, kind: 'entry' }]]);
  const queue = ['pex-plugin-host.js'];
  while (queue.length) {
    const file = queue.shift();
    for (const imp of await importsOf(path.join(DIST, file))) {
      const target = path.basename(imp.path);
      if (!imp.path.startsWith('.') || seen.has(target) || !existsSync(path.join(DIST, target))) continue;
      seen.set(target, { from: file, kind: imp.kind });
      queue.push(target);
    }
  }
  return seen;
}

const SIZE_PLUGIN = `(function () {
  var state$ = window.PEX.pluginAPI.createNewState({ label: 'Size' });
  function openDialog() {
    window.PEX.pluginAPI.openTemplateDialog({ title: 'Size', body: '<p class="pex-dialog-content-message">Size</p>' });
  }
  function lock() {
    window.PEX.pluginAPI.sendRequest('lock');
  }
  PEX.pluginAPI.registerPlugin({ id: 'size-plugin', load: function () {}, unload: function () {}, openDialog: openDialog, lock: lock, state$: state$ });
})();
`;

/** The page with the drop-in in Chromium: what it fetched at start, and what each scenario fetched after. */
async function inChromium(log) {
  const fixtures = await tempFolder();
  await writeBrandingFolder(path.join(fixtures.dir, 'size'), [
    {
      id: 'size-plugin',
      name: 'Size plugin',
      source: SIZE_PLUGIN,
      menuItems: { toolbar: [{ label: 'Size', icon: null, action: 'openDialog' }, { label: 'Lock', icon: null, action: 'lock' }] },
    },
  ]);
  await writeBrandingFolder(path.join(fixtures.dir, 'size-throws'), [
    {
      id: 'size-throws',
      name: 'Size plugin that throws',
      source:
        "PEX.pluginAPI.registerPlugin({ id: 'size-throws', load: function () {" +
        " window.PEX.pluginAPI.openTemplateDialog({ title: 'Misuse', body: '<p>x</p><script>void 0</' + 'script>' });" +
        " throw new Error('size: thrown on purpose'); }, unload: function () {} });\n",
      menuItems: {},
    },
  ]);
  await writeBrandingFolder(path.join(fixtures.dir, 'size-broken'), []);
  await import('node:fs/promises').then((fs) => fs.writeFile(path.join(fixtures.dir, 'size-broken', 'settings.json'), '{ "plugins": [ { "id": "x", "srcURL": "x.json", } ]\n'));
  const simulator = createSimulator();
  const server = await startServer({
    mounts: { '/dist/': DIST, '/branding/': fixtures.dir, '/pages/': path.join(BENCH_DIR, 'pages') },
    simulator,
  });
  const browser = await launchBrowser();
  const { page, errors, close } = await freshPage(browser);
  page.setDefaultTimeout(60_000);
  try {
    const start = await startSizePage(page, server.origin, errors);
    const steps = [];
    for (const [step, label] of [
      ['templateDialog', 'a plugin opens a template dialog'],
      ['command', 'a plugin sends a conference command (`sendRequest`)'],
      ['settings', 'the settings page (`<pex-plugin-settings>`) appears'],
      ['pluginThrows', 'a plugin misuses the API (a `<script>` in a dialog body) and throws in load: the texts of plugin problems'],
      ['brokenBranding', 'a branding file that is not JSON (diagnostics, their long texts, the JSON explainer)'],
      ['connect', 'connectInfinity'],
    ]) {
      const r = await page.evaluate((s) => globalThis.benchApi[s](), step);
      steps.push({ step, label, t: r.t });
    }
    const scripts = await page.evaluate(() => globalThis.benchApi.scripts());
    const mine = scripts.filter((s) => new URL(s.url).pathname.startsWith('/dist/'));
    const plugins = scripts.filter((s) => new URL(s.url).pathname.startsWith('/branding/'));
    const fileOf = (s) => path.join(DIST, new URL(s.url).pathname.slice('/dist/'.length));
    const at = (s) => {
      if (s.start <= start.settled + 1000) return { when: s.end <= start.firstItem ? 'start, before the first toolbar item rendered' : 'start, after the first toolbar item rendered', trigger: 'start' };
      const step = [...steps].reverse().find((x) => s.start >= x.t);
      return { when: step ? step.label : 'unknown', trigger: step?.step ?? 'unknown' };
    };
    const fetched = [];
    for (const s of mine) fetched.push({ ...(await sizes(fileOf(s))), startMs: Number(s.start.toFixed(1)), endMs: Number(s.end.toFixed(1)), ...at(s) });
    log(`size: first toolbar item at ${start.firstItem.toFixed(0)} ms; ${fetched.length} drop-in files fetched in all`);
    const ran = await codeThatRan(browser, server.origin);
    log(`size: of the drop-in's functions, ${ran.ranRaw} of ${ran.raw} bytes ran by the time the host settled (${ran.ranGzip9} B of zlib level 9 on their own)`);
    return {
      ran,
      steps: steps.map((x) => ({ step: x.step, label: x.label, files: fetched.filter((f) => f.trigger === x.step).map((f) => f.file) })),
      firstItemMs: Number(start.firstItem.toFixed(1)),
      settledMs: Number(start.settled.toFixed(1)),
      fetched,
      pluginFiles: plugins.map((s) => new URL(s.url).pathname),
      pageErrors: errors.filter((e) => !/JSON|thrown on purpose|size-throws/.test(e)).slice(0, 10),
    };
  } finally {
    await close();
    await browser.close();
    simulator.close();
    await server.close();
    await fixtures.remove();
  }
}

/** Loads the size page and waits for its start (the first toolbar item, the host settled, a quiet second). */
async function startSizePage(page, origin, errors) {
  await page.goto(`${origin}/pages/size.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => globalThis.benchReady === true);
  const start = await page.evaluate(() => globalThis.benchApi.start());
  if (start.loaded !== 1) throw new Error(`the size plugin did not load: ${errors.join('; ')}`);
  return start;
}

/**
 * The same page again, in a fresh context, with V8's coverage on from the start: which of the
 * drop-in's functions ran by the time the host settled (and the quiet second after). Moving
 * every other function to a lazy chunk is the most any split could save.
 */
async function codeThatRan(browser, origin) {
  const { page, errors, close } = await freshPage(browser);
  try {
    await startFunctionCoverage(page);
    await startSizePage(page, origin, errors);
    return await stopFunctionCoverage(page, '/dist/pex-plugin-host.js', `${DROP_IN}.map`);
  } finally {
    await close();
  }
}

/** Parts of the code, as paths relative to the repository. */
const PARTS = [
  ['`<pex-toolbar>`', /^components\/toolbar(\/|\.ts$)/],
  ['`<pex-conference-menu>`', /^components\/conference-menu(\/|\.ts$)/],
  ['`<pex-participant-menu>`', /^components\/participant-menu(\/|\.ts$)/],
  ['the three menus and their shared base (components/shared)', /^components\/(toolbar|conference-menu|participant-menu|shared)(\/|\.ts$)/],
  ['`<pex-template-dialog>`', /^components\/template-dialog(\/|\.ts$)/],
  ['`<pex-plugin-settings>`', /^components\/plugin-settings(\/|\.ts$)/],
  ['branding validators (src/config/validators.generated.js)', /^src\/config\/validators\.generated\.js$/],
  ['src/config, the rest (branding, diagnostics, storage)', /^src\/config\/(?!validators\.generated)/],
  ['src/runtime (loading, sandboxes, menus)', /^src\/runtime\//],
  ['src/api (window.PEX, dialogs, actions)', /^src\/api\//],
  ['src/conference, not the Infinity connection (store, commands)', /^src\/conference\/(?!infinity\/)/],
  ['src/conference/infinity (lazy)', /^src\/conference\/infinity\//],
];

const ESBUILD = {
  bundle: true,
  splitting: true,
  format: 'esm',
  write: false,
  metafile: true,
  minify: true,
  target: 'es2022',
  conditions: ['es2015', 'module', 'browser', 'production'],
  legalComments: 'none',
  logLevel: 'silent',
};
const ESBUILD_COMMAND = 'esbuild components/index.ts --bundle --splitting --format=esm --minify --target=es2022 --conditions=es2015,module,browser,production';

/** gzip -9 of an esbuild build's start-up code (the entry and what it imports statically) and of the rest. */
function startupGzip(result, entryName) {
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint === entryName);
  const core = new Set([entryOut]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const out of [...core]) {
      for (const imp of outputs[out].imports) {
        if (imp.kind === 'import-statement' && !imp.external && !core.has(imp.path)) {
          core.add(imp.path);
          grew = true;
        }
      }
    }
  }
  const files = new Map(result.outputFiles.map((f) => [path.relative(REPO_DIR, f.path), f.contents]));
  const gz = (outs) => outs.reduce((sum, o) => sum + (files.get(o) ? gzipSync(files.get(o), { level: 9 }).length : 0), 0);
  const js = Object.keys(outputs).filter((o) => o.endsWith('.js'));
  return { core: [...core], start: gz([...core]), lazy: gz(js.filter((o) => !core.has(o))), outputs };
}

/** A build of components/index.ts with the modules `stub` matches replaced by empty ones. */
async function buildWithout(stub) {
  const result = await build({
    ...ESBUILD,
    absWorkingDir: REPO_DIR,
    entryPoints: ['components/index.ts'],
    outdir: 'bench-size-out',
    plugins: stub
      ? [
          {
            name: 'stub-part',
            setup(b) {
              b.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
                const rel = path.relative(REPO_DIR, args.path).replace(/\\/g, '/');
                if (rel === 'components/index.ts' || !stub.test(rel)) return undefined;
                return { contents: '', loader: 'ts' };
              });
            },
          },
        ]
      : [],
  });
  return startupGzip(result, 'components/index.ts');
}

/** What the elements and the host import from a package (value imports, by specifier), from the sources. */
async function importsFrom(pkg, { skip = /^$/ } = {}) {
  const files = execFileSync('git', ['ls-files', 'components', 'src'], { cwd: REPO_DIR, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f) && !skip.test(f) && existsSync(path.join(REPO_DIR, f)));
  const bySpecifier = new Map();
  const re = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+'(${pkg}(?:/[^']*)?)'`, 'g');
  for (const f of files) {
    const text = await readFile(path.join(REPO_DIR, f), 'utf8');
    for (const m of text.matchAll(re)) {
      if (m[1]) continue;
      const names = m[2]
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '));
      const set = bySpecifier.get(m[3]) ?? new Set();
      for (const n of names) set.add(n);
      bySpecifier.set(m[3], set);
    }
  }
  return bySpecifier;
}

/** A bundle of only what is imported from a package: its gzip -9. */
async function alone(pkg, options) {
  const bySpecifier = await importsFrom(pkg, options);
  const contents = [...bySpecifier].map(([spec, names]) => `export { ${[...names].sort().join(', ')} } from '${spec}';`).join('\n');
  const result = await build({ ...ESBUILD, splitting: false, absWorkingDir: REPO_DIR, stdin: { contents, resolveDir: REPO_DIR, sourcefile: `${pkg}-alone.js`, loader: 'js' }, outdir: 'bench-size-out' });
  const out = result.outputFiles[0].contents;
  return { imports: Object.fromEntries([...bySpecifier].map(([s, n]) => [s, [...n].sort()])), raw: out.length, gzip9: gzipSync(out, { level: 9 }).length };
}

async function costs() {
  const full = await buildWithout(null);
  const parts = [];
  for (const [label, stub] of PARTS) {
    try {
      const without = await buildWithout(stub);
      parts.push({ part: label, startWithout: without.start, startCost: full.start - without.start, lazyWithout: without.lazy, lazyCost: full.lazy - without.lazy });
    } catch (error) {
      parts.push({ part: label, error: String(error.message ?? error).split('\n')[0] });
    }
  }
  return {
    command: ESBUILD_COMMAND,
    full: { start: full.start, lazy: full.lazy },
    parts,
    lit: await alone('lit'),
    rxjs: await alone('rxjs', { skip: /^src\/conference\/infinity\// }),
    rxjsWithInfinity: await alone('rxjs'),
  };
}

export async function run({ skipBuild = false, log = console.log } = {}) {
  let buildInfo = { skipped: true };
  if (!skipBuild) {
    log('size: npm run build ...');
    const started = Date.now();
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    buildInfo = { skipped: false, command: 'npm run build', exitCode: built.status, seconds: (Date.now() - started) / 1000 };
    if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status}):\n${(built.stdout + built.stderr).slice(-3000)}`);
  }
  if (!existsSync(DROP_IN)) throw new Error('dist/pex-plugin-host.js is missing: run `npm run build`.');

  const reachable = await reachableChunks();
  const chunks = [];
  for (const [file, how] of reachable) chunks.push({ ...(await sizes(path.join(DIST, file))), importedBy: how.from, kind: how.kind });
  const staticImports = chunks.filter((c) => c.importedBy === 'pex-plugin-host.js' && c.kind === 'import-statement').map((c) => c.file);
  const distFiles = await readdir(DIST);
  const stale = distFiles.filter((f) => /^[\w-]+-[\w-]{8}\.js$/.test(f) && !reachable.has(f));

  const chromium = await inChromium(log);
  const atStart = chromium.fetched.filter((f) => f.trigger === 'start');
  const startBytes = atStart.reduce((sum, f) => sum + f.gzip9, 0);
  const infinity = chunks.find((c) => /(^|\/)infinity-[\w-]+\.js$/.test(c.file));
  const fetchedFiles = new Set(chromium.fetched.map((f) => f.file));
  const notFetched = chunks.filter((c) => !fetchedFiles.has(c.file)).map((c) => c.file);
  const breakdown = await costs();
  const startPass = startBytes <= BUDGET.startBytes;
  const infinityPass = infinity ? infinity.gzip9 <= BUDGET.infinityBytes : true;
  log(`size: at start ${startBytes} B gzip (${atStart.map((f) => path.basename(f.file)).join(', ')}); Infinity chunk ${infinity?.gzip9 ?? '—'} B`);
  return {
    budget: { ...BUDGET, note: 'KB read as 1,000 bytes of gzip -9 (gzip -9 -c <file> | wc -c)' },
    build: buildInfo,
    chunks,
    staticImports,
    staleChunks: stale,
    chromium,
    start: { bytes: startBytes, files: atStart.map((f) => f.file), pass: startPass },
    infinity: infinity ? { file: infinity.file, gzip9: infinity.gzip9, pass: infinityPass } : null,
    notFetched,
    breakdown,
    pass: startPass && infinityPass,
  };
}

const kb = (b) => (b === null || b === undefined ? '—' : `${(b / 1000).toFixed(2)} KB`);
const signed = (b) => `${b >= 0 ? '' : '−'}${kb(Math.abs(b))}`;

/** The floor under any split: the drop-in's functions that ran at start, and the modules with the most that did not. */
function ranSection(ran, budget) {
  return [
    '### What runs at start: the floor under any split',
    '',
    `The same page in a fresh context with V8's precise coverage on from its first script (\`bench/lib/coverage.mjs\`): of the drop-in's ${ran.raw.toLocaleString('en')} minified bytes, the functions that ran by the time the host settled (and in the quiet second after) are ${ran.ranRaw.toLocaleString('en')} bytes, ` +
      `**${ran.ranGzip9.toLocaleString('en')} B** of zlib deflate at level 9 on their own (${kb(ran.ranGzip9)}, ${ran.ranGzip9 <= budget ? 'within' : `over ${kb(budget)} by ${kb(ran.ranGzip9 - budget)}`}); the functions that never ran are ${ran.notRunRaw.toLocaleString('en')} bytes, ${ran.notRunGzip9.toLocaleString('en')} B gzip -9 on their own (the whole file ${ran.wholeGzip9.toLocaleString('en')} B this way, against gzip -9's figure above; the parts share words, so they sum to more). ` +
      'Moving every function that did not run to a lazy chunk is the most a split could save, and it would still leave the code that ran. Where the code that did not run lives (bytes of the minified file, by source module, the most first):',
    '',
    table(['source module', 'minified bytes', 'of which never ran', 'share'], ran.modules.map((m) => [`\`${m.source}\``, m.raw.toLocaleString('en'), m.notRun.toLocaleString('en'), `${Math.round((m.notRun / m.raw) * 100)}%`])),
    '',
  ];
}

export function markdown(r) {
  const c = r.chromium;
  const fetchedRows = c.fetched.map((f) => [`\`${f.file}\``, f.raw.toLocaleString('en'), f.gzip9.toLocaleString('en'), `${f.startMs} → ${f.endMs}`, f.when]);
  const b = r.breakdown;
  const partRows = b.parts.map((p) =>
    p.error ? [p.part, '—', '—', `could not build: ${p.error}`] : [p.part, signed(p.startCost), signed(p.lazyCost), kb(p.startWithout)],
  );
  const aloneLine = (label, a) =>
    `${label}: ${kb(a.gzip9)} gzip -9 (${a.raw.toLocaleString('en')} B minified) for ${Object.entries(a.imports)
      .map(([s, n]) => `\`${n.join(', ')}\` from \`${s}\``)
      .join('; ')}.`;
  return [
    `${r.budget.note}. ${r.build.skipped ? 'Build skipped (`--skip-build`).' : `Built first with \`${r.build.command}\` (${r.build.seconds.toFixed(1)} s).`}`,
    '',
    `### What a page with the drop-in loads at start (budget ${kb(r.budget.startBytes)})`,
    '',
    `Chromium, a page with \`<pex-plugin-host>\` + \`<pex-toolbar>\` and a one-plugin branding (the plugin's own files not counted: ${c.pluginFiles.map((f) => `\`${f}\``).join(', ') || 'none'}). ` +
      `Its first toolbar item rendered at ${c.firstItemMs} ms, the host settled at ${c.settledMs} ms; every drop-in file fetched by then (and in the quiet second after) counts. ` +
      `Then, one after another, the scenarios that load the rest. Times are ms since navigation start.`,
    '',
    table(['file', 'raw bytes', 'gzip -9 bytes', 'fetched (start → end)', 'loaded when'], fetchedRows),
    '',
    table(['', 'gzip -9', 'budget', 'result'], [
      [`at start: ${r.start.files.map((f) => `\`${path.basename(f)}\``).join(' + ')}`, `${r.start.bytes.toLocaleString('en')} (${kb(r.start.bytes)})`, kb(r.budget.startBytes), verdict(r.start.pass)],
      ...(r.infinity ? [[`the Infinity connection chunk \`${path.basename(r.infinity.file)}\``, `${r.infinity.gzip9.toLocaleString('en')} (${kb(r.infinity.gzip9)})`, kb(r.budget.infinityBytes), verdict(r.infinity.pass)]] : []),
    ]),
    '',
    [
      r.staticImports.length ? `The drop-in imports ${r.staticImports.map((f) => `\`${f}\``).join(', ')} statically (loaded at start, counted above).` : 'The drop-in has no static import of another file.',
      (c.steps ?? []).some((x) => !x.files.length)
        ? `Scenarios that fetched no drop-in file (their code is in what loads at start): ${c.steps.filter((x) => !x.files.length).map((x) => x.label).join('; ')}.`
        : '',
      r.notFetched.length ? `Reachable from the drop-in but fetched in none of these scenarios: ${r.notFetched.map((f) => `\`${f}\``).join(', ')}.` : '',
      r.staleChunks.length ? `Files in dist/ no import reaches (stale): ${r.staleChunks.map((f) => `\`${f}\``).join(', ')}.` : '',
      c.pageErrors.length ? `Page errors: ${c.pageErrors.join('; ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    '',
    ...(c.ran ? ranSection(c.ran, r.budget.startBytes) : []),
    '### The real cost of each part: built without it',
    '',
    `\`${b.command}\`, then again with each part's modules replaced by empty ones (what only that part uses goes with it; what others use stays). ` +
      `In this build the start-up code (the entry and its static imports) is ${kb(b.full.start)} gzip -9 and the lazy chunks ${kb(b.full.lazy)}; ` +
      'the vite build squeezes the CSS templates and splits slightly differently, so these are deltas of one consistent build rather than the figures above.',
    '',
    table(['part', 'start-up cost (gzip -9)', 'lazy-chunk cost', 'start-up without it'], partRows),
    '',
    aloneLine('lit alone', b.lit),
    aloneLine('rxjs alone (what the start-up code imports)', b.rxjs),
    `rxjs with the Infinity connection's imports too: ${kb(b.rxjsWithInfinity.gzip9)}.`,
  ].join('\n');
}
