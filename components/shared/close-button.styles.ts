import { css, type CSSResult } from 'lit';

/**
 * The round, borderless icon button that closes or dismisses a dialog, widget or toast, and its
 * stroked SVG icon, for the button `selector` names (`css\`.close\``). Each element adds its
 * own icon size, hover and focus ring.
 */
export const closeButtonStyles = (selector: CSSResult): CSSResult => css`
  ${selector} {
    display: inline-flex;
    width: 2rem;
    height: 2rem;
    align-items: center;
    justify-content: center;
    border: none;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  ${selector} svg {
    stroke: currentColor;
    stroke-width: 2;
    fill: none;
  }
`;
