/**
 * The props of the React wrappers, in React's own types only: the package's declarations must
 * not name `@lit/react`, which is bundled into dist/react/ rather than installed with the package.
 */
import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';
import type { PexEvent, PexEventName } from '../components/index.js';

/** `pex-plugin-error` → `pexPluginError`. */
type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

/** The prop that listens to a pex- event: `pex-command` → `onPexCommand`. */
export type PexEventProp<Name extends PexEventName> = `on${Capitalize<CamelCase<Name>>}`;

/** One optional handler prop per event, called with the event as the element dispatched it. */
export type PexEventHandlers<Names extends PexEventName> = {
  [Name in Names as PexEventProp<Name>]?: (event: PexEvent<Name>) => void;
};

/**
 * A wrapper's props: the element's chosen properties (set as DOM properties, never as
 * attributes), its events' handlers, and React's usual HTML props (`className`, `id`,
 * `children`, `aria-*`, `slot`, ...) for the rest.
 */
export type PexComponentProps<Element extends HTMLElement, Props, Events extends PexEventName = never> = Omit<
  HTMLAttributes<Element>,
  keyof Props | PexEventProp<Events>
> &
  Partial<Props> &
  PexEventHandlers<Events> &
  RefAttributes<Element>;

/** A React component rendering one pex-* element; its ref is the element. */
export type PexReactComponent<Element extends HTMLElement, Props, Events extends PexEventName = never> = ForwardRefExoticComponent<
  PexComponentProps<Element, Props, Events>
>;
