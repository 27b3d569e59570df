/**
 * Where each source module ships: `tsc -p tsconfig.esm.json` compiles the tree file by file
 * into dist/esm/ (components/toolbar/toolbar.ts → dist/esm/components/toolbar/toolbar.js, with
 * its .d.ts beside). The manifest names the shipped files, not the sources.
 */
import { posix } from 'node:path';

export const DIST_ROOT = 'dist/esm';

/**
 * The source path (project-relative, `.ts`) of an import specifier written in `fromPath`
 * (`./toolbar/toolbar.js` in components/toolbar.ts → components/toolbar/toolbar.ts).
 */
export function sourcePathOf(specifier, fromPath) {
  const joined = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  return joined.replace(/\.js$/, '.ts');
}

/**
 * The shipped path of a module as cem writes it: `components/toolbar/toolbar.ts`, or
 * `/components/shared/plugin-menu.js` (cem resolves a superclass import as a URL path).
 */
export function distPathOf(modulePath) {
  const relative = modulePath.replace(/^\/+/, '').replace(/\.ts$/, '.js');
  if (relative.startsWith(`${DIST_ROOT}/`)) return relative;
  return `${DIST_ROOT}/${relative}`;
}

/** The project-relative source path of a module path in either form (`.ts`). */
export function normalisedSourcePath(modulePath) {
  return modulePath.replace(/^\/+/, '').replace(/\.js$/, '.ts');
}

/** A declaration that is a custom element with a tag (cem also marks abstract LitElement bases). */
export const isElement = (declaration) => Boolean(declaration.customElement && declaration.tagName);
