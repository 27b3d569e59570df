/**
 * Defines `<pex-participant-menu>` (the plugins' participant menu items). Import the class alone from `./participant-menu/participant-menu.js` to
 * register it under another name or in a scoped registry.
 */
import { defineElement } from './register.js';
import { PexParticipantMenu } from './participant-menu/participant-menu.js';

defineElement('pex-participant-menu', PexParticipantMenu);

export { PexParticipantMenu };

declare global {
  interface HTMLElementTagNameMap {
    'pex-participant-menu': PexParticipantMenu;
  }
}
