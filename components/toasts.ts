/**
 * Defines `<pex-toasts>` (where plugins' toasts show). Its class is small; its queue and look
 * are fetched with the first toast. Import the class alone from `./toasts/toasts.js` to
 * register it under another name.
 */
import { defineElement } from './register.js';
import { PexToasts } from './toasts/toasts.js';

defineElement('pex-toasts', PexToasts);

export { PexToasts };

declare global {
  interface HTMLElementTagNameMap {
    'pex-toasts': PexToasts;
  }
}
