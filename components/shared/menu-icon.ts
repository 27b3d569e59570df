import { nothing } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { drawnIcon } from '../../src/runtime/drawn-icons.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Icon elements made ahead of their first drawing (see prefetchMenuIcon), by icon URL, until a
 * menu draws them. An element starts fetching its file when it is made, connected or not.
 */
const prefetched = new Map<string, Element>();

/**
 * A menu item's icon element. An icon the host draws itself (drawn-icons.ts) is drawn inline.
 * `file.svg#id` is drawn with `<use>`, as the plugin guide asks (the SVG's root carries the id),
 * so `currentColor` theming works; a plain `file.svg` is an image. Neither way runs script from
 * the file, and the file's text never becomes markup.
 */
function iconElement(icon: string): Element {
  const drawn = drawnIcon(icon);
  if (drawn) return drawn;
  const hash = icon.indexOf('#');
  if (hash >= 0 && hash < icon.length - 1) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    for (const [name, value] of [['part', 'icon'], ['class', 'icon'], ['aria-hidden', 'true'], ['focusable', 'false'], ['viewBox', '0 0 24 24']]) {
      svg.setAttribute(name, value);
    }
    const use = document.createElementNS(SVG_NS, 'use');
    use.setAttribute('href', icon);
    svg.append(use);
    return svg;
  }
  const img = document.createElement('img');
  img.setAttribute('part', 'icon');
  img.className = 'icon';
  img.alt = '';
  img.src = icon;
  return img;
}

/**
 * Starts fetching an icon now, before any menu draws it: the element made for it is the one the
 * first menu to draw that icon shows. A second element with the same URL would fetch the file
 * again wherever the HTTP cache does not answer (a `no-store` server, a cache turned off); an
 * element moved into place does not. CSP-neutral: the same `<use>` or `<img>` a menu draws.
 */
export function prefetchMenuIcon(icon: string): void {
  if (!prefetched.has(icon)) prefetched.set(icon, iconElement(icon));
}

/** Forgets icons fetched ahead that no menu drew (their plugin failed, or its host went). */
export function forgetPrefetchedIcons(icons: Iterable<string>): void {
  for (const icon of icons) prefetched.delete(icon);
}

/**
 * Keeps one icon element per place in a menu while its URL stays the same, so a re-render
 * neither rebuilds nor refetches it; the first element for a URL is the one fetched ahead.
 */
class MenuIconDirective extends Directive {
  #icon: string | null = null;
  #element: Element | undefined;

  render(icon: string | null) {
    if (!icon) {
      this.#icon = null;
      this.#element = undefined;
      return nothing;
    }
    if (icon !== this.#icon || !this.#element) {
      this.#icon = icon;
      this.#element = prefetched.get(icon) ?? iconElement(icon);
      prefetched.delete(icon);
    }
    return this.#element;
  }
}

/** A menu item's icon (nothing when it has none), in a child position of a menu's template. */
export const menuIcon = directive(MenuIconDirective);
