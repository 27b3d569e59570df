/**
 * Lets sandboxed frames read the files under `urlPrefix`: a Web App 3 plugin's frame has no
 * allow-same-origin, so its origin is opaque and its module script a cross-origin request the
 * browser blocks without `Access-Control-Allow-Origin` (as the demo's server sends it). Only adds
 * the header; the files come from whichever middleware serves them.
 */
export function allowAnyOrigin(urlPrefix) {
  return async function crossOriginFiles(ctx, next) {
    if (ctx.path.startsWith(urlPrefix)) ctx.set('Access-Control-Allow-Origin', '*');
    return next();
  };
}
