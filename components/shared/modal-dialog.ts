import { dialogFrameStyles } from './dialog-frame.styles.js';
import { css, html, type ReactiveElement } from 'lit';
import { createPexEvent } from '../events.js';
import { deepActiveElement } from './deep-active-element.js';

/**
 * What the Web App 3 dialogs (`<pex-plugin-form>`, `<pex-plugin-prompt>`) share: a native modal
 * `<dialog>` opened in their shadow root, focus moved in and kept there, Escape and the close
 * button closing it, focus given back to where it was. They are in the Web App 3 chunk only,
 * so nothing here is fetched by a page without such plugins.
 */

const FOCUSABLE = 'button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** The controls of `dialog` Tab stops at, in order. */
function tabStops(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** The modal behaviour of one dialog element, whose shadow root holds a `<dialog>`. */
export class ModalDialog {
  #opener: HTMLElement | null = null;
  #open = false;
  #closing = false;

  constructor(private readonly element: ReactiveElement & { remove(): void }) {}

  get open(): boolean {
    return this.#open;
  }

  get dialog(): HTMLDialogElement | null {
    return this.element.renderRoot.querySelector('dialog');
  }

  /** Shows the dialog as a modal (after its render) and focuses `initial` (or the first control). */
  async show(initial?: () => HTMLElement | null | undefined): Promise<void> {
    this.#opener = deepActiveElement(this.element.ownerDocument);
    await this.element.updateComplete;
    const dialog = this.dialog;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    this.#open = true;
    (initial?.() ?? tabStops(dialog)[0])?.focus();
  }

  /** Closes it: focus goes back to where it was, `pex-dialog-close` is emitted, the element leaves the page. */
  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#open = false;
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.element.dispatchEvent(createPexEvent('pex-dialog-close', { value: undefined }));
    this.element.remove();
  }

  /** Escape: the dialog's `cancel` closes it our way, not the native way alone. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.close();
  };

  /** Closed natively (Escape without a `cancel`, which the browser may skip): closed our way too. */
  readonly onNativeClose = (): void => {
    if (this.#open) this.close();
  };

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const dialog = this.dialog;
    if (!dialog) return;
    const stops = tabStops(dialog);
    if (stops.length === 0) return;
    const active = (this.element.renderRoot as ShadowRoot).activeElement;
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  /** The close button of the dialog's header. */
  closeButton(label = 'Close') {
    return html`<button part="close-button" class="close" type="button" aria-label=${label} @click=${() => this.close()}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>
    </button>`;
  }
}

/** The look both dialogs share: the dialog frame (`--pex-dialog-*`), with a description and action buttons. */
export const modalDialogStyles = [
  dialogFrameStyles,
  css`
  .description {
    margin: 0.5rem var(--pex-dialog-padding) 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    padding: var(--pex-dialog-padding);
  }
  .action {
    min-height: 2.25rem;
    padding: 0 1rem;
    border: 1px solid var(--pex-dialog-button-background, #0a2ecc);
    border-radius: var(--pex-dialog-button-radius, 0.5rem);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .action.primary {
    background: var(--pex-dialog-button-background, #0a2ecc);
    color: var(--pex-dialog-button-color, #ffffff);
  }
  :focus-visible {
    outline: var(--pex-focus-ring);
    outline-offset: 2px;
  }
`,
];
