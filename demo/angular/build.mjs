// Builds the Angular example into dist/angular/ (ahead of time, zoneless; see README.md): the
// Angular compiler type-checks and compiles src/ (aot.mjs), esbuild bundles the output with the
// linked framework packages and the drop-in dist/pex-plugin-host.js, and index.html is copied
// with its Content-Security-Policy. The example imports the package by its name, as a client app
// does (`pex-plugin-host/pex-plugin-host.js`, and types from `pex-plugin-host`, dist/esm/), so
// run it through `npm run build:angular` after `npm run build`.
//
// The build fails when the template compiler (@angular/compiler) or a partial declaration that
// would need it at run time is in the bundle, or when the page lost its CSP.
import { build } from 'esbuild';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { angularLinker, angularSources } from './aot.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const outdir = here('../../dist/angular/');

// Found through the package's name: in this repository (the package itself) and in an app
// that installed it alike (the package check builds this example that way too).
for (const built of ['pex-plugin-host/pex-plugin-host.js', 'pex-plugin-host/package.json']) {
  try {
    await stat(fileURLToPath(import.meta.resolve(built)));
  } catch {
    console.error(`${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
try {
  await stat(fileURLToPath(new URL('dist/esm/components/index.d.ts', import.meta.resolve('pex-plugin-host/package.json'))));
} catch {
  console.error('the package\'s declarations (dist/esm/) are missing: run `npm run build` first.');
  process.exit(1);
}

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  // The metafile's paths (dist/angular/main.js, node_modules/…) are relative to the repository.
  absWorkingDir: here('../../'),
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
  // What the Angular CLI defines for a production build: no dev-mode checks, and no JIT paths.
  define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
  plugins: [angularSources({ tsconfig: here('tsconfig.json'), sourceDir: here('src/') }), angularLinker()],
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
}).catch(() => {
  // esbuild has printed the errors (the Angular compiler's among them).
  process.exit(1);
});

const inputs = Object.keys(result.metafile.inputs);
const compilerInputs = inputs.filter((path) => /(^|\/)node_modules\/@angular\/compiler\//.test(path));
if (compilerInputs.length) throw new Error(`@angular/compiler is in the bundle (${compilerInputs.join(', ')}): the app would compile templates in the page`);
if (!inputs.some((path) => path.endsWith('dist/pex-plugin-host.js'))) throw new Error('the drop-in dist/pex-plugin-host.js is not in the bundle');
for (const file of Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'))) {
  const code = await readFile(here(`../../${file}`), 'utf8');
  // A declaration the linker missed calls into the JIT compiler when first used.
  if (code.includes('ngDeclare')) throw new Error(`${file} still has a partial declaration (ɵɵngDeclare*): it would need the JIT compiler`);
}
// What went into the bundle, for the browser test (it checks the compiler is not there).
await writeFile(`${outdir}meta.json`, JSON.stringify(result.metafile));

// The page loads src/main.ts when the dev server serves it; the built page loads the bundle.
const page = await readFile(here('index.html'), 'utf8');
if (!page.includes('src="./src/main.ts"')) throw new Error('index.html no longer loads ./src/main.ts: update build.mjs');
if (!/<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self'[;"]/.test(page)) {
  throw new Error("index.html lost its Content-Security-Policy (script-src 'self')");
}
await writeFile(`${outdir}index.html`, page.replace('src="./src/main.ts"', 'src="./main.js"'));

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
for (const [file, { bytes }] of outputs) console.log(`${file.replace(/^.*dist\//, 'dist/')}  ${(bytes / 1024).toFixed(1)} KB`);
console.log(`built dist/angular/ in ${Math.round(performance.now() - started)} ms (ahead of time; no @angular/compiler in the bundle)`);
