// `pex-plugins dev`, the installed command, on a temporary copy of a small branding folder
// (test/fixtures/dev-branding/), with the playground open in real headless Chromium: editing a
// plugin's files changes it in the open page without a page reload, in the same conference.
/* global window, document -- the functions given to page.evaluate / waitForFunction run in the page */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installedBin, projectRoot } from './support/installed-package.mjs';
import { launchChromium } from './support/chromium.mjs';

const FIXTURE = join(projectRoot, 'test', 'fixtures', 'dev-branding');
const WAIT = { timeout: 15_000 };

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `pex-plugins dev` and resolves once it prints its URL; its output is kept in `output`. */
function startDev(folder, port) {
  const child = spawn(installedBin(), ['dev', folder, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { child, output: '', exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))) };
  child.stdout.setEncoding('utf8').on('data', (text) => (run.output += text));
  child.stderr.setEncoding('utf8').on('data', (text) => (run.output += text));
  run.ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pex-plugins dev did not start in 15 s:\n${run.output}`)), 15_000);
    child.stdout.on('data', () => {
      if (run.output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void run.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`pex-plugins dev exited early:\n${run.output}`));
    });
  });
  return run;
}

/** Resolves when `check()` holds; fails after `ms` saying what it waited for. */
async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const toolbarLabels = (page) =>
  page.evaluate(() => [...(document.querySelector('pex-toolbar')?.shadowRoot?.querySelectorAll('[part="button"]') ?? [])].map((b) => b.getAttribute('aria-label')));

const waitForToolbar = (page, labels) =>
  until(async () => JSON.stringify(await toolbarLabels(page)) === JSON.stringify(labels), `the toolbar to show ${labels.join(', ')}`);

/** The inspector's entry of each plugin: its status and the text of its lists. */
const inspected = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('#inspector li.plugin')].map((li) => [li.getAttribute('data-plugin-id'), { status: li.getAttribute('data-status'), text: li.textContent.replace(/\s+/g, ' ') }]),
    ),
  );

describe('pex-plugins dev', () => {
  let folder;
  let dev;
  let browser;
  let page;
  let url;
  const pageErrors = [];

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pex-dev-'));
    cpSync(FIXTURE, folder, { recursive: true });
    const port = await freePort();
    dev = startDev(folder, port);
    await dev.ready;
    url = `http://127.0.0.1:${port}/`;
    browser = await launchChromium(['--disable-background-networking']);
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    if (dev && dev.child.exitCode === null && dev.child.signalCode === null) {
      dev.child.kill('SIGKILL');
      await dev.exited;
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('prints the playground URL and what it watches', () => {
    assert.match(dev.output, new RegExp(`^Playground: ${url.replace(/[.]/g, '\\.')}\nWatching: +${folder.replace(/[.]/g, '\\.')} \\(served as custom_configuration/\\)\n`));
  });

  it('serves the branding folder as custom_configuration/, byte for byte and never cached', async () => {
    const response = await fetch(`${url}custom_configuration/plugins/greeter/greeter.plugin.js?pexBrandingID=1764500000001`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(join(folder, 'plugins', 'greeter', 'greeter.plugin.js')));
    assert.equal((await fetch(`${url}custom_configuration/plugins/greeter/missing.js`)).status, 404);
    assert.equal((await fetch(`${url}custom_configuration/..%2F..%2Fetc%2Fpasswd`)).status, 403);
  });

  it('reloads a plugin whose source or package file changed, in the same page and conference', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('In meet'), WAIT);
    await waitForToolbar(page, ['Say hello', 'Wave']);
    await until(async () => Object.values(await inspected(page)).every((p) => p.status === 'loaded'), 'the inspector to show both plugins loaded');
    // The conference: who this page is, and that it is in the roster once (a rejoin would add a second).
    const conference = () =>
      page.evaluate(() => ({
        self: window.PEX.selfUUID,
        rows: [...document.querySelectorAll('#roster .name')].filter((n) => n.textContent.startsWith('Demo user')).length,
      }));
    await until(async () => (await conference()).rows === 1, 'the page’s own row in the roster');
    const joined = await conference();
    assert.match(joined.self, /^[0-9a-f-]{36}$/);
    await page.evaluate(() => (window.__marker = 1));

    // A source change: the label the source puts on state$.
    const source = join(folder, 'plugins', 'greeter', 'greeter.plugin.js');
    writeFileSync(source, readFileSync(source, 'utf8').replace("label: 'Say hello'", "label: 'Say hello again'"));
    await waitForToolbar(page, ['Say hello again', 'Wave']);
    assert.match(dev.output, /Changed plugins\/greeter\/greeter\.plugin\.js: reloading greeter\./);

    // A package file change: the label the package file gives.
    const pkg = join(folder, 'plugins', 'waver', 'waver.plugin.package.json');
    writeFileSync(pkg, readFileSync(pkg, 'utf8').replace('"label": "Wave"', '"label": "Wave goodbye"'));
    await waitForToolbar(page, ['Say hello again', 'Wave goodbye']);

    assert.equal(await page.evaluate(() => window.__marker), 1, 'the page was reloaded');
    assert.deepEqual(await conference(), joined);
    // One script per plugin: the reloads left none behind.
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[data-pex-plugin]').length), 2);
    const plugins = await inspected(page);
    assert.deepEqual(Object.keys(plugins), ['greeter', 'waver']);
    assert.equal(plugins.greeter.status, 'loaded');
    assert.equal(plugins.waver.status, 'loaded');
  });

  it('shows in the inspector the commands a plugin sent with their answers, and the actions it dispatched', async () => {
    const click = (label) =>
      page.evaluate((name) => document.querySelector('pex-toolbar').shadowRoot.querySelector(`[part="button"][aria-label="${name}"]`).click(), label);
    await click('Say hello again');
    await until(
      async () => /sendChatMessage\(\{"type":"text\/plain","payload":"Hello from the greeter"\}\) → answered by the connection/.test((await inspected(page)).greeter.text),
      'the greeter’s answered command in the inspector',
    );
    await click('Wave goodbye');
    await until(async () => /Actions it dispatched \S+ \[Waver\] Wave "o\/"/.test((await inspected(page)).waver.text), 'the waver’s action in the inspector');
    // Each new entry is read out.
    assert.equal(await page.evaluate(() => document.getElementById('inspector-live').getAttribute('aria-live')), 'polite');
  });

  it('shows a broken package file in the inspector, and loads the plugin again once it is fixed', async () => {
    const pkg = join(folder, 'plugins', 'waver', 'waver.plugin.package.json');
    const good = readFileSync(pkg, 'utf8');
    writeFileSync(pkg, good.replace('"version": "1.0.0",', '"version": "1.0.0",,'));
    await until(async () => (await inspected(page)).waver?.status === 'failed', 'the waver to fail');
    assert.match((await inspected(page)).waver.text, /1 error/);
    await waitForToolbar(page, ['Say hello again']);
    writeFileSync(pkg, good);
    await waitForToolbar(page, ['Say hello again', 'Wave goodbye']);
    assert.equal((await inspected(page)).waver.status, 'loaded');
    assert.equal(await page.evaluate(() => window.__marker), 1);
  });

  it('restarts every plugin when settings.json changes, still without a page reload', async () => {
    const settings = join(folder, 'settings.json');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/"enabled": true\n(\s*)\}\n(\s*)\]/, '"enabled": false\n$1}\n$2]'));
    await waitForToolbar(page, ['Say hello again']);
    assert.deepEqual(
      Object.fromEntries(Object.entries(await inspected(page)).map(([id, p]) => [id, p.status])),
      { greeter: 'loaded', waver: 'not-loaded' },
    );
    assert.equal(await page.evaluate(() => window.__marker), 1);
    assert.deepEqual(pageErrors, []);
  });

  it('stops cleanly on Ctrl-C', async () => {
    dev.child.kill('SIGINT');
    const { code } = await dev.exited;
    assert.equal(code, 0);
    assert.match(dev.output, /Stopped\.\n$/);
  });
});

describe('pex-plugins dev refuses', () => {
  it('a folder that is not a branding folder, with exit status 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pex-dev-empty-'));
    try {
      const run = spawnSync(installedBin(), ['dev', folder], { encoding: 'utf8', timeout: 15_000 });
      assert.equal(run.status, 2);
      assert.equal(
        run.stderr,
        `pex-plugins dev: ${folder}: not a branding folder: it has no manifest.json and no settings.json.\n` +
          'Give the webapp2 folder of a branding package, the one holding manifest.json and settings.json.\n',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a busy port, with exit status 2', async () => {
    const blocker = createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    try {
      const run = await new Promise((resolve) => {
        const child = spawn(installedBin(), ['dev', FIXTURE, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', (status) => {
          clearTimeout(timer);
          resolve({ status, stderr });
        });
      });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `pex-plugins dev: port ${port} is busy: something else listens on 127.0.0.1:${port}. Fix: stop it, or pick another port with --port N.\n`);
    } finally {
      blocker.close();
    }
  });
});
