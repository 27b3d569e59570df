import type { Diagnostic } from './diagnostics.js';
import type { Validator } from './validators.generated.js';

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
  const { schemaDiagnostics } = await import('./schema-diagnostics.js');
  return schemaDiagnostics(errors, data, context);
}
