import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { connectMiddleware, createSimulator } from './tools/infinity-simulator/simulator.mjs';

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
 * The demo: `npm start`. The page lives in demo/; the sample branding folder
 * demo/branding/webapp2/ is served untouched at /webapp2/, where a webapp2 deployment
 * serves its branding (plugin sources must reach the browser exactly as written).
 */
export default defineConfig({
  root: 'demo',
  publicDir: 'branding',
  plugins: [infinitySimulator()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
