// Writes components/version.ts from package.json's version, so the library reports the version
// it was published as (npm run build runs this first). Committed like the validators, so the
// demo and the tests run without a build step; rewritten only when the version changed.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const target = new URL('../components/version.ts', import.meta.url);
const text = `// GENERATED FILE, do not edit: npm run build writes it from package.json (tools/generate-version.mjs).
/** This copy's version (package.json's), which a second copy on the same page is told of. */
export const LIBRARY_VERSION = ${JSON.stringify(version)};
`;
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // Not written yet.
}
if (current !== text) {
  writeFileSync(target, text);
  console.log(`components/version.ts: ${version}`);
}
