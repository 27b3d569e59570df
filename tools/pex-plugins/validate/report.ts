/**
 * The report, as eslint and tsc print theirs (one problem per line, its place first, the fix
 * below it, a closing count), or as one JSON document for programs.
 */
import type { Diagnostic } from '../../../src/config/diagnostics.js';
import type { PackageCheck } from './check-package.js';

export interface Counts {
  errors: number;
  warnings: number;
  info: number;
}

export function countOf(diagnostics: Diagnostic[]): Counts {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), info: count('info') };
}

/** `settings.json:8:3`, `plugins/rec/rec.plugin.package.json#/menuItems/toolbar/0/action`, or the file alone. */
export function placeOf(d: Diagnostic): string {
  if (d.line !== undefined) return `${d.file}:${d.line}:${d.column ?? 1}`;
  if (d.pointer !== undefined && d.pointer !== '') return `${d.file}#${d.pointer}`;
  return d.file;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function textReport(check: PackageCheck, diagnostics: Diagnostic[]): string {
  const lines: string[] = [];
  const { source } = check;
  if (source.kind === 'zip') lines.push(`${source.path}: checking its folder ${source.webapp2Folder}; the paths below are inside it`);
  for (const d of diagnostics) {
    const plugin = d.pluginId ? ` (plugin ${d.pluginId})` : '';
    lines.push(`${placeOf(d)}: ${d.severity}: ${d.message}${plugin}`);
    if (d.fix) lines.push(`  fix: ${d.fix}`);
  }
  const { errors, warnings } = countOf(diagnostics);
  lines.push(`${source.path}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.join('\n');
}

export interface JsonReport {
  path: string;
  kind: 'folder' | 'zip';
  /** The folder inside a zip that was checked; null for a folder. */
  webapp2Folder: string | null;
  brandingID: string | null;
  previous: { path: string; kind: 'folder' | 'zip'; webapp2Folder: string | null; brandingID: string | null } | null;
  counts: Counts;
  diagnostics: {
    severity: Diagnostic['severity'];
    file: string;
    line: number | null;
    column: number | null;
    pointer: string | null;
    message: string;
    fix: string | null;
    pluginId: string | null;
  }[];
}

export function jsonReport(check: PackageCheck, diagnostics: Diagnostic[], previous: PackageCheck | null): JsonReport {
  const { source } = check;
  return {
    path: source.path,
    kind: source.kind,
    webapp2Folder: source.webapp2Folder,
    brandingID: check.brandingID,
    previous: previous && {
      path: previous.source.path,
      kind: previous.source.kind,
      webapp2Folder: previous.source.webapp2Folder,
      brandingID: previous.brandingID,
    },
    counts: countOf(diagnostics),
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      file: d.file,
      line: d.line ?? null,
      column: d.line !== undefined ? (d.column ?? 1) : null,
      pointer: d.pointer ?? null,
      message: d.message,
      fix: d.fix ?? null,
      pluginId: d.pluginId ?? null,
    })),
  };
}
