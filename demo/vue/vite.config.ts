import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { webapp2Layout } from '../webapp2-layout.js';
import { webapp3FrameFiles } from '../webapp3-sample/frame-files.js';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The Vue embedding example: `npx vite --config demo/vue/vite.config.ts` (dev server, after
 * `npm run build`), `npm run build:vue` (writes dist/vue/).
 */
export default defineConfig({
  root: fromHere('.'),
  // Relative asset URLs: the built page works from any path (the tests load /dist/vue/index.html).
  base: './',
  // The main demo's sample branding folder, served untouched at webapp2/ next to the page
  // (copied into dist/vue/webapp2/ by the build), where a webapp2 deployment serves its branding.
  publicDir: fromHere('../branding'),
  plugins: [
    // The Web App 3 sample's frame asks for its script cross-origin (an opaque origin): first, it adds the header.
    webapp3FrameFiles(),
    // The same folder as custom_configuration/ beside the page too (dev and preview servers), where
    // plugins that fetch their own files page-relative look for them.
    webapp2Layout(fromHere('../branding/webapp2/')),
    vue({
      template: {
        // The custom-element config: Vue's compiler leaves pex-* tags to the browser instead of
        // resolving them as Vue components (and warning "Failed to resolve component").
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('pex-') },
      },
    }),
  ],
  resolve: {
    // `import 'pex-plugin-host'` resolves to the npm entry (dist/esm/), the files an app that
    // installed the package would get. An exact alias (not package.json's `exports`): it works before
    // the package is published or linked, and `pex-plugin-host/...` subpaths are left alone.
    alias: [{ find: /^pex-plugin-host$/, replacement: fromHere('../../dist/esm/components/index.js') }],
  },
  server: { port: 5174, host: '127.0.0.1' },
  build: { outDir: fromHere('../../dist/vue'), emptyOutDir: true, target: 'es2022' },
});
