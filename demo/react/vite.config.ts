import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { webapp2Layout } from '../webapp2-layout.js';
import { webapp3FrameFiles } from '../webapp3-sample/frame-files.js';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The React embedding example: `npx vite --config demo/react/vite.config.ts` (dev server, after
 * `npm run build`), `npm run build:react` (type-checks, then writes dist/react-demo/).
 *
 * No React plugin: Vite's own transform compiles the JSX (React's automatic runtime). That
 * leaves out Fast Refresh, so an edit reloads the page in the dev server.
 */
export default defineConfig({
  root: fromHere('.'),
  // Relative asset URLs: the built page works from any path (the tests load /dist/react-demo/index.html).
  base: './',
  // The main demo's sample branding folder, served untouched at webapp2/ next to the page
  // (copied into dist/react-demo/webapp2/ by the build).
  publicDir: fromHere('../branding'),
  // The Web App 3 sample's frame asks for its script cross-origin (an opaque origin): first, it adds the header.
  plugins: [webapp3FrameFiles(), webapp2Layout(fromHere('../branding/webapp2/'))],
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // The package's names resolve to its built entries, the files an app that installed the
    // package would get: the npm entry (dist/esm/), and the React wrappers (which import that
    // entry, so the page has one copy of the elements). Exact aliases, not package.json's
    // `exports`: they work before the package is published or linked.
    alias: [
      { find: /^pex-plugin-host$/, replacement: fromHere('../../dist/esm/components/index.js') },
      { find: /^pex-plugin-host\/react$/, replacement: fromHere('../../dist/react/index.js') },
    ],
  },
  server: { port: 5175, host: '127.0.0.1' },
  build: { outDir: fromHere('../../dist/react-demo'), emptyOutDir: true, target: 'es2022' },
});
