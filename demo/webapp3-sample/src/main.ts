/**
 * The demo's Web App 3 sample plugin, written with `@pexip/plugin-api` as Pexip's published Web
 * App 3 plugins are: this module registers the plugin, then adds what it shows the user.
 * - a toolbar button that opens a form; what the user submits comes back as a toast;
 * - "Say hello" in every participant's menu: an application message to that participant;
 * - a toast for each application message that arrives (another client's hello, say).
 */
import { registerPlugin } from '@pexip/plugin-api';
import { addNoteButton } from './note-form.js';
import { addSayHello } from './say-hello.js';
import { toastApplicationMessages } from './incoming-messages.js';
import { trackRoster } from './roster.js';

/** The id the branding's manifest.json gives this plugin. */
const PLUGIN_ID = 'webapp3-sample';

async function start(): Promise<void> {
  const plugin = await registerPlugin({ id: PLUGIN_ID, version: 0 });
  const roster = trackRoster(plugin);
  toastApplicationMessages(plugin);
  await Promise.all([addNoteButton(plugin), addSayHello(plugin, roster)]);
}

start().catch((error: unknown) => console.error('Web App 3 sample plugin:', error));
