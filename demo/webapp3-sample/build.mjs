/**
 * Builds the Web App 3 sample plugin into the demo's branding, as a Web App 3 plugin's build
 * output goes into a branding: its page and its one bundled script (`@pexip/plugin-api`
 * included) in demo/branding/webapp2/plugins/webapp3-sample/, which manifest.json lists.
 *
 * `node demo/webapp3-sample/build.mjs` writes them; `--check` only compares, and exits 1 naming
 * each file that is not what the sources build (test/node/demo-webapp3-sample.test.mjs runs it).
 * The output is committed so that the branding folder stays a complete package: the demo
 * serves it as it is, `pex-plugins validate` checks it, and it zips into an upload.
 */
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const OUT_DIR = fileURLToPath(new URL('../branding/webapp2/plugins/webapp3-sample/', import.meta.url));
const SOURCE_SCRIPT = './src/main.ts';
const BUILT_SCRIPT = './assets/sample.js';

/** The built files: path under OUT_DIR → text. */
export async function buildSample() {
  const result = await build({
    entryPoints: [join(HERE, SOURCE_SCRIPT)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const page = await readFile(join(HERE, 'index.html'), 'utf8');
  if (!page.includes(`src="${SOURCE_SCRIPT}"`)) throw new Error(`index.html no longer loads ${SOURCE_SCRIPT}`);
  return {
    'index.html': page.replace(`src="${SOURCE_SCRIPT}"`, `src="${BUILT_SCRIPT}"`),
    [BUILT_SCRIPT.slice(2)]: result.outputFiles[0].text,
  };
}

/** The built files that differ from what OUT_DIR holds (missing ones included). */
export async function staleFiles() {
  const stale = [];
  for (const [name, text] of Object.entries(await buildSample())) {
    const current = await readFile(join(OUT_DIR, name), 'utf8').catch(() => undefined);
    if (current !== text) stale.push(name);
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const where = relative(process.cwd(), OUT_DIR) || '.';
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    for (const name of stale) console.error(`${join(where, name)} is not what demo/webapp3-sample builds: run node demo/webapp3-sample/build.mjs`);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const [name, text] of Object.entries(await buildSample())) {
      await mkdir(dirname(join(OUT_DIR, name)), { recursive: true });
      await writeFile(join(OUT_DIR, name), text);
      console.log(`wrote ${join(where, name)} (${Buffer.byteLength(text)} bytes)`);
    }
  }
}
