/**
 * Icons the host draws itself in its menus, by the icon URL their menu items carry: the named
 * icons of Web App 3 buttons (src/webapp3/button-icons.ts). Their URL is a `data:` SVG image, so
 * an app that draws `runtime.menuItems$` itself can show one as an `<img>`; the host's menus
 * draw them inline instead, from the host's own shapes: `currentColor` themes them, and nothing
 * is fetched, so a page's Content-Security-Policy needs nothing for them.
 */
const drawers = new Map<string, () => SVGSVGElement>();

/** From now on, a menu item whose icon is `url` is drawn by `draw`: a new element each time, with the attributes of a menu icon (`part="icon"`, `class="icon"`, hidden from the accessibility tree). */
export function drawIconAs(url: string, draw: () => SVGSVGElement): void {
  drawers.set(url, draw);
}

/** A new element of the icon `url` names, when the host draws it itself. */
export function drawnIcon(url: string): SVGSVGElement | undefined {
  return drawers.get(url)?.();
}
