/**
 * Checks a webapp2 branding folder before it is uploaded, with the same rules the host applies
 * in the browser, and a few more that only the files can tell:
 *
 *   npm run validate -- path/to/webapp2
 *
 * manifest.json, settings.json and every plugin package file (schemas, ids, URLs); each plugin
 * source compiles as a classic script and names its id and actions; each icon file exists and
 * holds the `#id` it is referenced by. Prints one line per problem (file, place, what, fix) and
 * exits 1 when there is an error.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { loadBranding, loadPluginPackage } from '../src/config/branding.js';
import { formatDiagnostic, type Diagnostic } from '../src/config/diagnostics.js';
import type { ResolvedPluginPackage } from '../src/config/types.js';

/** The folder's files as the browser would fetch them (the cache key and fragments dropped). */
async function fetchFromDisk(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input instanceof Request ? input.url : input));
  url.search = '';
  url.hash = '';
  try {
    const body = await readFile(fileURLToPath(url));
    return new Response(body, { status: 200, statusText: 'OK', headers: { 'content-type': contentType(url.pathname) } });
  } catch {
    return new Response('Not Found', { status: 404, statusText: 'Not Found' });
  }
}

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.svg')) return 'image/svg+xml';
  return 'application/octet-stream';
}

async function readText(url: string): Promise<string | undefined> {
  const response = await fetchFromDisk(url);
  return response.ok ? response.text() : undefined;
}

/** The source compiles as a classic (sloppy) script and names its id and its actions. */
async function checkSource(pkg: ResolvedPluginPackage, settingsId: string): Promise<Diagnostic[]> {
  const file = pkg.scriptUrl;
  const source = await readText(file);
  if (source === undefined) {
    return [{ severity: 'error', file, pluginId: settingsId, message: 'the plugin source is missing', fix: `add the file, or correct "srcURL" in ${pkg.packageUrl}` }];
  }
  try {
    new Script(source, { filename: fileURLToPath(stripQuery(file)) });
  } catch (error) {
    const { line, column } = syntaxPosition(error, fileURLToPath(stripQuery(file)));
    return [
      {
        severity: 'error',
        file,
        pluginId: settingsId,
        ...(line !== undefined ? { line, column } : {}),
        message: `the plugin source does not compile: ${(error as Error).message}`,
        fix: 'correct the syntax; plugin sources are classic scripts, not modules (no import/export)',
      },
    ];
  }
  const diagnostics: Diagnostic[] = [];
  if (!source.includes('registerPlugin')) {
    diagnostics.push({ severity: 'error', file, pluginId: settingsId, message: 'the source never calls registerPlugin', fix: `call PEX.pluginAPI.registerPlugin({id: '${settingsId}', load, unload, ...})` });
  } else if (!new RegExp(`['"\`]${escapeRegExp(settingsId)}['"\`]`).test(source)) {
    diagnostics.push({
      severity: 'warning',
      file,
      pluginId: settingsId,
      message: `the source never mentions the id "${settingsId}" that settings.json gives the plugin`,
      fix: `register it with registerPlugin({id: '${settingsId}', ...})`,
    });
  }
  for (const items of Object.values(pkg.menuItems)) {
    for (const item of items) {
      if (!new RegExp(`\\b${escapeRegExp(item.action)}\\b`).test(source)) {
        diagnostics.push({
          severity: 'warning',
          file,
          pluginId: settingsId,
          message: `the menu item action "${item.action}" is never named in the source`,
          fix: `pass it to registerPlugin as ${item.action}: ${item.action}`,
        });
      }
    }
  }
  return diagnostics;
}

/** Each icon exists, and an `icon.svg#id` reference finds that id in the SVG. */
async function checkIcons(pkg: ResolvedPluginPackage, settingsId: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const items of Object.values(pkg.menuItems)) {
    for (const item of items) {
      if (!item.icon || !item.icon.startsWith('file:')) continue;
      const hash = item.icon.indexOf('#');
      const iconFile = hash >= 0 ? item.icon.slice(0, hash) : item.icon;
      const svg = await readText(iconFile);
      if (svg === undefined) {
        diagnostics.push({ severity: 'error', file: pkg.packageUrl, pluginId: settingsId, message: `the icon ${stripQuery(iconFile)} is missing`, fix: 'add the SVG file next to the package file, or correct "icon"' });
      } else if (hash >= 0) {
        const id = item.icon.slice(hash + 1);
        if (!new RegExp(`\\bid=["']${escapeRegExp(id)}["']`).test(svg)) {
          diagnostics.push({
            severity: 'error',
            file: stripQuery(iconFile),
            pluginId: settingsId,
            message: `the icon is referenced as #${id}, but the SVG has no element with id="${id}"`,
            fix: `add id="${id}" to the SVG's root element, as the plugin guide asks`,
          });
        }
      }
    }
  }
  return diagnostics;
}

function stripQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.href;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** V8 puts the line of a syntax error in the stack's first line: `<file>:<line>`. */
function syntaxPosition(error: unknown, filename: string): { line?: number; column?: number } {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const match = new RegExp(`${escapeRegExp(filename)}:(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: 1 } : {};
}

export async function validateBranding(folder: string): Promise<Diagnostic[]> {
  const brandingUrl = pathToFileURL(resolve(folder) + '/').href;
  const options = { fetch: fetchFromDisk as typeof fetch };
  const branding = await loadBranding(brandingUrl, options);
  const diagnostics = [...branding.diagnostics];
  const checks = branding.entries.map(async (entry) => {
    const { pkg, diagnostics: found } = await loadPluginPackage(entry, branding, options);
    diagnostics.push(...found);
    if (pkg) diagnostics.push(...(await checkSource(pkg, entry.id)), ...(await checkIcons(pkg, entry.id)));
  });
  await Promise.all(checks);
  return diagnostics;
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    console.error('Usage: npm run validate -- <branding folder (the webapp2 folder with manifest.json and settings.json)>');
    process.exitCode = 2;
    return;
  }
  const base = pathToFileURL(process.cwd() + '/').href;
  const diagnostics = await validateBranding(folder);
  for (const diagnostic of diagnostics) {
    const line = formatDiagnostic(diagnostic).split(base).join('').replace(/\?pexBrandingID=[^#:\s]*/g, '');
    (diagnostic.severity === 'error' ? console.error : console.log)(line);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  console.log(`${relative(process.cwd(), resolve(folder)) || '.'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (errors > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
