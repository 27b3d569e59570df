import type { Plugin } from 'vite';

/**
 * Serves the Angular example from source, compiled ahead of time (`plugins: [angularExample()]`).
 * `tsconfig` and `sourceDir` default to demo/angular/tsconfig.json and demo/angular/src/.
 */
export function angularExample(options?: { tsconfig?: string; sourceDir?: string }): Plugin;
