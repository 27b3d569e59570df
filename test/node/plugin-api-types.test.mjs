/**
 * `pex-plugin-host/plugin-api` as a plugin author gets it: sample plugins, and the demo's own
 * plugins, type-checked against the package installed from its tarball, with this project's
 * TypeScript, under each module resolution a plugin project may use.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { installedPackage, projectRoot } from './support/installed-package.mjs';

const tsc = join(projectRoot, 'node_modules/typescript/bin/tsc');
const fixtures = join(projectRoot, 'test/fixtures/plugin-api-types');
const demoPlugins = join(projectRoot, 'demo/branding/webapp2/plugins');
const typesHeader = '// @ts-check\n/// <reference types="pex-plugin-host/plugin-api" />\n';

/**
 * The resolutions to support. `node10` reads no "exports": it finds the subpath as the folder
 * `plugin-api/` with its `index.d.ts`, which is why the declaration sits there.
 */
const resolutions = [
  { moduleResolution: 'bundler', module: 'esnext' },
  { moduleResolution: 'node16', module: 'node16' },
  { moduleResolution: 'nodenext', module: 'nodenext' },
  { moduleResolution: 'node10', module: 'commonjs' },
];

let work;
before(() => {
  // Inside the installed project, so `pex-plugin-host` resolves from its node_modules.
  work = mkdtempSync(join(installedPackage(), 'plugin-api-types-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

const fixture = (name) => readFileSync(join(fixtures, name), 'utf8');

/**
 * Type-checks `files` ({path: text}) in a new plugin project with these compiler options; each
 * folder named in `packageTypes` gets a package.json with that "type" (the project's own is
 * "module"). Returns tsc's exit status and its error lines (`file(line,col): error TSnnnn: message`).
 */
function typeCheck(project, files, options, packageTypes = {}) {
  const dir = join(work, project);
  for (const [folder, type] of Object.entries({ '.': 'module', ...packageTypes })) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, 'package.json'), JSON.stringify({ name: `${project}-${folder}`, private: true, type }));
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  // The declaration itself is checked (skipLibCheck off); TypeScript's own lib files are not.
  const compilerOptions = {
    noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], allowJs: true, checkJs: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [], ...options,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  const output = `${run.stdout}${run.stderr}`;
  return { status: run.status, errors: output.split('\n').filter((line) => /error TS\d+/.test(line)), output };
}

test('the package ships the declaration where the subpath export points', () => {
  const folder = join(installedPackage(), 'node_modules/pex-plugin-host/plugin-api');
  for (const file of ['index.d.ts', 'types.d.ts', 'package.json']) assert.ok(existsSync(join(folder, file)), `the installed package lacks plugin-api/${file}`);
  const manifest = JSON.parse(readFileSync(join(installedPackage(), 'node_modules/pex-plugin-host/package.json'), 'utf8'));
  assert.deepEqual(manifest.exports['./plugin-api'], { types: './plugin-api/index.d.ts' });
});

describe('sample plugins type-check clean (strict), in an ESM and a CommonJS project folder', () => {
  for (const { moduleResolution, module } of resolutions) {
    test(`a plain-JS plugin and a TypeScript plugin, moduleResolution ${moduleResolution}`, () => {
      const files = {};
      for (const folder of ['esm', 'cjs']) {
        for (const name of ['recorder.plugin.js', 'recorder.plugin.ts']) files[`${folder}/${name}`] = fixture(name);
      }
      const result = typeCheck(`samples-${moduleResolution}`, files, { strict: true, module, moduleResolution }, { esm: 'module', cjs: 'commonjs' });
      assert.deepEqual(result.errors, [], result.output);
      assert.equal(result.status, 0, result.output);
    });
  }
});

test('a plain-JS plugin with mistakes fails with the named errors', () => {
  const result = typeCheck('mistakes', { 'mistakes.plugin.js': fixture('mistakes.plugin.js') }, { module: 'esnext', moduleResolution: 'bundler' });
  assert.deepEqual(result.errors, [
    "mistakes.plugin.js(6,19): error TS2551: Property 'openTemplateDialg' does not exist on type 'PluginAPI'. Did you mean 'openTemplateDialog'?",
    "mistakes.plugin.js(11,42): error TS2345: Argument of type 'Participant' is not assignable to parameter of type 'string'.",
  ]);
  assert.equal(result.status, 2);
});

test("the demo's plugins, with the two lines on top, meet no error about PEX (checkJs as an editor runs it)", () => {
  const files = {};
  for (const folder of readdirSync(demoPlugins)) {
    for (const name of readdirSync(join(demoPlugins, folder)).filter((f) => f.endsWith('.plugin.js'))) {
      files[name] = typesHeader + readFileSync(join(demoPlugins, folder, name), 'utf8');
    }
  }
  assert.ok(Object.keys(files).length >= 10, `only ${Object.keys(files).length} demo plugins were found`);
  const result = typeCheck('demo-plugins', files, { module: 'esnext', moduleResolution: 'bundler', strict: false });
  const found = result.errors.map((line) => `${basename(line.slice(0, line.indexOf('(')))}: ${line.slice(line.indexOf('error'))}`).sort();
  assert.deepEqual(found, [], result.output);
});
