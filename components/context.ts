import { createContext } from '@lit/context';
import type { ConferenceStore } from '../src/conference/conference-store.js';
import type { PluginRuntime } from '../src/runtime/plugin-runtime.js';

/** What `<pex-plugin-host>` gives the elements inside it (via the context protocol). */
export interface PluginHostContext {
  runtime: PluginRuntime;
  conference: ConferenceStore;
}

export const pluginHostContext = createContext<PluginHostContext>(Symbol('pex-plugin-host'));
