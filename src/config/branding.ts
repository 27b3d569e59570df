/**
 * Reading a webapp2 branding folder: manifest.json, settings.json and the plugin package files
 * they point at, with every problem reported as a diagnostic instead of thrown, so that one bad
 * file or entry never stops the plugins that are fine.
 */
import { MAX_BRANDING_FILE_BYTES, problemTexts, refusedUrl, type Diagnostic } from './diagnostics.js';
import type * as problemTextsModule from './problem-texts.js';
import { parseJson } from './json-location.js';
import { checkSchema } from './schema-check.js';
import {
  MENU_LOCATIONS,
  PARTICIPANT_ROLES,
  PLATFORMS,
  type Manifest,
  type MenuLocation,
  type PackageMenuItem,
  type PluginPackageFile,
  type PluginSettingsEntry,
  type ResolvedMenuItem,
  type ResolvedPluginPackage,
  type Webapp3Entry,
} from './types.js';
import { validateManifest, validatePackage, validateSettings } from './validators.generated.js';

type ProblemTexts = typeof problemTextsModule;

/** The query parameter that ties a cached branding file to the branding it came from. */
export const CACHE_KEY_PARAM = 'pexBrandingID';


export interface LoadOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /**
   * Origins besides the page's and the branding folder's that plugin package files, sources and
   * icons may come from. Given, a file anywhere else is refused with a diagnostic; not given
   * (a validator, which has no page), any http(s) origin is accepted.
   */
  allowedOrigins?: readonly string[];
}

export interface BrandingResult {
  /** The folder, absolute, with a trailing slash. */
  brandingUrl: string;
  manifest: Manifest | null;
  /** manifest.json's brandingID as a string; null when it has none. */
  brandingID: string | null;
  /** Plugins are used only when manifest.json says `"isSettingsBranded": true`. */
  settingsBranded: boolean;
  /** The usable plugin entries of settings.json, in file order; bad entries are left out. */
  entries: PluginSettingsEntry[];
  /** The usable Web App 3 plugins of manifest.json, in file order; bad entries are left out. */
  webapp3Entries: Webapp3Entry[];
  diagnostics: Diagnostic[];
}

/** The page's URL, when there is a page (this module also runs in Node tools). */
function pageUrl(): string | undefined {
  if (typeof document !== 'undefined') return document.baseURI;
  return typeof location !== 'undefined' ? location.href : undefined;
}

/** An absolute folder URL with a trailing slash, so that file names resolve inside it. */
export function normalizeFolderUrl(url: string, base: string | undefined = pageUrl()): string {
  const folder = new URL(url, base);
  folder.search = '';
  folder.hash = '';
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  return folder.href;
}

/**
 * Sets `pexBrandingID=<id>` on a URL (before its #fragment). Browsers and proxies cache plugin
 * files; a new brandingID makes new URLs, so a new branding never runs an old plugin's files.
 * Other query parameters are kept byte for byte.
 */
export function withCacheKey(url: string, brandingID: string | null): string {
  if (brandingID === null) return url;
  const hashAt = url.indexOf('#');
  const fragment = hashAt >= 0 ? url.slice(hashAt) : '';
  const beforeFragment = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeFragment.indexOf('?');
  const path = queryAt >= 0 ? beforeFragment.slice(0, queryAt) : beforeFragment;
  const params = queryAt >= 0 ? beforeFragment.slice(queryAt + 1).split('&') : [];
  const kept = params.filter((p) => p !== '' && p.split('=')[0] !== CACHE_KEY_PARAM);
  kept.push(`${CACHE_KEY_PARAM}=${encodeURIComponent(brandingID)}`);
  return `${path}?${kept.join('&')}${fragment}`;
}

/** A reference with no scheme and no leading slash: a file of the branding itself. */
function isRelativeRef(ref: string): boolean {
  return !/^[a-z][a-z\d+.-]*:/i.test(ref) && !ref.startsWith('/');
}

/**
 * Resolves `ref` against `base`. Only relative references get the cache key: they are the
 * branding's own files, while an absolute URL (a CDN, a data: URL) is not ours to change.
 */
function resolveBrandingRef(ref: string, base: string, brandingID: string | null, url = resolveUrl(ref, base)): string {
  return isRelativeRef(ref) && url !== ref ? withCacheKey(url, brandingID) : url;
}

/**
 * `ref` made absolute against `base`; a reference that is no URL at all (`http://[`) comes back
 * as it is, for refusedUrl to refuse with a diagnostic: a branding's typo must not throw.
 */
function resolveUrl(ref: string, base: string | undefined): string {
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

/**
 * Fetches manifest.json and settings.json from the branding folder, in parallel, and keeps the
 * plugin entries that can be used. Never throws for a problem with the files; rethrows only an
 * abort of `options.signal`.
 */
export async function loadBranding(brandingUrl: string, options: LoadOptions = {}): Promise<BrandingResult> {
  const folder = normalizeFolderUrl(brandingUrl);
  const manifestUrl = new URL('manifest.json', folder).href;
  const settingsUrl = new URL('settings.json', folder).href;
  // no-cache: these two files are what tell a new branding apart, so they are always revalidated.
  const [manifestFile, settingsFile] = await Promise.all([
    fetchJson(manifestUrl, options, { cache: 'no-cache', host: 'the branding folder', what: 'manifest.json', missing: 'manifest' }),
    fetchJson(settingsUrl, options, { cache: 'no-cache', host: 'the branding folder', what: 'settings.json', missing: 'settings' }),
  ]);
  const result: BrandingResult = {
    brandingUrl: folder,
    manifest: null,
    brandingID: null,
    settingsBranded: false,
    entries: [],
    webapp3Entries: [],
    diagnostics: [],
  };
  await readManifest(manifestFile, manifestUrl, result, trustedOrigins(options, folder));
  // The app ignores settings.json unless the manifest says it is branded; so does the host, and
  // its problems would only distract from the warning that says why no plugin is used.
  if (result.settingsBranded) await readSettings(settingsFile, settingsUrl, result);
  return result;
}

async function readManifest(file: JsonFile, url: string, result: BrandingResult, origins: readonly string[] | undefined): Promise<void> {
  if ('diagnostic' in file) {
    result.diagnostics.push(file.diagnostic);
    return;
  }
  const manifest = file.value;
  const checked = await checkSchema(validateManifest, manifest, { file: url });
  result.diagnostics.push(...checked);
  if (!isRecord(manifest)) return; // the schema said the file must be an object

  result.manifest = manifest as Manifest;
  const id = manifest.brandingID;
  result.brandingID = (typeof id === 'string' && id !== '') || typeof id === 'number' ? String(id) : null;
  result.settingsBranded = manifest.isSettingsBranded === true;
  if (!result.settingsBranded) {
    const current = manifest.isSettingsBranded === undefined ? 'not set' : JSON.stringify(manifest.isSettingsBranded);
    const words = (await problemTexts()).brandingProblems.notSettingsBranded(current);
    result.diagnostics.push({ severity: 'warning', file: url, pointer: '/isSettingsBranded', ...words });
  } else if (result.brandingID === null) {
    const words = (await problemTexts()).brandingProblems.noBrandingID();
    result.diagnostics.push({ severity: 'warning', file: url, pointer: '/brandingID', ...words });
  }
  if (Array.isArray(manifest.plugins)) await readWebapp3Plugins(manifest.plugins, checked, url, result, origins);
}

/**
 * manifest.json's `plugins`: the Web App 3 plugins, each a page for a frame of its own. Read
 * whether or not settings.json is branded (that switch is webapp2's, for settings.json). An entry
 * the schema found wrong, a repeated id or a page from an origin the host does not trust is
 * left out with its diagnostic; the others stay.
 */
async function readWebapp3Plugins(
  plugins: unknown[],
  checked: readonly Diagnostic[],
  url: string,
  result: BrandingResult,
  origins: readonly string[] | undefined,
): Promise<void> {
  const broken = brokenEntries(checked);
  const firstIndexOfId = new Map<string, number>();
  for (const [index, entry] of plugins.entries()) {
    if (broken.has(index) || !isRecord(entry)) continue;
    const { id, src, sandboxValues } = entry;
    if (typeof id !== 'string' || typeof src !== 'string') continue; // reported by the schema
    if (await repeatsAnId(firstIndexOfId, id, index, url, result)) continue;
    const page = resolveBrandingRef(src, url, result.brandingID);
    const refused = refusedUrl(page, origins);
    if (refused) {
      const texts = await problemTexts();
      const { why, fix } = texts.refusalText(page, refused);
      const message = texts.brandingProblems.sourceNotLoaded(page, why);
      result.diagnostics.push({ severity: 'error', file: url, pointer: `/plugins/${index}/src`, pluginId: id, message, fix });
      continue;
    }
    const values = Array.isArray(sandboxValues) ? sandboxValues.filter((value): value is string => typeof value === 'string') : [];
    result.webapp3Entries.push({ id, index, src: page, sandboxValues: values });
  }
}

/**
 * Whether `plugins[index]` has an id an earlier entry of the same file has (then reported, and
 * the entry skipped); otherwise the id is noted as taken.
 */
async function repeatsAnId(firstIndexOfId: Map<string, number>, id: string, index: number, url: string, result: BrandingResult): Promise<boolean> {
  const first = firstIndexOfId.get(id);
  if (first === undefined) {
    firstIndexOfId.set(id, index);
    return false;
  }
  const words = (await problemTexts()).brandingProblems.duplicateId(id, first);
  result.diagnostics.push({ severity: 'error', file: url, pointer: `/plugins/${index}/id`, ...words });
  return true;
}

/** The indexes of the `plugins` entries that a schema error makes unusable. */
function brokenEntries(checked: readonly Diagnostic[]): Set<number> {
  const broken = new Set<number>();
  for (const d of checked) {
    const entry = d.severity === 'error' ? ENTRY_POINTER.exec(d.pointer ?? '') : null;
    if (entry) broken.add(Number(entry[1]));
  }
  return broken;
}

/** Where plugin files may come from: the host's allowed origins, the branding folder's and the page's (any, with none given). */
function trustedOrigins(options: LoadOptions, brandingUrl: string): readonly string[] | undefined {
  const page = options.allowedOrigins && pageUrl();
  return options.allowedOrigins && [...options.allowedOrigins, new URL(brandingUrl).origin, ...(page ? [new URL(page).origin] : [])];
}

/** What every package file of one branding is read with, made once per branding and allowed-origins list. */
interface PackageContext {
  allowedOrigins: readonly string[] | undefined;
  origins: readonly string[] | undefined;
  settingsUrl: string;
}

/**
 * By branding: each of its packages needs the same settings.json URL and trusted origins, and
 * working them out again for each one (URL parsing, the page's base URI) was a good part of
 * the host's own time while the package files come in.
 */
const packageContexts = new WeakMap<BrandingResult, PackageContext>();

function packageContextOf(branding: BrandingResult, options: LoadOptions): PackageContext {
  const known = packageContexts.get(branding);
  if (known && known.allowedOrigins === options.allowedOrigins) return known;
  const context = {
    allowedOrigins: options.allowedOrigins,
    origins: trustedOrigins(options, branding.brandingUrl),
    settingsUrl: new URL('settings.json', branding.brandingUrl).href,
  };
  packageContexts.set(branding, context);
  return context;
}

/** `/plugins/3/...` → 3: the settings entry a diagnostic is about. */
const ENTRY_POINTER = /^\/plugins\/(\d+)(?:\/|$)/;

async function readSettings(file: JsonFile, url: string, result: BrandingResult): Promise<void> {
  if ('diagnostic' in file) {
    result.diagnostics.push(file.diagnostic);
    return;
  }
  const settings = file.value;
  // An entry with a missing or non-boolean `enabled` is still usable (not loaded by default), so
  // that is a warning; every other error in an entry makes the entry unusable.
  const checked = await checkSchema(validateSettings, settings, { file: url });
  const texts = checked.length > 0 ? await problemTexts() : undefined;
  const problems = checked.map((d): Diagnostic =>
    texts && d.severity === 'error' && /^\/plugins\/\d+\/enabled$/.test(d.pointer ?? '')
      ? { ...d, severity: 'warning', message: texts.brandingProblems.notEnabled(d.message) }
      : d,
  );
  result.diagnostics.push(...problems);
  if (!isRecord(settings) || !Array.isArray(settings.plugins)) {
    if (isRecord(settings) && settings.plugins === undefined) {
      result.diagnostics.push({ severity: 'info', file: url, ...(await problemTexts()).brandingProblems.noPluginsList() });
    }
    return;
  }

  const broken = brokenEntries(problems);
  const firstIndexOfId = new Map<string, number>();
  for (const [index, entry] of (settings.plugins as unknown[]).entries()) {
    if (broken.has(index) || !isRecord(entry)) continue;
    const { id, srcURL, enabled } = entry;
    if (typeof id !== 'string' || typeof srcURL !== 'string') continue; // reported by the schema
    if (await repeatsAnId(firstIndexOfId, id, index, url, result)) continue;
    result.entries.push({ id, srcURL, enabled: enabled === true });
  }
}

/** Errors at these places leave nothing to run or show, so the package is not used at all. */
const FATAL_PACKAGE_POINTER = /^(?:$|\/(?:id|name|srcURL|menuItems)(?:\/|$))/;

/**
 * Fetches and checks one plugin package file and resolves it for the runtime: URLs made absolute
 * (relative to the package file) with the cache key, defaults filled in. `pkg` is null only when
 * the file cannot be used; other problems are reported and the package is still returned.
 */
export async function loadPluginPackage(
  entry: PluginSettingsEntry,
  branding: BrandingResult,
  options: LoadOptions = {},
): Promise<{ pkg: ResolvedPluginPackage | null; diagnostics: Diagnostic[] }> {
  const packageUrl = resolveUrl(entry.srcURL, branding.brandingUrl);
  const { settingsUrl, origins } = packageContextOf(branding, options);
  const refusedPackage = refusedUrl(packageUrl, origins);
  if (refusedPackage) {
    const texts = await problemTexts();
    const { why, fix } = texts.refusalText(packageUrl, refusedPackage);
    const message = texts.brandingProblems.packageNotRead(packageUrl, entry.id, why);
    return { pkg: null, diagnostics: [{ severity: 'error', file: settingsUrl, pluginId: entry.id, message, fix }] };
  }
  const file = await fetchJson(resolveBrandingRef(entry.srcURL, branding.brandingUrl, branding.brandingID, packageUrl), options, {
    file: packageUrl,
    what: `the package file of plugin "${entry.id}"`,
    missing: { id: entry.id, srcURL: entry.srcURL, settingsUrl },
  });
  const context = { file: packageUrl, pluginId: entry.id };
  if ('diagnostic' in file) return { pkg: null, diagnostics: [{ ...file.diagnostic, ...context }] };

  const raw = file.value;
  const checked = await checkSchema(validatePackage, raw, context);
  const usable = !checked.some((d) => d.severity === 'error' && FATAL_PACKAGE_POINTER.test(d.pointer ?? ''));
  const diagnostics: Pending[] = checked;
  // The schema has checked these fields; the typeof tests are for the compiler.
  if (!usable || !isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string' || typeof raw.srcURL !== 'string') {
    return { pkg: null, diagnostics: await worded(diagnostics) };
  }

  if (raw.id !== entry.id) {
    const packageId = raw.id;
    diagnostics.push((texts) => ({
      severity: 'warning',
      ...context,
      pointer: '/id',
      ...texts.brandingProblems.idMismatch(packageId, entry.id, settingsUrl, packageUrl),
    }));
  }

  const { brandingID } = branding;
  const pkgFile = raw as PluginPackageFile;
  diagnostics.push(...checkOneMenuLocation(pkgFile, context));
  const scriptUrl = resolveBrandingRef(pkgFile.srcURL, packageUrl, brandingID);
  const refusedSource = refusedUrl(scriptUrl, origins);
  if (refusedSource) {
    const texts = await problemTexts();
    const { why, fix } = texts.refusalText(scriptUrl, refusedSource);
    diagnostics.push({ severity: 'error', ...context, pointer: '/srcURL', message: texts.brandingProblems.sourceNotLoaded(scriptUrl, why), fix });
    return { pkg: null, diagnostics: await worded(diagnostics) };
  }
  const menuItems = resolveMenuItems(pkgFile.menuItems, packageUrl, brandingID);
  const cut = (text: string, pointer: string, field: keyof typeof TEXT_LIMITS) => cutText(text, TEXT_LIMITS[field], { ...context, pointer }, diagnostics);
  for (const location of MENU_LOCATIONS) {
    menuItems[location].forEach((item, index) => {
      if (item.label !== null) item.label = cut(item.label, `/menuItems/${location}/${index}/label`, 'label');
    });
  }
  for (const location of MENU_LOCATIONS) {
    for (const [index, item] of menuItems[location].entries()) {
      const icon = item.icon;
      const refused = icon === null ? undefined : refusedUrl(icon, origins);
      if (!icon || !refused) continue;
      item.icon = null;
      const texts = await problemTexts();
      const { why, fix } = texts.refusalText(icon, refused);
      diagnostics.push({
        // A script URL is no icon by any reading: an error, while an icon elsewhere may just be misplaced.
        severity: /^javascript:/i.test(icon) ? 'error' : 'warning',
        ...context,
        pointer: `/menuItems/${location}/${index}/icon`,
        message: texts.brandingProblems.iconNotUsed(icon, why),
        fix,
      });
    }
  }
  const version = pkgFile.version;
  const pkg: ResolvedPluginPackage = {
    packageUrl,
    id: pkgFile.id,
    name: cut(pkgFile.name, '/name', 'name'),
    description: typeof pkgFile.description === 'string' ? cut(pkgFile.description, '/description', 'description') : '',
    version: typeof version === 'string' || typeof version === 'number' ? cut(String(version), '/version', 'version') : '',
    scriptUrl,
    allowUnload: typeof pkgFile.allowUnload === 'boolean' ? pkgFile.allowUnload : true,
    // Values the schema rejected are dropped, so a typo cannot enable a plugin by accident.
    platforms: Array.isArray(pkgFile.platforms) ? pkgFile.platforms.filter((p) => PLATFORMS.includes(p)) : undefined,
    participantRoles: Array.isArray(pkgFile.participantRoles)
      ? pkgFile.participantRoles.filter((r) => PARTICIPANT_ROLES.includes(r))
      : undefined,
    menuItems,
    raw: pkgFile,
  };
  return { pkg, diagnostics: await worded(diagnostics) };
}

/** A diagnostic, or one whose words are still to come from the chunk of rare problems' texts. */
type Pending = Diagnostic | ((texts: ProblemTexts) => Diagnostic);

/** The diagnostics in their order, fetching the texts only when one needs them. */
async function worded(list: readonly Pending[]): Promise<Diagnostic[]> {
  if (!list.some((d) => typeof d === 'function')) return list as Diagnostic[];
  const texts = await problemTexts();
  return list.map((d) => (typeof d === 'function' ? d(texts) : d));
}

/**
 * The most characters of each text of a package the host shows: a menu and the settings page
 * have room for a few words (the same limit as a label a plugin's state$ gives), a description
 * for a few sentences. Longer text is cut, with a warning.
 */
export const TEXT_LIMITS = { name: 200, label: 200, version: 50, description: 1000 } as const;

/** `text`, or its first `limit` characters (the last an ellipsis) with a warning that names the field. */
function cutText(text: string, limit: number, where: { file: string; pluginId: string; pointer: string }, diagnostics: Pending[]): string {
  if (text.length <= limit) return text;
  const field = where.pointer.split('/').at(-1) as keyof typeof TEXT_LIMITS;
  diagnostics.push((texts) => ({ severity: 'warning', ...where, ...texts.brandingProblems.textCut(field, text.length, limit) }));
  // Not between the two halves of a character outside the BMP (an emoji).
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The guide allows a package menu items in one location only. This host shows them all, but the
 * Connect app does not, so an administrator hears it here before the package reaches its users.
 * An empty list names no location.
 */
function checkOneMenuLocation(pkgFile: PluginPackageFile, context: { file: string; pluginId: string }): Pending[] {
  const used = MENU_LOCATIONS.filter((location) => {
    const items = pkgFile.menuItems?.[location];
    return Array.isArray(items) && items.length > 0;
  });
  if (used.length < 2) return [];
  return [(texts) => ({ severity: 'warning', ...context, pointer: `/menuItems/${used[1]}`, ...texts.brandingProblems.menuLocations(used) })];
}

function resolveMenuItems(
  menuItems: PluginPackageFile['menuItems'],
  packageUrl: string,
  brandingID: string | null,
): Record<MenuLocation, ResolvedMenuItem[]> {
  const resolveItem = (item: PackageMenuItem): ResolvedMenuItem => ({
    ...(item.id !== undefined && { id: item.id }),
    // null (or "") means the plugin sets the icon later through state$.
    icon: item.icon ? resolveBrandingRef(item.icon, packageUrl, brandingID) : null,
    label: item.label ?? null,
    action: item.action,
  });
  const resolved = {} as Record<MenuLocation, ResolvedMenuItem[]>;
  for (const location of MENU_LOCATIONS) resolved[location] = (menuItems?.[location] ?? []).map(resolveItem);
  return resolved;
}

/**
 * Resolves an icon a plugin gives later through its state$. Plugins write three kinds:
 * - an absolute URL or a '/'-rooted path: resolved against the page;
 * - `configuration/...` or `custom_configuration/...` (optionally after `./`): webapp2 served the
 *   branding folder under that name next to the page, so plugins wrote icon paths "relative to the
 *   page"; the first segment stands for the branding folder;
 * - anything else: relative to the package file, like the icons in the package file.
 * The cache key is applied to the two branding-owned kinds only.
 */
export function resolveStateIcon(
  icon: string,
  packageUrl: string,
  brandingUrl: string,
  brandingID: string | null,
): string {
  if (!isRelativeRef(icon)) return resolveUrl(icon, pageUrl());
  const inBranding = /^(?:\.\/)?(?:custom_)?configuration\/([\s\S]*)$/.exec(icon);
  if (inBranding) return resolveBrandingRef(inBranding[1], brandingUrl, brandingID);
  return resolveBrandingRef(icon, packageUrl, brandingID);
}

type JsonFile = { value: unknown } | { diagnostic: Diagnostic };

interface FetchJsonOptions {
  /** The file the diagnostics name, when the URL fetched carries a cache key. */
  file?: string;
  cache?: RequestCache;
  /** How the file is named in messages. */
  what: string;
  /** How the place it comes from is named when it cannot be reached. */
  host?: string;
  /** Which file it is, for what to do when the server does not have it. */
  missing: Parameters<ProblemTexts['brandingProblems']['notLoaded']>[3];
}

/** Fetches and parses a JSON file; any failure but an abort becomes a diagnostic. */
async function fetchJson(url: string, options: LoadOptions, how: FetchJsonOptions): Promise<JsonFile> {
  const file = how.file ?? url;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let text: string;
  try {
    const init: RequestInit = { signal: options.signal ?? null };
    if (how.cache) init.cache = how.cache;
    const response = await doFetch(url, init);
    if (!response.ok) {
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { diagnostic: { severity: 'error', file, ...(await problemTexts()).brandingProblems.notLoaded(how.what, status, url, how.missing) } };
    }
    const read = await readLimited(response);
    if (typeof read !== 'string') return { diagnostic: { severity: 'error', file, ...(await problemTexts()).tooLargeText(how.what, read) } };
    text = read;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    return { diagnostic: { severity: 'error', file, ...(await problemTexts()).brandingProblems.unreachable(how.host ?? 'the server', url, reason) } };
  }
  return parseJson(text, file);
}

/**
 * The body as text, or when it is over MAX_BRANDING_FILE_BYTES its size: judged by its
 * Content-Length before anything is read, else read no further than the limit (size 0: not known).
 */
async function readLimited(response: Response): Promise<string | number> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_BRANDING_FILE_BYTES) {
    void response.body?.cancel();
    return declared;
  }
  if (!response.body) return response.text();
  if (declared > 0) {
    // The usual case, a size the server states within the limit: read it whole (reading chunk
    // by chunk costs a task per chunk, for every file of every plugin). A compressed body can
    // decode to more than it declared: still judged by what it decoded to.
    const text = await response.text();
    return text.length > MAX_BRANDING_FILE_BYTES ? text.length : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BRANDING_FILE_BYTES) {
      void reader.cancel();
      return 0;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
