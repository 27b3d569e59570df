import { existsSync, readdirSync, rmSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/**
 * Vite keeps whitespace in library builds of the `es` format (to keep pure annotations for
 * the next bundler). The drop-in file is the last step, loaded as it is: minify it fully.
 */
function minifyDropIn(): Plugin {
  return {
    name: 'pex-minify-drop-in',
    // After Vite's own minify step, which runs in renderChunk.
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await transform(chunk.code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
        chunk.code = result.code;
      }
    },
  };
}

/**
 * The elements' styles are CSS in template literals (`*.styles.ts`), which no minifier
 * touches: drop comments and needless white space there. The styles have no `${}` parts.
 */
function minifyStyleTemplates(): Plugin {
  const squeeze = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .trim();
  return {
    name: 'pex-minify-style-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: code.replace(/`([^`$]*)`/g, (_all, text: string) => `\`${squeeze(text)}\``), map: null };
    },
  };
}

/**
 * dist/ also holds the examples' builds and the types, so it is not emptied; but an old lazy
 * chunk (its name carries a hash) must not linger beside the new one and ship in the package.
 */
function removeOldChunks(): Plugin {
  return {
    name: 'pex-remove-old-chunks',
    buildStart() {
      if (!existsSync('dist')) return;
      for (const file of readdirSync('dist')) if (/^(infinity|json-explain)-[\w-]+\.js$/.test(file)) rmSync(`dist/${file}`);
    },
  };
}

/**
 * The drop-in build: one ES module, `dist/pex-plugin-host.js`, that defines every pex-*
 * element. lit and rxjs are bundled in, so a plain page needs a single script tag.
 */
export default defineConfig({
  publicDir: false,
  plugins: [removeOldChunks(), minifyStyleTemplates(), minifyDropIn()],
  // rxjs's ES2015 build: classes instead of ES5 functions and tslib helpers, smaller.
  resolve: { conditions: ['es2015', 'module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    rollupOptions: {
      // Code shared with the lazily loaded chunks (rxjs with the Infinity connection) stays in the drop-in file,
      // which may then export a few more internal bindings, instead of a third file.
      preserveEntrySignatures: 'allow-extension',
    },
    lib: {
      entry: 'components/index.ts',
      formats: ['es'],
      fileName: () => 'pex-plugin-host.js',
    },
  },
});
