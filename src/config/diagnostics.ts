/**
 * A problem found in a branding folder or a plugin, said so that a person can fix it:
 * which file, where in it (a JSON pointer, or a line and column for broken JSON), what is
 * wrong and what to do.
 */
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

/** A branding file over MAX_BRANDING_FILE_BYTES: what is wrong, how big (when its Content-Length said: `complete`), and what to do. */
export function tooLargeDiagnostic(file: string, what: string, bytes: number, complete: boolean): Diagnostic {
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} KB`;
  return {
    severity: 'error',
    file,
    message: `${what} is ${complete ? `${kb(bytes)}, over` : 'more than'} the ${kb(MAX_BRANDING_FILE_BYTES)} a branding file may be, so it is not used`,
    fix: 'keep it to its settings (a package file is a few KB): put large data in a file of its own that the plugin fetches',
  };
}

/**
 * Why the host will not load `url` as a plugin's source or icon, or undefined when it may:
 * only http(s) URLs on `origins` (the page's, the branding folder's, and those the host's
 * `allowed-origins` names; any origin when `origins` is not given) are loaded; a `javascript:`
 * or `data:` URL never is.
 */
export function urlRefusal(url: string, origins?: readonly string[]): { why: string; fix: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { why: `"${url}" is not a URL`, fix: 'give a path inside the branding folder' };
  }
  if (!/^https?:$/.test(parsed.protocol)) {
    return { why: `it is a ${parsed.protocol} URL, which the host never loads`, fix: 'use a file of the plugin, e.g. "icon.svg#icon"' };
  }
  if (!origins || origins.includes(parsed.origin)) return undefined;
  return {
    why: `it is on ${parsed.origin}, which is neither this page's origin nor the branding folder's`,
    fix: `put the file in the branding folder, or name the origin on the host if it is trusted: <pex-plugin-host allowed-origins="${parsed.origin}">`,
  };
}
