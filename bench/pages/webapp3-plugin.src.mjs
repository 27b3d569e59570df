/* global location */
/**
 * The Web App 3 plugin of bench/webapp3.mjs, written with the real @pexip/plugin-api and bundled
 * once with esbuild when the benchmark starts (one bundle for every frame). It registers under
 * the id its page's query string gives (`?id=p7`) and adds one toolbar button: the benchmark
 * times the handshake and the button drawn in the host's toolbar.
 */
import { registerPlugin } from '@pexip/plugin-api';

const id = new URLSearchParams(location.search).get('id') ?? 'p0';
const plugin = await registerPlugin({ id, version: 0 });
await plugin.ui.addButton({ position: 'toolbar', icon: 'IconSupport', tooltip: `Plugin ${id}`, roles: ['chair', 'guest'] });
