/**
 * The testing kit's server side (`pex-plugin-host/testing/server`), for web-test-runner's
 * config: it serves branding folders byte for byte and mounts the Infinity simulator (the
 * client REST API v2 at `/api/client/v2/`, its control API at `/_simulator/`) on the test
 * server, same origin as the tests.
 *
 * ```js
 * // web-test-runner.config.mjs
 * import { pluginHostTesting } from 'pex-plugin-host/testing/server';
 * export default { nodeResolve: true, ...pluginHostTesting({ folders: { '/branding/': 'branding/webapp2' } }) };
 * ```
 */
import { createSimulator, koaMiddleware } from '../../tools/infinity-simulator/simulator.mjs';
import { serveFolder, type KoaMiddleware } from './serve-folder.js';

export { serveFolder, type KoaContext, type KoaMiddleware } from './serve-folder.js';

/** The simulator's settings. */
export interface SimulatorSettings {
  /** Scripted participants in `meet` who speak, raise hands, join and leave (default false: a still conference). */
  scripted?: boolean;
  /** Token lifetime in seconds (default 120). */
  tokenExpiry?: number;
}

/** What to serve. */
export interface PluginHostTestingOptions {
  /**
   * Folders to serve by URL prefix, byte for byte: `{'/branding/': 'branding/webapp2'}`
   * (paths relative to the working directory, or file: URLs). Tests then mount
   * `mountPluginHost({brandingUrl: '/branding/'})`. Served at `/custom_configuration/` (the
   * Connect app's layout: the test page is at the root), `mountPluginHost()` needs no
   * `brandingUrl`, and files the plugins fetch page-relative are found.
   */
  folders?: Record<string, string | URL>;
  /** The Infinity simulator's settings, or false to leave it out (default: mounted, not scripted). */
  simulator?: SimulatorSettings | false;
}

/** A web-test-runner plugin: only the hook the kit needs. */
export interface TestServerPlugin {
  name: string;
  serverStop(): void;
}

/** The parts of a web-test-runner config the kit supplies: spread them into yours, or merge them with your own. */
export interface PluginHostTestingConfig {
  middleware: KoaMiddleware[];
  plugins: TestServerPlugin[];
}

/**
 * Middleware serving each folder and the simulator, and a plugin that stops the simulator's
 * event streams and timers when the server stops.
 */
export function pluginHostTesting(options: PluginHostTestingOptions = {}): PluginHostTestingConfig {
  const middleware = Object.entries(options.folders ?? {}).map(([prefix, folder]) => serveFolder(prefix, folder));
  const plugins: TestServerPlugin[] = [];
  if (options.simulator !== false) {
    const simulator = createSimulator({ scripted: false, ...(options.simulator ?? {}) });
    middleware.push(koaMiddleware(simulator) as unknown as KoaMiddleware);
    plugins.push({ name: 'pex-infinity-simulator', serverStop: () => simulator.close() });
  }
  return { middleware, plugins };
}
