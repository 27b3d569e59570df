import { problemTexts } from '../config/diagnostics.js';
import type { PluginPhase } from './plugin-error.js';
import type { PluginRuntime } from './plugin-runtime.js';

/** What the sandbox needs of a subscription: rxjs's, or a look-alike a plugin's own state$ returns. */
export interface TrackedSubscription {
  unsubscribe(): void;
  add(teardown: () => void): void;
}

export type ErrorReporter = (phase: PluginPhase, error: unknown) => void;

/** The words for rare problems, when they are first needed (src/config/problem-texts.ts). */
export type ProblemTexts = Awaited<ReturnType<typeof problemTexts>>;

/**
 * The fence around one loaded plugin: every call into its code goes through `call`, so an
 * exception (or a rejected promise) is attributed to the plugin and reported instead of
 * reaching the host; every subscription the host handed it is tracked, so unload can end
 * them all.
 */
export class PluginSandbox {
  readonly #subscriptions = new Set<TrackedSubscription>();
  readonly #disposers = new Set<() => void>();
  /** What `reportOnce` has reported in this load. */
  readonly #reported = new Set<string>();
  #disposed = false;

  constructor(
    readonly pluginId: string,
    readonly report: ErrorReporter,
    /** The runtime that loaded the plugin (the one its dialogs and commands belong to). */
    readonly runtime?: PluginRuntime,
  ) {}

  get disposed(): boolean {
    return this.#disposed;
  }

  /** How many subscriptions the plugin holds on host observables (for leak checks). */
  get subscriptionCount(): number {
    return this.#subscriptions.size;
  }

  /**
   * Calls plugin code as a method of `thisArg`. Returns what it returned, or undefined when
   * it threw (and reports the error). A returned promise that rejects is reported too.
   */
  call<R>(phase: PluginPhase, fn: (...args: never[]) => R, thisArg: unknown, args: unknown[]): R | undefined {
    const outcome = this.invoke(fn, thisArg, args, phase);
    if (!outcome.ok) {
      this.report(phase, outcome.error);
      return undefined;
    }
    if (isThenable(outcome.value)) outcome.value.then(undefined, (error: unknown) => this.report(phase, error));
    return outcome.value;
  }

  /** Calls plugin code as a method of `thisArg` and says whether it threw; reports nothing. */
  invoke<R>(
    fn: (...args: never[]) => R,
    thisArg: unknown,
    args: unknown[],
    phase: PluginPhase,
  ): { ok: true; value: R } | { ok: false; error: unknown } {
    try {
      return { ok: true, value: runInContext(this, phase, () => (fn as (...a: unknown[]) => R).apply(thisArg, args)) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /**
   * A misuse the plugin goes on after (wrong argument types, too many dialogs): reported the
   * first time in this load, in the phase of the plugin code that is running; later ones of
   * the same `kind` are not (each call still fails on its own), so a plugin that repeats it
   * in a loop is one report, not a flood. `error` is made with the problem texts, once loaded.
   */
  reportOnce(kind: string, error: (texts: ProblemTexts) => Error, phase: PluginPhase = currentPhase()): void {
    if (this.#reported.has(kind)) return;
    this.#reported.add(kind);
    void problemTexts().then((texts) => this.report(phase, error(texts)));
  }

  track(subscription: TrackedSubscription): void {
    if (this.#disposed) {
      // A plugin that subscribes after it was unloaded (from a stray timer) gets nothing.
      subscription.unsubscribe();
      return;
    }
    this.#subscriptions.add(subscription);
    subscription.add(() => this.#subscriptions.delete(subscription));
  }

  /**
   * Something to undo when the plugin unloads (an open dialog, say). Returns a function that
   * forgets it, for things that end earlier by themselves.
   */
  onDispose(dispose: () => void): () => void {
    if (this.#disposed) {
      dispose();
      return () => {};
    }
    this.#disposers.add(dispose);
    return () => this.#disposers.delete(dispose);
  }

  /** How many things wait for unload besides subscriptions (for leak checks). */
  get disposerCount(): number {
    return this.#disposers.size;
  }

  /**
   * Runs the disposers (closes the plugin's dialogs, say) while its subscriptions still
   * live, so its own `close$` handlers see the end. Unload does this before the plugin's
   * `unload` runs.
   */
  runDisposers(): void {
    for (const dispose of [...this.#disposers]) {
      this.#disposers.delete(dispose);
      try {
        dispose();
      } catch (error) {
        this.report('unload', error);
      }
    }
  }

  /** Runs what is left to undo, then ends every subscription; later ones end at once. */
  dispose(): void {
    this.runDisposers();
    this.#disposed = true;
    for (const subscription of [...this.#subscriptions]) subscription.unsubscribe();
    this.#subscriptions.clear();
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/*
 * Which plugin is running right now. Calls the host makes into plugin code push the
 * plugin's sandbox; code running outside such a call (a plugin's top level, a timer) is
 * found by the fallbacks that `findCallingSandbox` is given.
 */
const contextStack: Array<{ sandbox: PluginSandbox; phase: PluginPhase }> = [];

export function runInContext<R>(sandbox: PluginSandbox, phase: PluginPhase, fn: () => R): R {
  contextStack.push({ sandbox, phase });
  try {
    return fn();
  } finally {
    contextStack.pop();
  }
}

export function currentContextSandbox(): PluginSandbox | undefined {
  return contextStack[contextStack.length - 1]?.sandbox;
}

/**
 * The phase of the plugin code running now: the host's call into it, else its source's top
 * level while that runs, else `async` (a timer, a listener, a promise callback).
 */
export function currentPhase(): PluginPhase {
  return contextStack[contextStack.length - 1]?.phase ?? (typeof document !== 'undefined' && document.currentScript ? 'script' : 'async');
}
