// `pex-plugin-host/vue` as a Vue developer gets it: the packed package installed into a fresh
// project with Vue and vue-tsc, and a component (test/fixtures/vue-client/) type-checked with
// strict templates and the library check on. Its right bindings pass; its wrong ones are marked
// @vue-expect-error, so the check fails if the declarations stop catching them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { packedTarball, projectRoot } from './support/installed-package.mjs';

const exec = promisify(execFile);

describe('pex-plugin-host/vue, installed', () => {
  let work;
  let folder;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'pex-vue-'));
    folder = join(work, 'vue-client');
    cpSync(join(projectRoot, 'test/fixtures/vue-client'), folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'vue-client', private: true, type: 'module' }));
    await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', packedTarball(), 'vue@3', 'vue-tsc@3', 'typescript@5.9'], { cwd: folder });
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('type-checks a component\'s bindings and handlers against the shipped declarations', { timeout: 120_000 }, async () => {
    await exec(process.execPath, [join(folder, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', 'tsconfig.json'], { cwd: folder }).catch((error) => {
      assert.fail(`vue-tsc:\n${error.stdout}${error.stderr}`);
    });
  });
});
