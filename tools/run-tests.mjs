/**
 * `npm test` after its pretest build: the Node tests (`test/node/`, the CLI run as installed
 * from the packed package), then the browser tests (web-test-runner in headless Chromium), then
 * one closing line for both: `N passed, N failed, N skipped`. Exit status 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installPackage } from '../test/node/support/installed-package.mjs';

const work = mkdtempSync(join(tmpdir(), 'pex-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function addCounts(file, label) {
  try {
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key];
    return true;
  } catch {
    console.error(`${label}: no test counts were written; counted as one failure`);
    totals.failed++;
    return false;
  }
}

try {
  // Installed once for every Node test: the tests run the `pex-plugins` a user would have.
  const installed = installPackage(join(work, 'installed'));
  const nodeCounts = join(work, 'node-counts.json');
  const files = process.argv.slice(2).filter((f) => f.startsWith('test/node/'));
  const browserFiles = process.argv.slice(2).filter((f) => !f.startsWith('test/node/'));
  let nodeCode = 0;
  if (browserFiles.length === 0 || files.length > 0) {
    nodeCode = await run(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./test/support/node-count-reporter.mjs',
        `--test-reporter-destination=${nodeCounts}`,
        ...(files.length > 0 ? files : ['test/node/']),
      ],
      { PEX_INSTALLED_PACKAGE: installed },
    );
    if (addCounts(nodeCounts, 'node tests') && nodeCode !== 0 && totals.failed === 0) totals.failed++;
  }
  let browserCode = 0;
  if (files.length === 0 || browserFiles.length > 0) {
    const browserCounts = join(work, 'browser-counts.json');
    browserCode = await run(
      process.execPath,
      ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...(browserFiles.length ? ['--files', ...browserFiles] : [])],
      { PEX_TEST_COUNTS: browserCounts, PEX_INSTALLED_PACKAGE: installed },
    );
    addCounts(browserCounts, 'browser tests');
    if (browserCode !== 0 && totals.failed === 0) totals.failed++;
  }
  process.exitCode = nodeCode !== 0 || browserCode !== 0 || totals.failed > 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}
