import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';
import { reasonOf, SERVE_ALL_FILES } from '../../src/config/missing-chunk.js';

/** What a lazily loaded look brings: the element's styles and whatever it renders with. */
export interface LoadedView {
  styles: CSSResultOrNative | readonly CSSResultOrNative[];
}

/**
 * An element whose template, styles and interaction code are a chunk of their own, fetched the
 * first time one of them renders: a page that never shows it pays only for its small class.
 * `render` waits for it through `scheduleUpdate`, so `updateComplete` still means "rendered".
 */
export class LazyView<V extends LoadedView> {
  #view: V | undefined;
  #loading: Promise<V | undefined> | undefined;
  #failure: Error | undefined;

  /** @param load fetches the chunk (a test may put a failing one in its place before the first render). */
  constructor(public load: () => Promise<V>) {}

  /** The loaded view, or undefined before its chunk is in. */
  get current(): V | undefined {
    return this.#view;
  }

  /** Why the view's chunk did not load when it was last asked for; undefined once it has. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /**
   * Call from `scheduleUpdate`: updates at once when the view is in, otherwise after it loads,
   * adopting its styles into `element`'s shadow root first (once per element). A chunk that
   * does not load (the page serves the drop-in without the package's other files, the network
   * went) is said once on the console; the element updates without its view, so that lit's
   * update cycle goes on, and its next update asks for the chunk again.
   */
  schedule(element: ReactiveElement, update: () => void): void | Promise<void> {
    if (this.#view && styled.has(element)) return update();
    this.#loading ??= this.load().then(
      (view) => {
        this.#failure = undefined;
        return (this.#view = view);
      },
      (error: unknown) => {
        this.#loading = undefined;
        const failure = `<${element.localName}> could not load its look (${reasonOf(error)})`;
        if (!this.#failure) console.error(`[pex-plugin-host] ${failure}: ${SERVE_ALL_FILES}.`);
        this.#failure = new Error(failure);
        return undefined;
      },
    );
    return this.#loading.then((view) => {
      if (view && !styled.has(element)) {
        // After the element's own static styles, which adopting replaces.
        const own = (element.constructor as typeof ReactiveElement).elementStyles;
        adoptStyles(element.renderRoot as ShadowRoot, [...own, ...[view.styles].flat()]);
        styled.add(element);
      }
      update();
    });
  }
}

const styled = new WeakSet<ReactiveElement>();
