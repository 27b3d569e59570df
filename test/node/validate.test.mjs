// `pex-plugins validate`, installed from the packed package, on real branding folders and zips.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from './support/installed-package.mjs';
import { filesOf, makeZip, scratch, validate, validateJson } from './support/validate-run.mjs';

const fixture = (name) => `test/fixtures/validator/${name}`;
const inProject = (path) => join(projectRoot, path);

/** One diagnostic of the JSON report, with the fields a test leaves out set as the report sets them. */
const entry = (fields) => ({ line: null, column: null, pointer: null, fix: null, pluginId: null, ...fields });

describe('pex-plugins validate: a folder', () => {
  it("passes the demo's branding folder with no error, warning or note", () => {
    const run = validate('demo/branding/webapp2');
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'demo/branding/webapp2: 0 errors, 0 warnings\n');
    assert.equal(run.status, 0);
  });

  it('passes every way real plugins write their actions, sloppy mode and page-relative files included', () => {
    const { status, report } = validateJson(fixture('clean'));
    assert.equal(status, 0);
    assert.deepEqual(report.counts, { errors: 0, warnings: 0, info: 1 });
    // A local alias of registerPlugin is not followed, and says so instead of guessing.
    assert.deepEqual(report.diagnostics, [
      entry({
        severity: 'info',
        file: 'plugins/alias/alias.plugin.js',
        line: 3,
        column: 3,
        message: 'registerPlugin is reached through another name here, so the id and the actions it registers were not checked',
        fix: "to have them checked, call PEX.pluginAPI.registerPlugin({id: 'alias-plugin', ...}) with an object literal",
        pluginId: 'alias-plugin',
      }),
    ]);
  });

  it('prints one line per problem with its place relative to the folder, the fix below, and a count; exits 1', () => {
    const run = validate(fixture('broken'));
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), 'test/fixtures/validator/broken: 8 errors, 3 warnings');
    const at = lines.indexOf(
      'plugins/wrong-id/wrong-id.plugin.js:2:38: error: registerPlugin is called with the id "wrong-id-plugin-0.9", but the package file plugins/wrong-id/wrong-id.plugin.package.json says "wrong-id-plugin" (plugin wrong-id-plugin)',
    );
    assert.notEqual(at, -1, run.stdout);
    assert.equal(lines[at + 1], "  fix: use id: 'wrong-id-plugin' (one id in settings.json, the package file and registerPlugin)");
    assert.ok(lines.includes('settings.json#/plugins/9/id: error: the id "actions-plugin" is already used by plugins[3], so this entry is skipped'), run.stdout);
    assert.ok(
      lines.some((l) => l.startsWith('plugins/actions/actions.plugin.package.json#/menuItems/conference/1/action: error: the action "recordConference"')),
      run.stdout,
    );
    // Paths as a person finds them in the folder: no URLs, no cache key.
    assert.doesNotMatch(run.stdout, /file:|https?:|pexBrandingID/);
  });

  describe('each kind of problem (--json)', () => {
    const { status, report } = validateJson(fixture('broken'));
    const of = (pluginId) => report.diagnostics.filter((d) => d.pluginId === pluginId);

    it('reports the package, its counts, and exits 1', () => {
      assert.equal(status, 1);
      assert.deepEqual(
        { path: report.path, kind: report.kind, webapp2Folder: report.webapp2Folder, brandingID: report.brandingID, previous: report.previous },
        { path: 'test/fixtures/validator/broken', kind: 'folder', webapp2Folder: null, brandingID: '1700000000200', previous: null },
      );
      assert.deepEqual(report.counts, { errors: 8, warnings: 3, info: 1 });
      assert.equal(report.diagnostics.length, 12);
    });

    it('a source written as an ES module: plugins are classic scripts', () => {
      assert.deepEqual(of('module-plugin'), [
        entry({
          severity: 'error',
          file: 'plugins/module/module.plugin.js',
          line: 2,
          column: 1,
          message: '`import` or `export` makes the source an ES module, but plugin sources run as classic scripts',
          fix: 'remove import/export (and top-level await): load a library with a <script> element the plugin adds, and register with PEX.pluginAPI.registerPlugin',
          pluginId: 'module-plugin',
        }),
      ]);
    });

    it('a syntax error, at its line and column', () => {
      assert.deepEqual(of('syntax-plugin'), [
        entry({
          severity: 'error',
          file: 'plugins/syntax/syntax.plugin.js',
          line: 5,
          column: 5,
          message: 'the source does not parse as a classic script: unexpected `unload`',
          fix: 'correct the syntax at line 5, column 5',
          pluginId: 'syntax-plugin',
        }),
      ]);
    });

    it('registerPlugin called with another id than the package file', () => {
      assert.deepEqual(of('wrong-id-plugin'), [
        entry({
          severity: 'error',
          file: 'plugins/wrong-id/wrong-id.plugin.js',
          line: 2,
          column: 38,
          message: 'registerPlugin is called with the id "wrong-id-plugin-0.9", but the package file plugins/wrong-id/wrong-id.plugin.package.json says "wrong-id-plugin"',
          fix: "use id: 'wrong-id-plugin' (one id in settings.json, the package file and registerPlugin)",
          pluginId: 'wrong-id-plugin',
        }),
      ]);
    });

    it('menu item actions the registered object does not define, or defines as something else than a function', () => {
      assert.deepEqual(of('actions-plugin'), [
        entry({
          severity: 'error',
          file: 'plugins/actions/actions.plugin.package.json',
          pointer: '/menuItems/conference/1/action',
          message: 'the action "recordConference" is not defined by the object plugins/actions/actions.plugin.js passes to registerPlugin, so the menu item does nothing',
          fix: 'the object defines "recordConfernce": use one spelling in "action" and in the source',
          pluginId: 'actions-plugin',
        }),
        entry({
          severity: 'error',
          file: 'plugins/actions/actions.plugin.package.json',
          pointer: '/menuItems/conference/2/action',
          message: 'the action "title" names a value that is not a function (plugins/actions/actions.plugin.js:10:12), so the menu item does nothing',
          fix: 'make it a function: title: function (conferenceDetails) { ... }',
          pluginId: 'actions-plugin',
        }),
      ]);
    });

    it('a source that never registers, and one whose object cannot be read (a note, not an error)', () => {
      assert.deepEqual(of('silent-plugin'), [
        entry({
          severity: 'error',
          file: 'plugins/silent/silent.plugin.js',
          message: 'the source never calls PEX.pluginAPI.registerPlugin, so the plugin never loads',
          fix: "call PEX.pluginAPI.registerPlugin({id: 'silent-plugin', load: function () {}, unload: function () {}, ...}) in the source",
          pluginId: 'silent-plugin',
        }),
      ]);
      assert.deepEqual(of('unreadable-plugin'), [
        entry({
          severity: 'info',
          file: 'plugins/unreadable/unreadable.plugin.js',
          line: 5,
          column: 3,
          message: 'the object passed to registerPlugin is built in a way this check cannot follow, so its id and actions were not checked',
          fix: 'nothing to do if the plugin works; an object literal (or a variable holding one) is checked',
          pluginId: 'unreadable-plugin',
        }),
      ]);
    });

    it('files loaded relative to the page that are not in the plugin folder: warnings at the string', () => {
      assert.deepEqual(of('page-refs-plugin'), [
        entry({
          severity: 'warning',
          file: 'plugins/page-refs/page-refs.plugin.js',
          line: 3,
          column: 18,
          message:
            'the source loads "./custom_configuration/plugins/page-refs/assets/missing.json" relative to the page, but the package has no plugins/page-refs/assets/missing.json',
          fix: 'add plugins/page-refs/assets/missing.json to the package (webapp2 serves the branding folder as custom_configuration/), or ignore this if the file is served from elsewhere',
          pluginId: 'page-refs-plugin',
        }),
        entry({
          severity: 'warning',
          file: 'plugins/page-refs/page-refs.plugin.js',
          line: 4,
          column: 18,
          message: 'the source loads "custom_configuration/plugins/pagerefs/assets/found.json" relative to the page, but the package has no plugins/pagerefs/assets/found.json',
          fix: 'the file is in plugins/page-refs/: write custom_configuration/plugins/page-refs/assets/found.json',
          pluginId: 'page-refs-plugin',
        }),
      ]);
    });

    it('a package with menu items in two locations: a warning that the Connect app would not work with it', () => {
      assert.deepEqual(of('two-places-plugin'), [
        entry({
          severity: 'warning',
          file: 'plugins/two-places/two-places.plugin.package.json',
          pointer: '/menuItems/participants',
          message:
            'the package has menu items in 2 locations (toolbar, participants), but the plugin guide allows one; this host shows them all, the Connect app would not work with this package',
          fix: 'keep the items of one location (toolbar or participants) and move the others to a package of their own',
          pluginId: 'two-places-plugin',
        }),
      ]);
    });

    it('broken JSON, explained in words at its line and column', () => {
      const [d, ...rest] = of('trailing-comma-plugin');
      assert.deepEqual(rest, []);
      assert.deepEqual(
        { severity: d.severity, file: d.file, line: d.line, column: d.column },
        { severity: 'error', file: 'plugins/trailing-comma/trailing-comma.plugin.package.json', line: 5, column: 78 },
      );
      assert.match(d.message, /^the file is not valid JSON: trailing comma before `\]`/);
    });

    it('an id settings.json gives two plugins', () => {
      assert.deepEqual(
        report.diagnostics.filter((d) => d.file === 'settings.json'),
        [
          entry({
            severity: 'error',
            file: 'settings.json',
            pointer: '/plugins/9/id',
            message: 'the id "actions-plugin" is already used by plugins[3], so this entry is skipped',
            fix: 'give each plugin its own id, the one its package file and its registerPlugin call use',
          }),
        ],
      );
    });
  });

  it("checks manifest.json's Web App 3 plugins: each entry, and its page in the package", () => {
    const dir = scratch();
    cpSync(inProject(fixture('clean')), dir, { recursive: true });
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        brandingID: '1700000000100',
        isSettingsBranded: true,
        plugins: [
          { id: 'here', src: 'plugins/here/index.html', sandboxValues: ['allow-same-origin'] },
          { id: 'gone', src: './plugins/gone/index.html' },
          { id: 'typo', src: 'x.html', sandboxValue: ['allow-forms'] },
          { id: 'here', src: 'plugins/here/again.html' },
        ],
      }),
    );
    mkdirSync(join(dir, 'plugins', 'here'));
    writeFileSync(join(dir, 'plugins', 'here', 'index.html'), '<!doctype html><script type="module" src="./index.js"></script>\n');
    const { status, report } = validateJson(dir);
    assert.equal(status, 1);
    assert.deepEqual(
      report.diagnostics.filter((d) => d.file === 'manifest.json').map((d) => [d.severity, d.pointer, d.pluginId, d.message]),
      [
        // What the host finds in manifest.json first, then what only the files tell.
        ['warning', '/plugins/2/sandboxValue', null, 'unknown field "sandboxValue" is ignored'],
        ['error', '/plugins/3/id', null, 'the id "here" is already used by plugins[0], so this entry is skipped'],
        ['error', '/plugins/1/src', 'gone', 'the page of Web App 3 plugin "gone" is plugins/gone/index.html, which is not in the package'],
        ['error', '/plugins/2/src', 'typo', 'the page of Web App 3 plugin "typo" is x.html, which is not in the package'],
      ],
    );
  });

  it('checks icons: in the package, SVG, well-formed, holding the #id', () => {
    const { status, report } = validateJson(fixture('icons'));
    assert.equal(status, 1);
    const icon = (index, message, fix) =>
      entry({ severity: 'error', file: 'plugins/icons/icons.plugin.package.json', pointer: `/menuItems/toolbar/${index}/icon`, message, fix, pluginId: 'icons-plugin' });
    assert.deepEqual(report.diagnostics, [
      entry({
        severity: 'error',
        file: 'plugins/icons/icons.plugin.package.json',
        pointer: '/menuItems/toolbar/6/action',
        message: 'the action "neverNamed" is not defined by the object plugins/icons/icons.plugin.js passes to registerPlugin, so the menu item does nothing',
        fix: 'add neverNamed: function (participants) { ... } to that object, or name one of its functions in "action"',
        pluginId: 'icons-plugin',
      }),
      icon(
        1,
        'the icon is referenced as #wrong, but plugins/icons/good.svg has no element with id="wrong"',
        'add id="wrong" to the SVG\'s root element, as the plugin guide asks, or correct the #id in "icon"',
      ),
      icon(2, 'the icon "missing.svg#missing" is plugins/icons/missing.svg, which is not in the package', 'add the SVG file (the icon is relative to the package file), or correct "icon"'),
      icon(3, 'the icon plugins/icons/page.svg is not an SVG image: its root element is <html>, not <svg>', 'use an SVG file: the Connect app shows only SVG icons'),
      icon(
        4,
        'the icon plugins/icons/broken.svg does not parse as SVG: unexpected close tag at line 3, column 6',
        'correct plugins/icons/broken.svg at line 3, column 6 (a browser shows no icon for an SVG that does not parse), or use an SVG file: the Connect app shows only SVG icons',
      ),
    ]);
  });

  it("finds what breaks the host's own broken-plugin fixtures before they reach a client", () => {
    const { status, report } = validateJson('test/fixtures/runtime/broken');
    assert.equal(status, 1);
    assert.deepEqual(
      report.diagnostics.map((d) => [d.severity, d.pluginId, d.file + (d.line !== null ? `:${d.line}:${d.column}` : d.pointer ? `#${d.pointer}` : '')]),
      [
        ['error', 'broken-package', 'plugins/badpkg/broken.plugin.package.json:4:3'],
        ['error', 'settings-id', 'plugins/mismatch/mismatch.plugin.js:4:9'],
        ['warning', 'settings-id', 'plugins/mismatch/mismatch.plugin.package.json#/id'],
        ['error', 'missing-source', 'plugins/missing/missing.plugin.package.json#/srcURL'],
        ['error', 'registers-nothing', 'plugins/nothing/nothing.plugin.js:2:1'],
        ['error', 'missing-package', 'plugins/nowhere/nothing.plugin.package.json'],
        ['error', 'pexrtc-user', 'plugins/pexrtc/pexrtc.plugin.package.json#/menuItems/toolbar/0/action'],
        ['error', 'never-registers', 'plugins/silent/silent.plugin.js'],
        ['error', 'syntax-error', 'plugins/syntax/syntax.plugin.js:2:100'],
        ['error', 'throws-in-load', 'plugins/throws/load.plugin.package.json#/menuItems/toolbar/0/action'],
        ['error', 'throws-in-script', 'plugins/throws/script.plugin.package.json#/menuItems/toolbar/0/action'],
      ],
    );
    assert.equal(report.diagnostics.find((d) => d.pluginId === 'registers-nothing').message, 'registerPlugin is called without the plugin object');
    assert.equal(report.diagnostics.find((d) => d.pluginId === 'syntax-error').message, 'the source does not parse as a classic script: unexpected `;`');
  });
});

describe('pex-plugins validate: a zip', () => {
  const dir = scratch();
  const broken = inProject(fixture('broken'));
  const folderReport = validateJson(fixture('broken')).report;

  it('reads webapp2/ at the top of the zip, with the same findings as the folder', () => {
    const zip = makeZip(dir, 'top.zip', { 'webapp2/': broken });
    const { status, report } = validateJson(zip);
    assert.equal(status, 1);
    assert.deepEqual(
      { path: report.path, kind: report.kind, webapp2Folder: report.webapp2Folder, counts: report.counts },
      { path: zip, kind: 'zip', webapp2Folder: 'webapp2/', counts: folderReport.counts },
    );
    assert.deepEqual(report.diagnostics, folderReport.diagnostics);
  });

  it('finds webapp2/ one level down beside the other clients, says which folder it checked, and names places inside it', () => {
    const zip = makeZip(
      dir,
      'portal.zip',
      { 'branding/webapp2/': broken, 'branding/webapp3/': inProject(fixture('clean')) },
      {
        'branding/webapp1/settings.json': new TextEncoder().encode('{}'),
        '__MACOSX/branding/webapp2/._settings.json': new Uint8Array([0, 5, 22, 7]),
      },
    );
    const run = validate(zip);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `${zip}: checking its folder branding/webapp2/; the paths below are inside it`);
    assert.ok(lines.includes('settings.json#/plugins/9/id: error: the id "actions-plugin" is already used by plugins[3], so this entry is skipped'), run.stdout);
    assert.equal(lines.at(-1), `${zip}: 8 errors, 3 warnings`);
    const { report } = validateJson(zip);
    assert.equal(report.webapp2Folder, 'branding/webapp2/');
    assert.deepEqual(report.diagnostics, folderReport.diagnostics);
  });

  it('passes a clean zip with exit status 0', () => {
    const zip = makeZip(dir, 'demo.zip', { 'branding/webapp2/': inProject('demo/branding/webapp2') });
    const run = validate(zip);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${zip}: checking its folder branding/webapp2/; the paths below are inside it\n${zip}: 0 errors, 0 warnings\n`);
  });

  it('exits 2 for a zip with no webapp2 folder, naming what it holds', () => {
    const zip = makeZip(dir, 'other-clients.zip', { 'webapp3/': inProject(fixture('clean')) }, { 'readme.txt': new TextEncoder().encode('hi') });
    const run = validate(zip);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `pex-plugins validate: ${zip}: not a branding package: no webapp2/ folder with manifest.json or settings.json at the top of the zip or one level down (it holds readme.txt, webapp3/)\n`,
    );
  });

  it('exits 2 for a damaged zip', () => {
    const whole = readFileSync(makeZip(dir, 'whole.zip', { 'webapp2/': broken }));
    const damaged = join(dir, 'damaged.zip');
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    const run = validate('--json', damaged);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^pex-plugins validate: .*damaged\.zip: the zip cannot be read \(.+\); it is not a zip file, or it is damaged/);
  });
});

describe('pex-plugins validate --previous', () => {
  /** Two copies of the clean fixture: the upload before, and the one to check. */
  const copies = () => {
    const dir = scratch();
    const before = join(dir, 'before');
    const now = join(dir, 'now');
    cpSync(inProject(fixture('clean')), before, { recursive: true });
    cpSync(inProject(fixture('clean')), now, { recursive: true });
    return { dir, before, now };
  };
  const setBrandingID = (folder, id) => writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ brandingID: id, isSettingsBranded: true }));
  const brandingIdError = (previousPath, changes) =>
    entry({
      severity: 'error',
      file: 'manifest.json',
      pointer: '/brandingID',
      message: `the brandingID is still "1700000000100", as in ${previousPath}, but plugin files changed: ${changes}; browsers keep the files of a branding they have seen, so clients would go on running the old plugins`,
      fix: 'give "brandingID" a new value (the branding portal writes the time in milliseconds), as the plugin guide asks for every upload',
    });

  it('is an error when a plugin file changed, one was added and one removed, but the brandingID did not', () => {
    const { before, now } = copies();
    writeFileSync(join(now, 'plugins/styles/styles.plugin.js'), readFileSync(join(now, 'plugins/styles/styles.plugin.js'), 'utf8') + '\n// v2\n');
    writeFileSync(join(now, 'plugins/styles/new.svg'), '<svg xmlns="http://www.w3.org/2000/svg" id="new"/>');
    writeFileSync(join(before, 'plugins/alias/old-notes.txt'), 'gone now');
    const { status, report } = validateJson(now, '--previous', before);
    assert.equal(status, 1);
    assert.deepEqual(report.previous, { path: before, kind: 'folder', webapp2Folder: null, brandingID: '1700000000100' });
    assert.deepEqual(report.diagnostics.filter((d) => d.severity !== 'info'), [
      brandingIdError(before, 'plugins/alias/old-notes.txt (removed), plugins/styles/new.svg (added), plugins/styles/styles.plugin.js (changed)'),
    ]);
    const text = validate(now, '--previous', before);
    assert.ok(text.stdout.startsWith(`manifest.json#/brandingID: error: the brandingID is still "1700000000100", as in ${before}`), text.stdout);
  });

  it('reads the previous upload from its zip too', () => {
    const { dir, before, now } = copies();
    const zip = makeZip(dir, 'before.zip', { 'branding/webapp2/': before });
    writeFileSync(join(now, 'plugins/assets-user/assets/cards.json'), '{ "cards": [1] }');
    const { status, report } = validateJson(now, '--previous', zip);
    assert.equal(status, 1);
    assert.equal(report.previous.webapp2Folder, 'branding/webapp2/');
    assert.deepEqual(report.diagnostics[0], brandingIdError(zip, 'plugins/assets-user/assets/cards.json (changed)'));
  });

  it('is clean when the changed plugin files come with a new brandingID, or nothing changed', () => {
    const { before, now } = copies();
    assert.equal(validate(now, '--previous', before).status, 0);
    writeFileSync(join(now, 'plugins/styles/styles.plugin.js'), readFileSync(join(now, 'plugins/styles/styles.plugin.js'), 'utf8') + '\n// v2\n');
    assert.equal(validate(now, '--previous', before).status, 1);
    setBrandingID(now, '1700000000101');
    const { status, report } = validateJson(now, '--previous', before);
    assert.equal(status, 0);
    assert.deepEqual(report.counts, { errors: 0, warnings: 0, info: 1 });
    assert.equal(report.brandingID, '1700000000101');
  });

  it('exits 2 when the previous upload cannot be read', () => {
    const run = validate(fixture('clean'), '--previous', 'no/such/folder');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'pex-plugins validate: no/such/folder: there is no such file or folder\n');
  });
});

describe('pex-plugins validate: usage and exit status 2', () => {
  it('prints its help on --help and exits 0', () => {
    const run = validate('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: pex-plugins validate <branding folder \| branding \.zip> \[--json\] \[--previous <folder \| \.zip>\]/);
    assert.match(run.stdout, /Exit status: 0 no errors \(warnings allowed\), 1 errors found, 2 could not check/);
  });

  it('exits 2 with the usage when no package is given, or an option is unknown', () => {
    for (const args of [[], ['--strict', fixture('clean')], [fixture('clean'), fixture('broken')]]) {
      const run = validate(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /Usage: pex-plugins validate/);
    }
  });

  it('exits 2 for a path that does not exist, or a folder that is not a branding package', () => {
    const missing = validate('no/such/webapp2');
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'pex-plugins validate: no/such/webapp2: there is no such file or folder\n');
    const notBranding = validate('test/fixtures/validator');
    assert.equal(notBranding.status, 2);
    assert.equal(
      notBranding.stderr,
      'pex-plugins validate: test/fixtures/validator: not a branding package: the folder has no manifest.json or settings.json. Give the webapp2 folder, or the branding .zip\n',
    );
  });

  it('names the webapp2 folder inside a folder given one level too high', () => {
    const dir = scratch();
    cpSync(inProject(fixture('clean')), join(dir, 'webapp2'), { recursive: true });
    const run = validate(dir);
    assert.equal(run.status, 2);
    assert.equal(Object.keys(filesOf(dir)).includes('webapp2/manifest.json'), true);
    assert.match(run.stderr, new RegExp(`its webapp2 folder is ${join(dir, 'webapp2/')}`));
  });
});
