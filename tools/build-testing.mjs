// Builds the testing kit (package.json "exports" ./testing and ./testing/server):
// - dist/testing/index.js, the browser side, as ESM that imports the drop-in
//   (`../pex-plugin-host.js`) instead of bundling it, so a test page has one copy of the elements
//   and one `window.PEX` whether it imports `pex-plugin-host` itself or not;
// - dist/testing/server.js, the Node side for web-test-runner, with the Infinity simulator
//   bundled in (the package does not ship the simulator's sources);
// - their type declarations under dist/types/testing/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve('.');
const dropIn = resolve('components/index');

/** The kit may use the elements only through the drop-in entry; anything else would be a second copy. */
const dropInOnly = {
  name: 'pex-drop-in-external',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) {
        return { errors: [{ text: `${relative(root, args.importer)} imports "${args.path}" at run time: the kit may import only the drop-in (../components/index.js)` }] };
      }
      const path = resolve(args.resolveDir, args.path).replace(/\.(js|ts)$/, '');
      if (path === dropIn) return { path: '../pex-plugin-host.js', external: true };
      if (!relative(resolve('testing'), path).startsWith('..')) return undefined;
      return {
        errors: [{ text: `${relative(root, args.importer)} imports ${relative(root, path)} at run time: import it from ../components/index.js (the drop-in), or as a type only` }],
      };
    });
  },
};

rmSync('dist/testing', { recursive: true, force: true });
await build({
  entryPoints: { index: 'testing/index.ts' },
  outdir: 'dist/testing',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  plugins: [dropInOnly],
  logLevel: 'warning',
});
await build({
  entryPoints: { server: 'testing/server/index.ts' },
  outdir: 'dist/testing',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'testing/tsconfig.build.json'], { stdio: 'inherit' });
console.log('dist/testing written');
