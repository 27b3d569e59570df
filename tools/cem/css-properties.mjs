/**
 * CSS custom properties as the styles define them, so the manifest does not depend on JSDoc
 * repeating every value:
 * - a documented `@cssprop` gets its default from the element's styles: the value its `:host`
 *   declares (`--pex-toolbar-gap: 0.5rem`), else the fallback where it is read
 *   (`var(--pex-focus-ring, 2px solid #4c9aff)`);
 * - the shared theme tokens (`--pex-color-focus`, `--pex-color-surface`, …): properties the
 *   styles read with a fallback but never set, so the page sets them once for every element.
 *   Each element lists the tokens it reads, with the fallback as default;
 * - a property the styles set but no `@cssprop` documents is listed too, without a description,
 *   and reported (the node test fails on it).
 *
 * "The element's styles" are the CSS in its class module and in the modules it imports
 * directly (its *.styles.ts, shared style pieces), and the same for its superclass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isElement, normalisedSourcePath, sourcePathOf } from './paths.mjs';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function cssPropertiesPlugin({ prefix = '--pex-', tokenPrefix = '--pex-color-' } = {}) {
  return {
    name: 'pex - css custom properties',
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) if (declaration.kind === 'class') classes.set(`${mod.path}#${declaration.name}`, declaration);
      }
      const readers = new Map();
      const elements = [];
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!isElement(declaration)) continue;
          const styles = readStyles(stylePathsOf(mod.path, declaration, classes));
          elements.push({ declaration, styles });
          for (const name of styles.read.keys()) {
            if (name.startsWith(tokenPrefix) && !styles.set.has(name)) readers.set(name, [...(readers.get(name) ?? []), declaration.tagName]);
          }
        }
      }
      for (const { declaration, styles } of elements) {
        const properties = (declaration.cssProperties ??= []);
        for (const property of properties) {
          const value = styles.set.get(property.name) ?? styles.read.get(property.name);
          if (value !== undefined && property.default === undefined) property.default = value;
        }
        const documented = new Set(properties.map((property) => property.name));
        for (const [name, value] of styles.set) {
          if (!name.startsWith(prefix) || documented.has(name)) continue;
          console.warn(`[cem] <${declaration.tagName}> sets ${name} in its styles, but no @cssprop documents it`);
          properties.push({ name, description: '', default: value });
          documented.add(name);
        }
        for (const [name, fallback] of styles.read) {
          if (!name.startsWith(tokenPrefix) || documented.has(name) || styles.set.has(name)) continue;
          properties.push({ name, description: tokenDescription(readers.get(name), styles.feeds.get(name)), syntax: '<color>', default: fallback });
          documented.add(name);
        }
      }
    },
  };
}

function tokenDescription(readers = [], feeds = []) {
  // Sorted: the readers are found in the order the analyzer happens to visit modules.
  const tags = [...readers].sort().map((tag) => `\`<${tag}>\``).join(', ');
  const feeding = feeds.length > 0 ? ` Here it is the fallback of ${feeds.map((feed) => `\`${feed}\``).join(', ')}.` : '';
  return `Theme token shared by the pex-* elements (read by ${tags}): set it once, on \`:root\` or any ancestor.${feeding}`;
}

/** The element's class module, the modules it imports directly, and the same for its superclass. */
function stylePathsOf(modulePath, declaration, classes, seen = new Set()) {
  const path = normalisedSourcePath(modulePath);
  if (seen.has(path) || !existsSync(path)) return [];
  seen.add(path);
  const paths = [path, ...relativeImports(path)];
  const superclass = declaration.superclass;
  if (superclass?.module) {
    const superPath = normalisedSourcePath(superclass.module);
    const parent = classes.get(`${superPath}#${superclass.name}`);
    paths.push(...stylePathsOf(superPath, parent ?? {}, classes, seen));
  }
  return [...new Set(paths)];
}

function relativeImports(path) {
  const text = readFileSync(path, 'utf8');
  const specifiers = [...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)].map((match) => match[1]);
  const imported = specifiers.map((specifier) => sourcePathOf(specifier, path)).filter((file) => existsSync(file));
  // An element whose look is a lazily loaded module (components/shared/lazy-view.ts): its styles
  // are imported by that module, `import('./<name>-view.js')`.
  const lazy = [...text.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)]
    .map((match) => sourcePathOf(match[1], path))
    .filter((file) => existsSync(file));
  return [...imported, ...lazy, ...lazy.flatMap((file) => relativeImports(file).filter((inner) => !lazy.includes(inner)))];
}

/**
 * The custom properties the CSS in these files sets (`--x: value;`) and reads with a fallback
 * (`var(--x, fallback)`), first occurrence winning; `feeds` says which set property a read
 * token is the fallback inside.
 */
export function readStyles(paths) {
  const set = new Map();
  const read = new Map();
  const feeds = new Map();
  for (const path of paths) {
    const css = withoutComments(readFileSync(path, 'utf8'));
    for (const match of css.matchAll(/(--[\w-]+)\s*:\s*([^;{}`]+);/g)) {
      const [, name, value] = match;
      if (!set.has(name)) set.set(name, value.trim().replace(/\s+/g, ' '));
      for (const use of varUses(value)) feeds.set(use.name, [...new Set([...(feeds.get(use.name) ?? []), name])]);
    }
    for (const use of varUses(css)) if (use.fallback !== undefined && !read.has(use.name)) read.set(use.name, use.fallback);
  }
  return { set, read, feeds };
}

/** Each `var(--name[, fallback])` in the text, the fallback read up to its balancing parenthesis. */
function varUses(text) {
  const uses = [];
  for (const match of text.matchAll(/var\(\s*(--[\w-]+)\s*(,)?/g)) {
    const name = match[1];
    if (!match[2]) {
      uses.push({ name });
      continue;
    }
    let depth = 1;
    let end = match.index + match[0].length;
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')') depth--;
    }
    uses.push({ name, fallback: text.slice(match.index + match[0].length, end - 1).trim().replace(/\s+/g, ' ') });
  }
  return uses;
}

/** Comments out: JSDoc that quotes a property must not count as CSS. */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}
