import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MenuLocation } from '../../src/config/types.js';
import type { MenuItemView } from '../../src/runtime/menu-items.js';
import { loadingPlaceholder, loadingPlaceholderStyles } from './loading-placeholder.js';
import { menuIcon } from './menu-icon.js';
import { MenuItemsController } from './menu-items-controller.js';
import { pluginMenuStyles } from './plugin-menu.styles.js';
import { PluginsLoadingController } from './plugins-loading-controller.js';
import { RovingFocus } from './roving-focus.js';

/**
 * A `role="menu"` list of plugin menu items for one location. Subclasses say which
 * location, what each item looks like, and which arguments its action receives. While the
 * host's plugins load, a placeholder follows the items (see PluginsLoadingController).
 */
export abstract class PluginMenuElement extends LitElement {
  static override styles = [pluginMenuStyles, loadingPlaceholderStyles];

  static override properties = {
    label: { type: String },
  };

  /** The menu's accessible name. */
  declare label: string;

  readonly #menu: MenuItemsController;
  readonly #loading = new PluginsLoadingController(this, this.attachInternals());
  readonly #roving = new RovingFocus(this, 'vertical', () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')]);

  constructor(location: MenuLocation) {
    super();
    this.label = 'Plugins';
    this.#menu = new MenuItemsController(this, location);
  }

  protected get menu(): MenuItemsController {
    return this.#menu;
  }

  /**
   * Focuses the menu's item that Tab would reach (the first, or the one last focused), so a
   * client that opens the menu can move focus into it; with no items, as any element does.
   */
  override focus(options?: FocusOptions): void {
    const item = this.renderRoot.querySelector<HTMLElement>('[part="item"][tabindex="0"]');
    if (item) item.focus(options);
    else super.focus(options);
  }

  protected abstract lookOf(item: MenuItemView): { icon: string | null; label: string | null };
  protected abstract argumentsFor(item: MenuItemView): unknown[] | undefined;

  /** Whether the menu shows `item`: every item of its location, unless a kind of menu says otherwise. */
  protected shows(_item: MenuItemView): boolean {
    return true;
  }

  protected override render() {
    const items = this.#menu.items.filter((item) => this.shows(item));
    const placeholder = this.#loading.loading ? loadingPlaceholder() : nothing;
    if (items.length === 0) return placeholder;
    return html`<div part="base" role="menu" aria-label=${this.label} @keydown=${this.#roving.onKeyDown} @focusin=${this.#roving.onFocusIn}>
      ${repeat(
        items,
        (item) => item.key,
        (item, index) => {
          const look = this.lookOf(item);
          const name = look.label ?? item.pluginName;
          return html`<button
            part="item"
            type="button"
            role="menuitem"
            data-key=${item.key}
            tabindex=${this.#roving.tabIndexFor(index, items.length)}
            @click=${() => {
              const args = this.argumentsFor(item);
              if (args) this.#menu.invoke(item, args);
            }}
          >
            ${menuIcon(look.icon)}<span part="label">${name}</span>
          </button>`;
        },
      )}
    </div>${placeholder}`;
  }
}
