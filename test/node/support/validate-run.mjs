/**
 * Runs the installed `pex-plugins validate` the way a user does, from the project folder, and
 * makes the branding zips the tests give it (from fixture folders, at test time, with fflate).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { installedBin, projectRoot } from './installed-package.mjs';

/** `pex-plugins validate ...args`: status, stdout, stderr. */
export function validate(...args) {
  const run = spawnSync(installedBin(), ['validate', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return run;
}

/** `pex-plugins validate --json ...args`, its report parsed. */
export function validateJson(...args) {
  const run = validate('--json', ...args);
  return { ...run, report: JSON.parse(run.stdout) };
}

/** A fresh folder for one test's files. */
export function scratch() {
  return mkdtempSync(join(tmpdir(), 'pex-validate-'));
}

/** Every file below `folder`, by its path relative to it with '/' separators. */
export function filesOf(folder) {
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(folder, full).split(sep).join('/')] = new Uint8Array(readFileSync(full));
    }
  };
  walk(folder);
  return files;
}

/**
 * Writes a zip into `dir` and returns its path. `folders` maps a place in the zip
 * (`webapp2/`, `branding/webapp2/`) to the folder whose files go there; `extra` adds files by name.
 */
export function makeZip(dir, name, folders, extra = {}) {
  const entries = { ...extra };
  for (const [prefix, folder] of Object.entries(folders)) {
    for (const [path, bytes] of Object.entries(filesOf(folder))) entries[prefix + path] = bytes;
  }
  const path = join(dir, name);
  writeFileSync(path, zipSync(entries));
  return path;
}
