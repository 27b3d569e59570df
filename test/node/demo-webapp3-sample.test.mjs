// The demo's Web App 3 sample plugin: its committed build in the demo's branding is what its
// sources build, and manifest.json lists its page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OUT_DIR, buildSample, staleFiles } from '../../demo/webapp3-sample/build.mjs';
import { projectRoot } from './support/installed-package.mjs';

describe("the demo's Web App 3 sample plugin", () => {
  it('is built into the branding as demo/webapp3-sample builds it (else: node demo/webapp3-sample/build.mjs)', async () => {
    assert.deepEqual(await staleFiles(), []);
  });

  it('is a page that loads its one bundled script, which registers the plugin with @pexip/plugin-api inside', async () => {
    const files = await buildSample();
    assert.deepEqual(Object.keys(files), ['index.html', 'assets/sample.js']);
    assert.match(files['index.html'], /<script type="module" src="\.\/assets\/sample\.js"><\/script>/);
    // Bundled: no import is left for the browser to resolve.
    assert.doesNotMatch(files['assets/sample.js'], /\bimport\s*[{("'*]|\bfrom\s*["']/);
    assert.match(files['assets/sample.js'], /"webapp3-sample"/);
  });

  it("is listed in the branding's manifest.json, its src relative to the manifest", () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'demo/branding/webapp2/manifest.json'), 'utf8'));
    assert.deepEqual(manifest.plugins, [{ id: 'webapp3-sample', src: 'plugins/webapp3-sample/index.html' }]);
    assert.equal(join(projectRoot, 'demo/branding/webapp2', manifest.plugins[0].src), join(OUT_DIR, 'index.html'));
  });
});
