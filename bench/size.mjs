/**
 * Size: gzip -9 of the drop-in `dist/pex-plugin-host.js` (which must import no other chunk
 * statically) against the 25 KB budget, and of the lazily loaded chunks it imports
 * dynamically (the Infinity connection; the explainer of broken JSON); and where the bytes
 * come from, by source area (esbuild metafile of components/index.ts, minified, conditions
 * es2015 + production).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { REPO_DIR, table, verdict } from './lib/results.mjs';

export const name = 'size';
export const title = 'Size of the drop-in (budget: 25 KB gzip)';

/** 25 KB read strictly as 25,000 bytes (25 KiB would be 25,600). */
const BUDGET_BYTES = 25_000;
const DIST = path.join(REPO_DIR, 'dist');
const DROP_IN = path.join(DIST, 'pex-plugin-host.js');

function gzipCli(file) {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 2 ** 20 }).length;
  } catch {
    return null;
  }
}

async function sizes(file) {
  const bytes = await readFile(file);
  return { file: path.relative(REPO_DIR, file), raw: bytes.length, gzip9: gzipCli(file), zlib9: gzipSync(bytes, { level: 9 }).length };
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

/** Which area of the code a bundled input belongs to. */
function areaOf(input) {
  const p = input.replace(/\\/g, '/');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'].includes(pkg)) return 'lit (lit, lit-html, lit-element, @lit/*)';
    return pkg;
  }
  if (p === 'src/config/validators.generated.js') return 'src/config: validators (generated)';
  if (p.startsWith('src/conference/infinity/')) return 'src/conference/infinity';
  if (p === 'src/config/json-explain.ts') return 'src/config/json-explain';
  const parts = p.split('/');
  if (parts[0] === 'src') return `src/${parts[1]}`;
  if (parts[0] === 'components') return parts.length > 2 ? `components/${parts[1]}` : 'components (index, register, context, events)';
  return p;
}

async function breakdown() {
  const result = await build({
    absWorkingDir: REPO_DIR,
    entryPoints: ['components/index.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'bench-size-out',
    write: false,
    metafile: true,
    minify: true,
    target: 'es2022',
    conditions: ['es2015', 'production'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint === 'components/index.ts');
  // The core: the entry and what it imports statically; the rest is loaded on demand.
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
  const raw = (outs) => outs.reduce((sum, o) => sum + outputs[o].bytes, 0);
  const part = (outs) => {
    const areas = new Map();
    for (const out of outs) {
      for (const [input, info] of Object.entries(outputs[out].inputs)) {
        const area = areaOf(input);
        const entry = areas.get(area) ?? { area, bytes: 0, files: 0 };
        entry.bytes += info.bytesInOutput;
        entry.files += 1;
        areas.set(area, entry);
      }
    }
    const total = raw(outs);
    const gzip = gz(outs);
    const rows = [...areas.values()]
      .filter((a) => a.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes)
      .map((a) => ({ ...a, share: Number((a.bytes / total).toFixed(4)), gzipEstimate: Math.round((a.bytes / total) * gzip) }));
    return { outputs: outs, minifiedBytes: total, gzip9: gzip, areas: rows };
  };
  const coreOuts = [...core];
  const lazyOuts = Object.keys(outputs).filter((o) => !core.has(o) && o.endsWith('.js'));
  const isJsonExplain = (o) => outputs[o].entryPoint === 'src/config/json-explain.ts';
  return {
    command:
      'esbuild components/index.ts --bundle --splitting --format=esm --minify --target=es2022 --conditions=es2015,production --metafile',
    core: part(coreOuts),
    lazy: part(lazyOuts.filter((o) => !isJsonExplain(o))),
    jsonExplain: part(lazyOuts.filter(isJsonExplain)),
  };
}

export async function run({ skipBuild = false, log = console.log } = {}) {
  let buildInfo = { skipped: true };
  if (!skipBuild) {
    log('size: npm run build ...');
    const started = Date.now();
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    buildInfo = { skipped: false, command: 'npm run build', exitCode: built.status, seconds: (Date.now() - started) / 1000 };
    if (built.status !== 0) {
      throw new Error(`npm run build failed (exit ${built.status}):\n${(built.stdout + built.stderr).slice(-3000)}`);
    }
  }
  if (!existsSync(DROP_IN)) throw new Error('dist/pex-plugin-host.js is missing: run `npm run build`.');

  const dropIn = await sizes(DROP_IN);
  const imports = await importsOf(DROP_IN);
  const staticImports = imports.filter((i) => i.kind === 'import-statement');
  const dynamicImports = imports.filter((i) => i.kind === 'dynamic-import');
  const distFiles = await readdir(DIST);
  /** A chunk the drop-in imports dynamically, and the files of that name in dist/ it does not reference. */
  const lazyChunk = async (prefix) => {
    const ref = dynamicImports.map((i) => i.path).find((p) => new RegExp(`${prefix}-[^/]*\\.js$`).test(p));
    const file = ref ? path.join(DIST, path.basename(ref)) : undefined;
    const chunk = file && existsSync(file) ? { ...(await sizes(file)), imports: await importsOf(file) } : null;
    const stale = distFiles.filter((f) => new RegExp(`^${prefix}-.*\\.js$`).test(f) && f !== (file && path.basename(file)));
    return { chunk, stale };
  };
  const { chunk: infinity, stale } = await lazyChunk('infinity');
  const { chunk: jsonExplain, stale: staleJsonExplain } = await lazyChunk('json-explain');
  const gzipOf = (s) => s.gzip9 ?? s.zlib9;

  return {
    budget: { bytes: BUDGET_BYTES, note: '25 KB read as 25,000 bytes of gzip -9 (25 KiB = 25,600)' },
    build: buildInfo,
    dropIn: {
      ...dropIn,
      staticImports,
      dynamicImports,
      selfContained: staticImports.length === 0,
      pass: gzipOf(dropIn) <= BUDGET_BYTES && staticImports.length === 0,
    },
    infinityChunk: infinity,
    staleInfinityChunks: stale,
    jsonExplainChunk: jsonExplain,
    staleJsonExplainChunks: staleJsonExplain,
    connectedTotalGzip: infinity ? gzipOf(dropIn) + gzipOf(infinity) : null,
    breakdown: await breakdown(),
    pass: gzipOf(dropIn) <= BUDGET_BYTES && staticImports.length === 0,
  };
}

const kb = (b) => (b === null || b === undefined ? '—' : `${(b / 1000).toFixed(2)} KB`);

export function markdown(r) {
  const gzipOf = (s) => s.gzip9 ?? s.zlib9;
  const rows = [
    [
      '`dist/pex-plugin-host.js` (drop-in)',
      r.dropIn.raw.toLocaleString('en'),
      `${r.dropIn.gzip9?.toLocaleString('en') ?? '—'} (${kb(gzipOf(r.dropIn))})`,
      kb(r.budget.bytes),
      verdict(r.dropIn.pass),
    ],
  ];
  if (r.infinityChunk) {
    rows.push([
      `\`${r.infinityChunk.file}\` (lazy, connectInfinity only)`,
      r.infinityChunk.raw.toLocaleString('en'),
      `${r.infinityChunk.gzip9?.toLocaleString('en') ?? '—'} (${kb(gzipOf(r.infinityChunk))})`,
      'none of its own',
      'info',
    ]);
    rows.push(['drop-in + Infinity chunk (connected mode)', '', kb(r.connectedTotalGzip), kb(r.budget.bytes), r.connectedTotalGzip <= r.budget.bytes ? 'within' : 'over (info)']);
  }
  if (r.jsonExplainChunk) {
    rows.push([
      `\`${r.jsonExplainChunk.file}\` (lazy, only when a branding file is not valid JSON)`,
      r.jsonExplainChunk.raw.toLocaleString('en'),
      `${r.jsonExplainChunk.gzip9?.toLocaleString('en') ?? '—'} (${kb(gzipOf(r.jsonExplainChunk))})`,
      'none of its own',
      'info',
    ]);
  }
  const importsLine = r.dropIn.selfContained
    ? `Self-contained: the drop-in has no static import (dynamic: ${r.dropIn.dynamicImports.map((i) => `\`${i.path}\``).join(', ') || 'none'}).`
    : `**Not self-contained**: static imports ${r.dropIn.staticImports.map((i) => `\`${i.path}\``).join(', ')}.`;
  const infinityLine = r.infinityChunk
    ? `The Infinity chunk imports ${r.infinityChunk.imports.map((i) => `\`${i.path}\` (${i.kind})`).join(', ') || 'nothing'}.`
    : '';
  const jsonExplainLine = r.jsonExplainChunk
    ? `The JSON explainer chunk (jsonc-parser) imports ${r.jsonExplainChunk.imports.map((i) => `\`${i.path}\` (${i.kind})`).join(', ') || 'nothing'}.`
    : '';
  const staleChunks = [...r.staleInfinityChunks, ...(r.staleJsonExplainChunks ?? [])];
  const staleLine = staleChunks.length
    ? `Stale chunks in dist/ not referenced by the drop-in (the lib build keeps old files, \`emptyOutDir: false\`): ${staleChunks.map((f) => `\`${f}\``).join(', ')}.`
    : '';
  const areaRows = (part) =>
    part.areas.map((a) => [a.area, a.files, a.bytes.toLocaleString('en'), `${(a.share * 100).toFixed(1)} %`, kb(a.gzipEstimate)]);
  const b = r.breakdown;
  return [
    `Gzip is \`gzip -9 -c <file> | wc -c\`; budget ${r.budget.note}. ${r.build.skipped ? 'Build skipped (`--skip-build`).' : `Built first with \`${r.build.command}\` (${r.build.seconds.toFixed(1)} s).`}`,
    '',
    table(['file', 'raw bytes', 'gzip -9 bytes', 'budget', 'result'], rows),
    '',
    [importsLine, infinityLine, jsonExplainLine, staleLine].filter(Boolean).join(' '),
    '',
    `### Where the bytes are (core: what the drop-in holds)`,
    '',
    `\`${b.command}\`: core ${b.core.minifiedBytes.toLocaleString('en')} B minified, ${kb(b.core.gzip9)} gzip -9 (the vite build squeezes the CSS templates and differs slightly). ` +
      'Gzip per area is an estimate (the area\'s share of the minified bytes times the gzip total); gzip does not split exactly.',
    '',
    table(['area', 'files', 'minified bytes', 'share', '≈ gzip'], areaRows(b.core)),
    '',
    `### The lazily loaded part (connectInfinity)`,
    '',
    `${b.lazy.minifiedBytes.toLocaleString('en')} B minified, ${kb(b.lazy.gzip9)} gzip -9 in esbuild's split.`,
    '',
    table(['area', 'files', 'minified bytes', 'share', '≈ gzip'], areaRows(b.lazy)),
    ...(b.jsonExplain?.outputs.length
      ? [
          '',
          `### The lazily loaded part (broken JSON explained)`,
          '',
          `${b.jsonExplain.minifiedBytes.toLocaleString('en')} B minified, ${kb(b.jsonExplain.gzip9)} gzip -9 in esbuild's split.`,
          '',
          table(['area', 'files', 'minified bytes', 'share', '≈ gzip'], areaRows(b.jsonExplain)),
        ]
      : []),
  ].join('\n');
}
