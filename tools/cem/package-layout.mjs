/**
 * The manifest as the package ships: only the modules a page imports, named by their files in
 * dist/esm/.
 * - an element's class module (`dist/esm/components/toolbar/toolbar.js`, the class alone);
 * - its defining module (`dist/esm/components/toolbar.js`), whose `custom-element-definition`
 *   and re-export point at the class module;
 * - the entry (`dist/esm/components/index.js`) and what it exports.
 * Everything else (shared controllers, context, registration, command routing, styles) is
 * implementation: analysed, so inherited members are found, then left out. A class module
 * lists its element only; its helper exports are not part of the contract. Every `module`
 * reference (exports, superclasses, inherited members, type references) follows re-exports to
 * the module that declares the name and is rewritten to the shipped path.
 */
import { distPathOf, isElement, normalisedSourcePath } from './paths.mjs';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function packageLayoutPlugin({ entry = 'components/index.ts' } = {}) {
  return {
    name: 'pex - package layout',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const byPath = new Map(modules.map((mod) => [normalisedSourcePath(mod.path), mod]));
      const declares = (mod, name) => (mod.declarations ?? []).some((declaration) => declaration.name === name);

      /** The module that declares `name`, following re-exports from `path`. */
      const declaringModule = (path, name, seen = new Set()) => {
        const mod = byPath.get(normalisedSourcePath(path));
        if (!mod || seen.has(mod)) return normalisedSourcePath(path);
        seen.add(mod);
        if (declares(mod, name)) return mod.path;
        const onward = (mod.exports ?? []).find((entry) => entry.kind === 'js' && entry.name === name && entry.declaration?.module);
        return onward ? declaringModule(onward.declaration.module, onward.declaration.name, seen) : normalisedSourcePath(path);
      };

      const isElementModule = (mod) => (mod.declarations ?? []).some(isElement);
      // A definition counts when it names an element class (register.ts's own
      // `customElements.define(name, constructor)` names none).
      const definesElement = (entry) => {
        const mod = byPath.get(declaringModule(entry.declaration?.module ?? '', entry.declaration?.name));
        return (mod?.declarations ?? []).some((declaration) => declaration.name === entry.declaration.name && isElement(declaration));
      };
      for (const mod of modules) mod.exports = (mod.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition' || definesElement(entry));
      const isDefiningModule = (mod) => (mod.exports ?? []).some((entry) => entry.kind === 'custom-element-definition');
      const kept = modules.filter((mod) => mod.path === entry || isElementModule(mod) || isDefiningModule(mod));

      for (const mod of kept) {
        if (mod.path !== entry && isElementModule(mod)) {
          mod.declarations = mod.declarations.filter(isElement);
          const names = new Set(mod.declarations.map((declaration) => declaration.name));
          mod.exports = (mod.exports ?? []).filter((entry) => names.has(entry.declaration?.name));
        }
        if (mod.path !== entry && isDefiningModule(mod) && !isElementModule(mod)) {
          const defined = new Set(mod.exports.filter((entry) => entry.kind === 'custom-element-definition').map((entry) => entry.declaration.name));
          mod.exports = mod.exports.filter((entry) => entry.kind === 'custom-element-definition' || defined.has(entry.declaration?.name));
        }
        for (const entry of mod.exports ?? []) {
          const reference = entry.declaration;
          if (reference?.module) reference.module = distPathOf(declaringModule(reference.module, reference.name));
        }
      }

      for (const mod of kept) {
        for (const declaration of mod.declarations ?? []) rewriteReferences(declaration, declaringModule);
        mod.path = distPathOf(mod.path);
      }
      customElementsManifest.modules = kept.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

/** Every `module` inside a declaration (superclass, inheritedFrom, type references), shipped. */
function rewriteReferences(node, declaringModule) {
  if (Array.isArray(node)) {
    for (const item of node) rewriteReferences(item, declaringModule);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (typeof node.module === 'string' && typeof node.name === 'string' && !node.package) {
    node.module = distPathOf(declaringModule(node.module, node.name));
  }
  for (const value of Object.values(node)) rewriteReferences(value, declaringModule);
}
