/**
 * The branding folder for the framework examples' host (demo/vue, demo/react). By default the
 * sample folder served next to the page (`webapp2/`: /webapp2/ on the dev server,
 * dist/<example>/webapp2/ when built); `?branding=/path/to/folder/` picks another folder of the
 * same origin (the tests point it at a fixture). Plugins run as scripts in this page, so a
 * folder on another origin is refused.
 */
export function brandingUrlFor(pageUrl: string, example: string): string {
  const fallback = new URL('webapp2/', pageUrl).href;
  const asked = new URL(pageUrl).searchParams.get('branding');
  if (!asked) return fallback;
  const url = new URL(asked, pageUrl);
  if (url.origin !== new URL(pageUrl).origin) {
    console.warn(`[${example} example] ignoring ?branding=${asked}: plugins only load from this origin`);
    return fallback;
  }
  return url.href;
}
