/**
 * custom-elements.json and the editor data made from it: the manifest the analyzer writes
 * from the current sources (with tools/cem/), and the VS Code and JetBrains files that
 * tools/build-editor-data.mjs writes from it, both generated afresh into a scratch folder.
 * What each must say is read from the sources themselves: the tags from the defining modules,
 * the events and their detail types from components/events.ts, the CSS from the styles.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import ts from 'typescript';
import { projectRoot } from './support/installed-package.mjs';

const ELEMENTS = {
  'pex-plugin-host': { name: 'plugin-host', className: 'PexPluginHost' },
  'pex-toolbar': { name: 'toolbar', className: 'PexToolbar' },
  'pex-conference-menu': { name: 'conference-menu', className: 'PexConferenceMenu' },
  'pex-participant-menu': { name: 'participant-menu', className: 'PexParticipantMenu' },
  'pex-template-dialog': { name: 'template-dialog', className: 'PexTemplateDialog' },
  'pex-plugin-settings': { name: 'plugin-settings', className: 'PexPluginSettings' },
  // Its own module only: the entry leaves it out (the drop-in defines it with the Web App 3 chunk).
  'pex-toasts': { name: 'toasts', className: 'PexToasts', inEntry: false },
};
const TAGS = Object.keys(ELEMENTS).sort();
const WEB_TYPES_SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';

const source = (path) => readFileSync(join(projectRoot, path), 'utf8');
const pkg = JSON.parse(source('package.json'));

let work;
let manifest;
let html;
let css;
let webTypes;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'pex-editor-data-'));
  const cem = join(projectRoot, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  // cem joins --outdir to the working folder, so it gets the scratch folder as a relative path.
  execFileSync(process.execPath, [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(projectRoot, work), '--quiet'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  execFileSync(process.execPath, ['tools/build-editor-data.mjs', '--manifest', join(work, 'custom-elements.json'), '--out', join(work, 'editor')], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const read = (file) => JSON.parse(readFileSync(join(work, file), 'utf8'));
  manifest = read('custom-elements.json');
  html = read('editor/vscode.html-custom-data.json');
  css = read('editor/vscode.css-custom-data.json');
  webTypes = read('editor/web-types.json');
});
after(() => rmSync(work, { recursive: true, force: true }));

const elements = () => manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, modulePath: mod.path })));
const element = (tag) => elements().find((d) => d.tagName === tag);
const moduleAt = (path) => manifest.modules.find((mod) => mod.path === path);

/** PexEventDetails in components/events.ts: event name → its detail type as written. */
function eventDetails() {
  const file = ts.createSourceFile('events.ts', source('components/events.ts'), ts.ScriptTarget.ES2022, true);
  const map = file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'PexEventDetails');
  assert.ok(map, 'components/events.ts declares PexEventDetails');
  return new Map(map.members.filter(ts.isPropertySignature).map((m) => [m.name.text, m.type.getText(file)]));
}

/** The element whose folder dispatches the event (`createPexEvent('pex-…'` in components/<name>/). */
function emitterOf(event) {
  const found = Object.entries(ELEMENTS).filter(([, { name }]) =>
    readdirSync(join(projectRoot, 'components', name)).some((file) => file.endsWith('.ts') && source(`components/${name}/${file}`).includes(`createPexEvent('${event}'`)),
  );
  return found.map(([tag]) => tag);
}

describe('custom-elements.json', () => {
  test('is valid against the Custom Elements Manifest schema the analyzer depends on', () => {
    const fromAnalyzer = createRequire(join(projectRoot, 'node_modules/@custom-elements-manifest/analyzer/package.json'));
    const schema = JSON.parse(readFileSync(fromAnalyzer.resolve('custom-elements-manifest/schema.json'), 'utf8'));
    // The schema (1.0.0) checks the modules, exports and references; the element parts (events,
    // CSS properties, attributes) it leaves open are checked by the tests below.
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.ok(validate(manifest), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  test('has the seven elements, each class in its own module under dist/esm/components/<name>/', () => {
    assert.deepEqual(elements().map((d) => d.tagName).sort(), TAGS);
    for (const [tag, { name, className }] of Object.entries(ELEMENTS)) {
      assert.deepEqual({ module: element(tag).modulePath, name: element(tag).name }, { module: `dist/esm/components/${name}/${name}.js`, name: className }, tag);
    }
  });

  test('each defining module dist/esm/components/<name>.js defines its tag with the class module\'s declaration', () => {
    for (const [tag, { name, className }] of Object.entries(ELEMENTS)) {
      const definer = moduleAt(`dist/esm/components/${name}.js`);
      assert.ok(definer, `no module dist/esm/components/${name}.js`);
      const definitions = definer.exports.filter((e) => e.kind === 'custom-element-definition');
      assert.deepEqual(definitions, [{ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: `dist/esm/components/${name}/${name}.js` } }]);
      // The definition points at a declaration that is in the manifest, with that tag.
      const declared = moduleAt(definitions[0].declaration.module)?.declarations.find((d) => d.name === className);
      assert.equal(declared?.tagName, tag);
    }
    const everyDefinition = manifest.modules.flatMap((mod) => mod.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.name));
    assert.deepEqual(everyDefinition.sort(), TAGS, 'one definition per tag, none elsewhere');
  });

  test('the entry dist/esm/components/index.js exports the six classes from their class modules, and not <pex-toasts>', () => {
    const entry = moduleAt('dist/esm/components/index.js');
    assert.ok(entry, 'the entry is in the manifest');
    for (const { name, className, inEntry = true } of Object.values(ELEMENTS)) {
      const exported = entry.exports.find((e) => e.name === className);
      assert.deepEqual(exported?.declaration, inEntry ? { name: className, module: `dist/esm/components/${name}/${name}.js` } : undefined, className);
    }
    // Type-only exports are not JavaScript exports.
    for (const typeName of ['PexEventDetails', 'Participant', 'ConnectInfinityOptions']) assert.equal(entry.exports.some((e) => e.name === typeName), false, typeName);
  });

  test('every event of PexEventDetails is on the element that emits it, typed with its detail', () => {
    const details = eventDetails();
    assert.ok(details.size >= 8, `PexEventDetails has ${details.size} events`);
    for (const [event, detailType] of details) {
      const emitters = emitterOf(event);
      assert.ok(emitters.length > 0, `no element folder dispatches ${event}`);
      for (const tag of emitters) {
        const documented = element(tag).events?.find((e) => e.name === event);
        assert.ok(documented, `<${tag}> dispatches ${event} but the manifest does not list it (its @event JSDoc)`);
        assert.equal(documented.type?.text, `CustomEvent<${detailType}>`, `${event} on <${tag}>`);
        for (const reference of documented.type.references ?? []) {
          assert.equal(documented.type.text.slice(reference.start, reference.end), reference.name, `${event}: reference ${reference.name}`);
        }
      }
    }
    for (const d of elements()) for (const e of d.events ?? []) assert.ok(e.type?.text, `<${d.tagName}> ${e.name} has a type`);
  });

  test('every CSS custom property has a description and the default its styles give', () => {
    for (const d of elements()) {
      for (const property of d.cssProperties ?? []) {
        assert.ok(property.description, `<${d.tagName}> ${property.name} has no description (its @cssprop JSDoc)`);
        assert.ok(property.default, `<${d.tagName}> ${property.name} has no default`);
      }
    }
    const defaultOf = (tag, name) => element(tag).cssProperties.find((p) => p.name === name)?.default;
    assert.equal(defaultOf('pex-toolbar', '--pex-toolbar-gap'), '0.5rem');
    assert.equal(defaultOf('pex-toolbar', '--pex-toolbar-button-background'), 'var(--pex-color-surface, #2d3142)');
    assert.equal(defaultOf('pex-conference-menu', '--pex-menu-item-padding'), '0.5rem 0.75rem');
    assert.equal(defaultOf('pex-template-dialog', '--pex-green'), '#0f9d58');
    assert.equal(defaultOf('pex-plugin-settings', '--pex-switch-thumb-color'), '#ffffff');
  });

  test('every custom property an element\'s own styles set is listed on it', () => {
    for (const [tag, { name }] of Object.entries(ELEMENTS)) {
      const folder = join(projectRoot, 'components', name);
      const styles = readdirSync(folder).filter((file) => file.endsWith('.styles.ts')).map((file) => readFileSync(join(folder, file), 'utf8'));
      const set = new Set(styles.flatMap((text) => [...text.matchAll(/(--pex-[\w-]+)\s*:/g)].map((m) => m[1])));
      const listed = new Set((element(tag).cssProperties ?? []).map((p) => p.name));
      for (const property of set) assert.ok(listed.has(property), `<${tag}> sets ${property} but the manifest does not list it`);
    }
  });

  test('the shared --pex-color-* tokens are on each element that reads them, with the fallback as default', () => {
    const reads = new Map();
    // The elements the host renders for Web App 3 plugins' forms, prompts and widgets are left out of the manifest (see its config).
    const files = readdirSync(join(projectRoot, 'components'), { recursive: true }).filter(
      (file) => String(file).endsWith('.styles.ts') && !/^(plugin-form|plugin-prompt|plugin-widget)[/\\]/.test(String(file)),
    );
    for (const file of files) {
      for (const m of source(`components/${file}`).matchAll(/var\((--pex-color-[\w-]+),\s*([^()]+(?:\([^()]*\))?)\)/g)) reads.set(m[1], m[2].trim());
    }
    assert.ok(reads.size >= 5, `the styles read ${reads.size} --pex-color-* tokens`);
    for (const [token, fallback] of reads) {
      const on = elements().filter((d) => d.cssProperties?.some((p) => p.name === token));
      assert.ok(on.length > 0, `${token} is on no element`);
      for (const d of on) {
        const property = d.cssProperties.find((p) => p.name === token);
        assert.deepEqual({ default: property.default, syntax: property.syntax }, { default: fallback, syntax: '<color>' }, `${token} on <${d.tagName}>`);
      }
    }
    const focusReaders = elements().filter((d) => d.cssProperties?.some((p) => p.name === '--pex-color-focus')).map((d) => d.tagName).sort();
    assert.deepEqual(focusReaders, TAGS.filter((tag) => tag !== 'pex-plugin-host'));
  });

  test('every part and named slot the templates render is listed on its element', () => {
    /** The element's class module and the component modules it imports (not type-only), transitively. */
    const reachable = (file, seen = new Set()) => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const m of source(file).matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'(\.{1,2}\/[^']+)\.js'/gm)) {
        const next = join(file, '..', `${m[1]}.ts`);
        if (next.startsWith('components/') && existsSync(join(projectRoot, next))) reachable(next, seen);
      }
      return seen;
    };
    for (const [tag, { name }] of Object.entries(ELEMENTS)) {
      const text = [...reachable(`components/${name}/${name}.ts`)].map(source).join('\n');
      const parts = new Set([...text.matchAll(/\bpart="([\w-]+)"/g)].map((m) => m[1]));
      const slots = new Set([...text.matchAll(/<slot name="([\w-]+)"/g)].map((m) => m[1]));
      const d = element(tag);
      for (const part of parts) assert.ok(d.cssParts?.some((p) => p.name === part), `<${tag}> renders part="${part}" but the manifest does not list it (@csspart)`);
      for (const slot of slots) assert.ok(d.slots?.some((s) => s.name === slot), `<${tag}> renders <slot name="${slot}"> but the manifest does not list it (@slot)`);
    }
  });

  test('module paths name shipped files under dist/esm/ (and the files exist once built)', (t) => {
    const paths = new Set(manifest.modules.map((mod) => mod.path));
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      if (typeof node.module === 'string') paths.add(node.module);
      Object.values(node).forEach(visit);
    };
    visit(manifest.modules);
    const built = existsSync(join(projectRoot, 'dist/esm/components/index.js'));
    if (!built) t.diagnostic('dist/esm/ is not built: module paths checked by pattern only');
    for (const path of paths) {
      assert.match(path, /^dist\/esm\/(components|src)\/[\w/.-]+\.js$/, path);
      if (built) assert.ok(existsSync(join(projectRoot, path)), `${path} is not in the build`);
    }
  });

  test('lists no internal modules and no private, protected or internal members', () => {
    const internal = /\/(shared|context|register|version|events)\b|command-router|present-template-dialog|\.styles\.js$/;
    for (const mod of manifest.modules) assert.doesNotMatch(mod.path, internal, `internal module ${mod.path} is listed`);
    for (const d of elements()) {
      for (const item of [...(d.members ?? []), ...(d.attributes ?? [])]) {
        assert.doesNotMatch(item.name, /^[#_]/, `<${d.tagName}> lists ${item.name}`);
        assert.ok(!['private', 'protected'].includes(item.privacy), `<${d.tagName}> lists ${item.privacy} ${item.name}`);
        assert.doesNotMatch(item.description ?? '', /@(internal|ignore)\b/, `<${d.tagName}> lists ${item.name}`);
      }
      const names = (d.members ?? []).map((m) => m.name);
      for (const lifecycle of ['render', 'willUpdate', 'updated', 'firstUpdated', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'styles', 'properties']) {
        assert.equal(names.includes(lifecycle), false, `<${d.tagName}> lists ${lifecycle}`);
      }
      // Class modules list their element only.
      assert.deepEqual(moduleAt(d.modulePath).declarations.map((x) => x.name), [d.name]);
    }
  });

  test('attributes carry their values: the host\'s platform and participant-role as literals, defaults resolved', () => {
    const attribute = (tag, name) => element(tag).attributes.find((a) => a.name === name);
    assert.equal(attribute('pex-plugin-host', 'platform').type.text, "'web' | 'electron' | 'ios' | 'android'");
    assert.equal(attribute('pex-plugin-host', 'participant-role').type.text, "'chair' | 'guest'");
    assert.equal(attribute('pex-plugin-host', 'branding-url').default, "'custom_configuration/'");
    assert.equal(attribute('pex-plugin-host', 'register-timeout').default, '5000');
    assert.equal(attribute('pex-plugin-host', 'command-timeout').default, '10000');
  });

  test('every attribute has a description', () => {
    for (const d of elements()) for (const a of d.attributes ?? []) assert.ok(a.description, `<${d.tagName}> attribute ${a.name} has no description (an @attr line in its class JSDoc)`);
  });
});

/** Asserts that `object` has only keys from `allowed` (the format's own key names). */
function assertKeys(object, allowed, where) {
  for (const key of Object.keys(object)) assert.ok(allowed.includes(key), `${where}: unexpected key "${key}"`);
}
const isMarkup = (value) => typeof value === 'string' || (value?.kind === 'markdown' && typeof value.value === 'string');

describe('VS Code custom data', () => {
  test('the HTML data lists the six tags with the manifest\'s attributes, in the format\'s shape', () => {
    assertKeys(html, ['version', 'tags', 'globalAttributes', 'valueSets'], 'html data');
    assert.equal(html.version, 1.1);
    assert.deepEqual(html.tags.map((tag) => tag.name).sort(), TAGS);
    for (const tag of html.tags) {
      assertKeys(tag, ['name', 'description', 'attributes', 'references'], tag.name);
      assert.ok(isMarkup(tag.description), `${tag.name} description`);
      assert.deepEqual(tag.attributes.map((a) => a.name), (element(tag.name).attributes ?? []).map((a) => a.name), `${tag.name} attributes`);
      for (const attribute of tag.attributes) {
        assertKeys(attribute, ['name', 'description', 'valueSet', 'values', 'references'], `${tag.name} ${attribute.name}`);
        if (attribute.description !== undefined) assert.ok(isMarkup(attribute.description));
        for (const value of attribute.values ?? []) assertKeys(value, ['name', 'description'], `${tag.name} ${attribute.name} value`);
      }
    }
    const host = html.tags.find((tag) => tag.name === 'pex-plugin-host');
    assert.deepEqual(host.attributes.find((a) => a.name === 'platform').values, ['web', 'electron', 'ios', 'android'].map((name) => ({ name })));
    assert.equal(html.tags.find((tag) => tag.name === 'pex-template-dialog').attributes.find((a) => a.name === 'close-disabled').valueSet, 'v');
    assert.match(host.description.value, /`pex-command` \(`CustomEvent<PexCommandDetail>`\)/);
    // What the format has no field for is in the description: slots, parts, custom states.
    for (const tag of html.tags) {
      const d = element(tag.name);
      for (const state of d.cssStates ?? []) assert.ok(tag.description.value.includes(`:state(${state.name})`), `${tag.name} :state(${state.name})`);
      for (const part of d.cssParts ?? []) assert.ok(tag.description.value.includes(`::part(${part.name})`), `${tag.name} ::part(${part.name})`);
    }
  });

  test('the CSS data lists every custom property of every element once, in the format\'s shape', () => {
    assertKeys(css, ['version', 'properties', 'atDirectives', 'pseudoClasses', 'pseudoElements'], 'css data');
    assert.equal(css.version, 1.1);
    const names = css.properties.map((p) => p.name);
    assert.equal(new Set(names).size, names.length, 'each property once');
    const expected = new Set(elements().flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
    assert.deepEqual(new Set(names), expected);
    for (const property of css.properties) {
      assertKeys(property, ['name', 'description', 'syntax', 'values', 'references', 'status', 'browsers', 'relevance'], property.name);
      assert.ok(isMarkup(property.description), property.name);
    }
    const focus = css.properties.find((p) => p.name === '--pex-color-focus');
    assert.match(focus.description.value, /Default: `#4c9aff`/);
  });
});

describe('JetBrains web-types', () => {
  test('names the library and the schema, for every framework (no `framework`)', () => {
    assertKeys(webTypes, ['$schema', 'name', 'version', 'js-types-syntax', 'description-markup', 'contributions'], 'web-types');
    assert.deepEqual(
      { $schema: webTypes.$schema, name: webTypes.name, version: webTypes.version, syntax: webTypes['js-types-syntax'], markup: webTypes['description-markup'] },
      { $schema: WEB_TYPES_SCHEMA, name: pkg.name, version: pkg.version, syntax: 'typescript', markup: 'markdown' },
    );
    assertKeys(webTypes.contributions, ['html'], 'contributions');
    assertKeys(webTypes.contributions.html, ['elements'], 'contributions.html');
  });

  test('lists the six elements with their attributes, events, properties, slots, CSS properties and parts', () => {
    const listed = webTypes.contributions.html.elements;
    assert.deepEqual(listed.map((e) => e.name).sort(), TAGS);
    for (const entry of listed) {
      const declared = element(entry.name);
      assertKeys(entry, ['name', 'description', 'doc-url', 'source', 'attributes', 'slots', 'js', 'css'], entry.name);
      assert.equal(typeof entry.description, 'string');
      assert.equal(entry.source.symbol, declared.name);
      assert.deepEqual(entry.attributes.map((a) => a.name), (declared.attributes ?? []).map((a) => a.name), `${entry.name} attributes`);
      for (const attribute of entry.attributes) {
        assertKeys(attribute, ['name', 'description', 'default', 'required', 'value', 'values', 'deprecated'], `${entry.name} ${attribute.name}`);
        assertKeys(attribute.value, ['kind', 'type', 'required', 'default'], `${entry.name} ${attribute.name} value`);
        assert.ok(['string', 'number', 'boolean', 'enum'].includes(attribute.value.type), `${entry.name} ${attribute.name}: ${attribute.value.type}`);
        assert.equal(attribute.value.type === 'enum', Array.isArray(attribute.values), `${entry.name} ${attribute.name}: enum values`);
      }
      assertKeys(entry.js, ['properties', 'events'], `${entry.name} js`);
      assert.deepEqual(entry.js.events.map((e) => [e.name, e.type]), (declared.events ?? []).map((e) => [e.name, e.type.text]), `${entry.name} events`);
      for (const property of entry.js.properties) assertKeys(property, ['name', 'description', 'type', 'read-only', 'default'], `${entry.name} ${property.name}`);
      assertKeys(entry.css, ['properties', 'parts'], `${entry.name} css`);
      assert.deepEqual(entry.css.properties.map((p) => [p.name, p.default]), (declared.cssProperties ?? []).map((p) => [p.name, p.default]), `${entry.name} css properties`);
      assert.deepEqual(entry.css.parts.map((p) => p.name), (declared.cssParts ?? []).map((p) => p.name), `${entry.name} parts`);
      assert.deepEqual(entry.slots.map((s) => s.name), (declared.slots ?? []).map((s) => s.name || 'default'), `${entry.name} slots`);
    }
    const host = listed.find((e) => e.name === 'pex-plugin-host');
    const platform = host.attributes.find((a) => a.name === 'platform');
    assert.deepEqual({ value: platform.value, values: platform.values, default: platform.default }, { value: { type: 'enum' }, values: ['web', 'electron', 'ios', 'android'].map((name) => ({ name })), default: 'web' });
    assert.deepEqual(listed.find((e) => e.name === 'pex-template-dialog').attributes.find((a) => a.name === 'close-disabled').value, { type: 'boolean' });
  });
});
