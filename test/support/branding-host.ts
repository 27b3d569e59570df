import '../../components/index.js';
import type { PexPluginHost } from '../../components/plugin-host/plugin-host.js';
import type { Diagnostic } from '../../src/config/diagnostics.js';
import type { PluginErrorDetail } from '../../src/runtime/plugin-error.js';

/**
 * Like host-fixture's mountHost, for any branding folder URL (mountHost takes a folder under
 * test/fixtures/runtime/): mounts `<pex-plugin-host>` with the three menus inside, listening to
 * its events — and to console.warn / console.error — from before it starts, and waits until every
 * enabled plugin has settled. Hosts and the console spies go after each test.
 */
export interface MountedBranding {
  host: PexPluginHost;
  errors: PluginErrorDetail[];
  diagnostics: Diagnostic[];
  loaded: string[];
  unloaded: string[];
  /** What went to console.warn and console.error while the host was on the page, as text. */
  console: string[];
}

const containers: HTMLElement[] = [];
const restores: Array<() => void> = [];

afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
  for (const restore of restores.splice(0)) restore();
});

function text(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function spyOnConsole(into: string[]): () => void {
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => {
    into.push(`warn: ${args.map(text).join(' ')}`);
    warn.apply(console, args);
  };
  console.error = (...args: unknown[]) => {
    into.push(`error: ${args.map(text).join(' ')}`);
    error.apply(console, args);
  };
  return () => {
    console.warn = warn;
    console.error = error;
  };
}

export async function mountBranding(
  brandingUrl: string,
  options: {
    platform?: string;
    role?: string;
    registerTimeout?: number;
    settle?: boolean;
    /** localStorage keys (besides the host's own `pex-plugin-host:` ones) to remove first. */
    clearStorage?: string[];
  } = {},
): Promise<MountedBranding> {
  // A host removed by the previous test unloads its plugins a task later: let it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('pex-plugin-host:') || options.clearStorage?.includes(key)) localStorage.removeItem(key);
  }
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  const host = document.createElement('pex-plugin-host');
  const mounted: MountedBranding = { host, errors: [], diagnostics: [], loaded: [], unloaded: [], console: [] };
  restores.push(spyOnConsole(mounted.console));
  host.addEventListener('pex-plugin-error', (e) => mounted.errors.push(e.detail));
  host.addEventListener('pex-diagnostic', (e) => mounted.diagnostics.push(e.detail.diagnostic));
  host.addEventListener('pex-plugin-loaded', (e) => mounted.loaded.push(e.detail.id));
  host.addEventListener('pex-plugin-unloaded', (e) => mounted.unloaded.push(e.detail.id));
  if (options.registerTimeout !== undefined) host.registerTimeout = options.registerTimeout;
  if (options.platform) host.setAttribute('platform', options.platform);
  if (options.role) host.setAttribute('role', options.role);
  host.setAttribute('branding-url', new URL(brandingUrl, location.href).href);
  host.innerHTML = `<pex-toolbar></pex-toolbar><pex-conference-menu></pex-conference-menu><pex-participant-menu></pex-participant-menu>`;
  container.append(host);
  await host.updateComplete;
  if (options.settle !== false) await host.settled;
  return mounted;
}

/** Problems worth failing a test for, as short strings (never objects holding DOM nodes). */
export function problemsOf(mounted: MountedBranding): string[] {
  return [
    ...mounted.errors.map((e) => `pex-plugin-error ${e.id} (${e.phase}): ${text(e.error)}`),
    ...mounted.diagnostics
      .filter((d) => d.severity === 'error' || d.severity === 'warning')
      .map((d) => `${d.severity} ${d.file}${d.pointer ? ` ${d.pointer}` : ''}: ${d.message}`),
  ];
}
