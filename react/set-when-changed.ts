import * as React from 'react';

/**
 * Wraps a @lit/react component so that the `names` props are set on the element only when
 * React gives a different value than it last set. @lit/react sets every property on every
 * render (it leaves change checks to the element), and the host's roster and details setters
 * pass each value on to every plugin: without this, any re-render of the app (a log line, a
 * selection) would hand every plugin the same roster again.
 */
export function setWhenChanged<Element extends HTMLElement, Props extends object>(
  Inner: React.ComponentType<Props & React.RefAttributes<Element>>,
  names: readonly string[],
  displayName: string,
): React.ForwardRefExoticComponent<React.PropsWithoutRef<Props> & React.RefAttributes<Element>> {
  const Outer = React.forwardRef<Element, Props>((props, forwardedRef) => {
    const element = React.useRef<Element | null>(null);
    const lastSet = React.useRef(new Map<string, unknown>());
    const rest = { ...props } as Record<string, unknown>;
    for (const name of names) delete rest[name];

    // Every render; it checks each value itself. It runs after Inner's own effect, and both
    // before the element's first update (a microtask later), so the element starts with all.
    React.useLayoutEffect(() => {
      const node = element.current as Record<string, unknown> | null;
      if (!node) return;
      for (const name of names) {
        const value = (props as Record<string, unknown>)[name];
        const changed = lastSet.current.has(name) ? lastSet.current.get(name) !== value : value !== undefined;
        if (!changed) continue;
        node[name] = value;
        lastSet.current.set(name, value);
      }
    });

    const ref = React.useCallback(
      (node: Element | null) => {
        element.current = node;
        if (typeof forwardedRef === 'function') forwardedRef(node);
        else if (forwardedRef) forwardedRef.current = node;
      },
      [forwardedRef],
    );
    return React.createElement(Inner, { ...(rest as Props), ref });
  });
  Outer.displayName = displayName;
  return Outer;
}
