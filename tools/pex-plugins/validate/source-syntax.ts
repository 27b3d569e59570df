/**
 * A plugin source read the way the Connect app runs it, a classic script, into a syntax tree
 * (acorn), never run; and the small questions the checks ask of that tree: where a node is,
 * what a dotted name says, what a name is bound to.
 */
import { parse, type AnyNode, type Expression, type Function as FunctionNode, type Node, type Program } from 'acorn';
import { recursive } from 'acorn-walk';
import type { Diagnostic } from '../../../src/config/diagnostics.js';

export type ParsedSource = { ast: Program } | { diagnostic: Diagnostic };

const OPTIONS = { ecmaVersion: 'latest', locations: true, allowHashBang: true } as const;

interface AcornSyntaxError extends SyntaxError {
  loc?: { line: number; column: number };
  pos?: number;
}

/** acorn says "Unexpected token"; the token itself tells a person more. */
function describeSyntaxError(error: AcornSyntaxError, source: string): string {
  const reason = error.message.replace(/ \(\d+:\d+\)$/, '');
  if (reason !== 'Unexpected token' || error.pos === undefined) return reason;
  const token = /^(?:[\p{L}\p{N}_$]+|\S)/u.exec(source.slice(error.pos))?.[0];
  return token ? `unexpected \`${token}\`` : reason;
}

function moduleReason(reason: string): string {
  if (/'import' and 'export'/.test(reason)) return '`import` or `export` makes the source an ES module';
  if (/import\.meta/.test(reason)) return '`import.meta` makes the source an ES module';
  return `the source parses only as an ES module (as a classic script: ${reason})`;
}

export function parseClassicScript(source: string, file: string, pluginId: string): ParsedSource {
  try {
    return { ast: parse(source, { ...OPTIONS, sourceType: 'script' }) };
  } catch (error) {
    const { loc } = error as AcornSyntaxError;
    const reason = describeSyntaxError(error as AcornSyntaxError, source);
    const where = loc ? { line: loc.line, column: loc.column + 1 } : {};
    if (parsesAsModule(source)) {
      return {
        diagnostic: {
          severity: 'error',
          file,
          pluginId,
          ...where,
          message: `${moduleReason(reason)}, but plugin sources run as classic scripts`,
          fix: 'remove import/export (and top-level await): load a library with a <script> element the plugin adds, and register with PEX.pluginAPI.registerPlugin',
        },
      };
    }
    return {
      diagnostic: {
        severity: 'error',
        file,
        pluginId,
        ...where,
        message: `the source does not parse as a classic script: ${reason}`,
        fix: loc ? `correct the syntax at line ${loc.line}, column ${loc.column + 1}` : 'correct the syntax',
      },
    };
  }
}

function parsesAsModule(source: string): boolean {
  try {
    parse(source, { ...OPTIONS, sourceType: 'module' });
    return true;
  } catch {
    return false;
  }
}

/** 1-based line and column of a node (acorn counts columns from 0). */
export function position(node: Node): { line: number; column: number } {
  const start = node.loc?.start ?? { line: 1, column: 0 };
  return { line: start.line, column: start.column + 1 };
}

/** `window.PEX.pluginAPI.registerPlugin` → ['window', 'PEX', 'pluginAPI', 'registerPlugin']; undefined for anything else. */
export function dottedName(node: AnyNode | Expression): string[] | undefined {
  if (node.type === 'Identifier') return [node.name];
  if (node.type !== 'MemberExpression') return undefined;
  const object = node.object.type === 'Super' ? undefined : dottedName(node.object);
  const property = memberName(node);
  return object && property !== undefined ? [...object, property] : undefined;
}

/** The name of `a.b` or `a['b']`; undefined when it is computed. */
export function memberName(node: Extract<AnyNode, { type: 'MemberExpression' }>): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** The string a node spells without running anything: a string literal or a template with no `${}`. */
export function staticString(node: AnyNode): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

export type Binding =
  | { kind: 'function' }
  | { kind: 'value'; init: Expression }
  | { kind: 'unknown' };

export type Scope = Program | Extract<AnyNode, FunctionNode>;

/**
 * What `name` is bound to where `ancestors` lead (the walk's ancestors, outermost first): the
 * nearest function or program that declares it, by a function declaration or a `var`/`let`/
 * `const` with an initial value. A parameter, a name declared twice, or one declared nowhere (a
 * global another script may set) is unknown: the checks then assume the best.
 */
export function resolveName(name: string, ancestors: AnyNode[]): Binding {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const scope = ancestors[i];
    if (scope.type !== 'Program' && scope.type !== 'FunctionDeclaration' && scope.type !== 'FunctionExpression' && scope.type !== 'ArrowFunctionExpression') continue;
    if (scope.type !== 'Program' && scope.params.some((p) => p.type === 'Identifier' && p.name === name)) return { kind: 'unknown' };
    const found = declarationsIn(scope, name);
    if (found.length === 1) return found[0];
    if (found.length > 1) return { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/** The declarations of `name` in one scope: its own body, not the functions nested in it. */
function declarationsIn(scope: Scope, name: string): Binding[] {
  const found: Binding[] = [];
  recursive<null>(scope, null, {
    Function(node, state, walk) {
      if (node !== scope) {
        if (node.type === 'FunctionDeclaration' && node.id?.name === name) found.push({ kind: 'function' });
        return;
      }
      walk(node.body, state);
    },
    VariableDeclarator(node, state, walk) {
      if (node.id.type === 'Identifier' && node.id.name === name) {
        if (!node.init) found.push({ kind: 'unknown' });
        else if (node.init.type === 'FunctionExpression' || node.init.type === 'ArrowFunctionExpression') found.push({ kind: 'function' });
        else found.push({ kind: 'value', init: node.init });
      }
      if (node.init) walk(node.init, state);
    },
    // A class declaration binds a name too; what it holds is not a plain function the check can read.
    ClassDeclaration(node, state, walk) {
      if (node.id?.name === name) found.push({ kind: 'unknown' });
      walk(node.body, state);
    },
  });
  return found;
}

/** The innermost function or program around a node (its ancestors, outermost first, the node last). */
export function enclosingScope(ancestors: AnyNode[]): Scope {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const node = ancestors[i];
    if (node.type === 'Program' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
      return node;
    }
  }
  return ancestors[0] as Program;
}
