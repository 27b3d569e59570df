/**
 * Every pex- event's `detail` is typed once, in the `PexEventDetails` map of
 * components/events.ts. The elements' `@event` JSDoc names the events they emit; this gives
 * each of those events its type from the map: `CustomEvent<PluginErrorDetail>`, with
 * `references` saying where each named type is declared. An `@event pex-…` missing from the
 * map, and a map entry no element documents, are reported (the node test fails on them).
 */
import { isElement, sourcePathOf } from './paths.mjs';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function eventTypesPlugin({ module = 'components/events.ts', map = 'PexEventDetails' } = {}) {
  /** event name → { text, references, description } */
  const details = new Map();
  return {
    name: 'pex - event detail types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (moduleDoc.path !== module || node.kind !== ts.SyntaxKind.SourceFile) return;
      const declared = typeDeclarations(ts, node, module);
      const mapNode = node.statements.find((statement) => ts.isInterfaceDeclaration(statement) && statement.name.text === map);
      if (!mapNode) throw new Error(`${module} has no interface ${map}: the event detail types cannot be read`);
      for (const member of mapNode.members) {
        if (!ts.isPropertySignature(member) || !member.type || !member.name || !ts.isStringLiteral(member.name)) continue;
        const detailText = member.type.getText();
        const text = `CustomEvent<${detailText}>`;
        details.set(member.name.text, {
          text,
          references: referencesIn(ts, member.type, declared, 'CustomEvent<'.length),
          description: jsDocText(ts, member),
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      if (details.size === 0) throw new Error(`no event details were read from ${module}: is it in the globs?`);
      const documented = new Set();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!isElement(declaration)) continue;
          for (const event of declaration.events ?? []) {
            const detail = details.get(event.name);
            if (!detail) {
              if (event.name.startsWith('pex-')) console.warn(`[cem] <${declaration.tagName}> documents @event ${event.name}, which ${map} does not type`);
              continue;
            }
            documented.add(event.name);
            event.type = { text: detail.text, ...(detail.references.length ? { references: detail.references } : {}) };
            if (!event.description && detail.description) event.description = detail.description;
          }
        }
      }
      for (const name of details.keys()) {
        if (!documented.has(name)) console.warn(`[cem] ${map}['${name}'] is emitted by no element's @event JSDoc`);
      }
    },
  };
}

/** The type names events.ts can name: its own declarations and its imports, each with its module. */
function typeDeclarations(ts, sourceFile, path) {
  const declared = new Map();
  for (const statement of sourceFile.statements) {
    if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      declared.set(statement.name.text, path);
    }
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      const specifier = statement.moduleSpecifier.text;
      const relative = specifier.startsWith('.');
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          declared.set(element.name.text, relative ? sourcePathOf(specifier, path) : { package: specifier });
        }
      }
    }
  }
  return declared;
}

/** A `references` entry for each named type in the detail type, with its place in the event's type text. */
function referencesIn(ts, typeNode, declared, offset) {
  const references = [];
  const base = typeNode.getStart();
  const visit = (node) => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      const where = declared.get(name);
      if (where) {
        const start = offset + node.typeName.getStart() - base;
        references.push({ name, ...(typeof where === 'string' ? { module: where } : where), start, end: start + name.length });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(typeNode);
  return references;
}

function jsDocText(ts, node) {
  const comment = ts.getJSDocCommentsAndTags(node).find((doc) => ts.isJSDoc(doc))?.comment;
  if (!comment) return '';
  return typeof comment === 'string' ? comment : comment.map((part) => part.text).join('');
}
