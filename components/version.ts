// GENERATED FILE, do not edit: npm run build writes it from package.json (tools/generate-version.mjs).
/** This copy's version (package.json's), which a second copy on the same page is told of. */
export const LIBRARY_VERSION = "0.1.0";
