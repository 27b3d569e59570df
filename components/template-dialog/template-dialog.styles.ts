import { css } from 'lit';

/** What a plugin's template dialog adds to the shared dialog frame (dialog-frame.styles.ts). */
export const templateDialogStyles = css`
  .panel {
    display: flex;
    flex-direction: column;
    max-height: inherit;
    outline: none;
  }
  .close {
    margin-inline-start: auto;
  }
  .close:focus-visible {
    outline: var(--pex-focus-ring);
  }
  .body {
    padding: var(--pex-dialog-padding);
    overflow: auto;
  }
`;
