import type { MenuItemView } from '../../src/runtime/menu-items.js';
import { PluginMenuElement } from '../shared/plugin-menu.js';

/**
 * The conference control menu items of the loaded plugins (`menuItems.conference`).
 * A click calls the plugin's action with the conference details.
 *
 * @tagname pex-conference-menu
 * @summary Plugin items for the conference control menu.
 *
 * @csspart base - The `role="menu"` container.
 * @csspart item - Each menu item.
 * @csspart icon - An item's icon.
 * @csspart label - An item's label.
 *
 * @cssprop --pex-menu-item-padding - Padding of an item.
 * @cssprop --pex-menu-item-gap - Space between icon and label.
 * @cssprop --pex-menu-item-color - Item text color.
 * @cssprop --pex-menu-item-background - Item background.
 * @cssprop --pex-menu-item-background-hover - Item background on hover.
 * @cssprop --pex-menu-icon-size - Icon size.
 * @cssprop --pex-focus-ring - Outline of the focused item.
 */
export class PexConferenceMenu extends PluginMenuElement {
  constructor() {
    super('conference');
  }

  protected lookOf(item: MenuItemView) {
    return { icon: item.icon, label: item.label };
  }

  protected argumentsFor(): unknown[] {
    return [this.menu.host?.conference.conference];
  }
}
