/**
 * Defines `<pex-conference-menu>` (the plugins' conference menu items). Import the class alone from `./conference-menu/conference-menu.js` to
 * register it under another name or in a scoped registry.
 */
import { defineElement } from './register.js';
import { PexConferenceMenu } from './conference-menu/conference-menu.js';

defineElement('pex-conference-menu', PexConferenceMenu);

export { PexConferenceMenu };

declare global {
  interface HTMLElementTagNameMap {
    'pex-conference-menu': PexConferenceMenu;
  }
}
