/**
 * The icons a package's menu items name: each file is in the package, is an SVG (well-formed
 * XML whose root element is <svg>, read with saxes) and holds the element the `#id` points at,
 * as the guide asks.
 */
import { SaxesParser } from 'saxes';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { MENU_LOCATIONS, type ResolvedPluginPackage } from '../../../src/config/types.js';
import { packagePath } from './package-urls.js';

export type SvgFile = { ids: Set<string> } | { notXml: string; line?: number; column?: number } | { notSvg: string };

/** Reads an SVG's ids, or says why it is not an SVG. */
export function readSvg(text: string): SvgFile {
  const parser = new SaxesParser({ position: true });
  const ids = new Set<string>();
  let root: string | undefined;
  let failure: { notXml: string; line?: number; column?: number } | undefined;
  parser.on('error', (error) => {
    if (failure) return;
    const match = /^(\d+):(\d+): ([\s\S]*?)\.?$/.exec(error.message);
    failure = match ? { notXml: match[3], line: Number(match[1]), column: Number(match[2]) } : { notXml: error.message };
  });
  // Editors (Illustrator) declare entities in the DOCTYPE and use them in attributes; browsers
  // accept that, and saxes leaves entity declarations to its user.
  parser.on('doctype', (doctype) => {
    for (const [, name, double, single] of doctype.matchAll(/<!ENTITY\s+([^\s%]+)\s+(?:"([^"]*)"|'([^']*)')/g)) {
      parser.ENTITIES[name] = double ?? single;
    }
  });
  parser.on('opentag', (tag) => {
    root ??= tag.name.replace(/^[^:]*:/, '');
    const id = (tag.attributes as Record<string, string>).id;
    if (typeof id === 'string') ids.add(id);
  });
  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  if (failure) return failure;
  if (root === undefined) return { notSvg: 'it has no element at all' };
  if (root !== 'svg') return { notSvg: `its root element is <${root}>, not <svg>` };
  return { ids };
}

export async function checkIcons(
  pkg: ResolvedPluginPackage,
  pluginId: string,
  packageFile: string,
  read: (path: string) => Promise<Uint8Array | undefined>,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const svgs = new Map<string, Promise<SvgFile | undefined>>();
  const readOnce = (path: string) => {
    let svg = svgs.get(path);
    if (!svg) {
      svg = read(path).then((bytes) => (bytes === undefined ? undefined : readSvg(new TextDecoder().decode(bytes))));
      svgs.set(path, svg);
    }
    return svg;
  };
  for (const location of MENU_LOCATIONS) {
    for (const [index, item] of pkg.menuItems[location].entries()) {
      if (item.icon === null) continue;
      const path = packagePath(item.icon);
      if (path === undefined) continue; // a URL elsewhere (a CDN, data:) is not the package's to check
      const written = pkg.raw.menuItems?.[location]?.[index]?.icon ?? '';
      const at = { file: packageFile, pointer: `/menuItems/${location}/${index}/icon`, pluginId };
      const svg = await readOnce(path);
      if (svg === undefined) {
        diagnostics.push({
          ...at,
          severity: 'error',
          message: `the icon "${written}" is ${path}, which is not in the package`,
          fix: 'add the SVG file (the icon is relative to the package file), or correct "icon"',
        });
        continue;
      }
      if ('notXml' in svg) {
        const where = svg.line !== undefined ? ` at line ${svg.line}, column ${svg.column}` : '';
        diagnostics.push({
          ...at,
          severity: 'error',
          message: `the icon ${path} does not parse as SVG: ${svg.notXml}${where}`,
          fix: `correct ${path}${where} (a browser shows no icon for an SVG that does not parse), or use an SVG file: the Connect app shows only SVG icons`,
        });
        continue;
      }
      if ('notSvg' in svg) {
        diagnostics.push({
          ...at,
          severity: 'error',
          message: `the icon ${path} is not an SVG image: ${svg.notSvg}`,
          fix: 'use an SVG file: the Connect app shows only SVG icons',
        });
        continue;
      }
      const hash = item.icon.indexOf('#');
      const id = hash >= 0 ? fragmentId(item.icon.slice(hash + 1)) : '';
      if (id !== '' && !svg.ids.has(id)) {
        diagnostics.push({
          ...at,
          severity: 'error',
          message: `the icon is referenced as #${id}, but ${path} has no element with id="${id}"`,
          fix: `add id="${id}" to the SVG's root element, as the plugin guide asks, or correct the #id in "icon"`,
        });
      }
    }
  }
  return diagnostics;
}

function fragmentId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
