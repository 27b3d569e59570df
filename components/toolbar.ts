/**
 * Defines `<pex-toolbar>` (the plugins' toolbar buttons). Import the class alone from `./toolbar/toolbar.js` to
 * register it under another name or in a scoped registry.
 */
import { defineElement } from './register.js';
import { PexToolbar } from './toolbar/toolbar.js';

defineElement('pex-toolbar', PexToolbar);

export { PexToolbar };

declare global {
  interface HTMLElementTagNameMap {
    'pex-toolbar': PexToolbar;
  }
}
