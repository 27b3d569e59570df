// The built drop-in (dist/pex-plugin-host.js) in a page under a strict Content-Security-Policy
// (test/fixtures/csp-icons/), served `no-store` with the browser's cache off, as the start-up
// benchmark serves it: a plugin's menu icons (a `file.svg#id` symbol and a plain picture) are
// drawn with no policy violation, each requested by the server once, before the plugin's
// source ran.
/* global window -- the function given to page.evaluate runs in the page */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from './support/installed-package.mjs';
import { launchChromium } from './support/chromium.mjs';

const MOUNTS = {
  '/dist/': join(projectRoot, 'dist'),
  '/branding/': join(projectRoot, 'test', 'fixtures', 'runtime', 'icons-early'),
  '/csp-icons/': join(projectRoot, 'test', 'fixtures', 'csp-icons'),
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml' };

describe('menu icons under a strict Content-Security-Policy, no cache', () => {
  /** Requests the server answered, by path. */
  const requests = new Map();
  let server;
  let browser;
  let origin;

  before(async () => {
    server = createServer(async (req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requests.set(path, (requests.get(path) ?? 0) + 1);
      const prefix = Object.keys(MOUNTS).find((p) => path.startsWith(p));
      const file = prefix && normalize(join(MOUNTS[prefix], path.slice(prefix.length)));
      try {
        if (!file || !file.startsWith(MOUNTS[prefix] + sep)) throw new Error('outside');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('draws both icons, each fetched once, before the plugin source ran, with no violation', async () => {
    await readFile(join(projectRoot, 'dist', 'pex-plugin-host.js')).catch(() => assert.fail('dist/ is not built: run `npm run build`'));
    const page = await browser.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${origin}/csp-icons/index.html?branding=/branding/`);
    await page.waitForFunction(() => window.report, { timeout: 15_000 });
    const report = await page.evaluate(() => window.report);

    assert.deepEqual(report.violations, []);
    assert.deepEqual(errors, []);
    assert.equal(report.useHref, `${origin}/branding/plugins/early/symbols.svg?pexBrandingID=1700000000041#bell`);
    assert.ok(report.useWidth > 0, 'the symbol is drawn');
    assert.ok(report.imgWidth > 0, 'the picture is drawn');
    for (const file of ['symbols.svg', 'picture.svg']) {
      assert.equal(requests.get(`/branding/plugins/early/${file}`), 1, `${file}: requests the server answered`);
      const timings = report.icons.filter((entry) => entry.name.includes(`/${file}?`));
      assert.equal(timings.length, 1, `${file}: resource timing entries`);
      assert.ok(timings[0].startTime < report.ranAt, `${file} requested at ${timings[0].startTime} ms, before the source ran at ${report.ranAt} ms`);
    }
    await page.close();
  });
});
