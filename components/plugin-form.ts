/**
 * Defines `<pex-plugin-form>` (a Web App 3 plugin's form). Part of the Web App 3 chunk: import
 * it where the Web App 3 host is loaded. Import the class alone from
 * `./plugin-form/plugin-form.js` to register it under another name.
 */
import { defineElement } from './register.js';
import { PexPluginForm } from './plugin-form/plugin-form.js';

defineElement('pex-plugin-form', PexPluginForm);

export { PexPluginForm };

declare global {
  interface HTMLElementTagNameMap {
    'pex-plugin-form': PexPluginForm;
  }
}
