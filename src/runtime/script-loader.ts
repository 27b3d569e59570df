/**
 * Inserts a plugin source as a classic script: plugins are written for a plain `<script>`
 * (sloppy mode, globals, `document.currentScript`), never as modules.
 *
 * Resolves once the script has run; rejects when it could not be fetched. A script that
 * fetched but threw (a syntax error included) still "loads": such errors reach the page's
 * error handler, where the runtime attributes them by the script's URL.
 */
export function insertClassicScript(url: string, doc: Document = document): { element: HTMLScriptElement; ran: Promise<void> } {
  const element = doc.createElement('script');
  element.src = url;
  // Dynamic scripts run as soon as each arrives; plugins have no order among themselves.
  element.async = true;
  element.dataset.pexPlugin = '';
  const ran = new Promise<void>((resolve, reject) => {
    element.addEventListener('load', () => resolve(), { once: true });
    element.addEventListener('error', () => reject(new ScriptFetchError(url)), { once: true });
  });
  doc.head.append(element);
  return { element, ran };
}

export class ScriptFetchError extends Error {
  constructor(readonly url: string, detail?: string) {
    super(`The plugin source ${url} could not be loaded${detail ? ` (${detail})` : ''}.`);
    this.name = 'ScriptFetchError';
  }
}

/**
 * A script element's error event says nothing about why. Ask the server once more, so the
 * message can say "404 Not Found" or "the server could not be reached".
 */
export async function explainScriptFailure(url: string, fetchFn: typeof fetch = fetch): Promise<ScriptFetchError> {
  try {
    const response = await fetchFn(url, { method: 'GET', cache: 'no-store' });
    if (!response.ok) {
      return new ScriptFetchError(url, `the server answered ${response.status} ${response.statusText}`.trim());
    }
    return new ScriptFetchError(url, 'the browser refused it; check its Content-Type and the page\'s Content-Security-Policy');
  } catch {
    return new ScriptFetchError(url, 'the server could not be reached');
  }
}
