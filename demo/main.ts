/**
 * The demo (`npm start`): the conferencing client, joined to `meet` on the built-in simulator
 * (or the Infinity node given in the URL), hosting the sample branding folder, which the dev server
 * serves as custom_configuration/ beside the page (the Connect app's layout, the host's default).
 *
 *   /?node=https://node.example&alias=meet&name=Ann&pin=1234
 */
import '../components/index.js';
import { renderClientMarkup } from './client/client-markup.js';
import { startConferenceClient } from './client/conference-client.js';

renderClientMarkup(document.body, { title: 'pex-plugin-host demo' });
void startConferenceClient(document.querySelector('pex-plugin-host')!);
