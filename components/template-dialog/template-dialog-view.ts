import { html, nothing, type ReactiveElement } from 'lit';
import { deepActiveElement } from '../shared/deep-active-element.js';
import { installPluginContentStyles } from './plugin-content.styles.js';
import { dialogFrameStyles } from '../shared/dialog-frame.styles.js';
import { templateDialogStyles } from './template-dialog.styles.js';

/**
 * What `<pex-template-dialog>` looks like and how it keeps focus, fetched when the first
 * plugin dialog of the page opens (many pages never open one). The element keeps what a
 * plugin can call before this is in: `show`, `close` and its properties.
 */

export const styles = [dialogFrameStyles, templateDialogStyles];

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[tabindex]',
].join(',');

/** What the view reads of its element. */
interface TemplateDialogElement extends ReactiveElement {
  readonly heading: string | null;
  readonly closeDisabled: boolean;
  readonly open: boolean;
  close(value?: unknown): void;
}

/** One dialog's view: its template, the modal `<dialog>` and the focus trap. */
export class TemplateDialogView {
  constructor(private readonly element: TemplateDialogElement) {
    installPluginContentStyles(element.ownerDocument);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.element.renderRoot.querySelector('dialog');
  }

  /** After each render: the first render with `open` shows the modal and moves focus in. */
  updated(opened: boolean): void {
    const dialog = this.#dialog;
    if (opened && this.element.open && dialog && !dialog.open) {
      dialog.showModal();
      this.#focusFirst();
    }
  }

  render() {
    const { heading, closeDisabled } = this.element;
    const titled = !!heading;
    return html`<dialog
      part="dialog"
      aria-labelledby=${titled ? 'title' : nothing}
      aria-label=${titled ? nothing : 'Plugin dialog'}
      @cancel=${this.#onCancel}
      @close=${this.#onNativeClose}
      @keydown=${this.#onKeyDown}
      @click=${this.#onClick}
    >
      <div class="panel" tabindex="-1">
        <header part="header">
          ${titled ? html`<h2 id="title" part="title">${heading}</h2>` : nothing}
          ${closeDisabled
            ? nothing
            : html`<button part="close-button" class="close" type="button" aria-label="Close" @click=${() => this.element.close()}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>
              </button>`}
        </header>
        <div part="body" class="body"><slot></slot></div>
      </div>
    </dialog>`;
  }

  /** The controls Tab moves among: the close button, then the body's, in order. */
  #focusables(): HTMLElement[] {
    const close = this.element.renderRoot.querySelector<HTMLElement>('.close');
    const body = [...this.element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0,
    );
    return close ? [close, ...body] : body;
  }

  #focusFirst(): void {
    const autofocus = this.element.querySelector<HTMLElement>('[autofocus]');
    const target = autofocus ?? this.#focusables().find((el) => !el.classList.contains('close')) ?? this.#focusables()[0];
    if (target) target.focus();
    else this.element.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Handled here, not by the native dialog, so `close-disabled` holds and one Escape closes one dialog.
      event.preventDefault();
      event.stopPropagation();
      if (!this.element.closeDisabled) this.element.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = this.#focusables();
    if (focusables.length === 0) {
      event.preventDefault();
      return;
    }
    const active = deepActiveElement(this.element.ownerDocument);
    const index = active ? focusables.indexOf(active) : -1;
    const next = event.shiftKey
      ? index <= 0
        ? focusables.length - 1
        : index - 1
      : index === -1 || index === focusables.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    focusables[next]?.focus();
  };

  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
  };

  /** The browser closed the dialog by itself (it may, after repeated Escape): keep state in step. */
  readonly #onNativeClose = (): void => {
    if (!this.element.open) return;
    if (this.element.closeDisabled) this.#dialog?.showModal();
    else this.element.close();
  };

  /** A click on the backdrop lands on the <dialog> itself: the panel fills its box. */
  readonly #onClick = (event: MouseEvent): void => {
    if (event.target === this.#dialog && !this.element.closeDisabled) this.element.close();
  };
}
