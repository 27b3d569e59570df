/**
 * A Web App 3 plugin's hidden frame, as an element, and which `sandboxValues` make one at once.
 * Shared by the frame host (its chunk) and the runtime in the drop-in, which makes the frames
 * of a branding's plugins as soon as it has read manifest.json, while the frame host's chunk is
 * still on its way: the frames' pages load during that round trip instead of after it.
 */

/** The value every frame's `sandbox` has: without it the plugin's page could not run at all. */
export const ALWAYS = 'allow-scripts';

/** The `sandboxValues` an entry may ask for (what each grants: sandbox.ts). */
export const ALLOWED_SANDBOX_VALUE_NAMES = [
  'allow-same-origin',
  'allow-popups',
  'allow-popups-to-escape-sandbox',
  'allow-forms',
  'allow-modals',
  'allow-downloads',
] as const;

export type AllowedSandboxValue = (typeof ALLOWED_SANDBOX_VALUE_NAMES)[number];

/**
 * The `sandbox` attribute of values that are all allowed (`allow-scripts` first, each value
 * once, in the order given); undefined when one is not, which the frame host reports.
 */
export function allowedSandbox(sandboxValues: readonly unknown[] | undefined): string | undefined {
  const tokens = [ALWAYS];
  for (const value of sandboxValues ?? []) {
    if (value === ALWAYS) continue;
    if (!ALLOWED_SANDBOX_VALUE_NAMES.includes(value as AllowedSandboxValue)) return undefined;
    if (!tokens.includes(value as string)) tokens.push(value as string);
  }
  return tokens.join(' ');
}

/** A plugin's frame element, not in the document yet: hidden, out of the tab order, named for the accessibility tree. */
export function pluginFrameElement(document: Document, pluginId: string, src: string, sandbox: string): HTMLIFrameElement {
  const element = document.createElement('iframe');
  element.setAttribute('sandbox', sandbox);
  // Named for screen readers and the accessibility tree, though the user does not see it.
  element.title = `Plugin ${pluginId}`;
  element.hidden = true;
  element.setAttribute('aria-hidden', 'true');
  element.tabIndex = -1;
  element.dataset.webapp3Plugin = pluginId;
  element.src = src;
  return element;
}

/**
 * Frames made before the frame host (by the runtime, while its chunk was on its way), by plugin
 * id: the frame host takes them in place of new ones, with the messages their pages posted
 * before it listened.
 */
export interface FramesMadeEarly {
  readonly frames: ReadonlyMap<string, HTMLIFrameElement>;
  /** The messages kept so far, oldest first; none is kept after. */
  take(): MessageEvent[];
}
