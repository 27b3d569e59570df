import { defineConfig } from 'vite';

/**
 * The drop-in build: one ES module, `dist/pex-plugin-host.js`, that defines every pex-*
 * element. lit and rxjs are bundled in, so a plain page needs a single script tag.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'components/index.ts',
      formats: ['es'],
      fileName: () => 'pex-plugin-host.js',
    },
  },
});
