import { LIBRARY_VERSION } from './version.js';

export { LIBRARY_VERSION };

const VERSION_KEY = Symbol.for('pex-plugin-host.version');

/**
 * Defines a custom element unless the name is taken. Two copies of this library on one page
 * (two micro-frontends each bundling it) must not throw; the second one warns and the first
 * definition stays in use.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (!existing) {
    (constructor as unknown as Record<symbol, string>)[VERSION_KEY] = LIBRARY_VERSION;
    customElements.define(name, constructor);
    return;
  }
  if (existing === constructor) return;
  const existingVersion = (existing as unknown as Record<symbol, string | undefined>)[VERSION_KEY] ?? 'unknown';
  console.warn(
    `[pex-plugin-host] <${name}> is already defined (version ${existingVersion}); this copy (version ${LIBRARY_VERSION}) ` +
      'is not registered. Load pex-plugin-host once per page.',
  );
}
