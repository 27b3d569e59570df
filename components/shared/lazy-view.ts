import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';

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
  #loading: Promise<V> | undefined;

  constructor(private readonly load: () => Promise<V>) {}

  /** The loaded view, or undefined before its chunk is in. */
  get current(): V | undefined {
    return this.#view;
  }

  /**
   * Call from `scheduleUpdate`: updates at once when the view is in, otherwise after it loads,
   * adopting its styles into `element`'s shadow root first (once per element).
   */
  schedule(element: ReactiveElement, update: () => void): void | Promise<void> {
    if (this.#view && styled.has(element)) return update();
    return (this.#loading ??= this.load().then((view) => (this.#view = view))).then((view) => {
      if (!styled.has(element)) {
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
