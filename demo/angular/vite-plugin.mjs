// The Angular example from source on a Vite dev server, compiled ahead of time as build.mjs does
// (aot.mjs): src/*.ts are served as the Angular compiler's output (a type error, strictTemplates
// included, fails the request and shows in the terminal), and the Angular packages are linked,
// whether Vite pre-bundles them or serves them file by file. No template compiler reaches the
// page, so it runs under the page's strict policy.
//
// In a Vite config: `plugins: [angularExample()]` (the demo's vite.config.ts serves the example
// at /angular/ with it).
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import { ANGULAR_PACKAGE_FILE, compileAngularProject, linkAngularPackageFile } from './aot.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export function angularExample({ tsconfig = here('tsconfig.json'), sourceDir = here('src/') } = {}) {
  const sourcesRoot = resolve(sourceDir) + sep;
  const isSource = (id) => id.startsWith(sourcesRoot) && id.endsWith('.ts');
  /** The compiler's output for every source, recompiled after any of them changes. */
  let compiled;
  const compile = () => (compiled ??= compileAngularProject(tsconfig, sourceDir));
  return {
    name: 'angular-example-aot',
    enforce: 'pre',
    apply: 'serve',
    config: () => ({
      optimizeDeps: {
        // The partially compiled packages are linked as Vite pre-bundles them.
        rolldownOptions: {
          plugins: [
            {
              name: 'angular-linker',
              transform: {
                filter: { id: ANGULAR_PACKAGE_FILE },
                handler: async (code, id) => ({ code: await linkAngularPackageFile(code, id), map: null }),
              },
            },
          ],
        },
      },
    }),
    // ...and when Vite serves them as they are (not pre-bundled).
    transform: {
      filter: { id: ANGULAR_PACKAGE_FILE },
      handler: async (code, id) => ({ code: await linkAngularPackageFile(code, id.split('?')[0]), map: null }),
    },
    async load(id) {
      const path = id.split('?')[0];
      if (!isSource(path)) return null;
      let emitted;
      try {
        emitted = await compile();
      } catch (error) {
        compiled = undefined;
        throw error;
      }
      const code = emitted.get(path);
      if (code === undefined) throw new Error(`The Angular compiler emitted nothing for ${path}`);
      return { code, map: null };
    },
    // The output of one file depends on the others (a template on the directives' types): any
    // change compiles the example again and reloads the page.
    handleHotUpdate({ file, server }) {
      if (!isSource(file)) return undefined;
      compiled = undefined;
      for (const module of server.moduleGraph.idToModuleMap.values()) {
        if (module.file && isSource(module.file)) server.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
