// The installed `pex-plugins` command itself: usage, version and unknown commands.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { installedBin, projectRoot } from './support/installed-package.mjs';

const pexPlugins = (...args) => spawnSync(installedBin(), args, { encoding: 'utf8' });

describe('pex-plugins', () => {
  it('prints its usage and exits 2 when given no command', () => {
    const run = pexPlugins();
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^Usage: pex-plugins <command>/);
    assert.match(run.stderr, /validate <branding folder \| \.zip>/);
    assert.match(run.stderr, /dev <branding folder> \[--port N\]/);
    assert.match(run.stderr, /new <name> \[--location toolbar\|conference\|participants\]/);
  });

  it('prints its usage on --help and exits 0', () => {
    const run = pexPlugins('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: pex-plugins <command>/);
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    assert.equal(execFileSync(installedBin(), ['--version'], { encoding: 'utf8' }).trim(), version);
  });

  it('names an unknown command and exits 2', () => {
    const run = pexPlugins('valdiate', 'x');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /there is no command "valdiate"/);
  });
});
