import type { Diagnostic } from './diagnostics.js';
import { notLoaded, reasonOf, SERVE_ALL_FILES } from './missing-chunk.js';

/**
 * JSON.parse, and when it fails a diagnostic that says in words what is wrong and where
 * (line and column). Branding files are edited by hand, and "Unexpected token" alone does not
 * tell an administrator what to change. The explanation needs a real JSON parser, which is
 * loaded only then (json-problem.ts, with the parser): a branding whose files parse never
 * fetches it.
 */
export async function parseJson(text: string, file: string): Promise<{ value: unknown } | { diagnostic: Diagnostic }> {
  // Editors on Windows save a byte-order mark; fetch() strips it, a file read in Node does not.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let reason: string;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    reason = reasonOf(error);
  }
  let explainer: typeof import('./json-problem.js');
  try {
    explainer = await import('./json-problem.js');
  } catch (error) {
    // Without the explainer, the browser's own words (which name a position) still say what is wrong.
    const message = `the file is not valid JSON: ${reason} (${notLoaded('the explanation of broken JSON', error)})`;
    return { diagnostic: { severity: 'error', file, message, fix: `check for a missing comma, quote or bracket; and ${SERVE_ALL_FILES}` } };
  }
  return { diagnostic: explainer.jsonProblem(source, file, reason) };
}
