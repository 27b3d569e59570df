/**
 * The page's half of `pex-plugins dev`'s live reload. The server watches the branding folder
 * and sends, over Server-Sent Events, which plugins' files changed (`plugins`) or that
 * manifest.json or settings.json did (`branding`). A plugin is reloaded alone (unload,
 * refetch its package file and source, load); a branding change restarts the runtime, every
 * plugin anew. Neither reloads the page: the conference stays joined.
 */
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import type { InspectorLog } from './inspector-log.js';

export const EVENTS_PATH = './_playground/events';

export interface LiveReload {
  /** Reloads one plugin (the inspector's Reload button too). */
  reloadPlugin(pluginId: string): Promise<boolean>;
  close(): void;
}

export function startLiveReload(host: PexPluginHost, log: InspectorLog, announce: (text: string) => void): LiveReload {
  const reloadPlugin = async (pluginId: string) => {
    log.clearPluginDiagnostics(pluginId);
    const loaded = await host.runtime.reloadPlugin(pluginId);
    const status = host.plugins.find((p) => p.id === pluginId)?.status ?? 'not in settings.json';
    announce(`Reloaded ${pluginId}: ${status}.`);
    return loaded;
  };
  const reloadBranding = async () => {
    log.clearDiagnostics();
    await host.runtime.start(host.brandingUrl);
    announce(`Reloaded the branding (manifest.json or settings.json changed): ${host.plugins.length} plugins.`);
  };

  const events = new EventSource(EVENTS_PATH);
  events.addEventListener('plugins', (event) => {
    const { ids } = JSON.parse((event as MessageEvent<string>).data) as { ids: string[] };
    for (const id of ids) void reloadPlugin(id);
  });
  events.addEventListener('branding', () => void reloadBranding());
  events.addEventListener('error', () => {
    // EventSource tries again by itself; say so while the server is away.
    if (events.readyState !== EventSource.OPEN) announce('The pex-plugins dev server is not reachable; changes are not picked up until it is back.');
  });
  return { reloadPlugin, close: () => events.close() };
}
