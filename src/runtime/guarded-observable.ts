import { BehaviorSubject, Observable, Subscriber, filter, map, type Observer, type Operator, type Subscription } from 'rxjs';
import { openSubscription } from './live-subscriptions.js';
import type { PluginSandbox } from './plugin-sandbox.js';

type NextFn<T> = (value: T) => void;
type PartialObserver<T> = Partial<Observer<T>>;

/**
 * What `pipe` makes of a guarded stream: guarded too, so a plugin's subscriber behind its own
 * operators is still caught.
 */
function liftGuarded<T, R>(source: Observable<T>, operator: Operator<T, R> | undefined, sandboxOf: () => PluginSandbox | undefined): Observable<R> {
  const lifted = new GuardedObservable<R>(undefined, sandboxOf);
  lifted.source = source;
  lifted.operator = operator;
  return lifted;
}

/**
 * An Observable for plugin code. Each subscription is attributed to a plugin (fixed for
 * the streams handed to `load`, found at subscribe time for the global `actions$`): its
 * callbacks run through the plugin's sandbox, so a throwing callback is reported and the
 * stream goes on; and the subscription is tracked so that unloading the plugin ends it.
 *
 * Operators keep the guard (`lift` returns this class), and RxJS 5 style `filter` / `map`
 * methods exist because real plugins chain `actions$.ofType(X).filter(...)`.
 */
export class GuardedObservable<T> extends Observable<T> {
  constructor(
    source: Observable<T> | undefined,
    private readonly sandboxOf: () => PluginSandbox | undefined,
  ) {
    super();
    // rxjs 7: an Observable with a `source` and no operator subscribes straight to it.
    if (source) this.source = source;
  }

  override lift<R>(operator?: Operator<T, R>): Observable<R> {
    return liftGuarded(this, operator, this.sandboxOf);
  }

  override subscribe(
    observerOrNext?: PartialObserver<T> | NextFn<T> | null,
    error?: ((error: unknown) => void) | null,
    complete?: (() => void) | null,
  ): Subscription {
    // rxjs chaining its own operators: already guarded at the outermost subscribe.
    if (observerOrNext instanceof Subscriber) return super.subscribe(observerOrNext);
    const sandbox = this.sandboxOf();
    const observer = toObserver(observerOrNext, error, complete);
    if (!sandbox) return super.subscribe(observer);
    const subscription = super.subscribe(guardObserver(observer, sandbox));
    sandbox.track(subscription);
    return subscription;
  }

  /** `actions$.ofType(a, b)`: only actions of these types. */
  ofType(...types: string[]): GuardedObservable<T> {
    return this.pipe(filter((action) => types.includes((action as { type?: string } | null)?.type ?? ''))) as GuardedObservable<T>;
  }

  /** RxJS 5 style chaining, for plugins written against it. */
  filter(predicate: (value: T, index: number) => boolean): GuardedObservable<T> {
    return this.pipe(filter(predicate)) as GuardedObservable<T>;
  }

  /** RxJS 5 style chaining, for plugins written against it. */
  map<R>(project: (value: T, index: number) => R): GuardedObservable<R> {
    return this.pipe(map(project)) as unknown as GuardedObservable<R>;
  }
}

/**
 * The subject `createNewState` makes. It is the plugin's own, but rxjs is the host's: a
 * subscriber that throws would escape as the page's uncaught error, named for no plugin. So
 * its subscribers run through the plugin's sandbox (found when it was made, else when it is
 * subscribed), their subscriptions end when the plugin unloads, and they are counted as
 * `state$` (the host's own subscription, for the menus, among them).
 */
export class PluginState<T> extends BehaviorSubject<T> {
  constructor(
    initial: T,
    private readonly sandboxOf: () => PluginSandbox | undefined,
  ) {
    super(initial);
  }

  override lift<R>(operator?: Operator<T, R>): Observable<R> {
    return liftGuarded(this, operator, this.sandboxOf);
  }

  override subscribe(
    observerOrNext?: PartialObserver<T> | NextFn<T> | null,
    error?: ((error: unknown) => void) | null,
    complete?: (() => void) | null,
  ): Subscription {
    const sandbox = observerOrNext instanceof Subscriber ? undefined : this.sandboxOf();
    const observer = observerOrNext instanceof Subscriber ? observerOrNext : toObserver(observerOrNext, error, complete);
    const subscription = super.subscribe(sandbox && !(observer instanceof Subscriber) ? guardObserver(observer, sandbox) : observer);
    subscription.add(openSubscription('state$'));
    sandbox?.track(subscription);
    return subscription;
  }
}

function toObserver<T>(
  observerOrNext: PartialObserver<T> | NextFn<T> | null | undefined,
  error: ((error: unknown) => void) | null | undefined,
  complete: (() => void) | null | undefined,
): PartialObserver<T> {
  if (typeof observerOrNext === 'function') {
    return { next: observerOrNext, error: error ?? undefined, complete: complete ?? undefined };
  }
  return observerOrNext ?? {};
}

/** Callbacks run as methods of the plugin's observer object, as rxjs would call them. */
function guardObserver<T>(observer: PartialObserver<T>, sandbox: PluginSandbox): Observer<T> {
  return {
    next: (value) => {
      if (typeof observer.next === 'function') sandbox.call('subscriber', observer.next, observer, [value]);
    },
    error: (err) => {
      if (typeof observer.error === 'function') sandbox.call('subscriber', observer.error, observer, [err]);
      else sandbox.report('subscriber', err); // an unhandled stream error is the plugin's, not the page's
    },
    complete: () => {
      if (typeof observer.complete === 'function') sandbox.call('subscriber', observer.complete, observer, []);
    },
  };
}
