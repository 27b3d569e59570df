/**
 * The `registerPlugin` calls of a plugin source and the object each one passes, read from the
 * syntax tree. What cannot be read for certain (a spread, a computed key, an object built
 * elsewhere) leaves the object "open": the checks then do not call a name missing.
 */
import type { AnyNode, CallExpression, Expression, ObjectExpression, Program } from 'acorn';
import { ancestor, simple } from 'acorn-walk';
import { dottedName, enclosingScope, memberName, resolveName } from './source-syntax.js';

/** What a property of the registered object holds, as far as the tree tells. */
export type Member = { kind: 'function' } | { kind: 'not-a-function'; node: AnyNode } | { kind: 'unknown' };

export interface RegisteredObject {
  /** The members whose names the tree shows, with the node that gives each its value. */
  members: Map<string, { member: Member; value: AnyNode }>;
  /** Members may exist that the tree does not show. */
  open: boolean;
}

export type Registration = (
  | { call: CallExpression; object: RegisteredObject }
  /** The call passes nothing, or something that is not an object. */
  | { call: CallExpression; notAnObject: AnyNode | null }
  /** The call passes something the check cannot follow (a function's result, a parameter...). */
  | { call: CallExpression; unreadable: AnyNode }
) & {
  /** The call's ancestors in the tree, outermost first: the scopes its names resolve in. */
  ancestors: AnyNode[];
};

export interface SourceRegistrations {
  /** Calls of `PEX.pluginAPI.registerPlugin` (bare, or through `window`, `self` or `globalThis`). */
  registrations: Registration[];
  /** `registerPlugin` is reached some other way (a local alias): present, but not checked. */
  otherMentions: AnyNode[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis', 'top', 'parent']);

function isRegisterPlugin(path: string[] | undefined): boolean {
  if (!path || path.length < 3) return false;
  const prefix = path.slice(0, -3);
  const [pex, api, fn] = path.slice(-3);
  return pex === 'PEX' && api === 'pluginAPI' && fn === 'registerPlugin' && (prefix.length === 0 || (prefix.length === 1 && GLOBAL_OBJECTS.has(prefix[0])));
}

export function findRegistrations(ast: Program): SourceRegistrations {
  const registrations: Registration[] = [];
  const direct = new Set<AnyNode>();
  const otherMentions: AnyNode[] = [];
  ancestor(ast, {
    CallExpression(call, _state, ancestors) {
      if (call.callee.type === 'Super' || !isRegisterPlugin(dottedName(call.callee))) return;
      direct.add(call.callee);
      registrations.push({ ...readRegistration(call, ancestors), ancestors: [...ancestors] });
    },
    MemberExpression(node) {
      if (memberName(node) === 'registerPlugin') otherMentions.push(node);
    },
    Identifier(node) {
      if (node.name === 'registerPlugin') otherMentions.push(node);
    },
  });
  return { registrations, otherMentions: otherMentions.filter((node) => !direct.has(node)) };
}

function readRegistration(call: CallExpression, ancestors: AnyNode[]): DistributiveOmit<Registration, 'ancestors'> {
  const [argument] = call.arguments;
  if (argument === undefined) return { call, notAnObject: null };
  if (argument.type === 'SpreadElement') return { call, unreadable: argument };
  if (argument.type === 'ObjectExpression') return { call, object: readObject(argument, ancestors) };
  if (isNotAnObject(argument)) return { call, notAnObject: argument };
  if (argument.type === 'Identifier') {
    const binding = resolveName(argument.name, ancestors);
    if (binding.kind === 'value' && binding.init.type === 'ObjectExpression') {
      const object = readObject(binding.init, ancestors);
      addAssignedMembers(argument.name, enclosingScope(ancestors), call, object, ancestors);
      return { call, object };
    }
    if (binding.kind === 'value' && isNotAnObject(binding.init)) return { call, notAnObject: argument };
  }
  return { call, unreadable: argument };
}

function isNotAnObject(node: Expression): boolean {
  return node.type === 'Literal' || node.type === 'TemplateLiteral' || (node.type === 'Identifier' && node.name === 'undefined');
}

function readObject(node: ObjectExpression, ancestors: AnyNode[]): RegisteredObject {
  const object: RegisteredObject = { members: new Map(), open: false };
  for (const property of node.properties) {
    if (property.type === 'SpreadElement') {
      object.open = true;
      continue;
    }
    const name = propertyName(property.key, property.computed);
    if (name === undefined) {
      object.open = true;
      continue;
    }
    const member: Member =
      property.kind !== 'init' ? { kind: 'unknown' } : property.method ? { kind: 'function' } : memberOf(property.value, ancestors);
    object.members.set(name, { member, value: property.value });
  }
  addMembersSetOnThis(node, object);
  return object;
}

/**
 * `load: function () { this.toggle = function () {...}; }`: plugins are called as methods of the
 * object they register (COMPAT.md), so a member may be added through `this`. Counted as present.
 */
function addMembersSetOnThis(node: ObjectExpression, object: RegisteredObject): void {
  simple(node, {
    AssignmentExpression(assignment) {
      const target = assignment.left;
      if (target.type !== 'MemberExpression' || target.object.type !== 'ThisExpression') return;
      const name = memberName(target);
      if (name === undefined) object.open = true;
      else if (!object.members.has(name)) object.members.set(name, { member: { kind: 'unknown' }, value: assignment.right });
    },
  });
}

function propertyName(key: AnyNode, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

function memberOf(value: AnyNode, ancestors: AnyNode[]): Member {
  if (value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression') return { kind: 'function' };
  if (value.type === 'Literal' || value.type === 'TemplateLiteral' || value.type === 'ObjectExpression' || value.type === 'ArrayExpression') {
    return { kind: 'not-a-function', node: value };
  }
  if (value.type === 'Identifier') {
    if (value.name === 'undefined') return { kind: 'not-a-function', node: value };
    // A variable may be given its function later; only a declared function is known for sure.
    return resolveName(value.name, ancestors).kind === 'function' ? { kind: 'function' } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

/**
 * `var plugin = {...}; plugin.toggle = function () {...}; registerPlugin(plugin)`: members set by
 * assignment count too. Any other use of the name (handed to a function, reassigned) may add
 * members the tree does not show, so the object is open then.
 */
function addAssignedMembers(name: string, scope: AnyNode, call: CallExpression, object: RegisteredObject, outer: AnyNode[]): void {
  ancestor(scope, {
    // `plugin = ...` (the walk does not show an assigned name as an Identifier).
    AssignmentExpression(node) {
      if (node.left.type === 'Identifier' && node.left.name === name) object.open = true;
    },
    Identifier(node, _state, ancestors) {
      if (node.name !== name) return;
      const parent = ancestors[ancestors.length - 2];
      const grandparent = ancestors[ancestors.length - 3];
      if (parent === call) return; // the registerPlugin call itself
      if (parent?.type === 'VariableDeclarator' && parent.id === node) return;
      if (parent?.type === 'MemberExpression' && parent.object === node) {
        const isAssigned = grandparent?.type === 'AssignmentExpression' && grandparent.left === parent;
        if (!isAssigned) return; // reading plugin.x adds nothing
        const member = memberName(parent);
        if (member === undefined) object.open = true;
        else object.members.set(member, { member: memberOf(grandparent.right, [...outer, grandparent]), value: grandparent.right });
        return;
      }
      object.open = true;
    },
  });
}
