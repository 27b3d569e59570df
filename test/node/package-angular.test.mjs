// The Angular example as an Angular developer would build it from the package: demo/angular/
// copied into a fresh project with the packed package and Angular (the versions this repository
// uses), compiled ahead of time by its own build, and run in Chromium under its strict
// Content-Security-Policy with a branding fixture: a plugin's toolbar button reaches the Angular
// handler, no policy violation happens, and eval is refused.
/* global window, document -- the functions given to page.evaluate / waitForFunction run in the page */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { packedTarball, projectRoot } from './support/installed-package.mjs';
import { closeServer, serveClient } from './support/static-server.mjs';
import { launchChromium } from './support/chromium.mjs';

const exec = promisify(execFile);
const WAIT = { timeout: 15_000 };
const versionOf = (name) => JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;

describe('the Angular example built from the installed package', () => {
  let work;
  let project;
  let browser;
  let built;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'pex-angular-'));
    project = join(work, 'project');
    cpSync(join(projectRoot, 'demo/angular'), join(project, 'demo/angular'), { recursive: true });
    // The example's tsconfig.json extends the project's compiler options.
    cpSync(join(projectRoot, 'tsconfig.json'), join(project, 'tsconfig.json'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'angular-client', private: true, type: 'module' }));
    const angular = ['core', 'common', 'compiler', 'platform-browser', 'compiler-cli'].map((name) => `@angular/${name}@${versionOf(`@angular/${name}`)}`);
    const tools = ['esbuild', 'typescript', 'tslib'].map((name) => `${name}@${versionOf(name)}`);
    await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', packedTarball(), ...angular, ...tools], { cwd: project });
    built = await exec(process.execPath, ['demo/angular/build.mjs'], { cwd: project }).catch((error) => ({ failed: `${error.stdout}${error.stderr}` }));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('compiles ahead of time against the installed package', () => {
    assert.equal(built.failed, undefined, built.failed);
    assert.match(built.stdout, /ahead of time; no @angular\/compiler in the bundle/);
    const meta = JSON.parse(readFileSync(join(project, 'dist/angular/meta.json'), 'utf8'));
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.includes('node_modules/pex-plugin-host/dist/pex-plugin-host.js'), 'the installed drop-in is in the bundle');
    assert.deepEqual(inputs.filter((path) => path.includes('@angular/compiler')), []);
  });

  it('runs under script-src \'self\': a plugin\'s button reaches the Angular handler, eval is refused', { timeout: 60_000 }, async () => {
    writeFileSync(
      join(project, 'dist/angular/eval-probe.js'),
      "try { window.evalProbe = 'ran ' + eval('1 + 1'); } catch (error) { window.evalProbe = error.name; }\n",
    );
    const server = await serveClient(join(project, 'dist/angular'));
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.evaluateOnNewDocument(() => {
      window.pexTest = { calls: [] };
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html?branding=${encodeURIComponent('/branding/commands/')}`);
      await page.waitForFunction(() => document.querySelector('pex-plugin-host')?.pluginsSettled === true, WAIT);
      const button = '[data-key="commands-plugin/toolbar/0"]';
      await page.waitForFunction((selector) => document.querySelector('pex-toolbar')?.shadowRoot?.querySelector(selector), WAIT, button);
      await page.evaluate((selector) => document.querySelector('pex-toolbar').shadowRoot.querySelector(selector).click(), button);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="command-log"] li')].some((li) => li.textContent.includes('dialOut')), WAIT);
      // Script the page runs itself (DevTools' own evaluation is exempt from the policy): a
      // same-origin file, which 'self' allows, that tries eval.
      await page.evaluate(() => {
        const probe = document.createElement('script');
        probe.src = './eval-probe.js';
        document.head.append(probe);
      });
      await page.waitForFunction(() => window.evalProbe !== undefined, WAIT);
      const refused = await page.evaluate(() => window.evalProbe);
      assert.equal(refused, 'EvalError');
      const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
      assert.match(policy, /script-src 'self'(;|$)/);
      // The refused eval is the one violation.
      assert.deepEqual(await page.evaluate(() => window.violations), ['script-src eval']);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
      await closeServer(server);
    }
  });
});
