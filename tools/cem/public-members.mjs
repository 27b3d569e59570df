/**
 * The manifest documents what a page may use: members that are `#private`, `_`-prefixed,
 * `private` or `protected` (lit's lifecycle overrides: render, willUpdate, updated …), or
 * tagged `@internal` / `@ignore`, are left out, and so are attributes backed by such a field.
 */

const hidden = (member) =>
  member.name.startsWith('#') ||
  member.name.startsWith('_') ||
  member.privacy === 'private' ||
  member.privacy === 'protected' ||
  /@(internal|ignore)\b/.test(member.description ?? '');

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function publicMembersPlugin() {
  return {
    name: 'pex - public members only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class' && declaration.kind !== 'mixin') continue;
          const removed = new Set((declaration.members ?? []).filter(hidden).map((member) => member.name));
          if (declaration.members) declaration.members = declaration.members.filter((member) => !removed.has(member.name));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !removed.has(attribute.fieldName ?? ''));
        }
      }
    },
  };
}
