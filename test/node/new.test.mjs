// `pex-plugins new`, the installed command, run in real temporary branding folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { installedBin, installedPackage, projectRoot } from './support/installed-package.mjs';

const made = [];
after(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

const MANIFEST = '{\n  "brandingID": "1764500000000",\n  "isSettingsBranded": true\n}\n';

/** A minimal branding folder with one plugin entry already (the file indented by `indent`). */
function brandingFolder(indent = '    ') {
  const folder = mkdtempSync(join(tmpdir(), 'pex-new-'));
  made.push(folder);
  writeFileSync(join(folder, 'manifest.json'), MANIFEST);
  const i = (n) => indent.repeat(n);
  writeFileSync(
    join(folder, 'settings.json'),
    `{\n${i(1)}"plugins": [\n${i(2)}{\n${i(3)}"id": "existing",\n${i(3)}"srcURL": "plugins/existing/existing.plugin.package.json",\n${i(3)}"enabled": false\n${i(2)}}\n${i(1)}]\n}\n`,
  );
  mkdirSync(join(folder, 'plugins', 'existing'), { recursive: true });
  writeFileSync(
    join(folder, 'plugins', 'existing', 'existing.plugin.package.json'),
    JSON.stringify({ id: 'existing', name: 'Existing', version: '1.0.0', srcURL: 'existing.plugin.js', menuItems: {} }, null, 2),
  );
  writeFileSync(
    join(folder, 'plugins', 'existing', 'existing.plugin.js'),
    "(function () {\n  PEX.pluginAPI.registerPlugin({ id: 'existing', load: function () {}, unload: function () {} });\n})();\n",
  );
  return folder;
}

const run = (cwd, ...args) => spawnSync(installedBin(), args, { cwd, encoding: 'utf8' });

/** Every file of a folder and its bytes, to show a refusal wrote nothing. */
function snapshot(folder) {
  const files = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(folder, path)] = readFileSync(path, 'base64');
    }
  };
  walk(folder);
  return files;
}

const ARGUMENTS = { toolbar: 'participants, conferenceDetails', conference: 'conferenceDetails', participants: 'participant' };

describe('pex-plugins new', () => {
  for (const location of ['toolbar', 'conference', 'participants']) {
    it(`writes a ${location} plugin that validates clean`, () => {
      const folder = brandingFolder();
      const made = run(folder, 'new', 'hand-raiser', '--location', location);
      assert.equal(made.stderr, '');
      assert.equal(made.status, 0);
      assert.match(made.stdout, /^Wrote plugins\/hand-raiser\/ \(hand-raiser\.plugin\.package\.json, hand-raiser\.plugin\.js, hand-raiser\.svg\)/);

      const pluginFolder = join(folder, 'plugins', 'hand-raiser');
      assert.deepEqual(readdirSync(pluginFolder).sort(), ['hand-raiser.plugin.js', 'hand-raiser.plugin.package.json', 'hand-raiser.svg']);
      assert.deepEqual(JSON.parse(readFileSync(join(pluginFolder, 'hand-raiser.plugin.package.json'), 'utf8')), {
        id: 'hand-raiser',
        name: 'Hand raiser',
        description: 'Hand raiser: made with pex-plugins new; say here what it does.',
        version: '1.0.0',
        srcURL: 'hand-raiser.plugin.js',
        allowUnload: true,
        menuItems: { [location]: [{ icon: 'hand-raiser.svg#hand-raiser', label: 'Hand raiser', action: 'runHandRaiser' }] },
      });
      const source = readFileSync(join(pluginFolder, 'hand-raiser.plugin.js'), 'utf8');
      assert.equal(source.split('\n').slice(0, 2).join('\n'), '// @ts-check\n/// <reference types="pex-plugin-host/plugin-api" />');
      assert.match(source, new RegExp(`function runHandRaiser\\(${ARGUMENTS[location]}\\) \\{`));
      assert.match(source, /PEX\.pluginAPI\.registerPlugin\(\{\n {4}id: 'hand-raiser',\n {4}load: load,\n {4}unload: unload,\n {4}runHandRaiser: runHandRaiser,\n {4}state\$: state\$,\n {2}\}\);/);
      assert.match(readFileSync(join(pluginFolder, 'hand-raiser.svg'), 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" id="hand-raiser" /);

      // The new entry follows the file's own four-space indentation; the other entry is untouched.
      assert.equal(
        readFileSync(join(folder, 'settings.json'), 'utf8'),
        [
          '{',
          '    "plugins": [',
          '        {',
          '            "id": "existing",',
          '            "srcURL": "plugins/existing/existing.plugin.package.json",',
          '            "enabled": false',
          '        },',
          '        {',
          '            "id": "hand-raiser",',
          '            "srcURL": "plugins/hand-raiser/hand-raiser.plugin.package.json",',
          '            "enabled": true',
          '        }',
          '    ]',
          '}',
          '',
        ].join('\n'),
      );

      const validated = spawnSync(installedBin(), ['validate', folder], { encoding: 'utf8' });
      assert.equal(validated.status, 0, `validate: ${validated.stdout}${validated.stderr}`);
      assert.match(validated.stdout, /0 errors, 0 warnings/);
    });
  }

  it('writes sources that type-check, strict, against the published plugin-api types', () => {
    const folder = brandingFolder();
    for (const location of ['toolbar', 'conference', 'participants']) assert.equal(run(folder, 'new', `at-${location}`, '--location', location).status, 0);
    // The sources' `/// <reference types="pex-plugin-host/plugin-api" />` finds the installed package.
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(join(installedPackage(), 'node_modules', 'pex-plugin-host'), join(folder, 'node_modules', 'pex-plugin-host'));
    const compilerOptions = { allowJs: true, checkJs: true, strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [] };
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['plugins/at-*/*.js'] }));
    const tsc = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder], { encoding: 'utf8' });
    assert.equal(tsc.stdout + tsc.stderr, '');
    assert.equal(tsc.status, 0);
  });

  it('keeps a tab-indented settings.json tab-indented, and makes the plugins list when there is none', () => {
    const tabbed = brandingFolder('\t');
    assert.equal(run(tabbed, 'new', 'tabs').status, 0);
    assert.match(readFileSync(join(tabbed, 'settings.json'), 'utf8'), /\t\t},\n\t\t\{\n\t\t\t"id": "tabs",\n\t\t\t"srcURL": "plugins\/tabs\/tabs\.plugin\.package\.json",\n\t\t\t"enabled": true\n\t\t\}\n\t\]\n\}\n$/);

    const empty = brandingFolder();
    writeFileSync(join(empty, 'settings.json'), '{\n  "theme": "dark"\n}\n');
    assert.equal(run(empty, 'new', 'first').status, 0);
    assert.deepEqual(JSON.parse(readFileSync(join(empty, 'settings.json'), 'utf8')), {
      theme: 'dark',
      plugins: [{ id: 'first', srcURL: 'plugins/first/first.plugin.package.json', enabled: true }],
    });
  });

  const refusals = [
    { what: 'a name with capitals and underscores', args: ['new', 'My_Plugin'], message: /"My_Plugin" cannot be a plugin name: use lowercase letters \(a-z\), digits and single dashes/ },
    { what: 'a name that starts with a digit', args: ['new', '2fa'], message: /"2fa" cannot be a plugin name/ },
    { what: 'a name with a path in it', args: ['new', '../escape'], message: /"\.\.\/escape" cannot be a plugin name/ },
    { what: 'an existing plugin folder', args: ['new', 'existing'], message: /plugins\/existing exists already/ },
    { what: 'an id settings.json has already', args: ['new', 'listed'], message: /settings\.json has a plugin with the id "listed" already/, listed: true },
    { what: 'an unknown location', args: ['new', 'x', '--location', 'sidebar'], message: /--location sidebar: use one of toolbar, conference, participants/ },
    { what: 'no name', args: ['new'], message: /give the new plugin a name/ },
  ];
  for (const { what, args, message, listed } of refusals) {
    it(`refuses ${what}, exits 2 and writes nothing`, () => {
      const folder = brandingFolder();
      if (listed) {
        const settings = JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8'));
        settings.plugins.push({ id: 'listed', srcURL: 'elsewhere/listed.plugin.package.json', enabled: true });
        writeFileSync(join(folder, 'settings.json'), JSON.stringify(settings, null, 4));
      }
      const before = snapshot(folder);
      const refused = run(folder, ...args);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, message);
      assert.deepEqual(snapshot(folder), before);
    });
  }

  it('refuses to run outside a branding folder, saying how', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pex-new-not-branding-'));
    made.push(folder);
    writeFileSync(join(folder, 'manifest.json'), MANIFEST);
    const refused = run(folder, 'new', 'lost');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /: not a branding folder: it has no settings\.json\.\nRun it in the webapp2 folder of a branding package/);
    assert.deepEqual(readdirSync(folder), ['manifest.json']);
  });

  it('refuses a settings.json that is not valid JSON', () => {
    const folder = brandingFolder();
    writeFileSync(join(folder, 'settings.json'), '{ "plugins": [ ], }');
    const before = snapshot(folder);
    const refused = run(folder, 'new', 'late');
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /settings\.json is not valid JSON \(PropertyNameExpected at offset 18\)\. Fix: run `pex-plugins validate \.`/);
    assert.deepEqual(snapshot(folder), before);
  });
});
