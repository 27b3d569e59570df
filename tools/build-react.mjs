// Builds the React wrappers (package.json "exports" ./react):
// - dist/react/index.js, ESM that imports `react` (the app's own copy) and the package entry
//   (`../esm/components/index.js`: one copy of the elements, of lit and of `window.PEX` for the
//   page) instead of bundling them; @lit/react (under 1 KB gzip) is bundled, so the installed
//   package neither depends on it nor pulls in its required peer @types/react;
// - its type declarations under dist/esm/react/ (written in React's types, not @lit/react's).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { entryExternal } from './lib/entry-external.mjs';

rmSync('dist/react', { recursive: true, force: true });
await build({
  entryPoints: { index: 'react/index.ts' },
  outdir: 'dist/react',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'inline',
  plugins: [entryExternal({ folder: 'react', what: 'the React entry', external: ['react'], bundled: ['@lit/react'], elements: ['components/toasts'] })],
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'react/tsconfig.build.json'], { stdio: 'inherit' });
console.log('dist/react written');
