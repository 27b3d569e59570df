import { html, nothing, svg } from 'lit';

/**
 * A menu item's icon. `file.svg#id` is drawn with `<use>`, as the plugin guide asks (the
 * SVG's root carries the id), so `currentColor` theming works; a plain `file.svg` is an
 * image. Neither way runs script from the file.
 */
export function menuIcon(icon: string | null) {
  if (!icon) return nothing;
  const hash = icon.indexOf('#');
  if (hash >= 0 && hash < icon.length - 1) {
    return html`<svg part="icon" class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24">${svg`<use href=${icon}></use>`}</svg>`;
  }
  return html`<img part="icon" class="icon" alt="" src=${icon} />`;
}
