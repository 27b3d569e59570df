/* global location */
/**
 * The Web App 3 plugin of bench/webapp3.mjs, written with the real @pexip/plugin-api and bundled
 * once with esbuild when the benchmark starts (one bundle for every frame). It registers under
 * the id its page's query string gives (`?id=p7`) and does nothing more: the benchmark times
 * the handshake.
 */
import { registerPlugin } from '@pexip/plugin-api';

const id = new URLSearchParams(location.search).get('id') ?? 'p0';
await registerPlugin({ id, version: 0 });
