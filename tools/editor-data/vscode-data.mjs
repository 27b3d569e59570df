/**
 * VS Code custom data (format version 1.1, as VS Code's own browsers.html-data.json): the
 * HTML file gives the tags with their attributes and values; the CSS file gives every CSS
 * custom property the elements read, once, saying which elements read it and its default.
 * A project points `html.customData` / `css.customData` at them.
 */
import { attributeDefault, attributeValue, code, elementMarkdown, elementsOf, oneLine } from './manifest-elements.mjs';

const markdown = (value) => ({ kind: 'markdown', value });

export function vscodeHtmlData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: markdown(elementMarkdown(element)),
      attributes: (element.attributes ?? []).map((attribute) => {
        const value = attributeValue(attribute);
        const details = [
          attribute.description ? oneLine(attribute.description) : '',
          attribute.fieldName ? `Property: ${code(attribute.fieldName)}.` : '',
          attribute.type ? `Type: ${code(attribute.type.text)}.` : '',
          attribute.default !== undefined ? `Default: ${code(attributeDefault(attribute))}.` : '',
        ].filter(Boolean);
        return {
          name: attribute.name,
          ...(details.length ? { description: markdown(details.join(' ')) } : {}),
          // "v": VS Code's value set for boolean attributes (no value).
          ...(value.kind === 'boolean' ? { valueSet: 'v' } : {}),
          ...(value.kind === 'enum' ? { values: value.values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

export function vscodeCssData(manifest) {
  /** property name → [{ tag, description, default, syntax }] */
  const byName = new Map();
  for (const element of elementsOf(manifest)) {
    for (const property of element.cssProperties ?? []) {
      byName.set(property.name, [...(byName.get(property.name) ?? []), { tag: element.tagName, ...property }]);
    }
  }
  const properties = [...byName].map(([name, uses]) => {
    // One line per distinct (description, default), naming the elements it holds for.
    const lines = new Map();
    for (const use of uses) {
      const key = `${oneLine(use.description ?? '')}\u0000${use.default ?? ''}`;
      lines.set(key, [...(lines.get(key) ?? []), use]);
    }
    const text = [...lines.values()].map((group) => {
      const { description, default: fallback } = group[0];
      const tags = group.map((use) => code(`<${use.tag}>`)).join(', ');
      return `${tags}: ${description ? oneLine(description) : '(undocumented)'}${fallback !== undefined ? ` Default: ${code(fallback)}.` : ''}`;
    });
    const syntax = uses.find((use) => use.syntax)?.syntax;
    return { name, description: markdown(text.join('\n\n')), ...(syntax ? { syntax } : {}) };
  });
  return { version: 1.1, properties: properties.sort((a, b) => a.name.localeCompare(b.name)) };
}
