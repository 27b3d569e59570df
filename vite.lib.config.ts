import { existsSync, readdirSync, rmSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

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
      if (!id.replace(/\?.*$/, '').endsWith('.styles.ts')) return null;
      return { code: code.replace(/`([^`$]*)`/g, (_all, text: string) => `\`${squeeze(text)}\``), map: null };
    },
  };
}

/**
 * The dialogs' frame and close-button styles are shared by three lazy chunks (the template
 * dialog's view, the Web App 3 UI, the toasts' view). Left to the bundler they would be a fourth
 * chunk that each of those imports, fetched only once its importer has arrived and been read:
 * a second round trip before a plugin's first dialog, and, in a Web App 3 load, after the
 * frames' insertion has held the main thread. They are small (under 1 KB gzip): each of those
 * chunks gets its own copy instead. The source stays one module; the build imports it once per
 * chunk, under a query naming the chunk.
 */
function copySharedStyles(): Plugin {
  const shared = /[\\/]components[\\/]shared[\\/](dialog-frame|close-button)\.styles\.ts$/;
  const ownerOf = (importer: string) =>
    importer.match(/[?&]copy=([\w-]+)/)?.[1] ?? (/[\\/]components[\\/](template-dialog|toasts)[\\/]/.exec(importer)?.[1] ?? 'webapp3-ui');
  return {
    name: 'pex-copy-shared-styles',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/(dialog-frame|close-button)\.styles(\.[jt]s)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !shared.test(resolved.id)) return null;
      return `${resolved.id}?copy=${ownerOf(importer)}`;
    },
  };
}

/**
 * dist/ also holds the examples' builds and the types, so it is not emptied; but an old lazy
 * chunk (its name carries a hash; a shared chunk is named after a module, dots and all) must not
 * linger beside the new one and ship in the package.
 */
function removeOldChunks(): Plugin {
  return {
    name: 'pex-remove-old-chunks',
    buildStart() {
      if (!existsSync('dist')) return;
      for (const file of readdirSync('dist')) if (file !== 'pex-plugin-host.js' && /^[A-Za-z][\w.-]*-[\w-]{8}\.js(\.map)?$/.test(file)) rmSync(`dist/${file}`);
    },
  };
}

/** V8's explicit compile hint for a whole file (https://v8.dev/blog/explicit-compile-hints). */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The drop-in build: one ES module, `dist/pex-plugin-host.js`, that defines every pex-*
 * element. lit and rxjs are bundled in, so a plain page needs a single script tag.
 */
export default defineConfig({
  publicDir: false,
  plugins: [removeOldChunks(), copySharedStyles(), minifyStyleTemplates()],
  // rxjs's ES2015 build: classes instead of ES5 functions and tslib helpers, smaller.
  resolve: { conditions: ['es2015', 'module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    // With a source map beside it, so a stack trace from the drop-in names our source.
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The drop-in file runs at start, nearly all of it: V8 (Chrome 136 on) reads this comment
        // and compiles every function of the file on the thread that streams it in, instead of
        // each one on the main thread the first time it is called, in the middle of the host's
        // start-up. Only the entry: the lazy chunks load for rare paths, where lazy compile is right.
        postBanner: (chunk) => (chunk.isEntry ? COMPILE_HINT : ''),
        // Vite keeps white space and comments in an ES library build, for the next bundler;
        // the drop-in is the last step, loaded as it is: minify it fully.
        minify: { compress: true, mangle: true, codegen: { removeWhitespace: true } },
        comments: { annotation: false, jsdoc: false, legal: false },
        // Every module the entry imports statically goes in the drop-in file itself. Left to itself,
        // rolldown's check that a lazy chunk's imports are already loaded gives up for some chunks
        // (one that imported the plugin runtime's modules back, tried for a dialog's code) and then
        // splits what the entry and that chunk share into eight more files the page fetches at start.
        // Today's build is the same byte for byte with or without this; it keeps it so.
        codeSplitting: { groups: [{ name: 'pex-plugin-host', tags: ['$initial'] }] },
      },
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
