import { defineConfig } from 'vite';

/**
 * The demo: `npm start`. The page lives in demo/; the sample branding folder
 * demo/branding/webapp2/ is served untouched at /webapp2/, where a webapp2 deployment
 * serves its branding (plugin sources must reach the browser exactly as written).
 */
export default defineConfig({
  root: 'demo',
  publicDir: 'branding',
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
