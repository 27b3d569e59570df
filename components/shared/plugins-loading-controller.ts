import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pluginHostContext } from '../context.js';
import { ObserveController } from './observe-controller.js';

/** The custom state (`:state(loading)`) a menu has while its host's plugins load. */
export const LOADING_STATE = 'loading';

/**
 * A menu's loading state: while the nearest `<pex-plugin-host>` loads its branding's plugins,
 * the element is `aria-busy="true"` and in the custom state `loading`, and re-renders when that
 * ends. Outside a host, or once the plugins settled, neither.
 *
 * `aria-busy` is the element's attribute rather than ElementInternals' default ARIA: it is the
 * markup the app can see and select on (`[aria-busy="true"]`), accessibility checkers and the
 * tests read it, and it does not depend on ARIA reflection in ElementInternals. The element only
 * removes the `aria-busy="true"` it set itself, so a value the app set is left alone.
 */
export class PluginsLoadingController implements ReactiveController {
  readonly #element: ReactiveControllerHost & HTMLElement;
  readonly #states: CustomStateSet | undefined;
  /** The host's `runtime.loading$`, followed while the element is connected. */
  readonly #hostLoading: ObserveController<boolean>;
  #loading = false;
  #busySetHere = false;

  constructor(element: ReactiveControllerHost & HTMLElement, internals: ElementInternals) {
    this.#element = element;
    // A browser without CustomStateSet still gets aria-busy and the placeholder.
    this.#states = internals.states as CustomStateSet | undefined;
    this.#hostLoading = new ObserveController<boolean>(element, false, (loading) => this.#apply(loading));
    element.addController(this);
    new ContextConsumer(element, {
      context: pluginHostContext,
      subscribe: true,
      callback: (host) => this.#hostLoading.observe(host?.runtime.loading$, false),
    });
  }

  /** Whether the host's plugins are loading now. */
  get loading(): boolean {
    return this.#loading;
  }

  hostDisconnected(): void {
    // Put back elsewhere (or nowhere), the element says what its new host says.
    this.#apply(false);
  }

  #apply(loading: boolean): void {
    if (loading === this.#loading) return;
    this.#loading = loading;
    const element = this.#element;
    if (loading) {
      this.#states?.add(LOADING_STATE);
      if (!element.hasAttribute('aria-busy')) {
        element.setAttribute('aria-busy', 'true');
        this.#busySetHere = true;
      }
    } else {
      this.#states?.delete(LOADING_STATE);
      if (this.#busySetHere && element.getAttribute('aria-busy') === 'true') element.removeAttribute('aria-busy');
      this.#busySetHere = false;
    }
    element.requestUpdate();
  }
}
