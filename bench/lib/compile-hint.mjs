/**
 * The drop-in's compile hint (`//# allFunctionsCalledOnLoad`, the first line of
 * dist/pex-plugin-host.js, see vite.lib.config.ts) weighed by taking it away: a copy of the
 * built files with that one line removed, for a second server to serve beside the real one.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Copies the drop-in's files (the `*.js` at the top of `distDir`: the entry and its lazy chunks)
 * into `into`, the entry without its compile hint. Throws when the built entry has none: then
 * there is nothing to weigh, and the build has lost it.
 */
export async function distWithoutCompileHint(distDir, into) {
  const entry = await readFile(path.join(distDir, 'pex-plugin-host.js'), 'utf8');
  if (!entry.startsWith(`${COMPILE_HINT}\n`)) throw new Error(`${path.join(distDir, 'pex-plugin-host.js')} does not begin with ${COMPILE_HINT}: the build lost its compile hint`);
  for (const file of await readdir(distDir)) {
    if (!file.endsWith('.js') || file === 'pex-plugin-host.js') continue;
    await copyFile(path.join(distDir, file), path.join(into, file));
  }
  await writeFile(path.join(into, 'pex-plugin-host.js'), entry.slice(COMPILE_HINT.length + 1));
}
