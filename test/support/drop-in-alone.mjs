import { serveStatic } from './static-fixtures.mjs';

const PREFIX = '/dist-alone/';
const SERVED = new Set(['pex-plugin-host.js', 'pex-plugin-host.js.map']);

/**
 * The built drop-in as a page that copied `pex-plugin-host.js` and nothing else serves it:
 * `/dist-alone/pex-plugin-host.js` is dist/'s file, every chunk beside it is a 404. Which
 * files were asked for is `GET /_dist-alone/asked` (a JSON list of names, in order), so a test
 * can tell a chunk asked for again from one never asked for.
 */
export function dropInAlone(distFolder) {
  const serve = serveStatic(PREFIX, distFolder);
  const asked = [];
  return async function dropInAloneFiles(ctx, next) {
    if (ctx.path === '/_dist-alone/asked') {
      ctx.body = JSON.stringify(asked);
      ctx.type = 'application/json';
      return undefined;
    }
    if (!ctx.path.startsWith(PREFIX)) return next();
    const name = ctx.path.slice(PREFIX.length);
    asked.push(name);
    if (SERVED.has(name)) return serve(ctx, next);
    ctx.status = 404;
    ctx.body = 'Not Found';
    return undefined;
  };
}
