// An esbuild plugin for the entries built beside the npm entry (the testing kit, the React
// wrappers): they reach the elements only through the package's entry, kept external as
// `../esm/components/index.js` (what `import 'pex-plugin-host'` gives the app too), or through an
// element's own defining module that the entry does not import (`components/toasts`, kept
// external as `../esm/components/toasts.js`), so a page has one copy of the elements, of lit and
// of `window.PEX`. Any other run-time import of the project's code from outside the entry's
// folder would be a second copy, and fails the build.
import { relative, resolve } from 'node:path';

/**
 * @param {object} options
 * @param {string} options.folder the entry's folder (`testing`, `react`): its own modules are bundled
 * @param {string} options.what how the entry is named in errors (`the kit`, `the React entry`)
 * @param {string[]} [options.external] bare imports kept external (the app's own `react`)
 * @param {string[]} [options.bundled] bare imports bundled in (`@lit/react`)
 * @param {string[]} [options.elements] defining modules outside the entry it may import (`components/toasts`)
 */
export function entryExternal({ folder, what, external = [], bundled = [], elements = [] }) {
  const root = resolve('.');
  // The entry and the other defining modules, each kept external as its file in dist/esm/.
  const externalModules = new Map(['components/index', ...elements].map((module) => [resolve(module), `../esm/${module}.js`]));
  const allowed = [...external, ...bundled];
  return {
    name: `pex-entry-external-${folder}`,
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (external.includes(args.path)) return { path: args.path, external: true };
        if (bundled.some((name) => args.path === name || args.path.startsWith(`${name}/`))) return undefined;
        if (bundled.length > 0 && args.resolveDir.includes('/node_modules/')) return undefined;
        if (!args.path.startsWith('.')) {
          const may = allowed.length > 0 ? `${allowed.join(', ')} and the package entry` : 'only the package entry (../components/index.js)';
          return { errors: [{ text: `${relative(root, args.importer)} imports "${args.path}" at run time: ${what} may import ${may}` }] };
        }
        const path = resolve(args.resolveDir, args.path).replace(/\.(js|ts)$/, '');
        if (externalModules.has(path)) return { path: externalModules.get(path), external: true };
        if (!relative(resolve(folder), path).startsWith('..')) return undefined;
        return {
          errors: [{ text: `${relative(root, args.importer)} imports ${relative(root, path)} at run time: import it from ../components/index.js (the package entry), or as a type only` }],
        };
      });
    },
  };
}
