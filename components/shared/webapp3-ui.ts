/**
 * The Web App 3 UI calls, ready for a Webapp3Host: buttons, forms, prompts, toasts, widgets and
 * `ui:removeElement`, with the elements they render defined. Fetch this module with the Web App 3
 * chunk (never at start): the dialogs', the buttons' and the widgets' code is in it.
 */
import type { MenuItemView } from '../../src/runtime/menu-items.js';
import type { RpcHandlers } from '../../src/webapp3/rpc-router.js';
import { PluginButtons, GROUP_MENU_TAG, type UiButtonOptions } from '../../src/webapp3/ui-buttons.js';
import { uiDialogs } from '../../src/webapp3/ui-dialogs.js';
import { PluginElements, type UiPlace } from '../../src/webapp3/ui-elements.js';
import { uiToasts } from '../../src/webapp3/ui-toasts.js';
import { uiWidgets } from '../../src/webapp3/ui-widgets.js';
import '../plugin-form.js';
import '../plugin-prompt.js';
import '../toasts.js';
import '../plugin-widget.js';
import { defineElement } from '../register.js';
import { PexButtonGroupMenu } from './button-group-menu.js';

defineElement(GROUP_MENU_TAG, PexButtonGroupMenu);

declare global {
  interface HTMLElementTagNameMap {
    'pex-button-group-menu': PexButtonGroupMenu;
  }
}

export interface Webapp3Ui {
  /** `ui:button:add`, `ui:button:update`, `ui:form:open`, `ui:prompt:open`, `ui:toast:show`, `ui:widget:add`, `ui:widget:toggle` and `ui:removeElement`. */
  handlers: RpcHandlers;
  /** The plugins' elements by id: other parts (widgets) add theirs for `ui:removeElement`. */
  elements: PluginElements;
  /** The plugins' buttons, as menu items. */
  buttons: PluginButtons;
  /** Takes away everything the plugin showed (it was unloaded). */
  removeAll(pluginId: string): void;
  /** The participant's role changed: the buttons' `roles` decide again. */
  refresh(): void;
  /** Everything goes; the conference is no longer followed. */
  dispose(): void;
}

export interface Webapp3UiOptions {
  place: UiPlace;
  /** Sends an event to one plugin (Webapp3Host: `host.plugin(id)?.send(event, payload)`). */
  send(pluginId: string, event: string, payload: unknown): void;
  elements?: PluginElements;
  /** Where the buttons' menu items go, with how a menu's click on one is carried out; none: no buttons (their calls are not served). */
  menuItems?(items: readonly MenuItemView[], invoke: (item: MenuItemView, args: unknown[]) => void): void;
  role?: UiButtonOptions['role'];
  participants$?: UiButtonOptions['participants$'];
}

/**
 * The handlers, rendering in `place` (dialogs, group menus and the host's own toast region in
 * its root; an app's `<pex-toasts>` inside `place.element` is used for toasts when there is one).
 */
export function webapp3Ui(options: Webapp3UiOptions): Webapp3Ui {
  const { place, send, menuItems } = options;
  const elements = options.elements ?? new PluginElements();
  const invoke = (item: MenuItemView, args: unknown[]) => buttons.invoke(item, args);
  const buttons: PluginButtons = new PluginButtons({
    place,
    send,
    elements,
    publish: (items) => menuItems?.(items, invoke),
    ...(options.role ? { role: options.role } : {}),
    ...(options.participants$ ? { participants$: options.participants$ } : {}),
  });
  const handlers = {
    ...uiDialogs({ place, send, elements }),
    ...uiToasts({ place }),
    // Buttons only where they can show: without menus to publish to, `ui:button:add` is refused as unsupported.
    ...(menuItems ? buttons.handlers() : {}),
    ...uiWidgets({ place, elements }),
    ...elements.handlers(),
  };
  return {
    handlers,
    elements,
    buttons,
    removeAll: (pluginId) => elements.removeAll(pluginId),
    refresh: () => buttons.refresh(),
    dispose: () => buttons.dispose(),
  };
}
