// `pex-plugin-host/react` in React 18 and in React 19, as a client developer gets it: the packed
// package installed into a fresh project with that React (react, react-dom and their types),
// a TSX client (test/fixtures/react-client/) type-checked strict against the installed types,
// bundled with esbuild against the installed react, and run in headless Chromium with a
// branding fixture: the wrappers' props reach the elements, their handler props hear the events.
//
// Not server rendering: the package entry defines its elements (and so touches `window` and
// `HTMLElement`) as it is imported, so the wrappers load in a browser only.
/* global window, document -- the functions given to page.evaluate / waitForFunction run in the page */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { packedTarball, projectRoot } from './support/installed-package.mjs';
import { closeServer, serveClient } from './support/static-server.mjs';
import { launchChromium } from './support/chromium.mjs';

const CLIENT = join(projectRoot, 'test', 'fixtures', 'react-client');
const TSC = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const WAIT = { timeout: 10_000 };

const exec = promisify(execFile);

/** A fresh project with the packed package and React `major`; resolves to its folder. */
async function projectWithReact(work, major) {
  const folder = join(work, `react-${major}`);
  cpSync(CLIENT, folder, { recursive: true });
  await exec('npm', ['init', '-y'], { cwd: folder });
  const packages = [`react@${major}`, `react-dom@${major}`, `@types/react@${major}`, `@types/react-dom@${major}`];
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', packedTarball(), ...packages], { cwd: folder });
  return folder;
}

describe('pex-plugin-host/react in React 18 and 19, installed', () => {
  let work;
  let browser;
  const projects = {};

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'pex-react-'));
    // Both installs at once: they share npm's cache and mostly wait on it.
    const [react18, react19] = await Promise.all([projectWithReact(work, 18), projectWithReact(work, 19)]);
    Object.assign(projects, { 18: react18, 19: react19 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const major of [18, 19]) {
    it(`React ${major}: the client type-checks, bundles and runs`, { timeout: 60_000 }, async () => {
      const folder = projects[major];
      const installed = JSON.parse(readFileSync(join(folder, 'node_modules', 'react', 'package.json'), 'utf8')).version;
      const typesVersion = JSON.parse(readFileSync(join(folder, 'node_modules', '@types', 'react', 'package.json'), 'utf8')).version;
      assert.equal([installed, typesVersion].map((v) => v.split('.')[0]).join(' '), `${major} ${major}`);
      // The wrappers ship with @lit/react inside: the package neither installs it nor its peer.
      assert.equal(statSync(join(folder, 'node_modules', '@lit', 'react'), { throwIfNoEntry: false }), undefined, '@lit/react was installed with the package');

      // Strict, lib check on: the shipped declarations against this React's types; the
      // client's @ts-expect-error lines prove the props and the handlers' details are typed.
      await exec(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: folder }).catch((error) => {
        assert.fail(`tsc against @types/react ${typesVersion}:\n${error.stdout}${error.stderr}`);
      });

      await build({
        absWorkingDir: folder,
        entryPoints: ['client.tsx'],
        outfile: join(folder, 'client.js'),
        bundle: true,
        format: 'esm',
        target: 'es2022',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning',
      });

      const server = await serveClient(folder);
      const page = await browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
        await page.waitForFunction(() => document.querySelector('pex-plugin-host')?.plugins?.length === 4, WAIT);
        await page.evaluate(() => document.querySelector('pex-plugin-host').settled);
        const start = await page.evaluate(() => {
          const host = document.querySelector('pex-plugin-host');
          return {
            version: document.getElementById('react-version').textContent,
            plugins: host.plugins.map((p) => `${p.id}:${p.status}`),
            roster: window.pexTest.roster,
            attributes: ['participants', 'conference', 'participantrole'].map((name) => host.getAttribute(name)),
            menuFor: document.querySelector('pex-participant-menu').participant?.uuid,
            toolbarClass: document.querySelector('pex-toolbar').getAttribute('class'),
          };
        });
        assert.deepEqual(start, {
          version: installed,
          plugins: ['commands-plugin:loaded', 'people-plugin:loaded', 'throws-in-load:failed', 'emissions-plugin:loaded'],
          roster: ['Ann', 'Bob'],
          attributes: [null, null, null],
          menuFor: 'p-bob',
          toolbarClass: 'toolbar',
        });
        await page.waitForFunction(() => document.querySelectorAll('#errors li').length === 1, WAIT);

        // The plugin's toolbar button: its dialOut reaches onPexCommand, the answer the plugin,
        // and the roster React re-renders with reaches the plugins.
        await page.waitForFunction(() => document.querySelector('pex-toolbar').shadowRoot?.querySelector('[data-key="commands-plugin/toolbar/0"]'), WAIT);
        await page.evaluate(() => document.querySelector('pex-toolbar').shadowRoot.querySelector('[data-key="commands-plugin/toolbar/0"]').click());
        await page.waitForFunction(() => window.pexTest.roster?.length === 3, WAIT);
        const after = await page.evaluate(() => ({
          callback: window.pexTest.calls.find((c) => c.fn === 'record:callback')?.answer,
          roster: window.pexTest.roster,
          commands: [...document.querySelectorAll('#commands li')].map((li) => li.textContent),
          errors: [...document.querySelectorAll('#errors li')].map((li) => li.textContent),
        }));
        assert.deepEqual(after, {
          callback: { result: ['p-2'] },
          roster: ['Ann', 'Bob', 'rtmp://stream.example/live'],
          commands: ['dialOut'],
          errors: ['throws-in-load (load)'],
        });
        assert.deepEqual(pageErrors, []);
      } finally {
        await page.close();
        await closeServer(server);
      }
    });
  }
});
