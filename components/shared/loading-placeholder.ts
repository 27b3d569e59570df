import { css, html } from 'lit';

/**
 * What a menu shows while its host's plugins load: a line of text a screen reader reads too,
 * which the app may replace through the `loading` slot. It is not a live region: the menu's
 * `aria-busy` says it is on its way, and three menus announcing at once would only be noise.
 */
export function loadingPlaceholder() {
  return html`<span part="placeholder"><slot name="loading">Loading plugins…</slot></span>`;
}

// Upright, not italic: a page's first italic text loads a font face of its own, and the
// placeholder is laid out the moment the host starts, before the branding's files are handled
// (the first Web App 3 frame went in about 7 ms later with it, measured). An app that wants it
// italic styles ::part(placeholder).
export const loadingPlaceholderStyles = css`
  :host {
    --pex-menu-placeholder-color: color-mix(in srgb, currentColor 70%, transparent);
    --pex-menu-placeholder-padding: 0.5rem 0.75rem;
  }
  [part='placeholder'] {
    display: block;
    padding: var(--pex-menu-placeholder-padding);
    color: var(--pex-menu-placeholder-color);
    align-self: center;
  }
`;
