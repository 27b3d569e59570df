#!/usr/bin/env node
// Compiles src/config/schemas/*.schema.json into standalone validators (npm run gen:validators).
//
// Why ahead of time: Ajv's compiler builds code with `new Function`, which a strict
// Content-Security-Policy (`script-src 'self'`) forbids. The standalone output is plain code, but
// Ajv still emits CommonJS `require("ajv/dist/runtime/...")` for a few helpers; those break in an
// unbundled browser, so they are inlined here as ESM. The result is committed so the demo and
// the tests work without a build step.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const configDir = fileURLToPath(new URL('../src/config/', import.meta.url));
const COMMAND = 'npm run gen:validators (tools/generate-validators.mjs)';

/** Exported name → schema file (its $id is the file name). */
const VALIDATORS = {
  validateManifest: 'manifest.schema.json',
  validateSettings: 'settings.schema.json',
  validatePackage: 'package.schema.json',
};

/** Keywords that hold a map of sub-schemas, and ones that hold a sub-schema or a list of them. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SCHEMA_SLOTS = ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else'];

/**
 * Ajv embeds each schema object in the standalone code; titles and descriptions are for people
 * reading the .json files, so they are dropped to keep the shipped bundle small. Only schema
 * positions are touched: a property *named* "description" stays.
 */
function stripDocs(schema) {
  if (Array.isArray(schema)) return schema.map(stripDocs);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title' || key === 'description' || key === '$comment') continue;
    if (SCHEMA_MAPS.includes(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripDocs(v)]));
    } else if (SCHEMA_SLOTS.includes(key)) {
      out[key] = stripDocs(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

// ESM equivalents of the Ajv runtime helpers that standalone code would `require`.
const RUNTIME_HELPERS = {
  // Length in Unicode code points, as JSON Schema counts minLength/maxLength.
  ucs2length: `function ucs2length(str) {
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const code = str.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}`,
  // Deep equality of JSON values, for const/enum with objects and uniqueItems.
  equal: `function equal(a, b) {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]));
  }
  return a !== a && b !== b;
}`,
};

const ajv = new Ajv({
  allErrors: true, // report every problem in a file at once, not the first
  allowUnionTypes: true, // `type: ["string", "null"]` gives one clear error instead of anyOf noise
  allowMatchingProperties: true, // manifest: named is...Branded properties beside the pattern
  // A $ref becomes a call of one function, not a copy of its schema's code at each use: the
  // menu item is checked by one function for all three menu locations (smaller drop-in).
  inlineRefs: false,
  code: { source: true, esm: true, lines: true },
  // The host words every error itself (schema-diagnostics.ts): Ajv's own words would only weigh.
  messages: false,
});
for (const file of Object.values(VALIDATORS)) {
  ajv.addSchema(stripDocs(JSON.parse(readFileSync(configDir + 'schemas/' + file, 'utf8'))));
}

let code = standaloneCode(ajv, VALIDATORS);
const used = new Set();
code = code.replace(/require\(\s*["']ajv\/dist\/runtime\/(\w+)["']\s*\)\.default/g, (match, name) => {
  if (!(name in RUNTIME_HELPERS)) return match; // left for the check below to reject
  used.add(name);
  return name;
});

const header = `// GENERATED FILE, do not edit. Regenerate with: ${COMMAND}
// Source: src/config/schemas/*.schema.json. Ajv standalone code: no eval, no new Function.
/* eslint-disable */
`;
const helpers = [...used].map((name) => RUNTIME_HELPERS[name] + '\n').join('');
// Helpers go last: function declarations are hoisted, and Ajv's "use strict" stays first.
const output = header + code + '\n' + helpers;

const forbidden = [/\brequire\s*\(/, /new\s+Function/, /\beval\s*\(/];
// The header is prose about these very words, so only the code is checked.
const found = forbidden.find((re) => re.test(helpers + code));
if (found) {
  console.error(`generate-validators: the generated code still contains ${found} — it would break in the browser or under CSP.`);
  process.exit(1);
}

const declarations = `// GENERATED FILE, do not edit. Regenerate with: ${COMMAND}

/** One problem Ajv found; \`instancePath\` is a JSON pointer into the validated document. */
export interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  schemaPath: string;
}

/** A validator compiled from a JSON Schema: returns whether \`data\` is valid and, when not, sets \`errors\`. */
export interface Validator {
  (data: unknown): boolean;
  errors: ValidationError[] | null | undefined;
}

/** src/config/schemas/manifest.schema.json */
export declare const validateManifest: Validator;
/** src/config/schemas/settings.schema.json */
export declare const validateSettings: Validator;
/** src/config/schemas/package.schema.json */
export declare const validatePackage: Validator;
`;

writeFileSync(configDir + 'validators.generated.js', output);
writeFileSync(configDir + 'validators.generated.d.ts', declarations);
console.log(
  `generate-validators: wrote src/config/validators.generated.js (${output.length} bytes` +
    `${used.size ? `, inlined ${[...used].join(', ')}` : ''}) and validators.generated.d.ts`,
);
