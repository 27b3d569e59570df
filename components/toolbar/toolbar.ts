import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { loadingPlaceholder, loadingPlaceholderStyles } from '../shared/loading-placeholder.js';
import { menuIcon } from '../shared/menu-icon.js';
import { MenuItemsController } from '../shared/menu-items-controller.js';
import { PluginsLoadingController } from '../shared/plugins-loading-controller.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { toolbarStyles } from './toolbar.styles.js';

/**
 * The toolbar buttons of the loaded plugins (`menuItems.toolbar`). A click calls the
 * plugin's action with the participants array and the conference details.
 *
 * @tagname pex-toolbar
 * @summary Plugin buttons for the conference toolbar.
 *
 * @slot loading - Replaces the placeholder's text ("Loading plugins…") while the host's plugins load.
 *
 * @csspart base - The `role="toolbar"` container.
 * @csspart button - Each plugin button.
 * @csspart icon - A button's icon.
 * @csspart label - A button's visible label (shown when the item has no icon).
 * @csspart placeholder - What shows while the host's plugins load: "Loading plugins…" (or the `loading` slot),
 *   after any items that are already there. Gone once they settled.
 *
 * @cssstate loading - The host's plugins are loading (`:state(loading)`); the element is `aria-busy="true"` meanwhile.
 *
 * @cssprop --pex-toolbar-gap - Space between buttons.
 * @cssprop --pex-toolbar-button-size - Height and minimum width of a button.
 * @cssprop --pex-toolbar-button-radius - Corner radius of a button.
 * @cssprop --pex-toolbar-button-background - Button background.
 * @cssprop --pex-toolbar-button-background-hover - Button background on hover.
 * @cssprop --pex-toolbar-button-color - Button foreground (icons use currentColor).
 * @cssprop --pex-toolbar-icon-size - Icon size.
 * @cssprop --pex-focus-ring - Outline of the focused button.
 * @cssprop [--pex-menu-placeholder-color=color-mix(in srgb, currentColor 70%, transparent)] - Text color of the placeholder.
 * @cssprop [--pex-menu-placeholder-padding=0.5rem 0.75rem] - Padding of the placeholder.
 */
export class PexToolbar extends LitElement {
  static override styles = [toolbarStyles, loadingPlaceholderStyles];

  static override properties = {
    label: { type: String },
  };

  /** The toolbar's accessible name. */
  declare label: string;

  readonly #menu = new MenuItemsController(this, 'toolbar');
  readonly #loading = new PluginsLoadingController(this, this.attachInternals());
  readonly #roving = new RovingFocus(this, 'horizontal', () => [...(this.renderRoot.querySelectorAll<HTMLElement>('[part="button"]') ?? [])]);

  constructor() {
    super();
    this.label = 'Plugins';
  }

  /** Focuses the button that Tab would reach (the first, or the one last focused); with no buttons, as any element does. */
  override focus(options?: FocusOptions): void {
    const button = this.renderRoot.querySelector<HTMLElement>('[part="button"][tabindex="0"]');
    if (button) button.focus(options);
    else super.focus(options);
  }

  protected override render() {
    const items = this.#menu.items;
    const placeholder = this.#loading.loading ? loadingPlaceholder() : nothing;
    if (items.length === 0) return placeholder;
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
            aria-pressed=${item.pressed === undefined ? nothing : String(item.pressed)}
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
    </div>${placeholder}`;
  }
}
