/**
 * What an HTML author needs to know of an attribute, resolved with the TypeScript checker:
 * - its values: an attribute typed with a named union (`platform: Platform`) gets the union's
 *   string literals written out (`'web' | 'electron' | 'ios' | 'android'`); `undefined` and
 *   `null` drop out, as an absent attribute is how HTML says "unset". The field keeps its
 *   named type for script authors;
 * - its default: a default that names a constant (`DEFAULT_REGISTER_TIMEOUT`) becomes the
 *   constant's value (`5000`), for the attribute and its field alike;
 * - its deprecation: cem has no `@deprecated` for an `@attr`, so an attribute documented as
 *   `@attr role - Deprecated: …` is marked `deprecated` with that message.
 */
import ts from 'typescript';
import { isElement, normalisedSourcePath } from './paths.mjs';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function attributeValuesPlugin({ tsconfig = 'tsconfig.json' } = {}) {
  return {
    name: 'pex - attribute values',
    packageLinkPhase({ customElementsManifest }) {
      const elements = [];
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (isElement(declaration) && declaration.attributes?.length) elements.push({ path: normalisedSourcePath(mod.path), declaration });
        }
      }
      if (elements.length === 0) return;
      const checker = createChecker(tsconfig, elements.map((element) => element.path));
      for (const { path, declaration } of elements) {
        const instance = instanceTypeOf(checker, path, declaration.name);
        if (!instance) continue;
        for (const attribute of declaration.attributes) {
          const property = attribute.fieldName && checker.checker.getPropertyOfType(instance, attribute.fieldName);
          if (!property) continue;
          const literals = stringLiterals(checker.checker.getTypeOfSymbol(property));
          if (literals) attribute.type = { text: literals.map((value) => `'${value}'`).join(' | ') };
        }
        for (const attribute of declaration.attributes) {
          const deprecation = /^Deprecated:\s*(.*)$/s.exec(attribute.description ?? '');
          if (deprecation && attribute.deprecated === undefined) attribute.deprecated = deprecation[1].trim() || true;
        }
        for (const item of [...declaration.attributes, ...(declaration.members ?? [])]) {
          const value = item.default && constantValue(checker, path, item.default);
          if (value !== undefined) item.default = value;
        }
      }
    },
  };
}

function createChecker(tsconfig, files) {
  const config = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  // The compiler options only: the program's files are the element modules, so the config's own file list is not walked.
  const { options } = ts.parseJsonConfigFileContent({ ...config.config, files: [], include: [] }, ts.sys, process.cwd());
  const program = ts.createProgram(files, { ...options, noEmit: true, types: [] });
  return { program, checker: program.getTypeChecker() };
}

function instanceTypeOf({ program, checker }, path, className) {
  const sourceFile = program.getSourceFile(path);
  const klass = sourceFile?.statements.find((statement) => ts.isClassDeclaration(statement) && statement.name?.text === className);
  return klass ? checker.getTypeAtLocation(klass) : undefined;
}

/** The literal value of a constant named `name` where the class's module can see it, as source text. */
function constantValue({ program, checker }, path, name) {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || ['null', 'undefined', 'true', 'false'].includes(name)) return undefined;
  const sourceFile = program.getSourceFile(path);
  if (!sourceFile) return undefined;
  let symbol = checker.getSymbolsInScope(sourceFile, ts.SymbolFlags.Value | ts.SymbolFlags.Alias).find((candidate) => candidate.name === name);
  // An exported constant of this module is seen through its local export symbol; an imported one through its alias.
  if (symbol && symbol.flags & ts.SymbolFlags.ExportValue) symbol = checker.getExportSymbolOfSymbol(symbol);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const type = checker.getTypeAtLocation(declaration.initializer);
  if (type.isStringLiteral()) return `'${type.value}'`;
  if (type.isNumberLiteral()) return String(type.value);
  return declaration.initializer.getText();
}

/** The string literals of a union of them (with undefined/null ignored), else undefined. */
function stringLiterals(type) {
  const members = type.isUnion() ? type.types : [type];
  const values = [];
  for (const member of members) {
    if (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
    if (!member.isStringLiteral()) return undefined;
    values.push(member.value);
  }
  return values.length > 0 ? values : undefined;
}
