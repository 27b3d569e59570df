import { css } from 'lit';
import { closeButtonStyles } from './close-button.styles.js';

/**
 * The frame every host-rendered dialog shares: its custom properties (`--pex-dialog-*`), the
 * native `<dialog>` and its backdrop, the title row and the close button. A plugin's template
 * dialog and a Web App 3 plugin's form and prompt add their own parts to it.
 */
export const dialogFrameStyles = css`
  :host {
    display: contents;
    --pex-dialog-background: var(--pex-color-dialog, #ffffff);
    --pex-dialog-color: var(--pex-color-on-dialog, #1d1f2b);
    --pex-dialog-width: min(32rem, calc(100vw - 2rem));
    --pex-dialog-radius: 0.75rem;
    --pex-dialog-padding: 1.25rem;
    --pex-dialog-backdrop: rgba(10, 12, 20, 0.6);
    --pex-focus-ring: 2px solid var(--pex-color-focus, #4c9aff);
  }
  dialog {
    width: var(--pex-dialog-width);
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: none;
    border-radius: var(--pex-dialog-radius);
    background: var(--pex-dialog-background);
    color: var(--pex-dialog-color);
    box-shadow: 0 12px 40px rgba(0, 0, 0, 0.35);
    font: inherit;
  }
  dialog::backdrop {
    background: var(--pex-dialog-backdrop);
  }
  header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: var(--pex-dialog-padding) var(--pex-dialog-padding) 0;
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.15rem;
    font-weight: 600;
  }
  ${closeButtonStyles(css`.close`)}
  .close:hover {
    background: rgba(127, 127, 127, 0.15);
  }
  .close svg {
    width: 1.25rem;
    height: 1.25rem;
  }
`;
