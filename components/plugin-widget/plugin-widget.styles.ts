import { css } from 'lit';
import { closeButtonStyles } from '../shared/close-button.styles.js';

/**
 * A widget's look. Every custom property is read where it is used, with its default there, so
 * that one set on any ancestor (the host element, the page) reaches it through the shadow roots.
 */
export const pluginWidgetStyles = css`
  :host {
    display: block;
  }
  :host(:not([open])) {
    display: none;
  }
  .panel {
    position: var(--pex-widget-position, fixed);
    z-index: var(--pex-widget-z-index, 900);
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    overflow: hidden;
    border: var(--pex-widget-border, 1px solid rgba(127, 127, 127, 0.35));
    background: var(--pex-widget-background, var(--pex-color-dialog, #ffffff));
    color: var(--pex-widget-color, var(--pex-color-on-dialog, #1d1f2b));
    box-shadow: var(--pex-widget-shadow, 0 8px 32px rgba(0, 0, 0, 0.3));
    font: inherit;
  }
  :host([type='sidePanel']) .panel {
    top: var(--pex-widget-panel-top, 0);
    right: 0;
    bottom: var(--pex-widget-panel-bottom, 0);
    width: var(--pex-widget-panel-width, min(22rem, 100vw));
    max-width: 100vw;
    border-radius: var(--pex-widget-panel-radius, 0);
  }
  :host([type='floating']) .panel {
    width: var(--pex-widget-width, min(20rem, calc(100vw - 2rem)));
    height: var(--pex-widget-height, min(15rem, calc(100vh - 2rem)));
    max-width: 100vw;
    max-height: 100vh;
    border-radius: var(--pex-widget-radius, 0.75rem);
  }
  :host([type='floating'][position='topLeft']) .panel {
    top: var(--pex-widget-offset, 1rem);
    left: var(--pex-widget-offset, 1rem);
  }
  :host([type='floating'][position='topRight']) .panel {
    top: var(--pex-widget-offset, 1rem);
    right: var(--pex-widget-offset, 1rem);
  }
  :host([type='floating'][position='bottomLeft']) .panel {
    bottom: var(--pex-widget-offset, 1rem);
    left: var(--pex-widget-offset, 1rem);
  }
  :host([type='floating'][position='bottomRight']) .panel {
    bottom: var(--pex-widget-offset, 1rem);
    right: var(--pex-widget-offset, 1rem);
  }
  :host([type='floating'][position='center']) .panel {
    top: 50%;
    left: 50%;
    transform: translate(-50%, -50%);
  }
  header {
    display: flex;
    flex: none;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.5rem 0.5rem 1rem;
    background: var(--pex-widget-header-background, transparent);
    color: var(--pex-widget-header-color, inherit);
  }
  :host([movable]) header {
    cursor: move;
    touch-action: none;
    user-select: none;
  }
  h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    overflow: hidden;
    font-size: 1rem;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  ${closeButtonStyles(css`.close`)}
  ${closeButtonStyles(css`.move`)}
  .close,
  .move {
    flex: none;
  }
  .move {
    cursor: move;
  }
  .move svg {
    stroke-linecap: round;
  }
  .close:hover,
  .move:hover {
    background: rgba(127, 127, 127, 0.15);
  }
  .close:focus-visible,
  .move:focus-visible {
    outline: var(--pex-focus-ring, 2px solid var(--pex-color-focus, #4c9aff));
    outline-offset: 2px;
  }
  .close svg,
  .move svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .body {
    display: flex;
    flex: 1;
    min-height: 0;
  }
  ::slotted(iframe) {
    flex: 1;
    width: 100%;
    height: 100%;
    border: none;
    background: var(--pex-widget-frame-background, transparent);
  }
`;
