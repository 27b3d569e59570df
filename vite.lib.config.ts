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
 * The drop-in build: one ES module, `dist/pex-plugin-host.js`, that defines every pex-*
 * element. lit and rxjs are bundled in, so a plain page needs a single script tag.
 */
export default defineConfig({
  publicDir: false,
  plugins: [minifyDropIn()],
  // rxjs's ES2015 build: classes instead of ES5 functions and tslib helpers, smaller.
  resolve: { conditions: ['es2015', 'module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: 'components/index.ts',
      formats: ['es'],
      fileName: () => 'pex-plugin-host.js',
    },
  },
});
