import type { Participant } from '../../src/conference/types.js';
import { lookForParticipant, shownForParticipant, type MenuItemView } from '../../src/runtime/menu-items.js';
import { PluginMenuElement } from '../shared/plugin-menu.js';

/**
 * The participant context-menu items of the loaded plugins (`menuItems.participants`) for
 * one participant. Icons and labels follow the plugin's per-participant state; a click
 * calls the plugin's action with that participant.
 *
 * @tagname pex-participant-menu
 * @summary Plugin items for a participant's context menu.
 *
 * @slot loading - Replaces the placeholder's text ("Loading plugins…") while the host's plugins load.
 *
 * @csspart base - The `role="menu"` container.
 * @csspart item - Each menu item.
 * @csspart icon - An item's icon.
 * @csspart label - An item's label.
 * @csspart placeholder - What shows while the host's plugins load: "Loading plugins…" (or the `loading` slot),
 *   after any items that are already there. Gone once they settled.
 *
 * @cssstate loading - The host's plugins are loading (`:state(loading)`); the element is `aria-busy="true"` meanwhile.
 *
 * @cssprop --pex-menu-item-padding - Padding of an item.
 * @cssprop --pex-menu-item-gap - Space between icon and label.
 * @cssprop --pex-menu-item-color - Item text color.
 * @cssprop --pex-menu-item-background - Item background.
 * @cssprop --pex-menu-item-background-hover - Item background on hover.
 * @cssprop --pex-menu-icon-size - Icon size.
 * @cssprop --pex-focus-ring - Outline of the focused item.
 * @cssprop [--pex-menu-placeholder-color=color-mix(in srgb, currentColor 70%, transparent)] - Text color of the placeholder.
 * @cssprop [--pex-menu-placeholder-padding=0.5rem 0.75rem] - Padding of the placeholder.
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

  /** An item for given participants (a Web App 3 action's `participantIDs`) shows in their menus only. */
  protected override shows(item: MenuItemView): boolean {
    return shownForParticipant(item, this.participant?.uuid);
  }

  protected argumentsFor(): unknown[] | undefined {
    if (!this.participant) {
      console.warn('[pex-plugin-host] <pex-participant-menu> has no .participant; the menu item does nothing.');
      return undefined;
    }
    return [this.participant];
  }
}
