/**
 * The package's entry: importing it defines every pex-* element and installs `window.PEX`.
 * The drop-in `dist/pex-plugin-host.js` is this module bundled with lit and rxjs; the npm
 * entry is it unbundled, one module per element (`./toolbar.js` defines `<pex-toolbar>` …).
 */
import type { ConnectInfinityOptions, InfinityConnection } from '../src/conference/infinity/index.js';
// The host first: it routes plugin errors before anything else runs.
import { PexPluginHost } from './plugin-host.js';
import { PexToolbar } from './toolbar.js';
import { PexConferenceMenu } from './conference-menu.js';
import { PexParticipantMenu } from './participant-menu.js';
import { PexTemplateDialog } from './template-dialog.js';
import { PexPluginSettings } from './plugin-settings.js';
import { notLoaded, SERVE_ALL_FILES } from '../src/config/missing-chunk.js';

export { PexConferenceMenu, PexParticipantMenu, PexPluginHost, PexPluginSettings, PexTemplateDialog, PexToolbar };
export { LIBRARY_VERSION } from './register.js';

/**
 * Joins a Pexip Infinity conference over the client REST API v2 and resolves to a connection
 * for `host.connection`. The connection code is its own chunk, fetched on first use: pages
 * that feed the host themselves never load it.
 */
export async function connectInfinity(options: ConnectInfinityOptions): Promise<InfinityConnection> {
  let infinity: typeof import('../src/conference/infinity/index.js');
  try {
    infinity = await import('../src/conference/infinity/index.js');
  } catch (error) {
    // The join's own refusals come from the chunk; this one says what the page left out.
    throw new Error(`connectInfinity: ${notLoaded("the Infinity connection's code", error)}: ${SERVE_ALL_FILES}`, { cause: error });
  }
  return infinity.connectInfinity(options);
}
export type {
  ConnectInfinityOptions,
  InfinityConnection,
  PinRequest,
  RequestPin,
} from '../src/conference/infinity/index.js';
export type { ConferenceConnection, ConnectionState, ConnectionStateDetail } from '../src/conference/connection.js';
export { CommandError } from '../src/conference/commands.js';
/**
 * How many subscriptions are open right now on the streams the host hands out (participants$,
 * conferenceDetails$, actions$, state$, …), counted at the streams themselves: for leak checks,
 * e.g. that unloading a plugin left none of its subscriptions behind.
 */
export { liveSubscriptionCount, type HandedOutStream } from '../src/runtime/live-subscriptions.js';
export type { CommandAnswers, CommandArgs, CommandName, CommandResults, DialOutUuids, RestReply } from '../src/conference/commands.js';
export type { PexCommandDetail, PexEventDetails, PexEventName, PexEvent, PexPluginsSettledDetail } from './events.js';
export type { ConferenceDetails, Participant, PexAction } from '../src/conference/types.js';
export type { Diagnostic } from '../src/config/diagnostics.js';
export type { PluginInfo, PluginStatus } from '../src/runtime/plugin-runtime.js';
export type { PexGlobal } from '../src/api/pex-global.js';
