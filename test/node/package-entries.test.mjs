// The package's ways in, as a client developer installs it (the packed tarball): package.json
// ready to publish, every export a shipped file with its declarations and source map, the
// drop-in free of bare imports, the npm entry importing only real dependencies, and a Vite app
// that takes two element modules bundling exactly one lit and only those elements, run in
// Chromium.
/* global window, document, customElements -- the functions given to page.evaluate run in the page */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import { build } from 'vite';
import { installedPackage, packedTarball, projectRoot } from './support/installed-package.mjs';
import { closeServer, serveClient } from './support/static-server.mjs';
import { launchChromium } from './support/chromium.mjs';

const exec = promisify(execFile);
const WAIT = { timeout: 10_000 };
const installedRoot = () => join(installedPackage(), 'node_modules', 'pex-plugin-host');
const manifest = () => JSON.parse(readFileSync(join(installedRoot(), 'package.json'), 'utf8'));

/** Every file under `folder`, relative to it. */
const filesUnder = (folder) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)));

/** The module specifiers a JavaScript module imports (static, dynamic with a literal unless `dynamic` is false, re-exports). */
function importsOf(file, { dynamic = true } = {}) {
  const specifiers = [];
  const add = (node) => node.source && typeof node.source.value === 'string' && specifiers.push(node.source.value);
  simple(parse(readFileSync(file, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' }), {
    ImportDeclaration: add,
    ExportNamedDeclaration: add,
    ExportAllDeclaration: add,
    ImportExpression: (node) => dynamic && add(node),
  });
  return specifiers;
}
const isBare = (specifier) => !/^(\.{1,2}\/|\/|[a-z]+:)/.test(specifier);
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the installed package', () => {
  it('is ready to publish: not private, described, its version the one the code reports', () => {
    const pkg = manifest();
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.repository?.type, 'git');
    assert.ok(pkg.keywords.includes('web-components') && pkg.keywords.includes('pexip'), `keywords: ${pkg.keywords}`);
    const versionModule = readFileSync(join(installedRoot(), 'dist/esm/components/version.js'), 'utf8');
    assert.match(versionModule, new RegExp(`LIBRARY_VERSION = ${JSON.stringify(pkg.version).replaceAll('.', '\\.')};`));
    assert.equal(pkg.version, JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
  });

  it('ships every file its exports name', () => {
    const missing = [];
    for (const [subpath, target] of Object.entries(manifest().exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
        // A pattern (`./dist/editor/*`) names a folder: it must hold files.
        const path = join(installedRoot(), file.replace(/\/\*$/, ''));
        const shipped = file.endsWith('/*') ? existsSync(path) && filesUnder(path).length > 0 : existsSync(path);
        if (!shipped) missing.push(`${subpath} → ${file}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has one defining module per element, with its class module, declarations and source maps beside', () => {
    const exports = manifest().exports;
    const elements = ['plugin-host', 'toolbar', 'conference-menu', 'participant-menu', 'template-dialog', 'plugin-settings', 'toasts'];
    assert.deepEqual(
      elements.map((name) => [exports[`./${name}.js`]?.default, exports[`./${name}/${name}.js`]?.default]),
      elements.map((name) => [`./dist/esm/components/${name}.js`, `./dist/esm/components/${name}/${name}.js`]),
    );
    const esm = join(installedRoot(), 'dist/esm');
    const scripts = filesUnder(esm).filter((f) => f.endsWith('.js'));
    assert.ok(scripts.length > 40, `${scripts.length} modules in dist/esm`);
    const lacking = scripts.flatMap((file) => {
      const wants = [file.replace(/\.js$/, '.d.ts')];
      // The generated validators are JavaScript as written (src/config/validators.generated.js): no map to make.
      if (!file.endsWith('validators.generated.js')) wants.push(`${file}.map`);
      return wants.filter((want) => !existsSync(join(esm, want)));
    });
    assert.deepEqual(lacking, []);
    const map = JSON.parse(readFileSync(join(esm, 'components/toolbar/toolbar.js.map'), 'utf8'));
    assert.deepEqual(map.sources.length === 1 && map.sourcesContent?.length === 1, true, 'the map carries its source');
  });

  it('lists as side effects exactly the modules that define elements', () => {
    const sideEffects = manifest().sideEffects;
    assert.ok(Array.isArray(sideEffects));
    // Read from the shipped code, not a list kept by hand: a module whose top level calls
    // defineElement or customElements.define, or imports another module for its effect alone.
    // A bundler that honours sideEffects drops a bare import of any module left out, and the
    // element it defines never exists in the app. The main entry too: `import 'pex-plugin-host'`
    // is how an app defines every element.
    const esm = join(installedRoot(), 'dist/esm');
    const defining = filesUnder(esm)
      .filter((file) => file.endsWith('.js'))
      .filter((file) => {
        const program = parse(readFileSync(join(esm, file), 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' });
        return program.body.some((node) => {
          if (node.type === 'ImportDeclaration') return node.specifiers.length === 0;
          const call = node.type === 'ExpressionStatement' && node.expression.type === 'CallExpression' ? node.expression.callee : undefined;
          return call?.type === 'Identifier' ? call.name === 'defineElement' : call?.type === 'MemberExpression' && call.object.name === 'customElements' && call.property.name === 'define';
        });
      })
      .map((file) => `./dist/esm/${file.split('\\').join('/')}`)
      .concat(manifest().exports['.'].default)
      .sort();
    assert.ok(defining.includes('./dist/esm/components/toolbar.js') && defining.includes('./dist/esm/components/toasts.js'), `found: ${defining}`);
    assert.deepEqual(sideEffects.filter((file) => file.startsWith('./dist/esm/')).sort(), defining);
  });

  it('gives the drop-in and its chunks no bare imports, and each a source map', () => {
    const dist = join(installedRoot(), 'dist');
    const dropIn = readdirSync(dist).filter((f) => f.endsWith('.js'));
    // The drop-in and its lazy chunks, each once (a stale chunk of an older build would show twice).
    assert.deepEqual(dropIn.map((f) => f.replace(/-[\w-]{8}\.js$/, '')).sort(), [
      'command-functions',
      'command-router',
      'infinity',
      'json-problem',
      'pex-plugin-host.js',
      'plugin-settings-view',
      'problem-texts',
      'request-path',
      'schema-diagnostics',
      'template-dialog-view',
      'texts',
      'toasts-view',
      'webapp3',
      'webapp3-ui',
    ]);
    for (const file of dropIn) {
      assert.deepEqual(importsOf(join(dist, file)).filter(isBare), [], `${file} imports by bare specifier`);
      // Every chunk it may load (the lazy ones too) is in the package.
      const missing = importsOf(join(dist, file)).filter((specifier) => !isBare(specifier) && !existsSync(join(dist, specifier)));
      assert.deepEqual(missing, [], `${file} imports files the package lacks`);
      assert.ok(existsSync(join(dist, `${file}.map`)), `${file}.map`);
      assert.match(readFileSync(join(dist, file), 'utf8'), new RegExp(`//# sourceMappingURL=${file.replace('.', '\\.')}\\.map\\s*$`));
    }
    // A lazy chunk that imports another is fetched, read, and only then asks for the other: a
    // round trip more. The first dialog, the Web App 3 frame host and UI, and the first toast
    // each need one chunk and the drop-in.
    for (const name of ['template-dialog-view', 'webapp3', 'webapp3-ui', 'toasts-view']) {
      const file = dropIn.find((f) => f.startsWith(`${name}-`) && /^[\w.-]+-[\w-]{8}\.js$/.test(f) && f.slice(name.length + 1, -3).length === 8);
      assert.ok(file, `no ${name} chunk`);
      const staticImports = importsOf(join(dist, file), { dynamic: false });
      assert.deepEqual(staticImports, ['./pex-plugin-host.js'], `${file} imports ${staticImports}`);
    }
  });

  it('lets the npm entry import only its own files and its dependencies', () => {
    const esm = join(installedRoot(), 'dist/esm');
    const dependencies = Object.keys(manifest().dependencies);
    const modules = filesUnder(esm).filter((f) => f.endsWith('.js'));
    const unresolved = modules.flatMap((f) => importsOf(join(esm, f)).filter((s) => !isBare(s) && !existsSync(join(esm, f, '..', s))).map((s) => `${f} → ${s}`));
    assert.deepEqual(unresolved, [], 'relative imports of files the package lacks');
    const imported = new Set(modules.flatMap((f) => importsOf(join(esm, f)).filter(isBare).map(packageOf)));
    assert.deepEqual([...imported].filter((name) => !dependencies.includes(name)), []);
    assert.deepEqual([...imported].sort(), ['@lit/context', 'jsonc-parser', 'lit', 'rxjs']);
  });
});

describe('a Vite app that imports two element modules', () => {
  let work;
  let app;
  let browser;
  const modules = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'pex-vite-app-'));
    app = join(work, 'app');
    cpSync(join(projectRoot, 'test/fixtures/vite-app'), app, { recursive: true });
    await exec('npm', ['init', '-y'], { cwd: app });
    await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', packedTarball(), 'lit@3'], { cwd: app });
    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: 'dist', minify: false },
      plugins: [{ name: 'record-modules', generateBundle: (_options, bundle) => Object.values(bundle).forEach((chunk) => chunk.type === 'chunk' && modules.push(...chunk.moduleIds)) }],
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('bundles one copy of lit, from the app\'s node_modules, and the unbundled entry', () => {
    const inApp = modules.map((id) => relative(app, id));
    const copies = (file) => inApp.filter((id) => id.endsWith(file));
    assert.deepEqual(copies('/lit-html/lit-html.js'), ['node_modules/lit-html/lit-html.js']);
    assert.deepEqual(copies('/lit-element/lit-element.js'), ['node_modules/lit-element/lit-element.js']);
    assert.deepEqual(copies('/@lit/reactive-element/reactive-element.js'), ['node_modules/@lit/reactive-element/reactive-element.js']);
    assert.equal(inApp.some((id) => id.endsWith('dist/pex-plugin-host.js')), false, 'the drop-in was bundled');
    assert.ok(inApp.includes('node_modules/pex-plugin-host/dist/esm/components/toolbar/toolbar.js'));
    // Not imported: the menus and the settings are not in the bundle.
    for (const element of ['conference-menu', 'participant-menu', 'plugin-settings']) {
      assert.equal(inApp.some((id) => id.includes(`/components/${element}`)), false, `${element} was bundled`);
    }
  });

  it('runs: the two elements and the dialog are defined, the others not, a plugin\'s button works', { timeout: 30_000 }, async () => {
    const server = await serveClient(join(app, 'dist'));
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      await page.waitForFunction(() => document.querySelector('pex-plugin-host')?.plugins?.length === 5, WAIT);
      // Each wait bounded and named: a hang says where it hung.
      await page.waitForFunction(() => document.querySelector('pex-plugin-host').pluginsSettled, WAIT).catch(async () => {
        const statuses = await page.evaluate(() => document.querySelector('pex-plugin-host').plugins.map((p) => `${p.id}:${p.status}`));
        assert.fail(`the host did not settle: ${statuses.join(', ')}; page errors: ${pageErrors.join('; ') || 'none'}`);
      });
      const defined = await page.evaluate(() =>
        ['pex-plugin-host', 'pex-toolbar', 'pex-template-dialog', 'pex-conference-menu', 'pex-participant-menu', 'pex-plugin-settings'].map(
          (tag) => `${tag}:${customElements.get(tag) ? 'defined' : 'undefined'}`,
        ),
      );
      assert.deepEqual(defined, [
        'pex-plugin-host:defined',
        'pex-toolbar:defined',
        'pex-template-dialog:defined',
        'pex-conference-menu:undefined',
        'pex-participant-menu:undefined',
        'pex-plugin-settings:undefined',
      ]);
      const button = '[data-key="defaults-plugin/toolbar/0"]';
      await page.waitForFunction((selector) => document.querySelector('pex-toolbar').shadowRoot?.querySelector(selector), WAIT, button);
      await page.evaluate((selector) => document.querySelector('pex-toolbar').shadowRoot.querySelector(selector).click(), button);
      await page.waitForFunction(() => window.pexTest?.calls.some((call) => call.plugin === 'defaults-plugin'), WAIT);
      assert.equal(await page.evaluate(() => typeof window.PEX?.pluginAPI?.registerPlugin), 'function');
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
      await closeServer(server);
    }
  });
});
