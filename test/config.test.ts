import { expect } from '@open-wc/testing';
import {
  loadBranding,
  loadPluginPackage,
  normalizeFolderUrl,
  resolveStateIcon,
  withCacheKey,
  type BrandingResult,
} from '../src/config/branding.js';
import { formatDiagnostic, type Diagnostic } from '../src/config/diagnostics.js';
import { parseJson } from '../src/config/json-location.js';
import { schemaDiagnostics } from '../src/config/schema-diagnostics.js';
import type { PluginSettingsEntry } from '../src/config/types.js';
import { validatePackage } from '../src/config/validators.generated.js';


const fixture = (path: string) => new URL(`/test/fixtures/config/${path}`, location.href).href;
const entry = (id: string, srcURL: string): PluginSettingsEntry => ({ id, srcURL, enabled: true });
/** A fetch that answers from memory by file name, and 404 for anything else. */
const serve =
  (files: Record<string, unknown>): typeof fetch =>
  async (input) => {
    const name = new URL(String(input)).pathname.split('/').pop() ?? '';
    return name in files ? new Response(JSON.stringify(files[name])) : new Response('', { status: 404 });
  };
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const at = (ds: Diagnostic[], pointer: string) => ds.filter((d) => d.pointer === pointer);

describe('config: loadBranding', () => {
  it('loads the plugin entries of a good folder, with no diagnostics', async () => {
    const branding = await loadBranding(fixture('good'));
    expect(branding.brandingUrl).to.equal(fixture('good/'));
    expect(branding.diagnostics).to.deep.equal([]);
    expect(branding.settingsBranded).to.equal(true);
    expect(branding.brandingID).to.equal('1521829718679'); // a number in the file
    expect(branding.entries).to.deep.equal([
      { id: 'a-plugin', srcURL: 'plugins/a/a.plugin.package.json', enabled: true },
      { id: 'b-plugin', srcURL: 'plugins/b/b.plugin.package.json', enabled: false },
      { id: 'background-plugin', srcURL: 'plugins/bg/bg.plugin.package.json', enabled: true },
    ]);
  });

  it('fetches manifest.json and settings.json with cache: no-cache', async () => {
    const seen: Array<[string, RequestCache | undefined]> = [];
    const spy: typeof fetch = (input, init) => {
      seen.push([String(input), init?.cache]);
      return fetch(input, init);
    };
    await loadBranding(fixture('good'), { fetch: spy });
    expect(seen).to.have.deep.members([
      [fixture('good/manifest.json'), 'no-cache'],
      [fixture('good/settings.json'), 'no-cache'],
    ]);
  });

  it('uses no plugins when isSettingsBranded is not true, and says how to fix it', async () => {
    const branding = await loadBranding(fixture('unbranded'));
    expect(branding.settingsBranded).to.equal(false);
    expect(branding.entries).to.deep.equal([]);
    expect(branding.diagnostics).to.have.length(1);
    const [warning] = branding.diagnostics;
    expect(warning.severity).to.equal('warning');
    expect(warning.file).to.equal(fixture('unbranded/manifest.json'));
    expect(warning.pointer).to.equal('/isSettingsBranded');
    expect(warning.message).to.contain('not used');
    expect(warning.fix).to.contain('"isSettingsBranded": true').and.contain('brandingID');
  });

  it('reports broken settings.json JSON with the right line and column', async () => {
    const branding = await loadBranding(fixture('bad-json'));
    expect(branding.entries).to.deep.equal([]);
    const [d] = errors(branding.diagnostics);
    expect(d.file).to.equal(fixture('bad-json/settings.json'));
    expect([d.line, d.column]).to.deep.equal([6, 7]); // "enabled" right after the missing comma
    expect(d.message).to.equal('the file is not valid JSON: missing comma between the properties "srcURL" and "enabled"');
    expect(d.fix).to.equal('add a comma at line 5, column 50, after `"plugins/a/a.plugin.package.json"`');
  });

  it('skips each bad entry with its pointer and keeps the good ones', async () => {
    const branding = await loadBranding(fixture('schema-errors'));
    const ds = branding.diagnostics;
    expect(branding.entries.map((e) => e.id)).to.deep.equal(['good-one', 'quoted-enabled', 'typo', 'another-good']);

    expect(at(ds, '/plugins/1/srcURL')[0]).to.include({ severity: 'error', fix: 'add the field "srcURL"' });
    expect(at(ds, '/plugins/2/srcURL')[0]).to.include({ severity: 'error', fix: 'make it a string' });
    expect(at(ds, '/plugins/2/srcURL')[0].message).to.equal('"srcURL" must be a string, not 42');
    expect(at(ds, '/plugins/4')[0]).to.include({ severity: 'error' });
    expect(at(ds, '/plugins/4')[0].message).to.contain('must be an object');
    expect(at(ds, '/plugins/5/id')[0]).to.include({ severity: 'error', message: '"id" must not be empty' });
    expect(at(ds, '/plugins/6/id')[0]).to.include({ severity: 'error' });
    expect(at(ds, '/plugins/6/id')[0].message).to.contain('"good-one" is already used by plugins[0]');
    for (const d of ds) expect(d.file).to.equal(fixture('schema-errors/settings.json'));
    // Unknown top-level settings are the app's own: no warning for "customSetting".
    expect(ds.filter((d) => d.pointer === '/customSetting')).to.deep.equal([]);
  });

  it('treats a quoted "enabled" as false, with a warning, and warns about unknown entry fields', async () => {
    const branding = await loadBranding(fixture('schema-errors'));
    expect(branding.entries.find((e) => e.id === 'quoted-enabled')?.enabled).to.equal(false);
    const [enabled] = at(branding.diagnostics, '/plugins/3/enabled');
    expect(enabled).to.include({ severity: 'warning', fix: 'write true without quotes' });
    expect(enabled.message).to.contain('not enabled');
    const [typo] = at(branding.diagnostics, '/plugins/7/enabeld');
    expect(typo).to.include({ severity: 'warning', message: 'unknown field "enabeld" is ignored' });
  });

  it('names the status when manifest.json is missing', async () => {
    const branding = await loadBranding(fixture('no-such-folder'));
    expect(branding.settingsBranded).to.equal(false);
    expect(branding.manifest).to.equal(null);
    expect(branding.diagnostics).to.have.length(1);
    const [d] = branding.diagnostics;
    expect(d.severity).to.equal('error');
    expect(d.file).to.equal(fixture('no-such-folder/manifest.json'));
    expect(d.message).to.contain('HTTP 404');
  });

  it('says the folder could not be reached when fetch fails, naming the URL', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const branding = await loadBranding('https://unreachable.example/webapp2', { fetch: failing });
    expect(branding.brandingUrl).to.equal('https://unreachable.example/webapp2/');
    const [d] = errors(branding.diagnostics);
    expect(d.message).to.contain('branding folder could not be reached');
    expect(d.message).to.contain('https://unreachable.example/webapp2/manifest.json');
    expect(d.message).to.contain('Failed to fetch');
  });

  it('rejects when its signal is aborted instead of reporting a diagnostic', async () => {
    const abort = new AbortController();
    abort.abort();
    let rejected: unknown;
    await loadBranding(fixture('good'), { signal: abort.signal }).catch((e: unknown) => (rejected = e));
    expect(rejected).to.have.property('name', 'AbortError');
  });

  it('warns about a missing brandingID and notes a settings.json without plugins', async () => {
    const branding = await loadBranding('https://node.example/webapp2/', {
      fetch: serve({ 'manifest.json': { isSettingsBranded: true }, 'settings.json': { defaultLanguage: 'en' } }),
    });
    expect(branding).to.include({ settingsBranded: true, brandingID: null });
    expect(branding.diagnostics.map((d) => [d.severity, d.file, d.pointer])).to.deep.equal([
      ['warning', 'https://node.example/webapp2/manifest.json', '/brandingID'],
      ['info', 'https://node.example/webapp2/settings.json', undefined],
    ]);
  });

  it('uses no plugins when manifest.json is not an object', async () => {
    const branding = await loadBranding('https://node.example/webapp2/', {
      fetch: serve({ 'manifest.json': [true], 'settings.json': { plugins: [] } }),
    });
    expect(branding).to.include({ settingsBranded: false, manifest: null });
    expect(branding.diagnostics.map((d) => [d.severity, d.pointer, d.message])).to.deep.equal([
      ['error', '', 'the file must be an object ({ ... }), not a list'],
    ]);
  });
});

describe('config: loadPluginPackage', () => {
  let good: BrandingResult;
  let pkgErrors: BrandingResult;
  before(async () => {
    good = await loadBranding(fixture('good'));
    pkgErrors = await loadBranding(fixture('package-errors'));
  });

  it('resolves the script and icons relative to the package file, with the cache key', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(good.entries[0], good);
    // Its only diagnostic: conference and toolbar items in one package (the next test).
    expect(diagnostics.map((d) => [d.severity, d.pointer])).to.deep.equal([['warning', '/menuItems/conference']]);
    const dir = fixture('good/plugins/a/');
    expect(pkg?.packageUrl).to.equal(`${dir}a.plugin.package.json`);
    expect(pkg?.scriptUrl).to.equal(`${dir}a.plugin.js?pexBrandingID=1521829718679`);
    expect(pkg?.menuItems.conference).to.deep.equal([
      {
        id: 'crop-item',
        icon: `${dir}crop.svg?pexBrandingID=1521829718679#crop`,
        label: 'take screenshot of videos',
        action: 'openScreenshotDialog',
      },
    ]);
    expect(pkg?.menuItems.toolbar).to.deep.equal([
      { icon: `${dir}icons/plain.svg?pexBrandingID=1521829718679`, label: null, action: 'toggle' },
      { icon: null, label: null, action: 'record' },
      { icon: null, label: null, action: 'onlyAction' },
    ]);
    expect(pkg?.menuItems.participants).to.deep.equal([]);
    expect(pkg).to.include({ id: 'a-plugin', version: '1.5', allowUnload: false });
    expect(pkg?.platforms).to.deep.equal(['web', 'electron', 'ios', 'android']);
    expect(pkg?.participantRoles).to.deep.equal(['chair']);
    expect(pkg?.raw.configuration).to.deep.equal({ endpoint: 'https://example.com/api', retries: 3 });
  });

  it('warns that a package with menu items in more than one location would not work in the Connect app', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(good.entries[0], good);
    expect(pkg?.id).to.equal('a-plugin'); // tolerated: this host still uses it
    expect(diagnostics).to.deep.equal([
      {
        severity: 'warning',
        file: fixture('good/plugins/a/a.plugin.package.json'),
        pluginId: 'a-plugin',
        pointer: '/menuItems/conference',
        message:
          'the package has menu items in 2 locations (toolbar, conference), but the plugin guide allows one; this host shows them all, the Connect app would not work with this package',
        fix: 'keep the items of one location (toolbar or conference) and move the others to a package of their own',
      },
    ]);
  });

  it("reads manifest.json's Web App 3 plugins beside settings.json's, each page resolved with the cache key", async () => {
    const fetchFiles = serve({
      'manifest.json': {
        brandingID: '7',
        isSettingsBranded: true,
        plugins: [
          { id: 'interpreter', src: './plugins/interpreter/index.html', sandboxValues: ['allow-same-origin', 'allow-popups'] },
          { id: 'bare', src: 'https://branding.example/other/bare.html' },
        ],
      },
      'settings.json': { plugins: [{ id: 'one', srcURL: 'one.plugin.package.json', enabled: true }] },
    });
    const branding = await loadBranding('https://branding.example/webapp2/', { fetch: fetchFiles });
    expect(branding.diagnostics).to.deep.equal([]);
    expect(branding.entries.map((e) => e.id)).to.deep.equal(['one']);
    expect(branding.webapp3Entries).to.deep.equal([
      { id: 'interpreter', index: 0, src: 'https://branding.example/webapp2/plugins/interpreter/index.html?pexBrandingID=7', sandboxValues: ['allow-same-origin', 'allow-popups'] },
      { id: 'bare', index: 1, src: 'https://branding.example/other/bare.html', sandboxValues: [] },
    ]);
  });

  it('skips a bad Web App 3 entry of manifest.json with its pointer, a repeated id and a page from an untrusted origin, and keeps the rest', async () => {
    const fetchFiles = serve({
      'manifest.json': {
        brandingID: '7',
        isSettingsBranded: false,
        plugins: [
          { id: 'good', src: 'good/index.html' },
          { id: '', src: 'empty-id.html' },
          { id: 'no-src' },
          { id: 'odd', src: 'odd.html', sandboxValues: ['same-origin'], extra: 1 },
          { id: 'good', src: 'again.html' },
          { id: 'far', src: 'https://elsewhere.example/far.html' },
        ],
      },
      'settings.json': {},
    });
    const branding = await loadBranding('https://branding.example/webapp2/', { fetch: fetchFiles, allowedOrigins: [] });
    // Read though settings.json is not branded: that switch is webapp2's.
    expect(branding.webapp3Entries.map((e) => e.id)).to.deep.equal(['good']);
    const manifest = 'https://branding.example/webapp2/manifest.json';
    const problems = branding.diagnostics.filter((d) => d.pointer?.startsWith('/plugins'));
    expect(problems.map((d) => [d.severity, d.file, d.pointer])).to.deep.equal([
      ['error', manifest, '/plugins/1/id'],
      ['error', manifest, '/plugins/2/src'],
      ['warning', manifest, '/plugins/3/extra'],
      ['error', manifest, '/plugins/3/sandboxValues/0'],
      ['error', manifest, '/plugins/4/id'],
      ['error', manifest, '/plugins/5/src'],
    ]);
    expect(problems[3]).to.include({
      message: '"sandboxValues[0]" is "same-origin", which does not have the form ^allow-[a-z-]+$',
      fix: 'write a value that matches ^allow-[a-z-]+$',
    });
    expect(problems[4]!.message).to.equal('the id "good" is already used by plugins[0], so this entry is skipped');
    expect(problems[5]!.pluginId).to.equal('far');
    expect(problems[5]!.message).to.contain('https://elsewhere.example/far.html').and.contain('is not loaded');
  });

  it('does not count an empty list as a menu location', async () => {
    const fetchFiles = serve({
      'manifest.json': { brandingID: '1', isSettingsBranded: true },
      'settings.json': { plugins: [{ id: 'one', srcURL: 'one.plugin.package.json', enabled: true }] },
      'one.plugin.package.json': {
        id: 'one',
        name: 'One',
        srcURL: 'one.js',
        menuItems: { toolbar: [{ label: 'Go', action: 'go' }], conference: [], participants: [] },
      },
    });
    const branding = await loadBranding('https://branding.example/webapp2/', { fetch: fetchFiles });
    const { pkg, diagnostics } = await loadPluginPackage(branding.entries[0], branding, { fetch: fetchFiles });
    expect(pkg?.id).to.equal('one');
    expect(diagnostics).to.deep.equal([]);
  });

  it('fetches the package file with the cache key', async () => {
    const urls: string[] = [];
    const spy: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    await loadPluginPackage(good.entries[0], good, { fetch: spy });
    expect(urls).to.deep.equal([fixture('good/plugins/a/a.plugin.package.json?pexBrandingID=1521829718679')]);
  });

  it('accepts "version": "", menuItems: {} and an index.js srcURL without errors', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(good.entries[1], good);
    expect(diagnostics).to.deep.equal([]);
    expect(pkg).to.include({ version: '', description: '', allowUnload: true });
    expect(pkg?.scriptUrl).to.equal(fixture('good/plugins/b/index.js?pexBrandingID=1521829718679'));
    expect(pkg?.menuItems).to.deep.equal({ toolbar: [], conference: [], participants: [] });
  });

  it('fills defaults for a background plugin without menuItems, and keeps an absolute srcURL as is', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(good.entries[2], good);
    expect(diagnostics).to.deep.equal([]);
    expect(pkg).to.include({ version: '', description: '', allowUnload: true, scriptUrl: 'https://cdn.example.com/bg.js' });
    expect(pkg?.platforms).to.equal(undefined);
    expect(pkg?.menuItems).to.deep.equal({ toolbar: [], conference: [], participants: [] });
  });

  it('warns about unknown fields but loads the package', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(
      entry('unknown-field', 'plugins/unknown-field.plugin.package.json'),
      pkgErrors,
    );
    expect(pkg?.id).to.equal('unknown-field');
    expect(errors(diagnostics)).to.deep.equal([]);
    expect(diagnostics.map((d) => [d.severity, d.pointer])).to.deep.equal([
      ['warning', '/foo'],
      ['warning', '/menuItems/toolbar/0/tooltip'],
    ]);
    expect(diagnostics[0]).to.include({
      pluginId: 'unknown-field',
      file: fixture('package-errors/plugins/unknown-field.plugin.package.json'),
      message: 'unknown field "foo" is ignored',
      fix: 'remove it, or check its spelling against the plugin guide',
    });
  });

  it('reports a missing package file with its URL and the plugin id', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(entry('missing', 'plugins/missing.plugin.package.json'), pkgErrors);
    expect(pkg).to.equal(null);
    expect(diagnostics).to.have.length(1);
    const url = fixture('package-errors/plugins/missing.plugin.package.json');
    expect(diagnostics[0]).to.include({ severity: 'error', pluginId: 'missing', file: url });
    expect(diagnostics[0].message).to.contain('HTTP 404').and.contain(url);
    expect(diagnostics[0].fix).to.contain('plugins/missing.plugin.package.json');
  });

  it('warns when the package id differs from the settings id, naming both, and still loads', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(entry('mismatch', 'plugins/mismatch.plugin.package.json'), pkgErrors);
    expect(pkg?.id).to.equal('other-id');
    expect(diagnostics).to.have.length(1);
    const [d] = diagnostics;
    expect(d).to.include({ severity: 'warning', pointer: '/id', pluginId: 'mismatch' });
    expect(d.message).to.contain('"other-id"').and.contain('"mismatch"').and.contain(fixture('package-errors/settings.json'));
    expect(d.fix).to.contain(fixture('package-errors/plugins/mismatch.plugin.package.json'));
  });

  it('does not use a package without a name', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(entry('no-name', 'plugins/no-name.plugin.package.json'), pkgErrors);
    expect(pkg).to.equal(null);
    expect(diagnostics.map((d) => [d.severity, d.pointer, d.fix])).to.deep.equal([['error', '/name', 'add the field "name"']]);
  });

  it('does not use a package whose menuItems cannot be read', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(entry('bad-menu', 'plugins/bad-menu.plugin.package.json'), pkgErrors);
    expect(pkg).to.equal(null);
    expect(diagnostics.map((d) => d.pointer)).to.deep.equal(['/menuItems/toolbar', '/menuItems/participants/0/icon']);
    expect(at(diagnostics, '/menuItems/toolbar')[0]).to.include({ severity: 'error', fix: 'make it a list ([ ... ])' });
    expect(at(diagnostics, '/menuItems/participants/0/icon')[0]).to.include({
      message: '"icon" must be a string or null, not 5',
      fix: 'make it a string or null',
    });
  });

  it('reports wrong types in fields with a default, and loads with the defaults', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(entry('bad-fields', 'plugins/bad-fields.plugin.package.json'), pkgErrors);
    expect(diagnostics.map((d) => [d.severity, d.pointer])).to.deep.equal([
      ['error', '/version'],
      ['error', '/allowUnload'],
      ['error', '/platforms/1'],
    ]);
    // One clear message for the number-or-string union.
    expect(at(diagnostics, '/version')[0].message).to.equal('"version" must be a number or a string, not an object');
    expect(at(diagnostics, '/allowUnload')[0].message).to.equal('"allowUnload" must be true or false, not the string "yes"');
    expect(at(diagnostics, '/platforms/1')[0]).to.include({
      message: '"platforms[1]" is "linux", which is not one of the allowed values',
      fix: 'use one of: web, electron, ios, android',
    });
    expect(pkg).to.include({ version: '', allowUnload: true });
    expect(pkg?.platforms).to.deep.equal(['web']);
  });

  it('reports a trailing comma in a package file with line and column', async () => {
    const { pkg, diagnostics } = await loadPluginPackage(
      entry('trailing-comma', 'plugins/trailing-comma.plugin.package.json'),
      pkgErrors,
    );
    expect(pkg).to.equal(null);
    expect(diagnostics).to.have.length(1);
    expect(diagnostics[0]).to.include({
      severity: 'error',
      line: 6,
      column: 41,
      pluginId: 'trailing-comma',
      message: 'the file is not valid JSON: trailing comma before `]`',
      fix: 'remove the comma at line 6, column 40: JSON allows no comma after the last item',
    });
  });
});

describe('config: URLs', () => {
  it('normalizeFolderUrl makes an absolute folder URL with a trailing slash', () => {
    expect(normalizeFolderUrl('webapp2', 'https://node.example/app/index.html')).to.equal('https://node.example/app/webapp2/');
    expect(normalizeFolderUrl('/branding/?x=1#top', 'https://node.example/app/')).to.equal('https://node.example/branding/');
    expect(normalizeFolderUrl('/test/')).to.equal(new URL('/test/', location.href).href);
  });

  it('withCacheKey sets pexBrandingID before the fragment and keeps other parameters', () => {
    expect(withCacheKey('https://a.example/x.svg#icon', '42')).to.equal('https://a.example/x.svg?pexBrandingID=42#icon');
    expect(withCacheKey('https://a.example/x.js?v=a%20b&pexBrandingID=1', '2')).to.equal(
      'https://a.example/x.js?v=a%20b&pexBrandingID=2',
    );
    expect(withCacheKey('x.js', 'a b')).to.equal('x.js?pexBrandingID=a%20b');
    expect(withCacheKey('https://a.example/x.js#f', null)).to.equal('https://a.example/x.js#f');
  });

  describe('resolveStateIcon', () => {
    const brandingUrl = 'https://node.example/webapp2/custom_configuration/';
    const packageUrl = `${brandingUrl}plugins/rec/rec.plugin.package.json`;

    it('resolves a plain relative icon against the package file, with the cache key', () => {
      expect(resolveStateIcon('stop.svg#stop', packageUrl, brandingUrl, '9')).to.equal(
        `${brandingUrl}plugins/rec/stop.svg?pexBrandingID=9#stop`,
      );
    });

    it('resolves configuration/ and custom_configuration/ paths into the branding folder', () => {
      const expected = `${brandingUrl}plugins/rec/x.svg?pexBrandingID=9#x`;
      expect(resolveStateIcon('configuration/plugins/rec/x.svg#x', packageUrl, brandingUrl, '9')).to.equal(expected);
      expect(resolveStateIcon('./custom_configuration/plugins/rec/x.svg#x', packageUrl, brandingUrl, '9')).to.equal(expected);
    });

    it('resolves absolute URLs and /-rooted paths against the page, without the cache key', () => {
      expect(resolveStateIcon('https://cdn.example/i.svg#i', packageUrl, brandingUrl, '9')).to.equal('https://cdn.example/i.svg#i');
      expect(resolveStateIcon('/icons/i.svg#i', packageUrl, brandingUrl, '9')).to.equal(new URL('/icons/i.svg#i', document.baseURI).href);
    });
  });
});

describe('config: parseJson', () => {
  it('returns the value of valid JSON, with or without a byte-order mark', async () => {
    expect(await parseJson('{"a": [1]}', 'f.json')).to.deep.equal({ value: { a: [1] } });
    expect(await parseJson('\uFEFF{"a": 1}', 'f.json')).to.deep.equal({ value: { a: 1 } });
  });

  it('says an empty file is empty', async () => {
    const result = await parseJson('  \n', 'settings.json');
    expect('diagnostic' in result && result.diagnostic).to.include({ severity: 'error', file: 'settings.json', message: 'the file is empty' });
  });

  it('explains broken JSON in a diagnostic with the file, line, column and fix', async () => {
    expect(await parseJson('\uFEFF{"a" 1}', 'f.json')).to.deep.equal({
      diagnostic: {
        severity: 'error',
        file: 'f.json',
        line: 1,
        column: 6, // counted without the byte-order mark, as editors show it
        message: 'the file is not valid JSON: missing colon after the key "a"',
        fix: 'write a colon between the key and its value: "a": …',
      },
    });
  });

  const lineColumn = async (source: string) => {
    const result = await parseJson(source, 'f.json');
    return 'diagnostic' in result ? [result.diagnostic.line, result.diagnostic.column] : 'parsed';
  };

  it('locates a missing closing bracket just past the last character', async () => {
    expect(await lineColumn('{\n  "plugins": [\n    {"id": "a"}')).to.deep.equal([3, 16]);
    expect(await lineColumn('{\n  "a": [1\n\n'), 'not on the trailing blank lines').to.deep.equal([2, 10]);
  });

  it('locates a trailing comma wherever it is in the file', async () => {
    expect(await lineColumn('[1,\n]')).to.deep.equal([2, 1]);
    expect(await lineColumn(`[1,]${' '.repeat(60)}`)).to.deep.equal([1, 4]);
    const middle = '{\n  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": 1,\n  "b": [1,],\n  "cccccccccccccccccccccccccccccccccccc": 2\n}';
    expect(await lineColumn(middle)).to.deep.equal([3, 11]);
    expect(await lineColumn(`{"${'a'.repeat(42)}": [1,\n2,]}`)).to.deep.equal([2, 3]);
  });
});

describe('config: broken JSON in a branding folder', () => {
  const manifest = JSON.stringify({ brandingID: '1', isSettingsBranded: true });
  /** A branding folder whose settings.json is `settings`, byte for byte. */
  const withSettings =
    (settings: string): typeof fetch =>
    async (input) => {
      const name = new URL(String(input)).pathname.split('/').pop();
      return new Response(name === 'manifest.json' ? manifest : settings);
    };
  const NOT_JSON = 'the file is not valid JSON: ';
  const plugin = (fields: string) => `{\n  "plugins": [\n    {\n${fields}\n    }\n  ]\n}\n`;
  const CASES: Array<[string, string, Pick<Diagnostic, 'line' | 'column' | 'message'>]> = [
    [
      'a trailing comma before ]',
      plugin('      "id": "rec",\n      "srcURL": "plugins/rec/rec.plugin.package.json"').replace('    }\n  ]', '    },\n  ]'),
      { line: 7, column: 3, message: `${NOT_JSON}trailing comma before \`]\`` },
    ],
    ['a trailing comma before }', plugin('      "id": "rec",'), { line: 5, column: 5, message: `${NOT_JSON}trailing comma before \`}\`` }],
    [
      'a missing comma',
      plugin('      "id": "rec"\n      "srcURL": "rec.json"'),
      { line: 5, column: 7, message: `${NOT_JSON}missing comma between the properties "id" and "srcURL"` },
    ],
    ['an unquoted key', plugin('      id: "rec"'), { line: 4, column: 7, message: `${NOT_JSON}unquoted key \`id\`` }],
    ['a single-quoted string', plugin("      \"id\": 'rec'"), { line: 4, column: 13, message: `${NOT_JSON}single-quoted string \`'rec'\`` }],
    ['a missing colon', plugin('      "id" "rec"'), { line: 4, column: 12, message: `${NOT_JSON}missing colon after the key "id"` }],
    [
      'an unclosed string',
      plugin('      "id": "rec'),
      { line: 4, column: 13, message: `${NOT_JSON}unclosed string: \`"rec\` has no closing double quote on its line` },
    ],
    [
      'a missing closing ]',
      '{\n  "plugins": [\n    {"id": "rec", "srcURL": "rec.json"}\n}\n',
      { line: 4, column: 1, message: `${NOT_JSON}missing closing \`]\`: the \`[\` at line 2, column 14 is followed by \`}\`` },
    ],
    [
      'a missing closing }',
      '{\n  "plugins": []\n',
      { line: 2, column: 16, message: `${NOT_JSON}missing closing \`}\`: the \`{\` at line 1, column 1 is never closed` },
    ],
    ['a comment', `// plugins of the demo\n${plugin('      "id": "rec"')}`, { line: 1, column: 1, message: `${NOT_JSON}a comment (\`//\`): JSON has no comments` }],
    ['an unexpected character', plugin('      "id": #rec'), { line: 4, column: 13, message: `${NOT_JSON}unexpected character \`#\`` }],
    [
      'extra text after the JSON',
      `${plugin('      "id": "rec"')}}\n`,
      { line: 8, column: 1, message: `${NOT_JSON}extra text after the JSON: \`}\` (the JSON value ends at line 7, column 1)` },
    ],
    ['an empty file', '\n', { line: 1, column: 1, message: 'the file is empty' }],
  ];

  for (const [what, settings, expected] of CASES) {
    it(`explains ${what} in settings.json, with line and column`, async () => {
      expect(() => JSON.parse(settings), 'the case is not JSON').to.throw(SyntaxError);
      const branding = await loadBranding(fixture('inline'), { fetch: withSettings(settings) });
      expect(branding.entries).to.deep.equal([]);
      expect(branding.diagnostics).to.have.length(1);
      expect(branding.diagnostics[0]).to.include({ severity: 'error', file: fixture('inline/settings.json'), ...expected });
      expect(branding.diagnostics[0].fix).to.be.a('string').and.not.equal('');
    });
  }
});

describe('config: schema diagnostics and formatting', () => {
  it('reports one message for an anyOf, not one per alternative', () => {
    const ds = schemaDiagnostics(
      [
        { instancePath: '/icon', schemaPath: '#/properties/icon/anyOf/0/type', keyword: 'type', params: { type: 'string' } },
        { instancePath: '/icon', schemaPath: '#/properties/icon/anyOf/1/type', keyword: 'type', params: { type: 'null' } },
        { instancePath: '/icon', schemaPath: '#/properties/icon/anyOf', keyword: 'anyOf', params: {} },
      ],
      { icon: 3 },
      { file: 'p.json', pluginId: 'p' },
    );
    expect(ds).to.deep.equal([
      { file: 'p.json', pluginId: 'p', severity: 'error', pointer: '/icon', message: '"icon" must be a string or null, not 3', fix: 'make it a string or null' },
    ]);
  });

  it('the generated validators need no eval and no require', async () => {
    const source = await (await fetch(new URL('../src/config/validators.generated.js', import.meta.url))).text();
    expect(source).not.to.match(/\brequire\s*\(|new\s+Function\s*\(|\beval\s*\(/);
    expect(validatePackage({ id: 'x', name: 'x', srcURL: 'x.js', menuItems: {} })).to.equal(true);
  });

  it('formatDiagnostic shows file, pointer or line, plugin and fix on one line', () => {
    expect(
      formatDiagnostic({
        severity: 'error',
        file: 'settings.json',
        pointer: '/plugins/2/srcURL',
        message: 'the required field "srcURL" is missing',
        fix: 'add the field "srcURL"',
      }),
    ).to.equal('error settings.json#/plugins/2/srcURL: the required field "srcURL" is missing Fix: add the field "srcURL"');
    expect(
      formatDiagnostic({ severity: 'error', file: 'a.json', line: 6, column: 41, message: 'not JSON', pluginId: 'a' }),
    ).to.equal('error [a] a.json:6:41: not JSON');
  });
});
