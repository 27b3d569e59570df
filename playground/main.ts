/**
 * The playground of `pex-plugins dev`: the demo's conferencing client, joined to `meet` on the
 * simulator the dev server runs, hosting the author's branding folder (served beside the page
 * as custom_configuration/, as webapp2 serves it), with the inspector beside it and live
 * reload of each plugin whose files change.
 */
import '../components/index.js';
import '../demo/demo.css';
import './playground.css';
import { renderClientMarkup } from '../demo/client/client-markup.js';
import { startConferenceClient } from '../demo/client/conference-client.js';
import { InspectorLog } from './inspector-log.js';
import { InspectorView } from './inspector-view.js';
import { startLiveReload } from './live-reload.js';

renderClientMarkup(document.querySelector<HTMLElement>('#client')!, {
  title: 'pex-plugins playground',
  brandingUrl: './custom_configuration/',
});
const host = document.querySelector('pex-plugin-host')!;
// Listening before the host starts (its first update), so nothing it reports is missed.
const log = new InspectorLog(host);
const view: InspectorView = new InspectorView(document.querySelector<HTMLElement>('#inspector')!, host, log, (id) => void live.reloadPlugin(id));
const live = startLiveReload(host, log, (text) => view.announce(text));
void startConferenceClient(host);
