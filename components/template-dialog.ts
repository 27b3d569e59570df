/**
 * Defines `<pex-template-dialog>` (a plugin's dialog) and makes it where dialogs show that no
 * host can be named for (opened from a stray timer, say). Import the class alone from
 * `./template-dialog/template-dialog.js` to register it under another name.
 */
import { setDefaultDialogPresenter } from '../src/api/dialog-bridge.js';
import { defineElement } from './register.js';
import { presentTemplateDialog } from './template-dialog/present-template-dialog.js';
import { PexTemplateDialog } from './template-dialog/template-dialog.js';

defineElement('pex-template-dialog', PexTemplateDialog);
setDefaultDialogPresenter((request) => presentTemplateDialog(document.body, request));

export { PexTemplateDialog };

declare global {
  interface HTMLElementTagNameMap {
    'pex-template-dialog': PexTemplateDialog;
  }
}
