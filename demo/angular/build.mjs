// Builds the Angular example into dist/angular/ (JIT, zoneless; see README.md): one esbuild
// bundle of src/main.ts, with the drop-in dist/pex-plugin-host.js inside, and index.html.
// Run through `npm run build:angular`, after `npm run build` (which writes the drop-in file).
import { build } from 'esbuild';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const outdir = here('../../dist/angular/');

try {
  await stat(here('../../dist/pex-plugin-host.js'));
} catch {
  console.error('dist/pex-plugin-host.js is missing: run `npm run build` first.');
  process.exit(1);
}

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  entryPoints: { main: here('src/main.ts') },
  outdir,
  bundle: true,
  // The drop-in file loads its Infinity connection lazily: keep that a chunk of its own.
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  // demo/angular/tsconfig.json: experimentalDecorators for Angular's decorators.
  tsconfig: here('tsconfig.json'),
  define: { ngDevMode: 'false' },
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
});
// The page loads src/main.ts when the dev server serves it; the built page loads the bundle.
const page = await readFile(here('index.html'), 'utf8');
if (!page.includes('src="./src/main.ts"')) throw new Error('index.html no longer loads ./src/main.ts: update build.mjs');
await writeFile(`${outdir}index.html`, page.replace('src="./src/main.ts"', 'src="./main.js"'));

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
for (const [file, { bytes }] of outputs) console.log(`${file.replace(/^.*dist\//, 'dist/')}  ${(bytes / 1024).toFixed(1)} KB`);
console.log(`built dist/angular/ in ${Math.round(performance.now() - started)} ms`);
