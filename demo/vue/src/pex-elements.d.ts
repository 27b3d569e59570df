/**
 * The pex-* elements for Vue's template type checker: the package's own declarations
 * (`pex-plugin-host/vue`), added as an app that installed the package adds them. See
 * vue/index.d.ts for what they check.
 */
import type {} from 'pex-plugin-host/vue';
