import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';
import { connectMiddleware, createSimulator } from './tools/infinity-simulator/simulator.mjs';
import { sendFile } from './tools/pex-plugins/dev/static-files.js';

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

/** The page-relative name under which the Connect app (webapp2) serves its branding folder. */
const BRANDING_PREFIX = '/custom_configuration/';

/**
 * The sample branding folder demo/branding/webapp2/ beside the page as custom_configuration/,
 * the Connect app's layout: the host's default branding-url, and where plugins fetch their own
 * files page-relative (`./custom_configuration/plugins/<folder>/…`). Files go out byte for byte
 * and never cached, as `pex-plugins dev` serves them.
 */
function webapp2Layout(): Plugin {
  const folder = fileURLToPath(new URL('./demo/branding/webapp2/', import.meta.url));
  const mount = ({ middlewares }: ViteDevServer | PreviewServer) => {
    middlewares.use((req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
      if (!path.startsWith(BRANDING_PREFIX) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      sendFile(res, folder, path.slice(BRANDING_PREFIX.length), req.method).catch(next);
    });
  };
  return { name: 'webapp2-layout', configureServer: mount, configurePreviewServer: mount };
}

/**
 * The demo: `npm start`. The page lives in demo/; its host reads the sample branding folder
 * demo/branding/webapp2/ as custom_configuration/ beside the page (webapp2Layout). The same
 * folder is also at /webapp2/ (publicDir), where the Angular example (/angular/) looks for it.
 */
export default defineConfig({
  root: 'demo',
  publicDir: 'branding',
  plugins: [webapp2Layout(), infinitySimulator()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
