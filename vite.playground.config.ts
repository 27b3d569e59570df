import { defineConfig } from 'vite';

/**
 * The playground page of `pex-plugins dev`, built ahead of time into dist/playground/, so the
 * installed command serves files and needs no Vite. Relative URLs (`base: './'`): the page and
 * its assets are served from wherever the dev server mounts them.
 */
export default defineConfig({
  root: 'playground',
  base: './',
  publicDir: false,
  build: { outDir: '../dist/playground', emptyOutDir: true, target: 'es2022' },
});
