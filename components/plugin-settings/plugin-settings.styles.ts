import { css } from 'lit';

export const pluginSettingsStyles = css`
  :host {
    display: block;
    --pex-settings-gap: 0.75rem;
    --pex-settings-divider: 1px solid var(--pex-color-divider, rgba(0, 0, 0, 0.12));
    --pex-settings-muted-color: var(--pex-color-muted, #5f6368);
    --pex-switch-on-color: var(--pex-color-primary, #0a6ed1);
    --pex-switch-off-color: var(--pex-color-neutral, #767676);
    --pex-switch-thumb-color: #ffffff;
    --pex-error-color: var(--pex-color-error, #b3261e);
    --pex-focus-ring: 2px solid var(--pex-color-focus, #4c9aff);
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--pex-settings-gap);
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='item'] {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: var(--pex-settings-gap);
    padding: var(--pex-settings-gap) 0;
    border-bottom: var(--pex-settings-divider);
  }
  [part='item']:last-child {
    border-bottom: none;
  }
  .info {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }
  [part='name'] {
    font-weight: 600;
  }
  [part='version'],
  [part='description'],
  [part='status'] {
    color: var(--pex-settings-muted-color);
  }
  [part='version'] {
    font-size: 0.875em;
  }
  [part='description'],
  [part='status'],
  [part='empty'] {
    margin: 0;
  }
  [part='item'][data-status='failed'] [part='status'],
  [part='error'],
  [part='problem'],
  [part='storage-notice'] {
    color: var(--pex-error-color);
  }
  .problem-reason,
  [part='storage-notice'] {
    margin: 0;
  }
  [part='error'],
  [part='problem'] {
    /* Below the name and the switch, across the row: the tab order follows the reading order. */
    grid-column: 1 / -1;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .technical {
    margin: 0.25rem 0 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  summary {
    cursor: pointer;
  }

  [part='switch'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0.25rem;
    border: none;
    border-radius: 1rem;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  [part='switch'][aria-busy='true'] {
    cursor: progress;
  }
  [part='switch'][aria-disabled='true'] {
    cursor: default;
  }
  .track {
    position: relative;
    flex: none;
    width: 2.25rem;
    height: 1.25rem;
    border-radius: 0.625rem;
    background: var(--pex-switch-off-color);
    transition: background-color 0.15s;
  }
  .thumb {
    position: absolute;
    top: 0.125rem;
    left: 0.125rem;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--pex-switch-thumb-color);
    transition: transform 0.15s;
  }
  [aria-checked='true'] .track {
    background: var(--pex-switch-on-color);
  }
  [aria-checked='true'] .thumb {
    transform: translateX(1rem);
  }
  [aria-busy='true'] .track,
  [aria-disabled='true'] .track {
    opacity: 0.6;
  }
  .switch-text {
    font-size: 0.875em;
    color: var(--pex-settings-muted-color);
  }

  [part='retry'] {
    padding: 0.25rem 0.75rem;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [part='switch']:focus-visible,
  [part='retry']:focus-visible,
  summary:focus-visible {
    outline: var(--pex-focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    .track,
    .thumb {
      transition: none;
    }
  }
  /* Forced colours drop backgrounds: draw the switch with system colours instead. */
  @media (forced-colors: active) {
    .track {
      border: 1px solid ButtonText;
      background: Canvas;
    }
    .thumb {
      background: ButtonText;
    }
    [aria-checked='true'] .track {
      background: Highlight;
    }
    [aria-checked='true'] .thumb {
      background: HighlightText;
    }
  }
`;
