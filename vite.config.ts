import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { connectMiddleware, createSimulator } from './tools/infinity-simulator/simulator.mjs';
import { webapp2Layout } from './demo/webapp2-layout.js';
import { webapp3FrameFiles } from './demo/webapp3-sample/frame-files.js';
import { angularExample } from './demo/angular/vite-plugin.mjs';

/**
 * The Infinity simulator inside the demo's dev server, same origin as the page:
 * /api/client/v2/conferences/<alias>/... and /_simulator/... (conferences meet, secure, guests;
 * see tools/infinity-simulator/). Scripted participants keep `meet` lively.
 */
function infinitySimulator(): Plugin {
  const mount = ({ middlewares, httpServer }: ViteDevServer | PreviewServer) => {
    const simulator = createSimulator({ scripted: true });
    middlewares.use(connectMiddleware(simulator));
    httpServer?.once('close', () => simulator.close());
  };
  return { name: 'infinity-simulator', configureServer: mount, configurePreviewServer: mount };
}

/**
 * The demo: `npm start`. The page lives in demo/; its host reads the sample branding folder
 * demo/branding/webapp2/ as custom_configuration/ beside the page (webapp2Layout). The same
 * folder is also at /webapp2/ (publicDir), where the Angular example (/angular/) is pointed.
 */
export default defineConfig({
  root: 'demo',
  publicDir: 'branding',
  plugins: [
    // Before the branding is served: the Web App 3 sample's frame needs its files readable cross-origin.
    webapp3FrameFiles(),
    webapp2Layout(fileURLToPath(new URL('./demo/branding/webapp2/', import.meta.url))),
    infinitySimulator(),
    // /angular/ compiled ahead of time in the dev server too (demo/angular/README.md).
    angularExample(),
  ],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
