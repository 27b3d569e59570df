import { LitElement, css, html, nothing } from 'lit';
import type { GroupMenuEntry } from '../../src/webapp3/ui-buttons.js';
import { createPexEvent } from '../events.js';
import { menuIcon } from './menu-icon.js';
import { pluginMenuStyles } from './plugin-menu.styles.js';
import { RovingFocus } from './roving-focus.js';

/**
 * The event of a Web App 3 group button's menu. It bubbles but is not composed: it stays inside
 * the host's shadow root, where the menu is, because the choice is for that plugin alone.
 */
export type PexButtonGroupChoiceEvent = CustomEvent<{ id: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pex-button-group-choice': PexButtonGroupChoiceEvent;
  }
}

/**
 * The sub-buttons of a Web App 3 plugin's toolbar button with a `group`, as a menu popped up by
 * that toolbar button (in the top layer, so no overflow or stacking of the page hides it). Focus
 * starts on its first entry; the arrow keys, Home and End move among them; Enter or Space
 * chooses one; Escape, Tab or a click elsewhere closes it, and focus goes back to the toolbar
 * button. A sub-button with `isActive` is a checkbox item; one with a badge says "new".
 *
 * @tagname pex-button-group-menu
 * @summary A Web App 3 group button's sub-buttons, as a popup menu.
 *
 * @event pex-button-group-choice - An entry was chosen. `detail: {id}` (the sub-button's id)
 * @event pex-dialog-close - The menu closed (chosen, dismissed or its button changed). `detail: {value: undefined}`
 *
 * @csspart base - The `role="menu"` list.
 * @csspart item - Each entry.
 * @csspart icon - An entry's icon.
 * @csspart label - An entry's label.
 *
 * @cssprop --pex-button-group-menu-background - Background of the menu.
 * @cssprop --pex-button-group-menu-color - Text color of the menu.
 * @cssprop --pex-button-group-menu-radius - Corner radius of the menu.
 * @cssprop --pex-button-group-menu-shadow - Shadow of the menu.
 * @cssprop --pex-menu-item-padding - Padding of an entry.
 * @cssprop --pex-menu-icon-size - Icon size.
 * @cssprop --pex-focus-ring - Outline of the focused entry.
 */
export class PexButtonGroupMenu extends LitElement {
  static override styles = [
    pluginMenuStyles,
    css`
      :host {
        position: fixed;
        inset: auto;
        margin: 0;
        padding: 0.25rem 0;
        border: none;
        min-width: 10rem;
        background: var(--pex-button-group-menu-background, Canvas);
        color: var(--pex-button-group-menu-color, CanvasText);
        border-radius: var(--pex-button-group-menu-radius, 0.5rem);
        box-shadow: var(--pex-button-group-menu-shadow, 0 4px 16px rgba(0, 0, 0, 0.25));
      }
      [part='item'][aria-checked='true'] {
        font-weight: 600;
      }
      .hidden-text {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  static override properties = {
    label: { type: String },
    entries: { attribute: false },
  };

  /** The menu's accessible name: the group button's tooltip. */
  declare label: string;
  declare entries: GroupMenuEntry[];

  readonly #roving = new RovingFocus(this, 'vertical', () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')]);
  #anchor: HTMLElement | null = null;
  #closed = false;

  constructor() {
    super();
    this.label = '';
    this.entries = [];
  }

  /** Shows the menu by `anchor` (above it when there is no room below) with focus on its first entry. */
  open(anchor: HTMLElement | null): void {
    this.#anchor = anchor;
    this.popover = 'auto';
    this.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'closed') this.close();
    });
    this.showPopover();
    void this.updateComplete.then(() => {
      this.#place();
      this.renderRoot.querySelector<HTMLElement>('[part="item"]')?.focus();
    });
  }

  /** Hides it: focus goes back to its toolbar button, `pex-dialog-close` is emitted, it leaves the page. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const hadFocus = this.matches(':focus-within');
    if (this.matches(':popover-open')) this.hidePopover();
    if (hadFocus && this.#anchor?.isConnected) this.#anchor.focus();
    this.dispatchEvent(createPexEvent('pex-dialog-close', { value: undefined }));
    this.remove();
  }

  #place(): void {
    const box = this.#anchor?.getBoundingClientRect();
    if (!box) return;
    const height = this.offsetHeight;
    const below = box.bottom + height <= innerHeight;
    this.style.top = `${Math.max(0, below ? box.bottom : box.top - height)}px`;
    this.style.left = `${Math.max(0, Math.min(box.left, innerWidth - this.offsetWidth))}px`;
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      this.close();
      return;
    }
    this.#roving.onKeyDown(event);
  };

  protected override render() {
    const entries = this.entries;
    return html`<div part="base" role="menu" aria-label=${this.label} @keydown=${this.#onKeyDown} @focusin=${this.#roving.onFocusIn}>
      ${entries.map(
        (entry, index) =>
          html`<button
            part="item"
            type="button"
            role=${entry.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked=${entry.pressed === undefined ? nothing : String(entry.pressed)}
            data-id=${entry.id}
            tabindex=${this.#roving.tabIndexFor(index, entries.length)}
            @click=${() => this.dispatchEvent(new CustomEvent('pex-button-group-choice', { detail: { id: entry.id }, bubbles: true, composed: false }))}
          >
            ${menuIcon(entry.icon)}<span part="label">${entry.label}</span>${entry.badge ? html`<span class="hidden-text">, new</span>` : nothing}
          </button>`,
      )}
    </div>`;
  }
}
