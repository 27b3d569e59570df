import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { sendFile } from '../tools/pex-plugins/dev/static-files.js';

/** The page-relative name under which the Connect app (webapp2) serves its branding folder. */
const BRANDING_SEGMENT = '/custom_configuration/';

/**
 * A Vite plugin that lays a dev (or preview) server out as the Connect app is deployed: beside
 * every page, `custom_configuration/` is the branding folder `folder`. That is the host's default
 * branding-url, and where plugins fetch their own files page-relative
 * (`./custom_configuration/plugins/<folder>/…`); beside every page, because the demo's server has
 * more than one (the demo at /, the Angular example at /angular/), and a path Vite does not know
 * would otherwise come back as index.html. Files go out byte for byte and never cached, as
 * `pex-plugins dev` serves them.
 */
export function webapp2Layout(folder: string): Plugin {
  const mount = ({ middlewares }: ViteDevServer | PreviewServer) => {
    middlewares.use((req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
      const at = path.indexOf(BRANDING_SEGMENT);
      if (at < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      sendFile(res, folder, path.slice(at + BRANDING_SEGMENT.length), req.method).catch(next);
    });
  };
  return { name: 'webapp2-layout', configureServer: mount, configurePreviewServer: mount };
}
