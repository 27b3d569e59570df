// Builds the testing kit (package.json "exports" ./testing and ./testing/server):
// - dist/testing/index.js, the browser side, as ESM that imports the package entry
//   (`../esm/components/index.js`, with bare imports of lit and rxjs that the test runner's
//   nodeResolve finds) instead of bundling it, so a test page has one copy of the elements and
//   one `window.PEX` whether it imports `pex-plugin-host` itself or not;
// - dist/testing/server.js, the Node side for web-test-runner, with the Infinity simulator
//   bundled in (the package does not ship the simulator's sources);
// - their type declarations under dist/esm/testing/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { entryExternal } from './lib/entry-external.mjs';

rmSync('dist/testing', { recursive: true, force: true });
await build({
  entryPoints: { index: 'testing/index.ts' },
  outdir: 'dist/testing',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  plugins: [entryExternal({ folder: 'testing', what: 'the kit' })],
  logLevel: 'warning',
});
await build({
  entryPoints: { server: 'testing/server/index.ts' },
  outdir: 'dist/testing',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'testing/tsconfig.build.json'], { stdio: 'inherit' });
console.log('dist/testing written');
