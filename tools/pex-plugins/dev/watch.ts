/**
 * Watches the branding folder and reports bursts of changes: editors save a file in several
 * steps (a temporary file, a rename, a touch), so changes are gathered until the folder has
 * been quiet for `quietMs`, then reported once.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename } from 'node:path';

export const QUIET_MS = 150;

/** Editors' scratch files: swap files, backups, vim's write test, lock files. */
function isScratch(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || name.endsWith('.swp') || name.endsWith('.tmp') || name === '4913';
}

export interface FolderWatch {
  close(): void;
}

/** Calls `onBurst` with the paths (relative to `folder`) that changed in each burst. */
export function watchFolder(folder: string, onBurst: (paths: string[]) => void, quietMs = QUIET_MS): FolderWatch {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher: FSWatcher = watch(folder, { recursive: true }, (_event, filename) => {
    if (!filename || isScratch(filename.toString())) return;
    pending.add(filename.toString());
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending.clear();
      onBurst(paths);
    }, quietMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
