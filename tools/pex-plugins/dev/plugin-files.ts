/**
 * Which plugin a changed file belongs to: the plugin whose package file's folder holds it, or
 * whose source it is (a package file may name a source elsewhere). settings.json and
 * manifest.json belong to the branding as a whole.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';

export type Change = { kind: 'branding' } | { kind: 'plugins'; ids: string[] } | { kind: 'none' };

const BRANDING_FILES = new Set(['settings.json', 'manifest.json']);

interface PluginFiles {
  id: string;
  folder: string;
  source: string | undefined;
}

/** A relative URL's path on disk (its query and fragment dropped); undefined for an absolute URL. */
function localPath(base: string, ref: unknown): string | undefined {
  if (typeof ref !== 'string' || /^[a-z][a-z\d+.-]*:/i.test(ref) || ref.startsWith('/')) return undefined;
  const path = ref.replace(/[?#].*$/s, '');
  try {
    return resolve(base, decodeURIComponent(path));
  } catch {
    return resolve(base, path);
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The plugins settings.json names, each with its package file's folder and its source. */
export function pluginFiles(brandingFolder: string): PluginFiles[] {
  const settings = readJson(join(brandingFolder, 'settings.json')) as { plugins?: unknown } | undefined;
  const entries = Array.isArray(settings?.plugins) ? settings.plugins : [];
  return entries.flatMap((entry: { id?: unknown; srcURL?: unknown }) => {
    const packageFile = localPath(brandingFolder, entry?.srcURL);
    if (typeof entry?.id !== 'string' || !packageFile) return [];
    const pkg = readJson(packageFile) as { srcURL?: unknown } | undefined;
    return [{ id: entry.id, folder: dirname(packageFile), source: localPath(dirname(packageFile), pkg?.srcURL) }];
  });
}

/** What to reload for a burst of changed paths (relative to the branding folder, or absolute). */
export function changeOf(brandingFolder: string, changed: Iterable<string>): Change {
  const root = resolve(brandingFolder);
  const files = [...changed].map((path) => (isAbsolute(path) ? path : resolve(root, path)));
  if (files.some((file) => dirname(file) === root && BRANDING_FILES.has(file.slice(root.length + 1)))) return { kind: 'branding' };
  const plugins = pluginFiles(root);
  const ids = plugins
    .filter((plugin) => files.some((file) => file.startsWith(plugin.folder + sep) || file === plugin.source))
    .map((plugin) => plugin.id);
  return ids.length > 0 ? { kind: 'plugins', ids } : { kind: 'none' };
}
