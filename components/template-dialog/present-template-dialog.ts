import type { DialogRequest, PresentedDialog } from '../../src/api/dialog-bridge.js';
import type { PexTemplateDialog } from './template-dialog.js';

/**
 * Shows a plugin's dialog as a `<pex-template-dialog>` inside `container` (the plugin's host,
 * so the client's CSS custom properties reach it). The body goes in as the plugin wrote it:
 * its own trusted HTML, inline handlers included, as the plugin guide promises.
 */
export function presentTemplateDialog(container: Element, request: DialogRequest): PresentedDialog {
  const dialog = container.ownerDocument.createElement('pex-template-dialog') as PexTemplateDialog;
  dialog.heading = request.title;
  dialog.closeDisabled = request.isCloseDisabled;
  if (request.pluginId) dialog.dataset.pexPluginId = request.pluginId;
  dialog.innerHTML = request.body;
  const listeners: Array<(value: unknown) => void> = [];
  dialog.addEventListener('pex-dialog-close', (event) => {
    for (const listener of listeners.splice(0)) listener(event.detail.value);
  });
  container.append(dialog);
  return {
    opened: dialog.show(),
    close: (value?: unknown) => dialog.close(value),
    onClosed: (listener) => listeners.push(listener),
  };
}
