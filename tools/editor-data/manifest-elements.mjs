/**
 * The elements of custom-elements.json as the editor formats need them: one record per tag,
 * with its class's module, and each attribute's kind of value worked out from its type text.
 */

/** Every custom element declaration with its module path, in the manifest's order. */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.push({ ...declaration, modulePath: mod.path });
    }
  }
  return elements;
}

/**
 * What an attribute's value may be, from its type text: `boolean` (present or absent), a
 * `number`, one of `enum` values (a union of string literals), or any `string`.
 */
export function attributeValue(attribute) {
  const text = attribute.type?.text ?? 'string';
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$|^"[^"]*"$/.test(part))) return { kind: 'enum', values: parts.map((part) => part.slice(1, -1)) };
  if (parts.length === 1 && parts[0] === 'boolean') return { kind: 'boolean' };
  if (parts.length === 1 && parts[0] === 'number') return { kind: 'number' };
  return { kind: 'string' };
}

/**
 * An attribute's default as HTML writes it: `'web'` (the field's initializer) is `web`.
 * Undefined when the manifest gives none.
 */
export function attributeDefault(attribute) {
  const value = attribute.default;
  if (value === undefined) return undefined;
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2]) : value;
}

/** Public properties a script sets or reads (fields; methods and static members left out). */
export function propertiesOf(element) {
  return (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected');
}

/** The text of `description`, with the summary first when both are given, and the custom states (which no editor format has a field for). */
export function elementDescription(element) {
  const states = (element.cssStates ?? []).map((state) => `- ${code(`:state(${state.name})`)}${state.description ? `: ${oneLine(state.description)}` : ''}`);
  return [element.summary, element.description, states.length ? `**CSS states**\n\n${states.join('\n')}` : ''].filter(Boolean).join('\n\n');
}

/** `code` in Markdown, with backticks inside the value kept intact. */
export function code(text) {
  const value = String(text);
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.includes('`') ? ` ${value} ` : value}${fence}`;
}

/** A Markdown reference card of the element: the summary and description, then its API by kind. */
export function elementMarkdown(element) {
  const sections = [elementDescription(element)];
  const list = (title, items, line) => {
    if (items.length > 0) sections.push(`**${title}**\n\n${items.map((item) => `- ${line(item)}`).join('\n')}`);
  };
  const described = (description) => (description ? `: ${oneLine(description)}` : '');
  list('Properties', propertiesOf(element), (member) => `${code(member.name)}${member.type ? ` (${code(member.type.text)})` : ''}${member.readonly ? ', read-only' : ''}${described(member.description)}`);
  list('Events', element.events ?? [], (event) => `${code(event.name)}${event.type ? ` (${code(event.type.text)})` : ''}${described(event.description)}`);
  list('Slots', element.slots ?? [], (slot) => `${slot.name ? code(slot.name) : 'default'}${described(slot.description)}`);
  list('CSS parts', element.cssParts ?? [], (part) => `${code(`::part(${part.name})`)}${described(part.description)}`);
  list('CSS custom properties', element.cssProperties ?? [], (property) => `${code(property.name)}${property.default !== undefined ? ` (default ${code(property.default)})` : ''}${described(property.description)}`);
  return sections.filter(Boolean).join('\n\n');
}

export const oneLine = (text) => String(text).replace(/\s*\n\s*/g, ' ').trim();
