/**
 * A Vue 3 client embedding the pex-* elements in app-driven mode: it owns the roster and the
 * conference, hands them to <pex-plugin-host> as properties and answers the plugins'
 * commands (`pex-command`). See README.md next to this file.
 */
// The drop-in build, by the package's name, as an app that installed `pex-plugin-host` would
// import it (vite.config.ts aliases the name to dist/pex-plugin-host.js). Imported before the
// app mounts, so the elements are defined when Vue first sets their properties.
import 'pex-plugin-host';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
