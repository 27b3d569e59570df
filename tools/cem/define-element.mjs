/**
 * `defineElement('pex-toolbar', PexToolbar)` (components/register.ts) is how every defining
 * module registers its element; cem only knows `customElements.define`. Each such call becomes
 * the module's `custom-element-definition` export, pointing at the class where it is imported
 * from (components/toolbar.ts → components/toolbar/toolbar.ts).
 */
import { sourcePathOf } from './paths.mjs';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function defineElementPlugin({ functionName = 'defineElement' } = {}) {
  return {
    name: 'pex - defineElement calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== functionName) return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(klass)) return;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: klass.text, module: moduleOfIdentifier(ts, node.getSourceFile(), klass.text, moduleDoc.path) },
      });
    },
  };
}

/** The source module an identifier comes from: its import's, else this module. */
function moduleOfIdentifier(ts, sourceFile, name, ownPath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (bindings.elements.some((element) => element.name.text === name)) return sourcePathOf(statement.moduleSpecifier.text, ownPath);
  }
  return ownPath;
}
