/**
 * The `sandbox` attribute of a Web App 3 plugin's frame: `allow-scripts` always (a plugin is a
 * script), plus only the values of its manifest entry's `sandboxValues` that this list allows.
 * Anything else is refused with a problem naming the plugin, the value and the fix, so that an
 * administrator's typo or an overreaching plugin fails loudly instead of running with less or
 * more than was meant.
 */
import { ALLOWED_SANDBOX_VALUE_NAMES, ALWAYS, allowedSandbox, type AllowedSandboxValue } from './frame-element.js';
import { Webapp3Problem } from './problems.js';

export { ALWAYS };

/**
 * What each allowed value grants the plugin's page. The published Web App 3 plugins ask for the
 * first four.
 */
export const ALLOWED_SANDBOX_VALUES: Readonly<Record<AllowedSandboxValue, string>> = Object.freeze({
  // The frame keeps the origin it was served from, instead of an opaque one: it can use its
  // origin's storage and cookies and fetch its own files with credentials. Served from the same
  // origin as the app (a branding folder usually is), this also lets its scripts reach the app's
  // page and lift their own sandbox: an administrator grants it to plugins they trust as they
  // trust the app's own code.
  'allow-same-origin': 'keeps its own origin (storage, cookies; with the app\'s origin, access to the app page)',
  // window.open and target=_blank links: a plugin's "open in a new tab" (an invite page, a
  // whiteboard).
  'allow-popups': 'opens new windows and tabs',
  // The windows it opens are not sandboxed like itself, so an ordinary site opened from a plugin
  // works there.
  'allow-popups-to-escape-sandbox': 'the windows it opens run without its sandbox',
  // Submitting an HTML form from its own page.
  'allow-forms': 'submits forms from its page',
  // alert(), confirm(), prompt() and print() from its page.
  'allow-modals': 'shows alert/confirm/prompt dialogs',
  // Downloads started from its page (an exported attendance list).
  'allow-downloads': 'starts downloads',
});

/**
 * Values refused outright, with why: each lets a hidden plugin take the user out of the call or
 * act on the app's window, which no plugin needs.
 */
const REFUSED: Readonly<Record<string, string>> = Object.freeze({
  'allow-top-navigation': 'it would let the plugin navigate the whole app away from the call',
  'allow-top-navigation-by-user-activation': 'it would let the plugin navigate the whole app away from the call after a click',
  'allow-top-navigation-to-custom-protocols': 'it would let the plugin send the app\'s window to another application',
});

/**
 * The frame's `sandbox` attribute for `pluginId`'s `sandboxValues`: `allow-scripts` first, then
 * each allowed value once, in the order given. Throws a Webapp3Problem for the first value that
 * is refused, unknown or not a string.
 */
export function sandboxAttribute(pluginId: string, sandboxValues: readonly unknown[] | undefined): string {
  const allowed = allowedSandbox(sandboxValues);
  if (allowed !== undefined) return allowed;
  // One of the values is not allowed: the first such says what to fix.
  const allowedList = ALLOWED_SANDBOX_VALUE_NAMES.join(', ');
  const value = (sandboxValues ?? []).find((v) => v !== ALWAYS && !ALLOWED_SANDBOX_VALUE_NAMES.includes(v as AllowedSandboxValue));
  if (typeof value !== 'string') {
    throw new Webapp3Problem(
      pluginId,
      'sandbox',
      `sandboxValues holds ${JSON.stringify(value) ?? String(value)}, which is not a sandbox value.`,
      `list sandbox values as strings, from: ${allowedList}.`,
    );
  }
  const refused = Object.hasOwn(REFUSED, value) ? REFUSED[value] : undefined;
  throw new Webapp3Problem(
    pluginId,
    'sandbox',
    refused
      ? `sandboxValues asks for "${value}", which this host refuses: ${refused}.`
      : `sandboxValues asks for "${value}", which this host does not know.`,
    `remove "${value}" from the plugin's sandboxValues in manifest.json (allowed: ${allowedList}).`,
  );
}
