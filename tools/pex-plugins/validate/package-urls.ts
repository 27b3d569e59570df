/**
 * The host's loaders (src/config) read a branding folder by URL with `fetch`. The validator
 * gives them the package under a base URL of its own and a `fetch` that answers from the
 * package's files, then turns those URLs back into the paths a person sees in the package.
 */
import { CACHE_KEY_PARAM } from '../../../src/config/branding.js';
import type { BrandingSource } from './branding-source.js';

/** Where the package appears to the loaders; `.invalid` can never be a real host. */
export const PACKAGE_BASE = 'http://branding.invalid/';

/** The path inside the package of a URL under PACKAGE_BASE (query and fragment dropped), else undefined. */
export function packagePath(url: string): string | undefined {
  if (!url.startsWith(PACKAGE_BASE)) return undefined;
  const { pathname } = new URL(url);
  try {
    return decodeURIComponent(pathname.slice(1));
  } catch {
    return pathname.slice(1);
  }
}

/** The URL of a package path, as the loaders would make it. */
export function packageUrl(path: string): string {
  return new URL(path, PACKAGE_BASE).href;
}

/** A `fetch` over the package's files: 404 for a file it does not have. */
export function packageFetch(source: BrandingSource): typeof fetch {
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    const path = packagePath(url);
    if (path === undefined) {
      throw new TypeError(`${url} is not a file of the branding package, and the validator reads only the package`);
    }
    const body = await source.read(path);
    return body === undefined
      ? new Response('Not Found', { status: 404, statusText: 'Not Found' })
      : new Response(body as Uint8Array<ArrayBuffer>, { status: 200, statusText: 'OK' });
  };
}

/** A package URL inside a sentence, up to the characters that end a URL in prose. */
const URL_IN_TEXT = new RegExp(`${PACKAGE_BASE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s"'\`<>)\\]]*`, 'g');

/**
 * A message of the host's names files by URL; a person reads the package's paths. The cache key
 * the host adds is no part of a file's name, so it goes too; a fragment (an icon's `#id`) stays.
 */
export function withPackagePaths(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    const trailing = /[.,;:]+$/.exec(match)?.[0] ?? '';
    const url = new URL(match.slice(0, match.length - trailing.length));
    url.searchParams.delete(CACHE_KEY_PARAM);
    return `${packagePath(url.href) ?? match}${url.search}${url.hash}${trailing}`;
  });
}
