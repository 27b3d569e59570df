import type { Plugin, PreviewServer, ViteDevServer } from 'vite';

/** A branding's plugin files: under custom_configuration/ beside a page, or in the demo's /webapp2/ copy. */
const PLUGIN_FILES = /\/custom_configuration\/plugins\/|^\/webapp2\/plugins\//;

/**
 * A Vite plugin that lets Web App 3 plugin frames load their files. The host sandboxes each
 * frame without allow-same-origin, so the frame's origin is opaque and its module script is a
 * cross-origin request that the browser blocks unless the answer carries
 * `Access-Control-Allow-Origin`. The branding's plugin files are public, so any origin may read
 * them. Listed before the plugins that answer those requests (webapp2Layout, and Vite's own
 * public folder), it only adds the header.
 */
export function webapp3FrameFiles(): Plugin {
  const mount = ({ middlewares }: ViteDevServer | PreviewServer) => {
    middlewares.use((req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
      if (PLUGIN_FILES.test(path)) res.setHeader('Access-Control-Allow-Origin', '*');
      next();
    });
  };
  return { name: 'webapp3-frame-files', configureServer: mount, configurePreviewServer: mount };
}
