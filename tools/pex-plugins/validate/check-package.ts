/**
 * One branding package checked: first everything the host checks (src/config reads the package
 * through a `fetch` over its files, so the rules are the host's own), then what only the files
 * can tell (each source's syntax tree, its icons, the files it loads relative to the page).
 */
import { loadBranding, loadPluginPackage, type BrandingResult } from '../../../src/config/branding.js';
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import { MENU_LOCATIONS, type PluginSettingsEntry, type ResolvedPluginPackage, type Webapp3Entry } from '../../../src/config/types.js';
import type { BrandingSource } from './branding-source.js';
import { checkIcons } from './icons.js';
import { PACKAGE_BASE, packageFetch, packagePath, withPackagePaths } from './package-urls.js';
import { checkPageReferences } from './page-references.js';
import { checkRegistration } from './source-checks.js';
import { parseClassicScript } from './source-syntax.js';

export interface PackageCheck {
  source: BrandingSource;
  brandingID: string | null;
  /** File names are package paths (`plugins/rec/rec.plugin.js`), in file order. */
  diagnostics: Diagnostic[];
  /** settings.json, every file under plugins/, and the files the packages name elsewhere. */
  pluginFiles: Set<string>;
}

export async function checkPackage(source: BrandingSource): Promise<PackageCheck> {
  const options = { fetch: packageFetch(source) };
  const files = new Set(await source.list());
  const branding = await loadBranding(PACKAGE_BASE, options);
  const pluginFiles = new Set(['settings.json', ...[...files].filter((f) => f.startsWith('plugins/'))]);
  const diagnostics = [...branding.diagnostics];
  const perPlugin = await Promise.all(branding.entries.map((entry) => checkPlugin(entry, branding, source, files, pluginFiles)));
  for (const found of perPlugin) diagnostics.push(...found);
  for (const entry of branding.webapp3Entries) diagnostics.push(...checkWebapp3Page(entry, files, pluginFiles));
  return { source, brandingID: branding.brandingID, diagnostics: sortByPlace(diagnostics.map(withPaths)), pluginFiles };
}

async function checkPlugin(
  entry: PluginSettingsEntry,
  branding: BrandingResult,
  source: BrandingSource,
  files: Set<string>,
  pluginFiles: Set<string>,
): Promise<Diagnostic[]> {
  const packageFile = packagePath(new URL(entry.srcURL, PACKAGE_BASE).href);
  if (packageFile === undefined) {
    return [
      {
        severity: 'info',
        file: 'settings.json',
        pluginId: entry.id,
        message: `the package file of plugin "${entry.id}" is served from ${entry.srcURL}, outside the package, so it was not checked`,
      },
    ];
  }
  pluginFiles.add(packageFile);
  const { pkg, diagnostics } = await loadPluginPackage(entry, branding, { fetch: packageFetch(source) });
  if (!pkg) return diagnostics;
  for (const location of MENU_LOCATIONS) {
    for (const item of pkg.menuItems[location]) {
      const icon = item.icon === null ? undefined : packagePath(item.icon);
      if (icon !== undefined) pluginFiles.add(icon);
    }
  }
  const context = { pluginId: entry.id, packageFile };
  diagnostics.push(...(await checkSource(pkg, context, source, files, pluginFiles)));
  diagnostics.push(...(await checkIcons(pkg, entry.id, packageFile, (path) => source.read(path))));
  return diagnostics;
}

/**
 * A Web App 3 plugin of manifest.json: its page must be in the package (what it loads in turn is
 * the plugin's own build, which only a browser can follow).
 */
function checkWebapp3Page(entry: Webapp3Entry, files: Set<string>, pluginFiles: Set<string>): Diagnostic[] {
  const page = packagePath(entry.src);
  if (page === undefined) {
    return [{ severity: 'info', file: 'manifest.json', pluginId: entry.id, message: `the page of Web App 3 plugin "${entry.id}" is served from ${entry.src}, outside the package, so it was not checked` }];
  }
  pluginFiles.add(page);
  if (files.has(page)) return [];
  return [
    {
      severity: 'error',
      file: 'manifest.json',
      pointer: `/plugins/${entry.index}/src`,
      pluginId: entry.id,
      message: `the page of Web App 3 plugin "${entry.id}" is ${page}, which is not in the package`,
      fix: 'add the plugin\'s built files (its dist/ folder), or correct "src" (it is relative to manifest.json)',
    },
  ];
}

async function checkSource(
  pkg: ResolvedPluginPackage,
  context: { pluginId: string; packageFile: string },
  source: BrandingSource,
  files: Set<string>,
  pluginFiles: Set<string>,
): Promise<Diagnostic[]> {
  const sourceFile = packagePath(pkg.scriptUrl);
  if (sourceFile === undefined) {
    return [
      {
        severity: 'info',
        file: context.packageFile,
        pointer: '/srcURL',
        pluginId: context.pluginId,
        message: `the plugin source is served from ${pkg.scriptUrl}, outside the package, so it was not checked`,
      },
    ];
  }
  pluginFiles.add(sourceFile);
  const bytes = await source.read(sourceFile);
  if (bytes === undefined) {
    return [
      {
        severity: 'error',
        file: context.packageFile,
        pointer: '/srcURL',
        pluginId: context.pluginId,
        message: `the plugin source "${pkg.raw.srcURL}" is ${sourceFile}, which is not in the package`,
        fix: 'add the file, or correct "srcURL" (it is relative to the package file)',
      },
    ];
  }
  const parsed = parseClassicScript(new TextDecoder().decode(bytes), sourceFile, context.pluginId);
  if ('diagnostic' in parsed) return [parsed.diagnostic];
  const full = { ...context, pkg, sourceFile };
  return [...checkRegistration(parsed.ast, full), ...checkPageReferences(parsed.ast, full, (path) => files.has(path))];
}

/** The host names files by URL; the report names them by their path in the package. */
function withPaths(d: Diagnostic): Diagnostic {
  const named: Diagnostic = { ...d, file: packagePath(d.file) ?? d.file, message: withPackagePaths(d.message) };
  if (d.fix !== undefined) named.fix = withPackagePaths(d.fix);
  return named;
}

/** By file, then by line; diagnostics of one place keep the order they were found in. */
function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.file.localeCompare(b.d.file) || (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.index - b.index)
    .map(({ d }) => d);
}
