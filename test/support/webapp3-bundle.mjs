import { build } from 'esbuild';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bundled scripts are requested: `/webapp3-bundles/<name>/<file>.plugin.js`. */
export const BUNDLE_PREFIX = '/webapp3-bundles/';

const FIXTURES = fileURLToPath(new URL('../fixtures/webapp3/', import.meta.url));

/** The source of a requested bundle: `<file>.plugin.ts`, else `<file>.plugin.js`, under test/fixtures/webapp3. */
async function sourceOf(path) {
  const relative = decodeURIComponent(path.slice(BUNDLE_PREFIX.length)).replace(/\.plugin\.js$/, '');
  const base = normalize(join(FIXTURES, relative));
  if (!base.startsWith(FIXTURES.replace(/[\\/]+$/, '') + sep)) return undefined;
  for (const candidate of [`${base}.plugin.ts`, `${base}.plugin.js`]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

/**
 * Web App 3 test plugins are written with the real `@pexip/plugin-api`, whose modules import
 * each other without extensions: a browser cannot load them as they are. This serves each
 * plugin's script bundled with esbuild, in memory, on request. Its own URL prefix, since the
 * fixture folder's static middleware answers everything under /test/fixtures/ first.
 *
 * The frames are sandboxed without allow-same-origin, so their origin is opaque and a module
 * script is a cross-origin request for them: the bundle is served with
 * `Access-Control-Allow-Origin: *`.
 */
export function webapp3Bundles() {
  return {
    name: 'webapp3-bundles',
    async serve(context) {
      if (!context.path.startsWith(BUNDLE_PREFIX) || !context.path.endsWith('.plugin.js')) return undefined;
      const source = await sourceOf(context.path);
      if (!source) return undefined;
      const result = await build({
        entryPoints: [source],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      return {
        body: result.outputFiles[0].text,
        type: 'js',
        headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' },
      };
    },
  };
}
