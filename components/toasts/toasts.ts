import { LitElement, html } from 'lit';
import { LazyView } from '../shared/lazy-view.js';
import type { ToastsView } from './toasts-view.js';

const view = new LazyView(() => import('./toasts-view.js'));

/**
 * A toast, as `@pexip/plugin-api` defines it (its `NotificationToastMessage`; the type check in
 * test/types keeps the two the same). Written out here so that the element's declarations need
 * nothing but this package.
 */
export interface ToastMessage {
  message: string;
  /** Drawn as a warning. */
  isDanger?: boolean;
  /** Replaces the toast showing at once (unless that one has a timeout of 0: then this one is dropped). */
  isInterrupt?: boolean;
  position?: 'topCenter' | 'bottomCenter';
  /** Milliseconds it shows; 0 keeps it until dismissed. Default: the element's `default-timeout`. */
  timeout?: number;
  /** Whether it has a dismiss button. */
  canDismiss?: boolean;
}

/** When a toast does not say how long it shows. */
export const DEFAULT_TOAST_TIMEOUT = 5000;

/**
 * Where plugins' toasts show (Web App 3's `ui:toast:show`): one at a time, the others queued in
 * order. Each goes after its `timeout` (default `default-timeout`; 0 keeps it until dismissed),
 * has a dismiss button when `canDismiss`, and shows at its `position` (`topCenter`,
 * `bottomCenter`). An `isInterrupt` toast replaces the one showing at once, unless that one has
 * a timeout of 0: then it is dropped, as `@pexip/plugin-api` describes. Toasts are read out by
 * a polite live region (`role="status"`); `isInterrupt` ones by an assertive one
 * (`role="alert"`). Both regions are there from the first render, so the first toast is read.
 *
 * Place one inside `<pex-plugin-host>` to choose where toasts go and how they look; without
 * one the host makes its own. The look and the queue are a chunk fetched with the first toast.
 *
 * @tagname pex-toasts
 * @summary The live region where plugins' toasts show.
 *
 * @attr default-timeout - Milliseconds a toast without `timeout` shows (default 5000).
 *
 * @csspart region - Each live region (the polite one and the assertive one).
 * @csspart alert-region - The assertive live region, for `isInterrupt` toasts.
 * @csspart toast - The toast showing.
 * @csspart danger - The toast showing, when `isDanger`.
 * @csspart message - Its text.
 * @csspart dismiss-button - Its dismiss button (`canDismiss`).
 *
 * @cssprop --pex-toasts-position - CSS `position` of a toast (default `fixed`, over the page; `static` keeps it where the element is).
 * @cssprop --pex-toasts-offset - Distance of a toast from the top (`topCenter`) or bottom (`bottomCenter`) edge.
 * @cssprop --pex-toasts-z-index - A toast's stacking order.
 * @cssprop --pex-toast-background - Toast background.
 * @cssprop --pex-toast-color - Toast text color.
 * @cssprop --pex-toast-danger-background - Background of an `isDanger` toast.
 * @cssprop --pex-toast-danger-color - Text color of an `isDanger` toast.
 * @cssprop --pex-toast-radius - Toast corner radius.
 * @cssprop --pex-toast-max-width - Toast maximum width.
 * @cssprop --pex-focus-ring - Outline of the focused dismiss button.
 */
export class PexToasts extends LitElement {
  static override properties = {
    defaultTimeout: { type: Number, attribute: 'default-timeout' },
  };

  declare defaultTimeout: number;

  /** Toasts given before the queue's chunk is in. */
  readonly #pending: ToastMessage[] = [];
  #wanted = false;
  #view: ToastsView | undefined;

  constructor() {
    super();
    this.defaultTimeout = DEFAULT_TOAST_TIMEOUT;
  }

  /** Queues a toast. */
  show(toast: ToastMessage): void {
    if (this.#view) return this.#view.show({ ...toast });
    this.#pending.push({ ...toast });
    // A live region made in the same frame as its first content may not read it: the first
    // toast of a new element waits for the empty regions to be on screen.
    if (this.hasUpdated) this.#want();
    else void this.updateComplete.then(() => requestAnimationFrame(() => this.#want()));
  }

  /** Takes the showing toast away; the next queued one shows. */
  dismiss(): void {
    this.#view?.dismiss();
  }

  /** The toast showing, if any. */
  get current(): ToastMessage | undefined {
    return this.#view?.current;
  }

  /** The toasts waiting, in the order they will show. */
  get queued(): readonly ToastMessage[] {
    return [...(this.#view?.queued ?? []), ...this.#pending];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Its timers end with it: a removed region shows nothing more.
    this.#view?.clear();
    this.#pending.length = 0;
  }

  #want(): void {
    this.#wanted = true;
    this.requestUpdate();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // The empty regions need no look; the chunk comes with the first toast.
    if (!this.#wanted) return super.scheduleUpdate();
    return view.schedule(this, () => super.scheduleUpdate());
  }

  protected override willUpdate(): void {
    const loaded = this.#wanted ? view.current : undefined;
    if (loaded && !this.#view) this.#view = new loaded.ToastsView(this);
    if (this.#view) for (const toast of this.#pending.splice(0)) this.#view.show(toast);
  }

  protected override render() {
    return html`<div part="region" role="status" aria-live="polite">${this.#view?.render(false)}</div>
      <div part="region alert-region" role="alert" aria-live="assertive">${this.#view?.render(true)}</div>`;
  }
}
