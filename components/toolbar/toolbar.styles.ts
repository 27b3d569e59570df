import { css } from 'lit';

export const toolbarStyles = css`
  :host {
    display: inline-flex;
    --pex-toolbar-gap: 0.5rem;
    --pex-toolbar-button-size: 2.75rem;
    --pex-toolbar-button-radius: 50%;
    --pex-toolbar-button-background: var(--pex-color-surface, #2d3142);
    --pex-toolbar-button-background-hover: var(--pex-color-surface-hover, #3f4458);
    --pex-toolbar-button-color: var(--pex-color-on-surface, #ffffff);
    --pex-toolbar-icon-size: 1.5rem;
    --pex-focus-ring: 2px solid var(--pex-color-focus, #4c9aff);
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--pex-toolbar-gap);
    align-items: center;
  }
  [part='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    min-width: var(--pex-toolbar-button-size);
    height: var(--pex-toolbar-button-size);
    padding: 0 0.5rem;
    border: none;
    border-radius: var(--pex-toolbar-button-radius);
    background: var(--pex-toolbar-button-background);
    color: var(--pex-toolbar-button-color);
    font: inherit;
    cursor: pointer;
  }
  [part='button']:hover {
    background: var(--pex-toolbar-button-background-hover);
  }
  [part='button']:focus-visible {
    outline: var(--pex-focus-ring);
    outline-offset: 2px;
  }
  .icon {
    width: var(--pex-toolbar-icon-size);
    height: var(--pex-toolbar-icon-size);
    fill: currentColor;
  }
`;
