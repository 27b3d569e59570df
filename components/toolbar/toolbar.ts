import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { menuIcon } from '../shared/menu-icon.js';
import { MenuItemsController } from '../shared/menu-items-controller.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { toolbarStyles } from './toolbar.styles.js';

/**
 * The toolbar buttons of the loaded plugins (`menuItems.toolbar`). A click calls the
 * plugin's action with the participants array and the conference details.
 *
 * @tagname pex-toolbar
 * @summary Plugin buttons for the conference toolbar.
 *
 * @csspart base - The `role="toolbar"` container.
 * @csspart button - Each plugin button.
 * @csspart icon - A button's icon.
 * @csspart label - A button's visible label (shown when the item has no icon).
 *
 * @cssprop --pex-toolbar-gap - Space between buttons.
 * @cssprop --pex-toolbar-button-size - Height and minimum width of a button.
 * @cssprop --pex-toolbar-button-radius - Corner radius of a button.
 * @cssprop --pex-toolbar-button-background - Button background.
 * @cssprop --pex-toolbar-button-background-hover - Button background on hover.
 * @cssprop --pex-toolbar-button-color - Button foreground (icons use currentColor).
 * @cssprop --pex-toolbar-icon-size - Icon size.
 * @cssprop --pex-focus-ring - Outline of the focused button.
 */
export class PexToolbar extends LitElement {
  static override styles = toolbarStyles;

  static override properties = {
    label: { type: String },
  };

  /** The toolbar's accessible name. */
  declare label: string;

  readonly #menu = new MenuItemsController(this, 'toolbar');
  readonly #roving = new RovingFocus(this, 'horizontal', () => [...(this.renderRoot.querySelectorAll<HTMLElement>('[part="button"]') ?? [])]);

  constructor() {
    super();
    this.label = 'Plugins';
  }

  protected override render() {
    const items = this.#menu.items;
    if (items.length === 0) return nothing;
    return html`<div part="base" role="toolbar" aria-label=${this.label} @keydown=${this.#roving.onKeyDown} @focusin=${this.#roving.onFocusIn}>
      ${repeat(
        items,
        (item) => item.key,
        (item, index) => {
          const name = item.label ?? item.pluginName;
          return html`<button
            part="button"
            type="button"
            data-key=${item.key}
            aria-label=${name}
            title=${name}
            tabindex=${this.#roving.tabIndexFor(index, items.length)}
            @click=${() => {
              const conference = this.#menu.host?.conference;
              this.#menu.invoke(item, [conference?.participants ?? [], conference?.conference]);
            }}
          >
            ${item.icon ? menuIcon(item.icon) : html`<span part="label">${name}</span>`}
          </button>`;
        },
      )}
    </div>`;
  }
}
