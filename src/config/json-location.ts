import type { Diagnostic } from './diagnostics.js';

/**
 * JSON.parse with a diagnostic that says where the JSON breaks. Branding files are edited by
 * hand, and "Unexpected token" alone does not tell an administrator which line to look at.
 */
export function parseJson(text: string, file: string): { value: unknown } | { diagnostic: Diagnostic } {
  // Editors on Windows save a byte-order mark; fetch() strips it, a file read in Node does not.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') {
    return {
      diagnostic: {
        severity: 'error',
        file,
        message: 'the file is empty',
        fix: 'write a JSON object into it, starting with { and ending with }',
      },
    };
  }
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const where = locateJsonError(reason, source);
    const diagnostic: Diagnostic = {
      severity: 'error',
      file,
      message: `the file is not valid JSON: ${reason}`,
      fix: where
        ? `check for a missing comma, quote or bracket near line ${where.line}`
        : 'check for a missing comma, quote or bracket',
    };
    if (where) Object.assign(diagnostic, where);
    return { diagnostic };
  }
}

/** How far each side of the error V8 quotes in its "Unexpected token" message (v8 json-parser.cc). */
const V8_CONTEXT_CHARS = 10;

/** The 1-based line and column of a JSON.parse error, from whatever the engine's message offers. */
export function locateJsonError(reason: string, source: string): { line: number; column: number } | undefined {
  // Chromium 11x+ and Firefox say it outright.
  const lineColumn = /line (\d+) column (\d+)/.exec(reason);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };

  const position = /at position (\d+)/.exec(reason);
  if (position) return lineAndColumn(source, Number(position[1]));

  // The file stops before the JSON does (a missing closing bracket): point just past its end.
  if (/unexpected end/i.test(reason)) return lineAndColumn(source, source.trimEnd().length);

  // V8 gives no position for a stray token (a trailing comma before ] or }), only a quote of the
  // text around it: `Unexpected token ']', ..."  "b": [1,],"... is not valid JSON`.
  const quoted = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(reason);
  if (quoted) {
    const [, token, cutBefore, snippet, cutAfter] = quoted;
    let offset = -1;
    if (cutBefore) {
      // The quote starts V8_CONTEXT_CHARS before the error.
      const start = source.indexOf(snippet);
      if (start >= 0) offset = start + V8_CONTEXT_CHARS;
    } else if (cutAfter) {
      // The quote starts at the beginning of the file and ends V8_CONTEXT_CHARS after the error.
      offset = snippet.length - V8_CONTEXT_CHARS;
    }
    // A short file is quoted whole: the first occurrence of the token is the best guess.
    if (offset < 0 || !source.startsWith(token, offset)) offset = source.indexOf(token);
    if (offset >= 0) return lineAndColumn(source, offset);
  }
  return undefined;
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}
