// Editor data generated from custom-elements.json (run after `cem analyze`):
//   dist/editor/vscode.html-custom-data.json   VS Code `html.customData`
//   dist/editor/vscode.css-custom-data.json    VS Code `css.customData`
//   dist/editor/web-types.json                 JetBrains IDEs, through package.json "web-types"
// Usage: node tools/build-editor-data.mjs [--manifest custom-elements.json] [--out dist/editor]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { vscodeCssData, vscodeHtmlData } from './editor-data/vscode-data.mjs';
import { webTypes } from './editor-data/web-types.mjs';

const { values } = parseArgs({
  options: {
    manifest: { type: 'string', default: 'custom-elements.json' },
    package: { type: 'string', default: 'package.json' },
    out: { type: 'string', default: 'dist/editor' },
  },
});

const manifest = JSON.parse(readFileSync(values.manifest, 'utf8'));
const pkg = JSON.parse(readFileSync(values.package, 'utf8'));

const files = {
  'vscode.html-custom-data.json': vscodeHtmlData(manifest),
  'vscode.css-custom-data.json': vscodeCssData(manifest),
  'web-types.json': webTypes(manifest, pkg),
};
mkdirSync(values.out, { recursive: true });
for (const [name, data] of Object.entries(files)) writeFileSync(join(values.out, name), `${JSON.stringify(data, null, 2)}\n`);
console.log(`editor data written to ${values.out}/: ${Object.keys(files).join(', ')}`);
