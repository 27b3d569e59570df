import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { noteHandlerEvent } from '../../src/runtime/handler-events.js';
import { findCallingSandbox } from '../../src/runtime/plugin-runtime.js';
import { currentPhase } from '../../src/runtime/plugin-sandbox.js';
import { createPexEvent } from '../events.js';
import { installPluginContentStyles } from './plugin-content.styles.js';
import { templateDialogStyles } from './template-dialog.styles.js';

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

/**
 * A plugin's dialog (`PEX.pluginAPI.openTemplateDialog`). The body is the element's light
 * DOM — the plugin's own HTML as it wrote it — so `document.getElementById` finds its parts
 * and its inline handlers run. The dialog is modal, labelled by its title, keeps focus
 * inside while open, closes on Escape and on the backdrop (unless `close-disabled`), and
 * gives focus back to where it was when it opened. Removed from the page by other code, it
 * counts as closed (a plugin that removed another plugin's dialog is reported).
 *
 * @tagname pex-template-dialog
 * @summary A modal dialog with a title and a plugin's HTML body.
 *
 * @slot - The body.
 *
 * @event pex-dialog-close - The dialog closed. `detail: {value}` (the value given to `close`).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart close-button - The close button.
 * @csspart body - The body's container.
 *
 * @cssprop --pex-dialog-background - Dialog background.
 * @cssprop --pex-dialog-color - Dialog text color.
 * @cssprop --pex-dialog-width - Dialog width.
 * @cssprop --pex-dialog-radius - Corner radius.
 * @cssprop --pex-dialog-padding - Padding around title and body.
 * @cssprop --pex-dialog-backdrop - The backdrop behind the dialog.
 * @cssprop --pex-focus-ring - Outline of the focused control.
 * @cssprop --pex-green - Background of `green-action-button`, text and border of `green-non-action-button` (in the body).
 * @cssprop --pex-green-hover - `green-action-button` background on hover.
 * @cssprop --pex-blue - Background of `blue-action-button`.
 * @cssprop --pex-blue-hover - `blue-action-button` background on hover.
 * @cssprop --pex-red - Background of `red-action-button`.
 * @cssprop --pex-red-hover - `red-action-button` background on hover.
 * @cssprop --pex-button-radius - Corner radius of the body's `dialog-button`s.
 * @cssprop --pex-input-border - Border colour of the body's `pex-text-input`s.
 */
export class PexTemplateDialog extends LitElement {
  static override styles = templateDialogStyles;

  static override properties = {
    heading: { type: String },
    closeDisabled: { type: Boolean, attribute: 'close-disabled' },
    open: { type: Boolean, reflect: true },
  };

  /** The title; null or '' shows none (the dialog is then labelled "Plugin dialog"). */
  declare heading: string | null;
  /** No close button; Escape and the backdrop do not close it (`isCloseDisabled`). */
  declare closeDisabled: boolean;
  /** Whether it is showing. */
  declare open: boolean;

  /** The value the dialog closed with. */
  returnValue: unknown;
  #opener: HTMLElement | null = null;
  #closing = false;

  constructor() {
    super();
    this.heading = null;
    this.closeDisabled = false;
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installPluginContentStyles(this.ownerDocument);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.open || this.#closing) return;
    // Known only now, while the code that removed it runs; a move puts it back in this task.
    const remover = findCallingSandbox();
    const phase = currentPhase();
    queueMicrotask(() => {
      if (this.isConnected || !this.open) return;
      const owner = this.dataset.pexPluginId;
      if (remover && remover.pluginId !== owner) {
        remover.reportOnce('removed dialog', (texts) => new Error(texts.pluginProblems.removedDialog(remover.pluginId, owner ?? '')), phase);
      }
      this.close();
    });
  }

  /** Opens it as a modal; resolves once it shows and focus is inside. */
  async show(): Promise<void> {
    this.#opener = deepActiveElement(this.ownerDocument);
    this.#watchInlineHandlers();
    this.open = true;
    await this.updateComplete;
  }

  /**
   * An inline handler of the body (`onclick="..."`) runs as page code, and an error in it
   * names the page: each event it handles is noted first (capture runs before the handler),
   * so the host can put that error down to the dialog's plugin.
   */
  #watchInlineHandlers(): void {
    const pluginId = this.dataset.pexPluginId;
    if (!pluginId) return;
    const types = new Set<string>();
    for (const el of this.querySelectorAll('*')) {
      for (const { name } of el.attributes) if (name.startsWith('on')) types.add(name.slice(2));
    }
    for (const type of types) this.addEventListener(type, (event) => noteHandlerEvent(event, pluginId), true);
  }

  /** Closes it with a value (`ref.close(value)`); the element then leaves the page. */
  close(value?: unknown): void {
    if (!this.open || this.#closing) return;
    this.#closing = true;
    this.returnValue = value;
    this.open = false;
    this.#dialog?.close();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(createPexEvent('pex-dialog-close', { value }));
    this.remove();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.#dialog;
    if (changed.has('open') && this.open && dialog && !dialog.open) {
      dialog.showModal();
      this.#focusFirst();
    }
  }

  protected override render() {
    const titled = !!this.heading;
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
          ${titled ? html`<h2 id="title" part="title">${this.heading}</h2>` : nothing}
          ${this.closeDisabled
            ? nothing
            : html`<button part="close-button" class="close" type="button" aria-label="Close" @click=${() => this.close()}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>
              </button>`}
        </header>
        <div part="body" class="body"><slot></slot></div>
      </div>
    </dialog>`;
  }

  /** The controls Tab moves among: the close button, then the body's, in order. */
  #focusables(): HTMLElement[] {
    const close = this.renderRoot.querySelector<HTMLElement>('.close');
    const body = [...this.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.tabIndex >= 0 && !el.closest('[inert]') && el.getClientRects().length > 0,
    );
    return close ? [close, ...body] : body;
  }

  #focusFirst(): void {
    const autofocus = this.querySelector<HTMLElement>('[autofocus]');
    const target = autofocus ?? this.#focusables().find((el) => !el.classList.contains('close')) ?? this.#focusables()[0];
    if (target) target.focus();
    else this.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Handled here, not by the native dialog, so `close-disabled` holds and one Escape closes one dialog.
      event.preventDefault();
      event.stopPropagation();
      if (!this.closeDisabled) this.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = this.#focusables();
    if (focusables.length === 0) {
      event.preventDefault();
      return;
    }
    const active = deepActiveElement(this.ownerDocument);
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
    if (!this.open || this.#closing) return;
    if (this.closeDisabled) this.#dialog?.showModal();
    else this.close();
  };

  /** A click on the backdrop lands on the <dialog> itself: the panel fills its box. */
  readonly #onClick = (event: MouseEvent): void => {
    if (event.target === this.#dialog && !this.closeDisabled) this.close();
  };
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active && active !== doc.body ? active : null;
}
