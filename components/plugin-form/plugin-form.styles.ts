import { css } from 'lit';
import { modalDialogStyles } from '../shared/modal-dialog.js';

export const pluginFormStyles = [
  modalDialogStyles,
  css`
    form {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    .fields {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      padding: var(--pex-dialog-padding) var(--pex-dialog-padding) 0;
      overflow: auto;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      margin: 0;
      padding: 0;
      border: none;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 0.35rem;
    }
    label,
    legend {
      font-weight: 600;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: normal;
    }
    .optional {
      font-weight: normal;
      opacity: 0.75;
    }
    input:not([type='checkbox'], [type='radio'], [type='range']),
    textarea,
    select {
      min-height: 2.25rem;
      padding: 0.35rem 0.6rem;
      border: 1px solid var(--pex-input-border, #8a8fa3);
      border-radius: 0.4rem;
      background: transparent;
      color: inherit;
      font: inherit;
    }
    textarea {
      min-height: 5rem;
      resize: vertical;
    }
    [aria-invalid='true']:not([type='checkbox'], [type='radio']) {
      border-color: var(--pex-dialog-error-color, #b3261e);
    }
    .range {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .range input {
      flex: 1;
    }
    .error {
      margin: 0;
      color: var(--pex-dialog-error-color, #b3261e);
      font-size: 0.9em;
    }
  `,
];
