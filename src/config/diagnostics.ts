/**
 * A problem found in a branding folder or a plugin, said so that a person can fix it:
 * which file, where in it (a JSON pointer, or a line and column for broken JSON), what is
 * wrong and what to do.
 */
import { missingTexts } from './missing-texts.js';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** The URL of the file the problem is in. */
  file: string;
  /** A JSON pointer (RFC 6901) to the offending value; '' is the whole document. */
  pointer?: string;
  /** 1-based line and column, for JSON that does not parse. */
  line?: number;
  column?: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  fix?: string;
  /** The plugin the problem belongs to, when it belongs to one. */
  pluginId?: string;
}

/** One line a console or a log can show: `error settings.json#/plugins/0/srcURL: ... Fix: ...`. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file;
  if (d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  else if (d.pointer !== undefined && d.pointer !== '') where += `#${d.pointer}`;
  const plugin = d.pluginId ? ` [${d.pluginId}]` : '';
  const fix = d.fix ? ` Fix: ${d.fix}` : '';
  return `${d.severity}${plugin} ${where}: ${d.message}${fix}`;
}

/** The most a branding JSON file (manifest.json, settings.json, a package file) may weigh. */
export const MAX_BRANDING_FILE_BYTES = 512 * 1024;

/**
 * The words for rare problems (problem-texts.ts), loaded when one first happens. Never fails: a
 * chunk that does not load gives stand-in words that name the problem (missing-texts.ts).
 */
export const problemTexts = () => import('./problem-texts.js').catch(missingTexts);

/** Why the host refuses a URL: not a URL, a scheme it never loads (`javascript:`, `data:`), an origin it was not told to trust. */
export type UrlRefusal = 'invalid' | 'scheme' | 'origin';

/**
 * Whether the host refuses `url` as a plugin's package file, source or icon: only http(s) URLs
 * on `origins` (the page's, the branding folder's, and those the host's `allowed-origins`
 * names; any origin when `origins` is not given) are loaded.
 */
export function refusedUrl(url: string, origins?: readonly string[]): UrlRefusal | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (!/^https?:$/.test(parsed.protocol)) return 'scheme';
  return !origins || origins.includes(parsed.origin) ? undefined : 'origin';
}
