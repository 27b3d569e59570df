import type { Diagnostic } from './diagnostics.js';

/**
 * JSON.parse, and when it fails a diagnostic that says in words what is wrong and where
 * (line and column). Branding files are edited by hand, and "Unexpected token" alone does not
 * tell an administrator what to change. The explanation needs a real JSON parser, which is
 * loaded only then: a branding whose files parse never fetches it.
 */
export async function parseJson(text: string, file: string): Promise<{ value: unknown } | { diagnostic: Diagnostic }> {
  // Editors on Windows save a byte-order mark; fetch() strips it, a file read in Node does not.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let reason: string;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const depth = maxNesting(source);
  const problem = depth > MAX_EXPLAINED_NESTING ? TOO_DEEP : await explain(source);
  if (problem === TOO_DEEP) {
    const at = /\(line (\d+) column (\d+)\)/.exec(reason);
    return {
      diagnostic: {
        severity: 'error',
        file,
        ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
        message: `the file is not valid JSON: ${reason}; it is nested ${depth.toLocaleString('en')} levels deep, too deep to say more`,
        fix: 'check for a missing comma, quote or bracket; a branding file needs a few levels of nesting, not thousands',
      },
    };
  }
  if (!problem) {
    // The parser and the engine disagree; the engine's own words are better than nothing.
    return { diagnostic: { severity: 'error', file, message: `the file is not valid JSON: ${reason}`, fix: 'check for a missing comma, quote or bracket' } };
  }
  return { diagnostic: { severity: 'error', file, ...problem } };
}

/**
 * The explaining parser reads nested values by recursion: a file nested some thousands of
 * levels deep overflows the stack, at a depth that varies from run to run. So it is not asked
 * about a file nested deeper than any branding file needs, nor trusted to get through one.
 */
const MAX_EXPLAINED_NESTING = 1000;
const TOO_DEEP = 'too deep';

async function explain(source: string) {
  const { explainJsonError } = await import('./json-explain.js');
  try {
    return explainJsonError(source);
  } catch (error) {
    if (error instanceof RangeError) return TOO_DEEP;
    throw error;
  }
}

/** How deep objects and arrays nest in `source` at most, brackets inside strings not counted. */
export function maxNesting(source: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') max = Math.max(max, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return max;
}
