/**
 * `--previous`: the package uploaded before this one. Browsers and proxies keep a branding's
 * plugin files by their URLs, which the brandingID is part of (the guide's troubleshooting: "You
 * have not updated the brandingID"); plugin files that changed under the same brandingID do not
 * reach the clients that ran the old ones.
 */
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import type { BrandingSource } from './branding-source.js';

export interface PackageState {
  source: BrandingSource;
  brandingID: string | null;
  /** The plugins' files: settings.json, everything under plugins/, and the files its packages name elsewhere. */
  pluginFiles: Set<string>;
}

export interface FileChange {
  path: string;
  change: 'changed' | 'added' | 'removed';
}

export async function changedPluginFiles(current: PackageState, previous: PackageState): Promise<FileChange[]> {
  const paths = [...new Set([...current.pluginFiles, ...previous.pluginFiles])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const [now, before] = await Promise.all([current.source.read(path), previous.source.read(path)]);
    if (now === undefined && before === undefined) continue;
    if (before === undefined) changes.push({ path, change: 'added' });
    else if (now === undefined) changes.push({ path, change: 'removed' });
    else if (!Buffer.from(now).equals(Buffer.from(before))) changes.push({ path, change: 'changed' });
  }
  return changes;
}

const LISTED = 5;

export async function checkPrevious(current: PackageState, previous: PackageState): Promise<Diagnostic[]> {
  if (current.brandingID === null || current.brandingID !== previous.brandingID) return [];
  const changes = await changedPluginFiles(current, previous);
  if (changes.length === 0) return [];
  const listed = changes.slice(0, LISTED).map((c) => `${c.path} (${c.change})`);
  const more = changes.length > LISTED ? ` and ${changes.length - LISTED} more` : '';
  return [
    {
      severity: 'error',
      file: 'manifest.json',
      pointer: '/brandingID',
      message:
        `the brandingID is still "${current.brandingID}", as in ${previous.source.path}, but plugin files changed: ${listed.join(', ')}${more}; ` +
        'browsers keep the files of a branding they have seen, so clients would go on running the old plugins',
      fix: 'give "brandingID" a new value (the branding portal writes the time in milliseconds), as the plugin guide asks for every upload',
    },
  ];
}
