import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

/** The branding validator CLI (`npm run validate -- <folder>`), run for real on fixture folders. */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const validate = (folder: string) => executeServerCommand<Run, { folder: string }>('validate-branding', { folder });

describe('npm run validate (the branding validator)', () => {
  it('passes the demo\'s sample branding folder', async () => {
    const run = await validate('demo/branding/webapp2');
    expect(run.stderr).to.equal('');
    expect(run.stdout.trim()).to.equal('demo/branding/webapp2: 0 errors, 0 warnings');
    expect(run.code).to.equal(0);
  });

  it('finds what breaks plugins before they reach a client, with file, place and fix, and exits 1', async () => {
    const run = await validate('test/fixtures/runtime/broken');
    expect(run.code).to.equal(1);
    expect(run.stdout).to.contain('test/fixtures/runtime/broken: 5 errors, 8 warnings');
    const errors = run.stderr.trim().split('\n');
    expect(errors).to.have.length(5);
    expect(run.stderr).to.contain('error [syntax-error] test/fixtures/runtime/broken/plugins/syntax/syntax.plugin.js:2:1: the plugin source does not compile');
    expect(run.stderr).to.contain('error [broken-package] test/fixtures/runtime/broken/plugins/badpkg/broken.plugin.package.json:4:3: the file is not valid JSON');
    expect(run.stderr).to.contain('error [never-registers] test/fixtures/runtime/broken/plugins/silent/silent.plugin.js: the source never calls registerPlugin');
    expect(run.stderr).to.contain('error [missing-source] test/fixtures/runtime/broken/plugins/missing/does-not-exist.js: the plugin source is missing');
    expect(run.stderr).to.contain('error [missing-package]');
    expect(run.stdout).to.contain('warning [settings-id] test/fixtures/runtime/broken/plugins/mismatch/mismatch.plugin.js: the source never mentions the id "settings-id"');
    // The cache key the browser adds is not part of a file name a person looks for.
    expect(run.stdout + run.stderr).to.not.contain('pexBrandingID');
  });

  it('checks icon files and the #id they are referenced by', async () => {
    const run = await validate('test/fixtures/validator/icons');
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain('the icon test/fixtures/validator/icons/plugins/icons/missing.svg is missing');
    expect(run.stderr).to.contain('the icon is referenced as #wrong, but the SVG has no element with id="wrong"');
    expect(run.stdout).to.contain('1 warning');
    expect(run.stdout).to.contain('the menu item action "neverNamed" is never named in the source');
  });

  it('says how to use it when no folder is given', async () => {
    const run = await executeServerCommand<Run, { folder: string }>('validate-branding', { folder: '' });
    expect(run.code).to.equal(2);
    expect(run.stderr).to.contain('Usage: npm run validate -- <branding folder');
  });
});
