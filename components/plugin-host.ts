/**
 * Defines `<pex-plugin-host>`, with `<pex-template-dialog>` for its plugins' dialogs, routes
 * plugin errors to their plugins and installs `window.PEX`. Import the class alone from
 * `./plugin-host/plugin-host.js` to register it under another name.
 */
import { installPexGlobal } from '../src/api/pex-global.js';
import { installErrorRouter } from '../src/runtime/error-router.js';
import { PexPluginHost } from './plugin-host/plugin-host.js';
import { defineElement } from './register.js';
import './template-dialog.js';

// First, so the host hears plugin errors before the page's own error handlers do.
installErrorRouter();
defineElement('pex-plugin-host', PexPluginHost);
installPexGlobal();

export { PexPluginHost };

declare global {
  interface HTMLElementTagNameMap {
    'pex-plugin-host': PexPluginHost;
  }
}
