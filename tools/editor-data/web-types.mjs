/**
 * JetBrains Web Types (schema https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json):
 * framework-agnostic HTML elements (no `framework`, so the IDE offers them in any HTML, Vue
 * or Angular template) with their attributes and slots, their script properties and events
 * (`js`), and their CSS custom properties and parts (`css`). The IDE finds the file through
 * the `web-types` field of package.json.
 */
import { attributeDefault, attributeValue, elementDescription, elementsOf, propertiesOf } from './manifest-elements.mjs';

export const WEB_TYPES_SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';

/**
 * @param manifest custom-elements.json
 * @param pkg package.json: its name and version name the library; its `exports` say under
 *   which subpath each element class can be imported (`source`).
 */
export function webTypes(manifest, pkg) {
  const subpathOf = exportedSubpaths(pkg);
  return {
    $schema: WEB_TYPES_SCHEMA,
    name: pkg.name,
    version: pkg.version,
    'js-types-syntax': 'typescript',
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: elementDescription(element),
          source: { module: subpathOf.get(`./${element.modulePath}`) ?? pkg.name, symbol: element.name },
          attributes: (element.attributes ?? []).map((attribute) => webTypesAttribute(attribute)),
          slots: (element.slots ?? []).map((slot) => ({ name: slot.name || 'default', ...described(slot) })),
          js: {
            properties: propertiesOf(element).map((member) => ({
              name: member.name,
              ...described(member),
              ...(member.type ? { type: member.type.text } : {}),
              ...(member.readonly ? { 'read-only': true } : {}),
            })),
            events: (element.events ?? []).map((event) => ({ name: event.name, ...described(event), ...(event.type ? { type: event.type.text } : {}) })),
          },
          css: {
            properties: (element.cssProperties ?? []).map((property) => ({
              name: property.name,
              ...described(property),
              ...(property.default !== undefined ? { default: property.default } : {}),
            })),
            parts: (element.cssParts ?? []).map((part) => ({ name: part.name, ...described(part) })),
          },
        })),
      },
    },
  };
}

function webTypesAttribute(attribute) {
  const value = attributeValue(attribute);
  const entry = { name: attribute.name, ...described(attribute), ...(attribute.deprecated ? { deprecated: attribute.deprecated } : {}) };
  if (attribute.default !== undefined) entry.default = attributeDefault(attribute);
  if (value.kind === 'enum') {
    entry.value = { type: 'enum' };
    entry.values = value.values.map((name) => ({ name }));
  } else {
    entry.value = { type: value.kind };
  }
  return entry;
}

const described = (item) => (item.description ? { description: item.description } : {});

/** `./dist/esm/components/toolbar/toolbar.js` → `pex-plugin-host/toolbar/toolbar.js`, from package.json `exports`. */
function exportedSubpaths(pkg) {
  const subpaths = new Map();
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : (target?.default ?? target?.import);
    if (typeof file !== 'string' || subpaths.has(file)) continue;
    subpaths.set(file, subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`);
  }
  return subpaths;
}
