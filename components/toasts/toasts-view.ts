import type { ToastMessage } from './toasts.js';
import { html, nothing, type ReactiveElement } from 'lit';
import { toastsStyles } from './toasts.styles.js';

/**
 * The queue and look of `<pex-toasts>`, fetched with the first toast of the page.
 */

export const styles = toastsStyles;

/** What the view reads of its element. */
interface ToastsElement extends ReactiveElement {
  readonly defaultTimeout: number;
}

export class ToastsView {
  #current: ToastMessage | undefined;
  readonly #queue: ToastMessage[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly element: ToastsElement) {}

  get current(): ToastMessage | undefined {
    return this.#current;
  }

  get queued(): readonly ToastMessage[] {
    return this.#queue;
  }

  #timeoutOf(toast: ToastMessage): number {
    return toast.timeout ?? this.element.defaultTimeout;
  }

  show(toast: ToastMessage): void {
    if (!this.#current) return this.#present(toast);
    if (!toast.isInterrupt) {
      this.#queue.push(toast);
      return;
    }
    // A toast that stays until dismissed cannot be interrupted; the interrupting one is dropped.
    if (this.#timeoutOf(this.#current) === 0) return;
    this.#present(toast);
  }

  /** The showing toast goes; the next one shows. */
  dismiss(): void {
    this.#present(this.#queue.shift());
  }

  /** Nothing shows, nothing waits, no timer runs. */
  clear(): void {
    this.#queue.length = 0;
    this.#present(undefined);
  }

  #present(toast: ToastMessage | undefined): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#current = toast;
    if (toast) {
      const timeout = this.#timeoutOf(toast);
      if (timeout > 0) this.#timer = setTimeout(() => this.dismiss(), timeout);
    }
    this.element.requestUpdate();
  }

  /** The showing toast, in the polite region (`assertive` false) or the assertive one. */
  render(assertive: boolean) {
    const toast = this.#current;
    if (!toast || !!toast.isInterrupt !== assertive) return nothing;
    return html`<div part=${toast.isDanger ? 'toast danger' : 'toast'} class="toast" data-position=${toast.position ?? 'topCenter'} ?data-danger=${!!toast.isDanger}>
      <span part="message" class="message">${toast.message}</span>
      ${toast.canDismiss
        ? html`<button part="dismiss-button" class="dismiss" type="button" aria-label="Dismiss" @click=${() => this.dismiss()}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>`
        : nothing}
    </div>`;
  }
}
