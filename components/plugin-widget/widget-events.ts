/**
 * The event of `<pex-plugin-widget>`. It bubbles but is not composed, like the plugin dialogs'
 * events: it stays inside the host's shadow root, where the widget is, because what a plugin's
 * widget does is for that plugin alone.
 */

/** Why the user asked a widget to close: its header's close button or Escape on it. */
export interface PexWidgetCloseDetail {
  trigger: 'headerCloseButton';
}

export type PexWidgetCloseEvent = CustomEvent<PexWidgetCloseDetail>;

/** Cancelable: the widget closes unless a listener calls `preventDefault()` (it then decides). */
export function createPexWidgetCloseEvent(): PexWidgetCloseEvent {
  return new CustomEvent('pex-widget-close', { detail: { trigger: 'headerCloseButton' }, bubbles: true, composed: false, cancelable: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pex-widget-close': PexWidgetCloseEvent;
  }
}
