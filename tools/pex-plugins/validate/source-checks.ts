/**
 * What only the source can tell, read from its syntax tree: it registers the plugin under the
 * package's id, and the object it registers has the functions the package's menu items name.
 */
import type { Program } from 'acorn';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { MENU_LOCATIONS, type MenuLocation, type ResolvedPluginPackage } from '../../../src/config/types.js';
import { findRegistrations, type RegisteredObject, type Registration } from './registration.js';
import { position, resolveName, staticString } from './source-syntax.js';

interface SourceContext {
  pkg: ResolvedPluginPackage;
  /** The id settings.json gives the plugin. */
  pluginId: string;
  /** Package paths of the package file and the source. */
  packageFile: string;
  sourceFile: string;
}

/** What each location's action is called with, for the fix's example. */
const ACTION_ARGUMENT: Record<MenuLocation, string> = {
  toolbar: 'participants',
  conference: 'conferenceDetails',
  participants: 'participant',
};

export function checkRegistration(ast: Program, context: SourceContext): Diagnostic[] {
  const { pkg, pluginId, sourceFile } = context;
  const { registrations, otherMentions } = findRegistrations(ast);
  const base = { file: sourceFile, pluginId };
  if (registrations.length === 0) {
    if (otherMentions.length > 0) {
      return [
        {
          severity: 'info',
          ...base,
          ...position(otherMentions[0]),
          message: 'registerPlugin is reached through another name here, so the id and the actions it registers were not checked',
          fix: `to have them checked, call PEX.pluginAPI.registerPlugin({id: '${pkg.id}', ...}) with an object literal`,
        },
      ];
    }
    return [
      {
        severity: 'error',
        ...base,
        message: 'the source never calls PEX.pluginAPI.registerPlugin, so the plugin never loads',
        fix: `call PEX.pluginAPI.registerPlugin({id: '${pkg.id}', load: function () {}, unload: function () {}, ...}) in the source`,
      },
    ];
  }
  const diagnostics: Diagnostic[] = [];
  const objects: RegisteredObject[] = [];
  let allRead = true;
  for (const registration of registrations) {
    diagnostics.push(...checkOneCall(registration, context, objects));
    if (!('object' in registration)) allRead = false;
  }
  if (allRead) diagnostics.push(...checkActions(objects, context));
  return diagnostics;
}

function checkOneCall(registration: Registration, context: SourceContext, objects: RegisteredObject[]): Diagnostic[] {
  const { pkg, pluginId, sourceFile } = context;
  const at = { file: sourceFile, pluginId, ...position(registration.call) };
  if ('notAnObject' in registration) {
    return [
      {
        severity: 'error',
        ...at,
        message: registration.notAnObject === null ? 'registerPlugin is called without the plugin object' : 'registerPlugin is called with something that is not an object',
        fix: `pass the plugin: registerPlugin({id: '${pkg.id}', load: function () {}, unload: function () {}, ...})`,
      },
    ];
  }
  if ('unreadable' in registration) {
    return [
      {
        severity: 'info',
        ...at,
        message: 'the object passed to registerPlugin is built in a way this check cannot follow, so its id and actions were not checked',
        fix: 'nothing to do if the plugin works; an object literal (or a variable holding one) is checked',
      },
    ];
  }
  const { object } = registration;
  objects.push(object);
  const id = object.members.get('id');
  if (id === undefined) {
    if (object.open) return [];
    return [
      {
        severity: 'error',
        ...at,
        message: 'the object passed to registerPlugin has no id',
        fix: `add id: '${pkg.id}', the id of the package file ${context.packageFile}`,
      },
    ];
  }
  const value = registeredId(id.value, registration);
  if (value === undefined || value === pkg.id) return [];
  return [
    {
      severity: 'error',
      file: sourceFile,
      pluginId,
      ...position(id.value),
      message: `registerPlugin is called with the id "${value}", but the package file ${context.packageFile} says "${pkg.id}"`,
      fix: `use id: '${pkg.id}' (one id in settings.json, the package file and registerPlugin)`,
    },
  ];
}

/** The id as the tree spells it: a string, or a name bound to one; undefined when it is computed. */
function registeredId(node: Parameters<typeof staticString>[0], registration: Registration): string | undefined {
  const literal = staticString(node);
  if (literal !== undefined) return literal;
  if (node.type !== 'Identifier') return undefined;
  const binding = resolveName(node.name, registration.ancestors);
  return binding.kind === 'value' ? staticString(binding.init) : undefined;
}

function checkActions(objects: RegisteredObject[], context: SourceContext): Diagnostic[] {
  if (objects.some((object) => object.open)) return [];
  const { pkg, pluginId, packageFile, sourceFile } = context;
  const diagnostics: Diagnostic[] = [];
  for (const location of MENU_LOCATIONS) {
    pkg.menuItems[location].forEach((item, index) => {
      const pointer = `/menuItems/${location}/${index}/action`;
      const found = objects.map((object) => object.members.get(item.action)).filter((m) => m !== undefined);
      const example = `${item.action}: function (${ACTION_ARGUMENT[location]}) { ... }`;
      if (found.length === 0) {
        const near = nearestName(item.action, objects);
        diagnostics.push({
          severity: 'error',
          file: packageFile,
          pointer,
          pluginId,
          message: `the action "${item.action}" is not defined by the object ${sourceFile} passes to registerPlugin, so the menu item does nothing`,
          fix: near
            ? `the object defines "${near}": use one spelling in "action" and in the source`
            : `add ${example} to that object, or name one of its functions in "action"`,
        });
      } else if (found.every((m) => m.member.kind === 'not-a-function')) {
        diagnostics.push({
          severity: 'error',
          file: packageFile,
          pointer,
          pluginId,
          message: `the action "${item.action}" names a value that is not a function (${sourceFile}:${position(found[0].value).line}:${position(found[0].value).column}), so the menu item does nothing`,
          fix: `make it a function: ${example}`,
        });
      }
    });
  }
  return diagnostics;
}

/** A member whose name is a slip of the keyboard away from `name` (at most two edits). */
function nearestName(name: string, objects: RegisteredObject[]): string | undefined {
  const names = objects.flatMap((object) => [...object.members.keys()]);
  return names.find((candidate) => candidate !== name && editDistance(candidate.toLowerCase(), name.toLowerCase()) <= 2);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
