import '../../components/index.js';
import type { PexPluginHost } from '../../components/plugin-host/plugin-host.js';
import type { Diagnostic } from '../../src/config/diagnostics.js';
import type { PluginErrorDetail } from '../../src/runtime/plugin-error.js';
import { connectInfinity, type InfinityConnection } from '../../src/conference/infinity/index.js';
import type { Participant } from '../../src/conference/types.js';
import { participant as kitParticipant } from '../../testing/participants.js';

/** What the test plugins record (see test/fixtures/runtime/*). */
export interface PexTestLog {
  calls: Array<Record<string, unknown> & { plugin: string; fn: string }>;
  [key: string]: unknown;
}

declare global {
  interface Window {
    pexTest: PexTestLog;
  }
}

const containers: HTMLElement[] = [];
const connections: InfinityConnection[] = [];

// Not open-wc's fixture(): for a plain element it waits for an animation frame, and a test
// page that runs in the background (files run in parallel) gets none.
afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.leave()));
  for (const container of containers.splice(0)) container.remove();
});

export function fixtureUrl(folder: string): string {
  return new URL(`/test/fixtures/runtime/${folder}/`, location.href).href;
}

export interface MountedHost {
  host: PexPluginHost;
  errors: PluginErrorDetail[];
  diagnostics: Diagnostic[];
  loaded: string[];
  unloaded: string[];
}

/**
 * Mounts `<pex-plugin-host>` with the three menus inside, listening to its events from
 * before it starts, and waits until every enabled plugin has settled.
 */
export async function mountHost(
  folder: string,
  options: { platform?: string; role?: string; registerTimeout?: number; settle?: boolean; keepChoices?: boolean } = {},
): Promise<MountedHost> {
  // The previous test's host unloads a microtask after its removal: let it, before the
  // log is reset, so its unload calls are not counted in this test.
  await new Promise((resolve) => setTimeout(resolve, 0));
  window.pexTest = { calls: [] };
  // Each test starts from settings.json's defaults unless it is about the user's choices.
  if (!options.keepChoices) {
    for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  }
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  const host = document.createElement('pex-plugin-host');
  const mounted: MountedHost = { host, errors: [], diagnostics: [], loaded: [], unloaded: [] };
  host.addEventListener('pex-plugin-error', (e) => mounted.errors.push(e.detail));
  host.addEventListener('pex-diagnostic', (e) => mounted.diagnostics.push(e.detail.diagnostic));
  host.addEventListener('pex-plugin-loaded', (e) => mounted.loaded.push(e.detail.id));
  host.addEventListener('pex-plugin-unloaded', (e) => mounted.unloaded.push(e.detail.id));
  host.registerTimeout = options.registerTimeout ?? 400;
  if (options.platform) host.setAttribute('platform', options.platform);
  if (options.role) host.setAttribute('participant-role', options.role);
  host.setAttribute('branding-url', fixtureUrl(folder));
  host.innerHTML = `<pex-toolbar></pex-toolbar><pex-conference-menu></pex-conference-menu><pex-participant-menu></pex-participant-menu>`;
  container.append(host);
  await host.updateComplete;
  if (options.settle !== false) await host.settled;
  return mounted;
}

/**
 * mountHost on a fixture folder, then joined to the simulator's conference through the real
 * Infinity connection (as `Plugin user`), handed to the host; it leaves after the test.
 */
export async function mountJoined(folder: string, alias = 'meet', pin?: string): Promise<MountedHost & { connection: InfinityConnection }> {
  const mounted = await mountHost(folder);
  const connection = await connectInfinity({ node: location.origin, alias, displayName: 'Plugin user', ...(pin ? { pin } : {}) });
  connections.push(connection);
  mounted.host.connection = connection;
  await mounted.host.updateComplete;
  return { ...mounted, connection };
}

/** Lets queued menu updates and lit renders happen. */
export async function flush(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const el of document.querySelectorAll('pex-toolbar, pex-conference-menu, pex-participant-menu')) {
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  }
}

/** The testing kit's participant, named `Person <uuid>` as these tests have always named them. */
export function participant(uuid: string, overrides: Partial<Participant> = {}): Participant {
  return kitParticipant({ name: `Person ${uuid}`, ...overrides, uuid });
}
