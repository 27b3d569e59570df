import { css } from 'lit';

/** Shared by the conference menu and the participant menu. */
export const pluginMenuStyles = css`
  :host {
    display: block;
    --pex-menu-item-padding: 0.5rem 0.75rem;
    --pex-menu-item-gap: 0.5rem;
    --pex-menu-item-color: inherit;
    --pex-menu-item-background: transparent;
    --pex-menu-item-background-hover: var(--pex-color-hover, rgba(0, 0, 0, 0.08));
    --pex-menu-icon-size: 1.25rem;
    --pex-focus-ring: 2px solid var(--pex-color-focus, #4c9aff);
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    margin: 0;
    padding: 0;
  }
  [part='item'] {
    display: flex;
    align-items: center;
    gap: var(--pex-menu-item-gap);
    padding: var(--pex-menu-item-padding);
    border: none;
    background: var(--pex-menu-item-background);
    color: var(--pex-menu-item-color);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  [part='item']:hover {
    background: var(--pex-menu-item-background-hover);
  }
  [part='item']:focus-visible {
    outline: var(--pex-focus-ring);
    outline-offset: -2px;
  }
  .icon {
    flex: none;
    width: var(--pex-menu-icon-size);
    height: var(--pex-menu-icon-size);
    fill: currentColor;
  }
`;
