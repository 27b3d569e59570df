import type { ConferenceStore } from '../conference/conference-store.js';
import type { ConferenceSource } from '../webapp3/index.js';
import { dispatch, dispatchedActions$ } from '../api/action-bus.js';

/**
 * The conference Web App 3 plugins see, from what webapp2 plugins see, in both modes: the
 * store's roster and details (the app's in app-driven mode, the connection's when connected),
 * the actions the app and its connection dispatch (chat, layout, connect, disconnect),
 * `PEX.selfUUID` (set by `host.selfUUID`, by `[Conference] Set Self UUID` and by the
 * connection), and the action bus for what a plugin asks of the app.
 */
export function webapp3Conference(store: ConferenceStore): ConferenceSource {
  return {
    participants$: store.participants$,
    conference$: store.conference$,
    actions$: dispatchedActions$,
    selfUuid: () => window.PEX?.selfUUID,
    requestAction: (action) => dispatch(action, 'plugin'),
  };
}
