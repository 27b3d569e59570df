// GENERATED FILE, do not edit. Regenerate with: npm run gen:validators (tools/generate-validators.mjs)

/** One problem Ajv found; `instancePath` is a JSON pointer into the validated document. */
export interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  schemaPath: string;
}

/** A validator compiled from a JSON Schema: returns whether `data` is valid and, when not, sets `errors`. */
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
