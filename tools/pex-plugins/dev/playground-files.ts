/**
 * Where the built playground page is: dist/playground/ of the installed package. The command
 * runs from a chunk somewhere under dist/cli/, so the folder is found by walking up.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function playgroundFolder(from: string = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'dist', 'playground'), join(dir, 'playground')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
