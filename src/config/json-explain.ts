/**
 * Why a JSON file does not parse, in words an administrator can act on ("trailing comma before
 * `]`", "unquoted key `id`"), with the line and column. It reads the file with jsonc-parser
 * (Microsoft's JSON scanner and parser, the one VS Code uses), in strict JSON mode, and turns
 * its first error code and the tokens around it into a sentence and a fix.
 *
 * It is loaded only when JSON.parse has already failed (see parseJson), so the parser never
 * weighs on a branding that is fine.
 */
// Its ES module build by path: the package has no "exports", and a bundler for Node (esbuild,
// for the pex-plugins command) would pick its UMD "main", whose require() calls it cannot follow.
import { createScanner, printParseErrorCode, visit } from 'jsonc-parser/lib/esm/main.js';

export interface JsonProblem {
  /** 1-based, counted in UTF-16 code units as editors do (a tab is one column). */
  line: number;
  column: number;
  /** "the file is empty", or "the file is not valid JSON: " and what is wrong. */
  message: string;
  fix: string;
}

/** A token the parser accepted before its first error. */
interface Token {
  kind: 'open' | 'close' | 'comma' | 'colon' | 'key' | 'value';
  offset: number;
  end: number;
}

/** An object or array still open where the parser stopped. */
interface Frame {
  bracket: '{' | '[';
  offset: number;
  /** The object's last key, to name the property a problem is in. */
  key?: string;
}

interface ParseState {
  code: string;
  offset: number;
  length: number;
  stack: Frame[];
  last: Token | undefined;
}

const CLOSER = { '{': '}', '[': ']' } as const;
const WHAT = { '{': 'object', '[': 'array' } as const;
/** Characters that look like white space or quotes but are not JSON's, named by what they are. */
const LOOKALIKES: Record<string, { name: string; fix: string }> = {
  '\u00a0': { name: 'no-break space', fix: 'replace it with a plain space' },
  '\u200b': { name: 'zero-width space', fix: 'delete it' },
  '\ufeff': { name: 'byte-order mark', fix: 'delete it (an editor can save the file as UTF-8 without BOM)' },
  '\u2028': { name: 'line separator', fix: 'replace it with a plain line break' },
  '\u2029': { name: 'paragraph separator', fix: 'replace it with a plain line break' },
  '\u201c': { name: 'typographic quote “', fix: 'write a straight double quote " instead' },
  '\u201d': { name: 'typographic quote ”', fix: 'write a straight double quote " instead' },
  '\u2018': { name: 'typographic quote ‘', fix: 'write a straight double quote " instead' },
  '\u2019': { name: 'typographic quote ’', fix: 'write a straight double quote " instead' },
};
const VALUES = 'a string in double quotes, a number, true, false, null, an object or an array';

/** The first reason `source` (without a byte-order mark) is not JSON, or undefined if it is JSON. */
export function explainJsonError(source: string): JsonProblem | undefined {
  if (source.trim() === '') {
    return { line: 1, column: 1, message: 'the file is empty', fix: 'write a JSON object into it, starting with { and ending with }' };
  }
  const state = firstError(source);
  if (!state) return undefined;
  const explained = explain(source, state);
  return { ...lineAndColumn(source, explained.at), message: `the file is not valid JSON: ${explained.message}`, fix: explained.fix };
}

/** Runs the parser and keeps the structure it had accepted when it met its first error. */
function firstError(source: string): ParseState | undefined {
  const stack: Frame[] = [];
  let last: Token | undefined;
  let error: ParseState | undefined;
  const token = (kind: Token['kind'], offset: number, length: number) => {
    if (!error) last = { kind, offset, end: offset + length };
  };
  const open = (bracket: Frame['bracket']) => (offset: number, length: number) => {
    if (error) return;
    stack.push({ bracket, offset });
    token('open', offset, length);
  };
  const close = (offset: number, length: number) => {
    // The parser also reports an end at the end of the file when the bracket is missing;
    // that end is an error, not a bracket (its length is 0).
    if (error || length === 0) return;
    stack.pop();
    token('close', offset, length);
  };
  visit(
    source,
    {
      onObjectBegin: open('{'),
      onArrayBegin: open('['),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (name, offset, length) => {
        if (error) return;
        const frame = stack.at(-1);
        if (frame) frame.key = name;
        token('key', offset, length);
      },
      onLiteralValue: (_value, offset, length) => token('value', offset, length),
      onSeparator: (character, offset, length) => token(character === ',' ? 'comma' : 'colon', offset, length),
      onError: (code, offset, length) => {
        error ??= { code: printParseErrorCode(code), offset, length, stack: stack.map((f) => ({ ...f })), last };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return error;
}

interface Explained {
  /** The offset the line and column are given for. */
  at: number;
  message: string;
  fix: string;
}

function explain(source: string, state: ParseState): Explained {
  const { code, offset, stack, last } = state;
  const frame = stack.at(-1);
  const atEnd = offset >= source.length || source.slice(offset).trim() === '';
  // An error at the end of the file is shown just past its last character, not on trailing blank lines.
  const end = source.trimEnd().length;
  const found = tokenAt(source, offset);

  switch (code) {
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return {
        at: offset,
        message: `a comment (\`${source.startsWith('/*', offset) ? '/*' : '//'}\`): JSON has no comments`,
        fix: 'remove the comment; a note can go in a property of its own, such as "comment": "…"',
      };
    case 'UnexpectedEndOfString':
      return {
        at: offset,
        message: `unclosed string: ${quote(source.slice(offset, lineEnd(source, offset)))} has no closing double quote on its line`,
        fix: 'add the closing " (a line break inside a string is written \\n)',
      };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode': {
      const escape = badEscape(source, offset);
      return {
        at: escape?.offset ?? offset,
        message: `invalid escape ${quote(escape?.text ?? '\\')} in a string`,
        fix:
          code === 'InvalidUnicode'
            ? 'write \\u followed by four hexadecimal digits, such as \\u00e9'
            : 'write a backslash as \\\\; the escapes JSON knows are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX',
      };
    }
    case 'InvalidCharacter': {
      const at = controlCharacter(source, offset);
      const char = source[at] ?? '';
      return {
        at,
        message: `${char === '\t' ? 'a tab' : `the control character ${codePoint(char)}`} inside a string`,
        fix: char === '\t' ? 'write it as \\t' : `write it as \\u${hex4(char)}, or delete it`,
      };
    }
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return {
        at: offset,
        message: `the number ${quote(found.text)} is incomplete`,
        fix: 'write digits after the decimal point or the exponent, such as 1.0 or 1e3',
      };
    case 'InvalidSymbol':
      return unexpectedText(source, state, found);
    case 'EndOfFileExpected':
      return extraText(source, offset, last);
  }

  if (code === 'ValueExpected' && last?.kind === 'colon' && frame?.key !== undefined) {
    return {
      at: atEnd ? end : offset,
      message: `missing value after the key ${JSON.stringify(frame.key)}`,
      fix: `write a value after the colon: ${VALUES}`,
    };
  }

  // Two commas in a row, or one right after the opening bracket.
  if (found.text === ',' && frame && (last?.kind === 'open' || last?.kind === 'comma')) {
    return {
      at: offset,
      message: `a comma with no ${frame.bracket === '{' ? 'property' : 'item'} before it`,
      fix: 'remove the comma, or write the missing part before it',
    };
  }

  if (atEnd && frame) {
    const closer = CLOSER[frame.bracket];
    return {
      at: end,
      message: `missing closing \`${closer}\`: the \`${frame.bracket}\` at ${where(source, frame.offset)} is never closed`,
      fix: `add \`${closer}\` where that ${WHAT[frame.bracket]} ends`,
    };
  }

  // A comma right before a closing bracket.
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && last?.kind === 'comma' && frame && found.text === CLOSER[frame.bracket]) {
    return {
      at: offset,
      message: `trailing comma before \`${found.text}\``,
      fix: `remove the comma at ${where(source, last.offset)}: JSON allows no comma after the last ${found.text === ']' ? 'item' : 'property'}`,
    };
  }

  if (code === 'CommaExpected' && frame) {
    const closer = CLOSER[frame.bracket];
    if (found.text === '}' || found.text === ']') {
      return {
        at: offset,
        message: `missing closing \`${closer}\`: the \`${frame.bracket}\` at ${where(source, frame.offset)} is followed by \`${found.text}\``,
        fix: `add \`${closer}\` before the \`${found.text}\` (or where that ${WHAT[frame.bracket]} ends)`,
      };
    }
    if (last?.kind === 'value' && last.end === offset && /^\d/.test(found.text) && /^-?0$/.test(source.slice(last.offset, last.end))) {
      return {
        at: last.offset,
        message: `the number ${quote(/^-?\d+/.exec(source.slice(last.offset))?.[0] ?? '0')} starts with 0`,
        fix: 'JSON numbers have no leading zeros: drop them, or write the value as a string in double quotes',
      };
    }
    const previous = last ? source.slice(last.offset, last.end) : '';
    const after = last ? `add a comma at ${where(source, last.end)}, after ${quote(previous)}` : 'add a comma';
    if (frame.bracket === '{') {
      const key = JSON.stringify(frame.key ?? '');
      const message = found.value !== undefined ? `missing comma between the properties ${key} and ${JSON.stringify(found.value)}` : `missing comma after the property ${key}`;
      return { at: offset, message, fix: after };
    }
    return { at: offset, message: 'missing comma between array items', fix: after };
  }

  if (code === 'ColonExpected') {
    const key = JSON.stringify(frame?.key ?? '');
    return { at: offset, message: `missing colon after the key ${key}`, fix: `write a colon between the key and its value: ${key}: …` };
  }

  if (code === 'PropertyNameExpected' && frame?.bracket === '{') {
    // A number or true/false/null where a key belongs.
    if (found.text && followedByColon(source, found.end)) return unquotedKey(offset, found.text);
    return { at: offset, message: `expected a key in double quotes, found ${describe(found.text)}`, fix: 'write the property as "key": value, or remove the stray character' };
  }

  if (code === 'ValueExpected' && !last && !atEnd) {
    return { at: offset, message: `expected a value, found ${describe(found.text)}`, fix: `a JSON file starts with ${VALUES}; most branding files start with {` };
  }

  return {
    at: atEnd ? end : offset,
    message: `expected ${expectedText(code)}, found ${atEnd ? 'the end of the file' : describe(found.text)}`,
    fix: 'remove the stray character, or write the missing part of the JSON here',
  };
}

/** Text the scanner does not know as a JSON token: an unquoted word, a single quote, a stray character. */
function unexpectedText(source: string, state: ParseState, found: ScannedToken): Explained {
  const { offset, stack, last } = state;
  const first = String.fromCodePoint(source.codePointAt(offset) ?? 0);
  const frame = stack.at(-1);
  if (!frame && last && last.kind !== 'open') return extraText(source, offset, last);

  if (first === "'") {
    const text = /^'[^'\r\n]*'?/.exec(source.slice(offset))?.[0] ?? "'";
    const inner = text.replace(/^'|'$/g, '');
    return { at: offset, message: `single-quoted string ${quote(text)}`, fix: `JSON strings use double quotes: ${JSON.stringify(inner)}` };
  }
  const lookalike = LOOKALIKES[first];
  if (lookalike) return { at: offset, message: `unexpected character ${codePoint(first)} (${lookalike.name})`, fix: lookalike.fix };

  const expectsKey = frame?.bracket === '{' && (last?.kind === 'open' || last?.kind === 'comma');
  if (expectsKey && followedByColon(source, found.end)) return unquotedKey(offset, found.text);

  if (/^[A-Za-z_$][\w$-]*$/.test(found.text)) {
    const literal = ['true', 'false', 'null'].find((l) => l === found.text.toLowerCase());
    return {
      at: offset,
      message: `unexpected word ${quote(found.text)}`,
      fix: literal
        ? `write \`${literal}\` in lower case`
        : `put text in double quotes (${JSON.stringify(found.text)}); JSON's other values are numbers, true, false and null`,
    };
  }
  return {
    at: offset,
    message: `unexpected character ${describeChar(first)}`,
    fix: `remove it; a value is ${VALUES}`,
  };
}

function unquotedKey(offset: number, key: string): Explained {
  return { at: offset, message: `unquoted key ${quote(key)}`, fix: `put the key in double quotes: ${JSON.stringify(key)}` };
}

function extraText(source: string, offset: number, last: Token | undefined): Explained {
  const valueEnd = last ? ` (the JSON value ends at ${where(source, last.end - 1)})` : '';
  return {
    at: offset,
    message: `extra text after the JSON: ${describe(tokenAt(source, offset).text)}${valueEnd}`,
    fix: 'a JSON file holds one value: delete what follows it, or wrap the values in [ ] with commas between them',
  };
}

interface ScannedToken {
  text: string;
  end: number;
  /** The decoded content of a string token. */
  value?: string;
}

/** The token that starts at `offset`, as jsonc-parser's scanner reads it. */
function tokenAt(source: string, offset: number): ScannedToken {
  const scanner = createScanner(source, true);
  scanner.setPosition(offset);
  scanner.scan();
  const start = scanner.getTokenOffset();
  const text = source.slice(start, start + scanner.getTokenLength());
  return { text, end: start + text.length, ...(text.startsWith('"') ? { value: scanner.getTokenValue() } : {}) };
}

function followedByColon(source: string, from: number): boolean {
  return /^[ \t\r\n]*:/.test(source.slice(from));
}

function expectedText(code: string): string {
  switch (code) {
    case 'PropertyNameExpected':
      return 'a key in double quotes';
    case 'CommaExpected':
      return 'a comma';
    case 'CloseBraceExpected':
      return '`}`';
    case 'CloseBracketExpected':
      return '`]`';
    default:
      return 'a value';
  }
}

/** The first backslash in the string at `offset` that starts an escape JSON does not have. */
function badEscape(source: string, offset: number): { offset: number; text: string } | undefined {
  const re = /\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt]|(u[0-9a-fA-F]{0,3}|[^])?)/g;
  re.lastIndex = offset + 1;
  for (let m = re.exec(source); m && m.index < lineEnd(source, offset); m = re.exec(source)) {
    if (m[1] !== undefined || m[0] === '\\') return { offset: m.index, text: m[0] };
  }
  return undefined;
}

function controlCharacter(source: string, offset: number): number {
  for (let i = offset + 1; i < source.length; i++) if (source.charCodeAt(i) < 0x20) return i;
  return offset;
}

function lineEnd(source: string, offset: number): number {
  const match = /[\r\n]/.exec(source.slice(offset));
  return match ? offset + match.index : source.length;
}

function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `\`${short}\``;
}

function describe(text: string): string {
  return text === '' ? 'the end of the file' : quote(text);
}

function describeChar(char: string): string {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? quote(char) : codePoint(char);
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function hex4(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(4, '0');
}

function where(source: string, offset: number): string {
  const { line, column } = lineAndColumn(source, offset);
  return `line ${line}, column ${column}`;
}

/** Lines end at \n, \r\n or \r, as in jsonc-parser and editors. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: before.length - lastBreak };
}
