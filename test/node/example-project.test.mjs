// The example project (examples/plugin-with-tests/) as a plugin author gets it going: copied into
// an empty folder, the packed package installed there with the example's devDependencies, and
// its own `npm test` run (web-test-runner in headless Chromium, the testing kit from the package).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packedTarball, projectRoot } from './support/installed-package.mjs';

const EXAMPLE = join(projectRoot, 'examples', 'plugin-with-tests');
/** The example's tests: test/invite.test.js (6) and test/invite-simulator.test.js (3). */
const EXAMPLE_TESTS = 9;

/** Runs a command; resolves to its exit status and its output (stdout and stderr together). */
function run(command, args, cwd, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the example project, installed as a plugin author would', () => {
  let work;
  let project;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'pex-example-'));
    project = join(work, 'plugin-with-tests');
    cpSync(EXAMPLE, project, { recursive: true, filter: (source) => !source.includes('node_modules') });
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('installs from the packed package and passes its own tests', { timeout: 240_000 }, async (t) => {
    const started = Date.now();
    const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', packedTarball()], project);
    assert.equal(install.status, 0, `npm install failed:\n${install.output}`);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'pex-plugin-host', 'package.json'), 'utf8'));
    assert.equal(installed.name, 'pex-plugin-host');
    const installSeconds = (Date.now() - started) / 1000;

    const tests = await run('npm', ['test'], project, { CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
    const testSeconds = (Date.now() - started) / 1000 - installSeconds;
    t.diagnostic(`npm install ${installSeconds.toFixed(1)} s, npm test ${testSeconds.toFixed(1)} s`);
    // web-test-runner's summary: "Chrome: |███| 2/2 test files | 9 passed, 0 failed".
    const summaries = [...tests.output.matchAll(/(\d+)\/(\d+) test files \| (\d+) passed, (\d+) failed/g)];
    const last = summaries.at(-1);
    assert.ok(last, `no test summary in the output of npm test:\n${tests.output}`);
    assert.deepEqual(
      { files: `${last[1]}/${last[2]}`, passed: Number(last[3]), failed: Number(last[4]), status: tests.status },
      { files: '2/2', passed: EXAMPLE_TESTS, failed: 0, status: 0 },
      tests.output,
    );
    assert.match(tests.output, /all tests passed/);

    // As its README says: the branding folder passes the installed validator.
    const validate = await run(join(project, 'node_modules', '.bin', 'pex-plugins'), ['validate', 'branding/webapp2'], project);
    assert.equal(validate.status, 0, `pex-plugins validate branding/webapp2:\n${validate.output}`);
  });
});
