/**
 * Whether a folder is a webapp2 branding folder, the one that holds manifest.json and
 * settings.json, for the commands that work on one (`dev`, `new`).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BRANDING_FILES = ['manifest.json', 'settings.json'] as const;

/** What keeps `folder` from being a branding folder, in words; undefined when it is one. */
export function brandingFolderProblem(folder: string): string | undefined {
  if (!existsSync(folder)) return `${folder}: there is no such folder`;
  if (!statSync(folder).isDirectory()) return `${folder}: not a folder (give the webapp2 folder of the branding, not a file)`;
  const missing = BRANDING_FILES.filter((name) => !existsSync(join(folder, name)));
  if (missing.length === 0) return undefined;
  const nested = join(folder, 'webapp2');
  const hint = BRANDING_FILES.every((name) => existsSync(join(nested, name))) ? `; its webapp2 folder is ${nested}` : '';
  return `${folder}: not a branding folder: it has no ${missing.join(' and no ')}${hint}`;
}
