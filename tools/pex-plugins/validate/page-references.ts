/**
 * Files a source loads relative to the page, through the name webapp2 serves the branding
 * under: `./custom_configuration/plugins/<folder>/assets/x.json`, `custom_configuration/plugins/
 * <folder>/lib/x.js` (COMPAT.md, "Deployment layout"). Each should be in the package under
 * `plugins/<folder>/`; one that is not is a warning, since it may be served from elsewhere.
 */
import type { AnyNode, Program } from 'acorn';
import { simple } from 'acorn-walk';
import type { Diagnostic } from '../../../src/config/diagnostics.js';

/** A page-relative path inside a string, up to the characters that end a path in code or markup. */
const PAGE_RELATIVE = /(?<![\w/.-])(?:\.\/)?custom_configuration\/plugins\/([^/\s"'`?#<>()]+)\/([^\s"'`?#<>()]+)/g;

interface Reference {
  text: string;
  folder: string;
  rest: string;
  line: number;
  column: number;
}

/** `plugins/rec/rec.plugin.package.json` → `rec`: the folder a plugin is deployed in. */
export function pluginFolderOf(packageFile: string): string | undefined {
  return /^plugins\/([^/]+)\//.exec(packageFile)?.[1];
}

export function findPageReferences(ast: Program): Reference[] {
  const references: Reference[] = [];
  const scan = (value: string, node: AnyNode, exact: boolean) => {
    for (const match of value.matchAll(PAGE_RELATIVE)) {
      const start = node.loc?.start ?? { line: 1, column: 0 };
      // The offset in the string is the offset in the code when the string has no escapes and no line breaks.
      const offset = exact && !value.slice(0, match.index).includes('\n') ? 1 + match.index : 0;
      references.push({ text: match[0], folder: match[1], rest: match[2], line: start.line, column: start.column + 1 + offset });
    }
  };
  simple(ast, {
    Literal(node) {
      if (typeof node.value === 'string') scan(node.value, node, node.raw === `${node.raw?.[0]}${node.value}${node.raw?.[0]}`);
    },
    TemplateElement(node) {
      if (node.value.cooked) scan(node.value.cooked, node, node.value.cooked === node.value.raw);
    },
  });
  return references;
}

export function checkPageReferences(
  ast: Program,
  context: { pluginId: string; sourceFile: string; packageFile: string },
  exists: (path: string) => boolean,
): Diagnostic[] {
  const ownFolder = pluginFolderOf(context.packageFile);
  const diagnostics: Diagnostic[] = [];
  for (const reference of findPageReferences(ast)) {
    const path = `plugins/${reference.folder}/${reference.rest}`;
    if (exists(path)) continue;
    const inOwnFolder = ownFolder !== undefined && ownFolder !== reference.folder && exists(`plugins/${ownFolder}/${reference.rest}`);
    diagnostics.push({
      severity: 'warning',
      file: context.sourceFile,
      line: reference.line,
      column: reference.column,
      pluginId: context.pluginId,
      message: `the source loads "${reference.text}" relative to the page, but the package has no ${path}`,
      fix: inOwnFolder
        ? `the file is in plugins/${ownFolder}/: write custom_configuration/plugins/${ownFolder}/${reference.rest}`
        : `add ${path} to the package (webapp2 serves the branding folder as custom_configuration/), or ignore this if the file is served from elsewhere`,
    });
  }
  return diagnostics;
}
