import type { Diagnostic } from './diagnostics.js';
import { notLoaded, SERVE_ALL_FILES } from './missing-chunk.js';
import type { ValidationError, Validator } from './validators.generated.js';

/** Where the validated document came from, stamped on every diagnostic. */
export interface SchemaDiagnosticContext {
  file: string;
  pluginId?: string;
}

/**
 * Validates `data` and says what is wrong with it; [] when it is valid. The words for what is
 * wrong (schema-diagnostics.ts) are a chunk fetched for the first file that needs them: a
 * branding whose files are right never loads it.
 */
export async function checkSchema(validate: Validator, data: unknown, context: SchemaDiagnosticContext): Promise<Diagnostic[]> {
  if (validate(data)) return [];
  // Taken now: the next validation by the same validator replaces them.
  const errors = validate.errors;
  let words: typeof import('./schema-diagnostics.js');
  try {
    words = await import('./schema-diagnostics.js');
  } catch (error) {
    return (errors ?? []).map((problem) => bareDiagnostic(problem, context, error));
  }
  return words.schemaDiagnostics(errors, data, context);
}

/**
 * One of Ajv's errors as it is, for when the words for schema errors did not load: the file and
 * the pointer still say where, and the severity is the one schema-diagnostics.ts gives (an
 * unknown field is ignored, anything else refuses the file), so that a package loads or does
 * not exactly as it would with the words.
 */
function bareDiagnostic(problem: ValidationError, context: SchemaDiagnosticContext, error: unknown): Diagnostic {
  return {
    severity: problem.keyword === 'additionalProperties' ? 'warning' : 'error',
    file: context.file,
    ...(context.pluginId !== undefined && { pluginId: context.pluginId }),
    pointer: problem.instancePath,
    message: `does not match its schema here: ${problem.keyword} ${JSON.stringify(problem.params)} (${notLoaded('the words for schema errors', error)})`,
    fix: SERVE_ALL_FILES,
  };
}
