/**
 * The drop-in's exports plus `liveSubscriptionCount` (src/runtime/live-subscriptions.ts), for
 * leak checks: the subscriptions open on the streams the host hands out, counted at the streams
 * themselves. The drop-in `dist/pex-plugin-host.js` does not export that counter, so when it is
 * missing there the benchmark bundles the same sources with esbuild (minified, the build's
 * conditions), one module graph, into a temporary folder.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_DIR } from './results.mjs';

const DROP_IN = path.join(REPO_DIR, 'dist', 'pex-plugin-host.js');

/** Whether the built drop-in exports `liveSubscriptionCount` (its export list keeps the name). */
export async function dropInExportsCounter() {
  const text = await readFile(DROP_IN, 'utf8');
  return /export\s*\{[^}]*\bliveSubscriptionCount\b[^}]*\}/.test(text);
}

/**
 * Writes `<dir>/pex-plugin-host.js` (and its lazy chunks): components/index.ts with
 * liveSubscriptionCount exported beside it.
 * @returns {Promise<{ file: string, command: string }>}
 */
export async function buildCountedDropIn(dir) {
  const entry = path.join(dir, 'counted-entry.ts');
  const abs = (p) => JSON.stringify(path.join(REPO_DIR, p));
  await writeFile(
    entry,
    `export * from ${abs('components/index.ts')};\nexport { liveSubscriptionCount } from ${abs('src/runtime/live-subscriptions.ts')};\n`,
  );
  await build({
    absWorkingDir: REPO_DIR,
    entryPoints: { 'pex-plugin-host': entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: dir,
    minify: true,
    target: 'es2022',
    conditions: ['es2015', 'module', 'browser', 'production'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  return {
    file: path.join(dir, 'pex-plugin-host.js'),
    command: 'esbuild (components/index.ts + liveSubscriptionCount) --bundle --splitting --format=esm --minify --target=es2022 --conditions=es2015,module,browser,production',
  };
}
