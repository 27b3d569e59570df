/**
 * The branding package to check, as a set of files relative to its webapp2 folder: a folder on
 * disk, or a zip as the branding portal and the Management Node write it, where `webapp2/` sits
 * at the top or one level down beside the other clients' folders.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';

export interface BrandingSource {
  kind: 'folder' | 'zip';
  /** The path as the user gave it. */
  path: string;
  /** In a zip, the webapp2 folder that was checked: `webapp2/` or `<folder>/webapp2/`; null for a folder. */
  webapp2Folder: string | null;
  /** A file by its path relative to the webapp2 folder ('/' separators); undefined when absent. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Every file of the webapp2 folder, relative to it, sorted. */
  list(): Promise<string[]>;
}

/** The package cannot be checked at all (exit status 2). */
export class CannotCheck extends Error {
  override name = 'CannotCheck';
}

const BRANDING_FILES = ['manifest.json', 'settings.json'];

export async function openBranding(path: string): Promise<BrandingSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CannotCheck(`${path}: there is no such file or folder`);
  }
  return info.isDirectory() ? openFolder(path) : openZip(path);
}

async function openFolder(path: string): Promise<BrandingSource> {
  const files = await listFolder(path);
  if (!BRANDING_FILES.some((name) => files.includes(name))) {
    const nested = files.filter((f) => /^(?:[^/]+\/)?webapp2\/(?:manifest|settings)\.json$/.test(f)).map((f) => f.replace(/[^/]+$/, ''));
    const hint = nested.length > 0 ? `; its webapp2 folder is ${join(path, nested[0])}` : '';
    throw new CannotCheck(
      `${path}: not a branding package: the folder has no manifest.json or settings.json${hint}. Give the webapp2 folder, or the branding .zip`,
    );
  }
  return {
    kind: 'folder',
    path,
    webapp2Folder: null,
    async read(file) {
      try {
        return new Uint8Array(await readFile(join(path, ...file.split('/'))));
      } catch {
        return undefined;
      }
    },
    list: async () => files,
  };
}

/** Every file below `root`, relative to it with '/' separators, sorted; symbolic links are followed. */
async function listFolder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile());
    if (isFile) files.push(relative(root, full).split(sep).join('/'));
  }
  return files.sort();
}

/** Files a zip tool adds that are not part of the package (macOS resource forks, folder entries). */
function isZipNoise(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/');
}

async function openZip(path: string): Promise<BrandingSource> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await readFile(path)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CannotCheck(`${path}: the zip cannot be read (${reason}); it is not a zip file, or it is damaged. Make it again from the branding folder`);
  }
  const byName = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    const normalized = name.replace(/\\/g, '/');
    if (!isZipNoise(normalized)) byName.set(normalized, data);
  }
  const folder = findWebapp2Folder([...byName.keys()]);
  if (folder === undefined) {
    const top = [...new Set([...byName.keys()].map((name) => name.replace(/\/.*$/, '/')))].sort();
    const found = top.length === 0 ? 'it is empty' : `it holds ${top.slice(0, 8).join(', ')}${top.length > 8 ? `, and ${top.length - 8} more` : ''}`;
    throw new CannotCheck(
      `${path}: not a branding package: no webapp2/ folder with manifest.json or settings.json at the top of the zip or one level down (${found})`,
    );
  }
  const files = [...byName.keys()]
    .filter((name) => name.startsWith(folder))
    .map((name) => name.slice(folder.length))
    .sort();
  return {
    kind: 'zip',
    path,
    webapp2Folder: folder,
    read: async (file) => byName.get(folder + file),
    list: async () => files,
  };
}

/** `webapp2/` or `<one folder>/webapp2/` holding a branding file; the shallowest, then the first by name. */
function findWebapp2Folder(names: string[]): string | undefined {
  const folders = names
    .map((name) => /^((?:[^/]+\/)?webapp2\/)(?:manifest|settings)\.json$/.exec(name)?.[1])
    .filter((folder): folder is string => folder !== undefined)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return folders[0];
}
