import { Observable, type Subscriber } from 'rxjs';

type Outcome<T> = { value: T } | { error: unknown };

/**
 * One value that comes once (then the stream completes), or an error, for whoever subscribes
 * before or after it: what a ReplaySubject of one value completed right after its value gives,
 * without rxjs's buffer and time-window code, which the drop-in would load at start for streams
 * that only a plugin's dialogs use. A subscriber from before hears it when it comes, in the order they subscribed; one from
 * after hears it at once, as it subscribes. Only the first outcome counts.
 */
export class SettledOnce<T> {
  #outcome: Outcome<T> | undefined;
  readonly #waiting = new Set<Subscriber<T>>();

  /** The stream to hand out. */
  readonly observable = new Observable<T>((subscriber) => {
    if (this.#outcome) return tell(subscriber, this.#outcome);
    this.#waiting.add(subscriber);
    return () => this.#waiting.delete(subscriber);
  });

  resolve(value: T): void {
    this.#settle({ value });
  }

  reject(error: unknown): void {
    this.#settle({ error });
  }

  #settle(outcome: Outcome<T>): void {
    if (this.#outcome) return;
    this.#outcome = outcome;
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const subscriber of waiting) tell(subscriber, outcome);
  }
}

function tell<T>(subscriber: Subscriber<T>, outcome: Outcome<T>): void {
  if ('value' in outcome) {
    subscriber.next(outcome.value);
    subscriber.complete();
  } else {
    subscriber.error(outcome.error);
  }
}
