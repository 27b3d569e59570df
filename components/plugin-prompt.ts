/**
 * Defines `<pex-plugin-prompt>` (a Web App 3 plugin's prompt). Part of the Web App 3 chunk:
 * import it where the Web App 3 host is loaded. Import the class alone from
 * `./plugin-prompt/plugin-prompt.js` to register it under another name.
 */
import { defineElement } from './register.js';
import { PexPluginPrompt } from './plugin-prompt/plugin-prompt.js';

defineElement('pex-plugin-prompt', PexPluginPrompt);

export { PexPluginPrompt };

declare global {
  interface HTMLElementTagNameMap {
    'pex-plugin-prompt': PexPluginPrompt;
  }
}
