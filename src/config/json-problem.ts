import type { Diagnostic } from './diagnostics.js';
import { explainJsonError } from './json-explain.js';

/**
 * The diagnostic for a branding file that JSON.parse refused (`reason` is its message): what is
 * wrong and where, in words. A chunk with the explaining parser, fetched only for such a file.
 */
export function jsonProblem(source: string, file: string, reason: string): Diagnostic {
  const depth = maxNesting(source);
  const problem = depth > MAX_EXPLAINED_NESTING ? TOO_DEEP : explain(source);
  if (problem === TOO_DEEP) {
    const at = /\(line (\d+) column (\d+)\)/.exec(reason);
    return {
      severity: 'error',
      file,
      ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
      message: `the file is not valid JSON: ${reason}; it is nested ${depth.toLocaleString('en')} levels deep, too deep to say more`,
      fix: 'check for a missing comma, quote or bracket; a branding file needs a few levels of nesting, not thousands',
    };
  }
  // The parser and the engine disagree; the engine's own words are better than nothing.
  if (!problem) return { severity: 'error', file, message: `the file is not valid JSON: ${reason}`, fix: 'check for a missing comma, quote or bracket' };
  return { severity: 'error', file, ...problem };
}

/**
 * The explaining parser reads nested values by recursion: a file nested some thousands of
 * levels deep overflows the stack, at a depth that varies from run to run. So it is not asked
 * about a file nested deeper than any branding file needs, nor trusted to get through one.
 */
const MAX_EXPLAINED_NESTING = 1000;
const TOO_DEEP = 'too deep';

function explain(source: string) {
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
