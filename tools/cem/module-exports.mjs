/**
 * What a module really exports, for the entry's and the defining modules' re-exports. cem
 * records `import { PexToolbar } from './toolbar/toolbar.js'; export { PexToolbar };` as a
 * declaration of the re-exporting module itself, leaves `export { X } from './y.js'` unresolved
 * and lists `export type { … }` as if it were JavaScript. Here each export names the module it
 * comes from, and type-only exports (no value at run time) are dropped.
 */
import { normalisedSourcePath, sourcePathOf } from './paths.mjs';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function moduleExportsPlugin() {
  const sourceFiles = new Map();
  return {
    name: 'pex - module exports',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind === ts.SyntaxKind.SourceFile) sourceFiles.set(moduleDoc.path, node);
    },
    moduleLinkPhase({ ts, moduleDoc }) {
      const sourceFile = sourceFiles.get(moduleDoc.path);
      if (!sourceFile || !moduleDoc.exports) return;
      const { imported, typeOnly, reexported } = readExports(ts, sourceFile, moduleDoc.path);
      moduleDoc.exports = moduleDoc.exports.filter((entry) => entry.kind !== 'js' || !typeOnly.has(entry.name));
      for (const entry of moduleDoc.exports) {
        if (entry.kind !== 'js' || !entry.declaration || entry.declaration.package) continue;
        const from = reexported.get(entry.name) ?? (entry.declaration.module === moduleDoc.path ? imported.get(entry.declaration.name) : undefined);
        if (from) entry.declaration.module = from;
        else if (entry.declaration.module) entry.declaration.module = normalisedSourcePath(entry.declaration.module);
      }
    },
  };
}

function readExports(ts, sourceFile, path) {
  const imported = new Map();
  const typeOnly = new Set();
  const reexported = new Map();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && isRelative(statement.moduleSpecifier.text)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) imported.set(element.name.text, sourcePathOf(statement.moduleSpecifier.text, path));
      }
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      for (const element of statement.exportClause.elements) {
        if (statement.isTypeOnly || element.isTypeOnly) typeOnly.add(element.name.text);
        else if (from && isRelative(from)) reexported.set(element.name.text, sourcePathOf(from, path));
      }
    }
  }
  return { imported, typeOnly, reexported };
}

const isRelative = (specifier) => specifier.startsWith('./') || specifier.startsWith('../');
