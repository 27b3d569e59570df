/**
 * The drop-in entry: importing it defines every pex-* element and installs `window.PEX`.
 * `dist/pex-plugin-host.js` is this module, bundled.
 */
import { installPexGlobal } from '../src/api/pex-global.js';
import { installErrorRouter } from '../src/runtime/error-router.js';
import type { ConnectInfinityOptions, InfinityConnection } from '../src/conference/infinity/index.js';
import { PexConferenceMenu } from './conference-menu/conference-menu.js';
import { PexParticipantMenu } from './participant-menu/participant-menu.js';
import { PexPluginHost } from './plugin-host/plugin-host.js';
import { PexPluginSettings } from './plugin-settings/plugin-settings.js';
import { defineElement } from './register.js';
import { PexToolbar } from './toolbar/toolbar.js';
import { setDefaultDialogPresenter } from '../src/api/dialog-bridge.js';
import { presentTemplateDialog } from './template-dialog/present-template-dialog.js';
import { PexTemplateDialog } from './template-dialog/template-dialog.js';

// First, so the host hears plugin errors before the page's own error handlers do.
installErrorRouter();
defineElement('pex-plugin-host', PexPluginHost);
defineElement('pex-toolbar', PexToolbar);
defineElement('pex-conference-menu', PexConferenceMenu);
defineElement('pex-participant-menu', PexParticipantMenu);
defineElement('pex-template-dialog', PexTemplateDialog);
defineElement('pex-plugin-settings', PexPluginSettings);
// A dialog no host can be named for (opened from a stray timer, say) still shows.
setDefaultDialogPresenter((request) => presentTemplateDialog(document.body, request));
installPexGlobal();

export { PexConferenceMenu, PexParticipantMenu, PexPluginHost, PexPluginSettings, PexTemplateDialog, PexToolbar };
export { LIBRARY_VERSION } from './register.js';

/**
 * Joins a Pexip Infinity conference over the client REST API v2 and resolves to a connection
 * for `host.connection`. The connection code is its own chunk, fetched on first use: pages
 * that feed the host themselves never load it.
 */
export async function connectInfinity(options: ConnectInfinityOptions): Promise<InfinityConnection> {
  const infinity = await import('../src/conference/infinity/index.js');
  return infinity.connectInfinity(options);
}
export type {
  ConnectInfinityOptions,
  InfinityConnection,
  PinRequest,
  RequestPin,
} from '../src/conference/infinity/index.js';
export type { ConferenceConnection } from '../src/conference/connection.js';
export { CommandError } from '../src/conference/commands.js';
export type { CommandAnswers, CommandArgs, CommandName, CommandResults, DialOutUuids, RestReply } from '../src/conference/commands.js';
export type { PexCommandDetail, PexEventDetails, PexEventName, PexEvent } from './events.js';
export type { ConferenceDetails, Participant, PexAction } from '../src/conference/types.js';
export type { Diagnostic } from '../src/config/diagnostics.js';
export type { PluginInfo, PluginStatus } from '../src/runtime/plugin-runtime.js';
export type { PexGlobal } from '../src/api/pex-global.js';

declare global {
  interface HTMLElementTagNameMap {
    'pex-plugin-host': PexPluginHost;
    'pex-toolbar': PexToolbar;
    'pex-conference-menu': PexConferenceMenu;
    'pex-participant-menu': PexParticipantMenu;
    'pex-template-dialog': PexTemplateDialog;
    'pex-plugin-settings': PexPluginSettings;
  }
}
