/**
 * Defines `<pex-plugin-widget>` (a Web App 3 plugin's widget). Part of the Web App 3 chunk:
 * import it where the Web App 3 host is loaded. Import the class alone from
 * `./plugin-widget/plugin-widget.js` to register it under another name.
 */
import { defineElement } from './register.js';
import { PexPluginWidget } from './plugin-widget/plugin-widget.js';

defineElement('pex-plugin-widget', PexPluginWidget);

export { PexPluginWidget };

declare global {
  interface HTMLElementTagNameMap {
    'pex-plugin-widget': PexPluginWidget;
  }
}
