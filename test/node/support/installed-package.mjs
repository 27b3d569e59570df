/**
 * The package as a user gets it: `npm pack` this project (built), then `npm install` the
 * tarball into an empty folder. Returns that folder; its `node_modules/.bin/pex-plugins` is the
 * installed command. The test command installs it once and hands it to every test through
 * PEX_INSTALLED_PACKAGE; a test file run on its own installs its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../../..');

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs the project and installs the tarball into `folder` (created); returns the tarball's file list too. */
export function installPackage(folder) {
  mkdirSync(folder, { recursive: true });
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', folder], projectRoot));
  const app = join(folder, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(folder, packed.filename)], app);
  writeFileSync(join(folder, 'packed.json'), JSON.stringify(packed));
  return app;
}

let installed;

/** The folder with the package installed: the test command's, or one made now (once per process). */
export function installedPackage() {
  if (process.env.PEX_INSTALLED_PACKAGE) return process.env.PEX_INSTALLED_PACKAGE;
  installed ??= installPackage(mkdtempSync(join(tmpdir(), 'pex-installed-')));
  return installed;
}

/** The installed `pex-plugins` command. */
export function installedBin() {
  return join(installedPackage(), 'node_modules', '.bin', 'pex-plugins');
}

/** The packed tarball that installedPackage() was installed from (it sits in the folder above). */
export function packedTarball() {
  const folder = dirname(installedPackage());
  const { filename } = JSON.parse(readFileSync(join(folder, 'packed.json'), 'utf8'));
  return join(folder, filename);
}
