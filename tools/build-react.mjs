// Builds the React wrappers (package.json "exports" ./react):
// - dist/react/index.js, ESM that imports `react` (the app's own copy) and the drop-in
//   (`../pex-plugin-host.js`, one copy of the elements and one `window.PEX` for the page)
//   instead of bundling them; @lit/react (under 1 KB gzip) is bundled, so the installed
//   package neither depends on it nor pulls in its required peer @types/react;
// - its type declarations under dist/types/react/ (written in React's types, not @lit/react's).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve('.');
const dropIn = resolve('components/index');
const bundled = ['@lit/react'];
const external = ['react'];

/** The wrappers reach the elements only through the drop-in entry: anything else would be a second copy. */
const dropInAndReactOnly = {
  name: 'pex-react-externals',
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (external.includes(args.path)) return { path: args.path, external: true };
      if (bundled.some((name) => args.path === name || args.path.startsWith(`${name}/`))) return undefined;
      if (args.resolveDir.includes('/node_modules/')) return undefined;
      if (!args.path.startsWith('.')) {
        return { errors: [{ text: `${relative(root, args.importer)} imports "${args.path}": the React entry may import only react, ${bundled.join(', ')} and the drop-in` }] };
      }
      const path = resolve(args.resolveDir, args.path).replace(/\.(js|ts)$/, '');
      if (path === dropIn) return { path: '../pex-plugin-host.js', external: true };
      if (!relative(resolve('react'), path).startsWith('..')) return undefined;
      return {
        errors: [{ text: `${relative(root, args.importer)} imports ${relative(root, path)} at run time: import it from ../components/index.js (the drop-in), or as a type only` }],
      };
    });
  },
};

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
  plugins: [dropInAndReactOnly],
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'react/tsconfig.build.json'], { stdio: 'inherit' });
console.log('dist/react written');
