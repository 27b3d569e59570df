import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Holds the latest value of an observable while the element is connected, and re-renders
 * the element on each one (after `onValue`, for a controller that acts on it first). The
 * subscription lives exactly as long as the connection.
 */
export class ObserveController<T> implements ReactiveController {
  value: T;
  #source: Observable<T> | undefined;
  #subscription: Subscription | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    initial: T,
    private readonly onValue?: (value: T) => void,
  ) {
    this.value = initial;
    host.addController(this);
  }

  /** Switches to another source (or none), resubscribing when connected. */
  observe(source: Observable<T> | undefined, initial: T): void {
    if (source === this.#source) return;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#source = source;
    this.value = initial;
    this.onValue?.(initial);
    if (this.#connected) this.#subscribe();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }

  #subscribe(): void {
    if (!this.#source || this.#subscription) return;
    this.#subscription = this.#source.subscribe((value) => {
      this.value = value;
      this.onValue?.(value);
      this.host.requestUpdate();
    });
  }
}
