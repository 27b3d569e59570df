import { expect } from '@open-wc/testing';
import { explainJsonError, type JsonProblem } from '../src/config/json-explain.js';

const NOT_JSON = 'the file is not valid JSON: ';

/** [what it shows, the broken text, the expected explanation] */
const CASES: Array<[string, string, JsonProblem]> = [
  [
    'a trailing comma before ]',
    '{\n  "platforms": ["web", "electron",]\n}',
    { line: 2, column: 35, message: `${NOT_JSON}trailing comma before \`]\``, fix: 'remove the comma at line 2, column 34: JSON allows no comma after the last item' },
  ],
  [
    'a trailing comma before }',
    '{\n  "id": "rec",\n}',
    { line: 3, column: 1, message: `${NOT_JSON}trailing comma before \`}\``, fix: 'remove the comma at line 2, column 14: JSON allows no comma after the last property' },
  ],
  [
    'a missing comma between properties',
    '{\n  "id": "rec"\n  "name": "Recorder"\n}',
    { line: 3, column: 3, message: `${NOT_JSON}missing comma between the properties "id" and "name"`, fix: 'add a comma at line 2, column 14, after `"rec"`' },
  ],
  [
    'a missing comma between array items',
    '["web" "electron"]',
    { line: 1, column: 8, message: `${NOT_JSON}missing comma between array items`, fix: 'add a comma at line 1, column 7, after `"web"`' },
  ],
  [
    'a missing comma after a nested object',
    '{"menuItems": {"toolbar": []} "id": "rec"}',
    { line: 1, column: 31, message: `${NOT_JSON}missing comma between the properties "menuItems" and "id"`, fix: 'add a comma at line 1, column 30, after `}`' },
  ],
  [
    'an unquoted key',
    '{\n  id: "rec"\n}',
    { line: 2, column: 3, message: `${NOT_JSON}unquoted key \`id\``, fix: 'put the key in double quotes: "id"' },
  ],
  [
    'a number as a key',
    '{1: "one"}',
    { line: 1, column: 2, message: `${NOT_JSON}unquoted key \`1\``, fix: 'put the key in double quotes: "1"' },
  ],
  [
    'a single-quoted string',
    "{\"name\": 'Recorder'}",
    { line: 1, column: 10, message: `${NOT_JSON}single-quoted string \`'Recorder'\``, fix: 'JSON strings use double quotes: "Recorder"' },
  ],
  [
    'a single-quoted key',
    "{'name': \"Recorder\"}",
    { line: 1, column: 2, message: `${NOT_JSON}single-quoted string \`'name'\``, fix: 'JSON strings use double quotes: "name"' },
  ],
  [
    'a missing colon after a key',
    '{"id" "rec"}',
    { line: 1, column: 7, message: `${NOT_JSON}missing colon after the key "id"`, fix: 'write a colon between the key and its value: "id": …' },
  ],
  [
    'a missing value after a colon',
    '{"id": }',
    {
      line: 1,
      column: 8,
      message: `${NOT_JSON}missing value after the key "id"`,
      fix: 'write a value after the colon: a string in double quotes, a number, true, false, null, an object or an array',
    },
  ],
  [
    'an unclosed string',
    '{\n  "name": "Recorder\n}',
    { line: 2, column: 11, message: `${NOT_JSON}unclosed string: \`"Recorder\` has no closing double quote on its line`, fix: 'add the closing " (a line break inside a string is written \\n)' },
  ],
  [
    'a missing ] at the end of the file',
    '{\n  "plugins": [\n    {"id": "a"}\n\n',
    { line: 3, column: 16, message: `${NOT_JSON}missing closing \`]\`: the \`[\` at line 2, column 14 is never closed`, fix: 'add `]` where that array ends' },
  ],
  [
    'a missing } at the end of the file',
    '{\n  "id": "rec"\n',
    { line: 2, column: 14, message: `${NOT_JSON}missing closing \`}\`: the \`{\` at line 1, column 1 is never closed`, fix: 'add `}` where that object ends' },
  ],
  [
    'an array closed by }',
    '{"plugins": [{"id": "a"}}',
    {
      line: 1,
      column: 25,
      message: `${NOT_JSON}missing closing \`]\`: the \`[\` at line 1, column 13 is followed by \`}\``,
      fix: 'add `]` before the `}` (or where that array ends)',
    },
  ],
  [
    'a line comment',
    '{\n  // the recorder\n  "id": "rec"\n}',
    { line: 2, column: 3, message: `${NOT_JSON}a comment (\`//\`): JSON has no comments`, fix: 'remove the comment; a note can go in a property of its own, such as "comment": "…"' },
  ],
  [
    'a block comment',
    '/* v2 */ {}',
    { line: 1, column: 1, message: `${NOT_JSON}a comment (\`/*\`): JSON has no comments`, fix: 'remove the comment; a note can go in a property of its own, such as "comment": "…"' },
  ],
  [
    'an unexpected character',
    '{"id": @rec}',
    {
      line: 1,
      column: 8,
      message: `${NOT_JSON}unexpected character \`@\``,
      fix: 'remove it; a value is a string in double quotes, a number, true, false, null, an object or an array',
    },
  ],
  [
    'a no-break space pasted from a web page',
    '{"id":\u00a0"rec"}',
    { line: 1, column: 7, message: `${NOT_JSON}unexpected character U+00A0 (no-break space)`, fix: 'replace it with a plain space' },
  ],
  [
    'a typographic quote',
    '{\u201cid\u201d: "rec"}',
    { line: 1, column: 2, message: `${NOT_JSON}unexpected character U+201C (typographic quote \u201c)`, fix: 'write a straight double quote " instead' },
  ],
  [
    'an unquoted word as a value',
    '{"label": yes}',
    {
      line: 1,
      column: 11,
      message: `${NOT_JSON}unexpected word \`yes\``,
      fix: 'put text in double quotes ("yes"); JSON\'s other values are numbers, true, false and null',
    },
  ],
  [
    'a capitalised literal',
    '{"enabled": True}',
    { line: 1, column: 13, message: `${NOT_JSON}unexpected word \`True\``, fix: 'write `true` in lower case' },
  ],
  [
    'a second closing brace after the JSON',
    '{"id": "rec"}\n}',
    {
      line: 2,
      column: 1,
      message: `${NOT_JSON}extra text after the JSON: \`}\` (the JSON value ends at line 1, column 13)`,
      fix: 'a JSON file holds one value: delete what follows it, or wrap the values in [ ] with commas between them',
    },
  ],
  [
    'a word after the JSON',
    '{} x',
    {
      line: 1,
      column: 4,
      message: `${NOT_JSON}extra text after the JSON: \`x\` (the JSON value ends at line 1, column 2)`,
      fix: 'a JSON file holds one value: delete what follows it, or wrap the values in [ ] with commas between them',
    },
  ],
  [
    'two commas in a row',
    '["web",, "ios"]',
    { line: 1, column: 8, message: `${NOT_JSON}a comma with no item before it`, fix: 'remove the comma, or write the missing part before it' },
  ],
  [
    'a Windows path with single backslashes',
    '{"path": "C:\\plugins"}',
    {
      line: 1,
      column: 13,
      message: `${NOT_JSON}invalid escape \`\\p\` in a string`,
      fix: 'write a backslash as \\\\; the escapes JSON knows are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX',
    },
  ],
  [
    'a short \\u escape',
    '"\\u12"',
    { line: 1, column: 2, message: `${NOT_JSON}invalid escape \`\\u12\` in a string`, fix: 'write \\u followed by four hexadecimal digits, such as \\u00e9' },
  ],
  [
    'a tab inside a string',
    '{"name": "a\tb"}',
    { line: 1, column: 12, message: `${NOT_JSON}a tab inside a string`, fix: 'write it as \\t' },
  ],
  [
    'a control character inside a string',
    '"a\u0001"',
    { line: 1, column: 3, message: `${NOT_JSON}the control character U+0001 inside a string`, fix: 'write it as \\u0001, or delete it' },
  ],
  [
    'an incomplete number',
    '{"n": 1.}',
    { line: 1, column: 7, message: `${NOT_JSON}the number \`1.\` is incomplete`, fix: 'write digits after the decimal point or the exponent, such as 1.0 or 1e3' },
  ],
  [
    'a leading zero',
    '{"n": 007}',
    {
      line: 1,
      column: 7,
      message: `${NOT_JSON}the number \`007\` starts with 0`,
      fix: 'JSON numbers have no leading zeros: drop them, or write the value as a string in double quotes',
    },
  ],
  [
    'a closing bracket with nothing open',
    ']',
    {
      line: 1,
      column: 1,
      message: `${NOT_JSON}expected a value, found \`]\``,
      fix: 'a JSON file starts with a string in double quotes, a number, true, false, null, an object or an array; most branding files start with {',
    },
  ],
  [
    'an empty file',
    '',
    { line: 1, column: 1, message: 'the file is empty', fix: 'write a JSON object into it, starting with { and ending with }' },
  ],
  [
    'a file of blank lines',
    ' \n\t\n',
    { line: 1, column: 1, message: 'the file is empty', fix: 'write a JSON object into it, starting with { and ending with }' },
  ],
];

describe('config: explainJsonError', () => {
  for (const [what, source, expected] of CASES) {
    it(`explains ${what}`, () => {
      expect(() => JSON.parse(source), 'the case is not JSON').to.throw(SyntaxError);
      expect(explainJsonError(source)).to.deep.equal(expected);
    });
  }

  it('counts lines ending in \\r\\n and \\r as editors do', () => {
    expect(explainJsonError('{\r\n  "id": "rec"\r\n  "name": "x"\r\n}')).to.include({ line: 3, column: 3 });
    expect(explainJsonError('{\r  "id": "rec",\r}')).to.include({ line: 3, column: 1 });
  });

  it('finds nothing wrong with JSON', () => {
    expect(explainJsonError('{"id": "rec", "list": [1, 2.5e3, -0, true, null, "\\u00e9\\n"]}')).to.equal(undefined);
  });
});
