/**
 * Defines `<pex-plugin-settings>` (the users' plugin choices). Import the class alone from `./plugin-settings/plugin-settings.js` to
 * register it under another name or in a scoped registry.
 */
import { defineElement } from './register.js';
import { PexPluginSettings } from './plugin-settings/plugin-settings.js';

defineElement('pex-plugin-settings', PexPluginSettings);

export { PexPluginSettings };

declare global {
  interface HTMLElementTagNameMap {
    'pex-plugin-settings': PexPluginSettings;
  }
}
