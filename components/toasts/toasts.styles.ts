import { css } from 'lit';
import { closeButtonStyles } from '../shared/close-button.styles.js';

export const toastsStyles = css`
  :host {
    --pex-toast-background: var(--pex-color-toast, #1d1f2b);
    --pex-toast-color: var(--pex-color-on-toast, #ffffff);
    --pex-toast-danger-background: var(--pex-color-danger, #b3261e);
    --pex-toast-danger-color: #ffffff;
    --pex-toast-radius: 0.5rem;
    --pex-toast-max-width: min(32rem, calc(100vw - 2rem));
    --pex-toasts-offset: 1rem;
    --pex-focus-ring: 2px solid var(--pex-color-focus, #4c9aff);
  }
  .toast {
    position: var(--pex-toasts-position, fixed);
    left: 50%;
    transform: translateX(-50%);
    z-index: var(--pex-toasts-z-index, 1000);
    display: flex;
    align-items: center;
    gap: 0.75rem;
    box-sizing: border-box;
    max-width: var(--pex-toast-max-width);
    padding: 0.75rem 1rem;
    border-radius: var(--pex-toast-radius);
    background: var(--pex-toast-background);
    color: var(--pex-toast-color);
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.3);
  }
  .toast[data-position='topCenter'] {
    top: var(--pex-toasts-offset);
  }
  .toast[data-position='bottomCenter'] {
    bottom: var(--pex-toasts-offset);
  }
  .toast[data-danger] {
    background: var(--pex-toast-danger-background);
    color: var(--pex-toast-danger-color);
  }
  .message {
    flex: 1;
  }
  ${closeButtonStyles(css`.dismiss`)}
  .dismiss {
    flex: none;
  }
  .dismiss svg {
    width: 1.1rem;
    height: 1.1rem;
  }
  .dismiss:focus-visible {
    outline: var(--pex-focus-ring);
  }
`;
