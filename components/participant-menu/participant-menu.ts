import type { Participant } from '../../src/conference/types.js';
import { lookForParticipant, type MenuItemView } from '../../src/runtime/menu-items.js';
import { PluginMenuElement } from '../shared/plugin-menu.js';

/**
 * The participant context-menu items of the loaded plugins (`menuItems.participants`) for
 * one participant. Icons and labels follow the plugin's per-participant state; a click
 * calls the plugin's action with that participant.
 *
 * @tagname pex-participant-menu
 * @summary Plugin items for a participant's context menu.
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
export class PexParticipantMenu extends PluginMenuElement {
  static override properties = {
    ...PluginMenuElement.properties,
    participant: { attribute: false },
  };

  /** The participant the menu is for (the guide's participant properties). */
  declare participant: Participant | undefined;

  constructor() {
    super('participants');
  }

  protected lookOf(item: MenuItemView) {
    return lookForParticipant(item, this.participant?.uuid);
  }

  protected argumentsFor(): unknown[] | undefined {
    if (!this.participant) {
      console.warn('[pex-plugin-host] <pex-participant-menu> has no .participant; the menu item does nothing.');
      return undefined;
    }
    return [this.participant];
  }
}
