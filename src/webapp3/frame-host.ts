/**
 * The frames Web App 3 plugins run in: one hidden, sandboxed iframe per plugin. Frames for many
 * plugins are created together and enter the document in one insertion, so that their pages load
 * side by side (a frame costs tens of milliseconds to start; one after another, thirty of them
 * would add up to seconds).
 */
import { pluginFrameElement } from './frame-element.js';
import { sandboxAttribute } from './sandbox.js';
import { Webapp3Problem } from './problems.js';

/** A plugin as the branding's `manifest.json` lists it; `src` already resolved to an absolute URL. */
export interface Webapp3PluginEntry {
  id: string;
  src: string;
  sandboxValues?: readonly string[];
}

/** One plugin's frame, in the document. */
export interface PluginFrame {
  readonly pluginId: string;
  /**
   * The frame. Its window is the same object for the frame's whole life (navigations included),
   * which is what makes it the identity a message's `event.source` is checked against; it is read
   * only once a message comes (channel.ts says why).
   */
  readonly element: HTMLIFrameElement;
  /** Takes the frame out of the document; its page and everything it runs end with it. */
  remove(): void;
}

/** A frame made, or the problem that stopped it being made. */
export type FrameOutcome = { pluginId: string; frame: PluginFrame } | { pluginId: string; problem: Webapp3Problem };

/** The element an entry's frame would be, or its problem; nothing is in the document yet. */
function frameElementFor(document: Document, entry: Webapp3PluginEntry): HTMLIFrameElement {
  const id = typeof entry?.id === 'string' ? entry.id : '';
  if (!id) throw new Webapp3Problem('(no id)', 'entry', 'its manifest entry has no id.', 'give each entry of manifest.json\'s plugins an "id".');
  if (typeof entry.src !== 'string' || !entry.src) {
    throw new Webapp3Problem(id, 'entry', 'its manifest entry has no src.', 'give the entry a "src": the plugin\'s page, relative to manifest.json.');
  }
  return pluginFrameElement(document, id, entry.src, sandboxAttribute(id, entry.sandboxValues));
}

/**
 * Frames for all `entries`, inserted into `container` at once. An entry with a problem (a
 * refused sandbox value, no src) gets no frame and does not stop the others. `early`: frames
 * already in the document for some of the entries (by id), made before this chunk arrived
 * (see frame-element.ts); they are taken as they are.
 */
export function createPluginFrames(container: Element, entries: readonly Webapp3PluginEntry[], early?: ReadonlyMap<string, HTMLIFrameElement>): FrameOutcome[] {
  const document = container.ownerDocument;
  // A frame out of the document has no window: no page of it would load, nor post to this one.
  if (!container.isConnected) throw new Error('The container of Web App 3 plugins\' frames is not in the document.');
  const made: { pluginId: string; element: HTMLIFrameElement }[] = [];
  const outcomes: (FrameOutcome | { pluginId: string; index: number })[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    try {
      if (typeof entry?.id === 'string' && ids.has(entry.id)) {
        // Two frames under one id could not be told apart, nor the second unloaded.
        throw new Webapp3Problem(entry.id, 'entry', 'manifest.json lists a second plugin with this id; only the first is loaded.', 'give each plugin its own id.');
      }
      const element = early?.get(entry.id) ?? frameElementFor(document, entry);
      ids.add(entry.id);
      outcomes.push({ pluginId: entry.id, index: made.length });
      made.push({ pluginId: entry.id, element });
    } catch (error) {
      if (!(error instanceof Webapp3Problem)) throw error;
      outcomes.push({ pluginId: error.pluginId, problem: error });
    }
  }
  const fragment = document.createDocumentFragment();
  for (const { element } of made) if (!element.isConnected) fragment.append(element);
  container.append(fragment);
  return outcomes.map((outcome) => {
    if (!('index' in outcome)) return outcome;
    const { element } = made[outcome.index];
    return { pluginId: outcome.pluginId, frame: { pluginId: outcome.pluginId, element, remove: () => element.remove() } };
  });
}

/** What a widget's frame is made from. */
export interface WidgetFrameSpec {
  pluginId: string;
  widgetId: string;
  /** The widget's page, already resolved against its plugin's page. */
  src: string;
  /** The widget's title: the frame's accessible name. */
  title: string;
  /** Its plugin's frame's `sandbox` attribute: a widget runs with no more and no less than its plugin. */
  sandbox: string;
}

/** The schemes a widget's page may have: a page served from somewhere, never a script or a blank document. */
const WIDGET_SCHEMES = ['http:', 'https:'];

/**
 * The absolute URL of a widget's page, `src` relative to its plugin's page; throws an Error
 * saying why there is none. Only http(s) pages: a `javascript:` or `about:` frame would start as
 * a document of the app's own origin, where a plugin allowed `allow-same-origin` could reach the
 * app's page.
 */
export function widgetPageUrl(src: unknown, pluginPage: string): string {
  if (typeof src !== 'string' || !src.trim()) throw new Error(`"src" must be the widget's page (relative to the plugin's page), not ${JSON.stringify(src) ?? 'nothing'}`);
  let url: URL;
  try {
    url = new URL(src, pluginPage);
  } catch {
    throw new Error(`"src" ${JSON.stringify(src)} is not a URL`);
  }
  if (!WIDGET_SCHEMES.includes(url.protocol)) throw new Error(`"src" ${JSON.stringify(src)} is a ${url.protocol} URL; a widget's page must be an http: or https: page`);
  return url.href;
}

/** A widget's frame, not in the document yet: visible, titled, sandboxed as its plugin's frame. */
export function widgetFrameElement(document: Document, spec: WidgetFrameSpec): HTMLIFrameElement {
  const element = document.createElement('iframe');
  element.setAttribute('sandbox', spec.sandbox);
  element.title = spec.title;
  element.dataset.webapp3Widget = spec.widgetId;
  // Not data-webapp3-plugin: that names a plugin's own (hidden) frame.
  element.dataset.webapp3WidgetOf = spec.pluginId;
  element.src = spec.src;
  return element;
}
