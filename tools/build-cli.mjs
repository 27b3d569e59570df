// Builds the `pex-plugins` command: dist/cli/pex-plugins.js (package.json "bin") and the chunks
// of its commands, each loaded only when it runs. Everything it uses is bundled in, so the
// installed package needs none of its parsers at run time.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { 'pex-plugins': 'tools/pex-plugins/bin.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: '#!/usr/bin/env node' },
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
