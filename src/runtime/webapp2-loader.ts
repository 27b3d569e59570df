import { loadPluginPackage, type BrandingResult, type LoadOptions } from '../config/branding.js';
import { formatDiagnostic, problemTexts, type Diagnostic } from '../config/diagnostics.js';
import type { PluginSettingsEntry, ResolvedPluginPackage } from '../config/types.js';
import { recordByScript, recordByStack, setRecordScript } from './plugin-attribution.js';
import type { PluginPhase } from './plugin-error.js';
import type { PluginRecord, RegisteredPlugin } from './plugin-record.js';
import { explainScriptFailure, insertClassicScript } from './script-loader.js';

/**
 * How a webapp2 plugin gets from settings.json to a registration: its package file is read,
 * its source runs as a classic `<script>`, and the source calls `PEX.pluginAPI.registerPlugin`,
 * which is paired with the plugin by the script that makes the call. The runtime does the rest
 * (the sandbox, `load`, statuses), which any kind of plugin shares.
 */

/**
 * Reads a plugin's package file. `reload`: for reloadPlugin, which must not be answered from
 * the browser's cache.
 */
export function readWebapp2Package(
  entry: PluginSettingsEntry,
  branding: BrandingResult,
  options: LoadOptions & { fetch: typeof fetch },
  reload: boolean,
): Promise<{ pkg: ResolvedPluginPackage | null; diagnostics: Diagnostic[] }> {
  const { fetch: fetchFn } = options;
  return loadPluginPackage(entry, branding, reload ? { ...options, fetch: (input, init) => fetchFn(input, { ...init, cache: 'no-store' }) } : options);
}

/** What a plugin fails with when its package file cannot be used: the first error found in it. */
export function packageFailure(diagnostics: readonly Diagnostic[]): Error {
  const firstError = diagnostics.find((d) => d.severity === 'error');
  return new Error(firstError ? formatDiagnostic(firstError) : 'The package file could not be used.');
}

/** The query parameter that gives a reloaded plugin source a URL no cache has seen. */
const RELOAD_PARAM = 'pexReload';

/**
 * Adds `pexReload=<n>` to an http(s) URL (before its #fragment), keeping its other parameters
 * byte for byte. A data: or blob: URL is left alone: its content cannot change, and a query
 * would become part of it.
 */
export function withReloadKey(url: string, reload: number): string {
  if (!/^https?:/i.test(url)) return url;
  const hashAt = url.indexOf('#');
  const head = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const fragment = hashAt >= 0 ? url.slice(hashAt) : '';
  return `${head}${head.includes('?') ? '&' : '?'}${RELOAD_PARAM}=${reload}${fragment}`;
}

/**
 * What loading webapp2 plugins needs of the runtime that loads them: one object per runtime,
 * its members bound to it.
 */
export interface Webapp2Host {
  readonly records: ReadonlyMap<string, PluginRecord>;
  readonly fetch: typeof fetch;
  /** How long a source may take, after it ran, to call registerPlugin (asked when the wait begins, and for its words). */
  registerTimeout(): number;
  /** The branding folder the plugins came from: its settings.json is named in a wrong id's diagnostic. */
  brandingUrl(): string | undefined;
  /** The icons a package's menu items name, told as its source is requested. */
  announceIcons(record: PluginRecord, icons: readonly string[]): void;
  /** The plugin fails: its load goes no further. */
  fail(record: PluginRecord, phase: PluginPhase, error: unknown): void;
  addDiagnostic(diagnostic: Diagnostic): void;
}

/**
 * Runs a plugin's source and waits for its registration. Resolves to what it registered, or
 * to undefined when the load failed (already told to `host.fail`) or was overtaken (`current`
 * false: a later load or unload of the plugin began).
 */
export async function runClassicSource(
  host: Webapp2Host,
  record: PluginRecord,
  pkg: ResolvedPluginPackage,
  current: () => boolean,
): Promise<RegisteredPlugin | undefined> {
  const registered = new Promise<void>((resolve) => (record.onRegister = resolve));
  const { element, ran } = insertClassicScript(pkg.scriptUrl);
  setRecordScript(record, element);
  // The icons go out right behind the source (which the plugin's menu items wait for), in the
  // same task, so before the source can run.
  const icons = packageIcons(pkg);
  if (icons.length) host.announceIcons(record, icons);
  try {
    await ran;
  } catch {
    const error = await explainScriptFailure(pkg.scriptUrl, host.fetch);
    if (current()) host.fail(record, 'script', error);
    return undefined;
  }
  if (!current()) return undefined;
  record.scriptRan = true;
  if (record.scriptError !== undefined) {
    host.fail(record, 'script', record.scriptError);
    return undefined;
  }
  if (!record.registered && !(await waitForRegistration(registered, host.registerTimeout()))) {
    if (!current()) return undefined;
    const texts = await problemTexts();
    if (current()) host.fail(record, 'register', new Error(texts.runtimeProblems.registrationTimeout(pkg.scriptUrl, host.registerTimeout(), record.id)));
    return undefined;
  }
  // Read through a function: TypeScript would keep the `undefined` the runtime assigned before the load.
  const plugin = registrationOf(record);
  return current() ? plugin : undefined;
}

function waitForRegistration(registered: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void registered.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The icons a package's menu items name, each once. */
function packageIcons(pkg: ResolvedPluginPackage): string[] {
  const icons = new Set<string>();
  for (const items of Object.values(pkg.menuItems)) for (const item of items) if (item.icon) icons.add(item.icon);
  return [...icons];
}

function registrationOf(record: PluginRecord): RegisteredPlugin | undefined {
  return record.registered;
}

/**
 * Takes a `registerPlugin` call. The plugin is found by the script that is running
 * (`document.currentScript`), else by the call's stack, else by the id among plugins still
 * loading; without `stack` (the first pass over the hosts, see routeRegistration), by the
 * script only. Returns false when the call is not for this runtime.
 */
export function acceptWebapp2Registration(host: Webapp2Host, plugin: RegisteredPlugin, script: Element | null, stack?: string): boolean {
  const registeredId = typeof plugin?.id === 'string' ? plugin.id : undefined;
  // By the code that calls first: an id is only what the call says, and a plugin that
  // registers another's id from a timer must not take that plugin's place.
  const record =
    recordByScript(host.records, script) ??
    (stack === undefined
      ? undefined
      : (recordByStack(host.records, stack) ??
        [...host.records.values()].find(
          (r) => r.status === 'loading' && !r.registered && registeredId !== undefined && (r.id === registeredId || r.pkg?.id === registeredId),
        )));
  if (!record || record.status !== 'loading') return false;
  // The words stay here, not with the rare problems' texts: the plugin fails (and the caller
  // hears of it) before this call returns.
  if (typeof plugin !== 'object' || plugin === null) {
    host.fail(
      record,
      'register',
      new TypeError(
        `registerPlugin expects an object {id, load, unload, <actions>, state$}; plugin "${record.id}" passed ${plugin === null ? 'null' : typeof plugin}.`,
      ),
    );
    return true;
  }
  if (record.registered) {
    reportRegistration(host, record, {
      severity: 'warning',
      file: record.pkg?.scriptUrl ?? '',
      pluginId: record.id,
      message: `registerPlugin was called again for plugin "${record.id}"; the second call is ignored.`,
      fix: 'Call PEX.pluginAPI.registerPlugin once per plugin source.',
    });
    return true;
  }
  record.registered = plugin;
  if (registeredId !== record.id) reportIdMismatch(host, record, registeredId);
  record.onRegister?.();
  return true;
}

function reportIdMismatch(host: Webapp2Host, record: PluginRecord, registeredId: string | undefined): void {
  const pkg = record.pkg as ResolvedPluginPackage;
  const settingsFile = new URL('settings.json', host.brandingUrl() ?? pkg.packageUrl).href;
  reportRegistration(host, record, {
    severity: 'warning',
    file: pkg.scriptUrl,
    pluginId: record.id,
    message:
      `The plugin source registered the id ${registeredId === undefined ? '(none)' : `"${registeredId}"`}, but ${settingsFile} ` +
      `names the plugin "${record.id}" and its package file ${pkg.packageUrl} says "${pkg.id}". It was paired by its script and loads anyway.`,
    fix: `Use one id in settings.json, the package file and registerPlugin({id: ...}).`,
  });
}

/**
 * A registration the plugin goes on after (a second call, a wrong id): a diagnostic for the
 * administrator, at once, as the branding's are (the words stay here for that), and a
 * `register` error for the app and the settings page, once per load.
 */
function reportRegistration(host: Webapp2Host, record: PluginRecord, diagnostic: Diagnostic): void {
  host.addDiagnostic(diagnostic);
  record.sandbox?.reportOnce('register', () => new Error(`${diagnostic.message} Fix: ${diagnostic.fix}`), 'register');
}
