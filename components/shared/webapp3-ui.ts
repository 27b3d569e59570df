/**
 * The Web App 3 UI calls that are not menu buttons, ready for a Webapp3Host: forms, prompts,
 * toasts and `ui:removeElement`, with the elements they render defined. Fetch this module with
 * the Web App 3 chunk (never at start): the dialogs' code is in it.
 */
import type { RpcHandlers } from '../../src/webapp3/rpc-router.js';
import { uiDialogs, type UiDialogOptions } from '../../src/webapp3/ui-dialogs.js';
import { PluginElements, type UiPlace } from '../../src/webapp3/ui-elements.js';
import { uiToasts } from '../../src/webapp3/ui-toasts.js';
import '../plugin-form.js';
import '../plugin-prompt.js';
import '../toasts.js';

export interface Webapp3Ui {
  /** `ui:form:open`, `ui:prompt:open`, `ui:toast:show` and `ui:removeElement`. */
  handlers: RpcHandlers;
  /** The plugins' elements by id: other parts (buttons, widgets) add theirs for `ui:removeElement`; `removeAll(id)` on unload. */
  elements: PluginElements;
}

/**
 * The handlers, rendering in `place` (dialogs and the host's own toast region in its root; an
 * app's `<pex-toasts>` inside `place.element` is used for toasts when there is one).
 */
export function webapp3Ui(options: { place: UiPlace; send: UiDialogOptions['send']; elements?: PluginElements }): Webapp3Ui {
  const elements = options.elements ?? new PluginElements();
  const handlers = {
    ...uiDialogs({ place: options.place, send: options.send, elements }),
    ...uiToasts({ place: options.place }),
    ...elements.handlers(),
  };
  return { handlers, elements };
}
