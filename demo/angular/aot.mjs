// The Angular example's ahead-of-time compilation: two functions, and each as an esbuild plugin
// for build.mjs (vite-plugin.mjs uses the functions on a dev server):
//
// - compileAngularProject / angularSources: compiles demo/angular/src with the Angular compiler (ngtsc, the compiler
//   behind `ngc`) and hands esbuild the emitted JavaScript in place of each .ts file. Templates
//   become instructions at build time, and every binding is type-checked (strictTemplates in
//   tsconfig.json): errors stop the build.
// - linkAngularPackageFile / angularLinker: the framework packages (@angular/core, common, platform-browser) ship
//   partially compiled (`ɵɵngDeclare*` calls, which would need the JIT compiler in the page);
//   Angular's linker (a Babel plugin) turns them into the same final definitions.
//
// Both run in Node at build time only: nothing of the compiler reaches the bundle.
import { createCompilerHost, defaultGatherDiagnostics, formatDiagnostics, performCompilation, readConfiguration } from '@angular/compiler-cli';
import { ConsoleLogger, LogLevel, NodeJSFileSystem } from '@angular/compiler-cli';
import { createEs2015LinkerPlugin } from '@angular/compiler-cli/linker/babel';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

// The linker is a Babel plugin, made for the Babel that @angular/compiler-cli depends on (an
// exact version): use that one rather than installing a second.
const { transformAsync } = createRequire(import.meta.resolve('@angular/compiler-cli'))('@babel/core');

/**
 * Type-checks and compiles the project of `tsconfigPath` (its `include`d sources and what they
 * import); resolves to the JavaScript emitted for the sources under `sourceDir`, by the absolute
 * path of each .ts file. Throws with the formatted diagnostics when there are any errors.
 */
export async function compileAngularProject(tsconfigPath, sourceDir) {
  const config = readConfiguration(tsconfigPath);
  if (config.errors.length) throw new Error(formatDiagnostics(config.errors));
  const options = {
    ...config.options,
    noEmit: false,
    declaration: false,
    // Emitted beside the sources, in memory only: esbuild reads them from the map below.
    outDir: undefined,
    rootDir: undefined,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: true,
  };
  const host = createCompilerHost({ options });
  const emitted = new Map();
  host.writeFile = (fileName, contents) => emitted.set(resolve(fileName).replace(/\.js$/, '.ts'), contents);
  const sourcesRoot = resolve(sourceDir) + sep;
  const { diagnostics } = performCompilation({
    rootNames: config.rootNames,
    options,
    host,
    // Every file is type-checked; only the example's own sources are emitted (the rest are
    // declarations: the package's, whose elements come from the drop-in build, and Angular's).
    emitCallback: ({ program, writeFile, customTransformers }) => {
      const results = program
        .getSourceFiles()
        // (.ngtypecheck.ts files are the compiler's own type-checking shims.)
        .filter((file) => resolve(file.fileName).startsWith(sourcesRoot) && !file.fileName.endsWith('.ngtypecheck.ts'))
        .map((file) => program.emit(file, writeFile, undefined, false, customTransformers));
      return {
        emitSkipped: results.some((r) => r.emitSkipped),
        diagnostics: results.flatMap((r) => r.diagnostics),
      };
    },
    gatherDiagnostics: defaultGatherDiagnostics,
  });
  const errors = diagnostics.filter((d) => d.category === 1 /* ts.DiagnosticCategory.Error */);
  if (diagnostics.length) {
    const text = formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' });
    if (errors.length) throw new Error(`The Angular compiler reported errors:\n${text}`);
    console.warn(text);
  }
  return emitted;
}

/** esbuild plugin: each .ts file under `sourceDir` is loaded as the compiler's output for it. */
export function angularSources({ tsconfig, sourceDir }) {
  return {
    name: 'angular-aot-sources',
    setup(build) {
      let emitted;
      build.onStart(async () => {
        try {
          emitted = await compileAngularProject(tsconfig, sourceDir);
        } catch (error) {
          emitted = undefined;
          return { errors: [{ text: error instanceof Error ? error.message : String(error) }] };
        }
        return undefined;
      });
      const filter = new RegExp(`^${escapeRegExp(resolve(sourceDir) + sep)}.*\\.ts$`);
      build.onLoad({ filter }, (args) => {
        // The compilation failed: its errors are reported already, and nothing is written.
        if (!emitted) return { contents: '', loader: 'js' };
        const contents = emitted.get(resolve(args.path));
        if (contents === undefined) return { errors: [{ text: `The Angular compiler emitted nothing for ${args.path}` }] };
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Files of the Angular packages, the ones the linker looks at. */
export const ANGULAR_PACKAGE_FILE = /[\\/]node_modules[\\/]@angular[\\/].*\.m?js$/;

let linker;

/**
 * `code` (a file of an Angular package) with its partial declarations (ɵɵngDeclare*) linked into
 * final definitions; unchanged when it has none.
 */
export async function linkAngularPackageFile(code, path) {
  if (!code.includes('ɵɵngDeclare')) return code;
  linker ??= createEs2015LinkerPlugin({
    fileSystem: new NodeJSFileSystem(),
    logger: new ConsoleLogger(LogLevel.warn),
    // Final definitions only: no metadata for a JIT compiler (there is none in the page).
    linkerJitMode: false,
    // The packages have no external templates to map back to.
    sourceMapping: false,
  });
  const result = await transformAsync(code, {
    filename: path,
    filenameRelative: path,
    plugins: [linker],
    configFile: false,
    babelrc: false,
    compact: false,
    sourceMaps: 'inline',
    inputSourceMap: false,
  });
  return result?.code ?? code;
}

/** esbuild plugin: links the partially compiled Angular packages (ɵɵngDeclare*) to final definitions. */
export function angularLinker() {
  return {
    name: 'angular-linker',
    setup(build) {
      build.onLoad({ filter: ANGULAR_PACKAGE_FILE }, async (args) => ({
        contents: await linkAngularPackageFile(await readFile(args.path, 'utf8'), args.path),
        loader: 'js',
      }));
    },
  };
}

function escapeRegExp(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
