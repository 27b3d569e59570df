import type { Diagnostic } from './diagnostics.js';
import type { ValidationError } from './validators.generated.js';

import type { SchemaDiagnosticContext } from './schema-check.js';

/**
 * Turns Ajv's errors into diagnostics a person can act on: the JSON pointer of the offending value
 * (for a missing or unknown field, the field's own pointer), a plain message and a concrete fix.
 * `data` is the validated document; it lets a message quote the wrong value.
 */
export function schemaDiagnostics(
  errors: readonly ValidationError[] | null | undefined,
  data: unknown,
  context: SchemaDiagnosticContext,
): Diagnostic[] {
  if (!errors) return [];
  const union = unionAlternatives(errors);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    if (union.isAlternative(error)) continue;
    const d = describe(error, data, union.typesOf(error));
    const key = `${d.severity} ${d.pointer} ${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: context.file, ...(context.pluginId !== undefined && { pluginId: context.pluginId }), ...d });
  }
  return out;
}

type Described = Omit<Diagnostic, 'file' | 'pluginId'> & { pointer: string };

function describe(error: ValidationError, data: unknown, unionTypes: string[] | undefined): Described {
  const pointer = error.instancePath;
  const name = fieldName(pointer);
  const value = valueAt(data, pointer);
  const params = error.params;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return {
        severity: 'error',
        pointer: `${pointer}/${escapePointer(field)}`,
        message: `the required field "${field}" is missing`,
        fix: `add the field "${field}"`,
      };
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      return {
        severity: 'warning',
        pointer: `${pointer}/${escapePointer(field)}`,
        message: `unknown field "${field}" is ignored`,
        fix: 'remove it, or check its spelling against the plugin guide',
      };
    }
    case 'type':
      return typeMismatch(pointer, name, value, [params.type].flat().map(String));
    case 'anyOf':
    case 'oneOf':
      // A union of plain types reads like a type error; anything richer gets a generic message.
      if (unionTypes?.length) return typeMismatch(pointer, name, value, unionTypes);
      return {
        severity: 'error',
        pointer,
        message: `${name} does not match any of the forms the plugin guide allows`,
        fix: 'check this value against the plugin guide',
      };
    case 'enum': {
      const allowed = [params.allowedValues].flat().map(String);
      return {
        severity: 'error',
        pointer,
        message: `${name} is ${value === undefined ? 'not' : `${JSON.stringify(value)}, which is not`} one of the allowed values`,
        fix: `use one of: ${allowed.join(', ')}`,
      };
    }
    case 'minLength': {
      const limit = Number(params.limit);
      return limit <= 1
        ? { severity: 'error', pointer, message: `${name} must not be empty`, fix: 'write a value between the quotes' }
        : {
            severity: 'error',
            pointer,
            message: `${name} must be at least ${limit} characters long`,
            fix: `make it ${limit} characters or longer`,
          };
    }
    case 'pattern': {
      // The validators carry no messages of their own (smaller drop-in): the words are here.
      const pattern = String(params.pattern);
      return {
        severity: 'error',
        pointer,
        message: `${name} is ${JSON.stringify(value)}, which does not have the form ${pattern}`,
        fix: `write a value that matches ${pattern}`,
      };
    }
    default:
      return {
        severity: 'error',
        pointer,
        message: `${name} ${error.message ?? 'is not valid'}`,
        fix: 'check this value against the plugin guide',
      };
  }
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object ({ ... })',
  array: 'a list ([ ... ])',
  null: 'null',
};

function typeMismatch(pointer: string, name: string, value: unknown, types: string[]): Described {
  const expected = types.map((t) => TYPE_PHRASES[t] ?? t).join(' or ');
  const actual = value === undefined ? '' : `, not ${valuePhrase(value)}`;
  // "true" in quotes is the most common slip in hand-edited settings; say exactly what to change.
  const quotedBoolean = types.includes('boolean') && (value === 'true' || value === 'false');
  return {
    severity: 'error',
    pointer,
    message: `${name} must be ${expected}${actual}`,
    fix: quotedBoolean ? `write ${String(value)} without quotes` : `make it ${expected}`,
  };
}

function valuePhrase(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'boolean':
      return String(value);
    default:
      return `an ${typeof value}`;
  }
}

/**
 * Ajv reports a failed anyOf/oneOf as one error per alternative plus the union's own error.
 * Only the union's error is shown; the alternatives' type errors tell which types it accepts.
 */
function unionAlternatives(errors: readonly ValidationError[]) {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const unionOf = (e: ValidationError) => unions.find((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/`));
  return {
    isAlternative: (e: ValidationError) => unionOf(e) !== undefined,
    typesOf(union: ValidationError): string[] | undefined {
      if (!unions.includes(union)) return undefined;
      const alternatives = errors.filter((e) => unionOf(e) === union);
      if (alternatives.some((e) => e.keyword !== 'type' || e.instancePath !== union.instancePath)) return undefined;
      return [...new Set(alternatives.flatMap((e) => [e.params.type].flat().map(String)))];
    },
  };
}

/** `"srcURL"` for /plugins/2/srcURL, `"platforms[1]"` for /platforms/1, `the file` for ''. */
function fieldName(pointer: string): string {
  const parts = pointer.split('/').slice(1).map(unescapePointer);
  const last = parts.at(-1);
  if (last === undefined) return 'the file';
  if (/^\d+$/.test(last) && parts.length > 1) return `"${parts.at(-2)}[${last}]"`;
  return `"${last}"`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1).map(unescapePointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
