/**
 * `window.PEX.pexrtc`: what real plugins used of webapp2's PexRTC call object, as a view of the
 * host's own conference. Its fields are read from the calling plugin's host each time (never a
 * copy), its methods go down the pluginAPI's command path, and any other member is reported once
 * per plugin and reads as undefined, as an unset PexRTC field would.
 *
 * Its class is named `PexRTC`, because plugins find "the main PexRTC" by walking `window` for an
 * object whose `constructor.name` is `'PexRTC'`. The same class is the page's global `PexRTC`
 * when the page has none: constructing it throws, naming the plugin and what to load.
 */
import { callingPlugin } from '../calling-plugin.js';
import { currentFields, PEXRTC_FIELDS, type PexRTCFields } from './call-state.js';
import { pexrtcMethods, type PexRTCMethods } from './methods.js';
import { reportUnsupported } from './reports.js';

const facadeKey = Symbol('the facade');

/**
 * Members tools probe to learn what an object is: Promise resolution (`then`), JSON.stringify
 * (`toJSON`), Node's inspector, test libraries, React. They read as undefined, unreported.
 */
const PROBES: ReadonlySet<string> = new Set(['then', 'toJSON', 'inspect', 'nodeType', 'tagName', '$$typeof', 'asymmetricMatch']);

/** `window.PEX.pexrtc`'s type: PexRTC's fields (read live) and its conference methods. */
export type PexRTC = Readonly<PexRTCFields> & PexRTCMethods & { readonly [Symbol.toStringTag]: string };

/** The class behind the facade; its fields are accessors defined per instance, its methods on the prototype. */
class PexRTCView {
  constructor(key?: unknown) {
    if (key !== facadeKey) throw noPexRTC();
    for (const field of PEXRTC_FIELDS) {
      Object.defineProperty(this, field, { get: () => currentFields()?.[field], enumerable: true, configurable: true });
    }
  }

  get [Symbol.toStringTag](): string {
    return 'PexRTC';
  }
}
// The window walk looks for this name (and a minifier would rename the class anyway).
Object.defineProperty(PexRTCView, 'name', { value: 'PexRTC' });
for (const [name, method] of Object.entries(pexrtcMethods)) {
  Object.defineProperty(PexRTCView.prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
}

/** The error `new PexRTC()` throws where the page has not loaded the node's pexrtc.js. */
function noPexRTC(): Error {
  const { sandbox } = callingPlugin();
  const who = sandbox ? `Plugin "${sandbox.pluginId}"` : 'Code outside any plugin';
  const node = currentFields()?.node;
  const script = `${node ? `https://${node}` : 'https://<node>'}/static/webrtc/js/pexrtc.js`;
  const error = new Error(
    `${who} called new PexRTC() for a media call of its own, but this page has not loaded PexRTC (pex-plugin-host has no media call). ` +
      `Fix: load the Conferencing Node's PexRTC before the plugins load: <script src="${script}"></script>.`,
  );
  error.name = 'PexRTCUnavailableError';
  return error;
}

function isKnown(target: object, member: string): boolean {
  return member in target;
}

let facade: PexRTC | undefined;

/** The one `window.PEX.pexrtc`, shared by every plugin and host on the page. */
export function pexrtcFacade(): PexRTC {
  facade ??= new Proxy(new PexRTCView(facadeKey) as PexRTC, {
    get(target, member, receiver) {
      if (typeof member === 'symbol' || isKnown(target, member)) return Reflect.get(target, member, receiver);
      if (!PROBES.has(member)) reportUnsupported(member, 'read');
      return undefined;
    },
    set(target, member, value) {
      // A tool's own marker (a symbol) is kept; everything PexRTC-like is accepted and ignored.
      if (typeof member === 'symbol') return Reflect.set(target, member, value);
      reportUnsupported(member, 'set', isKnown(target, member));
      return true;
    },
    // The fields follow the conference: a plugin cannot remove them.
    deleteProperty() {
      return true;
    },
  });
  return facade;
}

/**
 * Makes `PexRTC` a global where the page has none, so that `new PexRTC()` says what to load
 * instead of `PexRTC is not defined`. A page that loads the node's pexrtc.js keeps its own:
 * before the host, it is left alone; after, its declaration replaces this one (it is
 * configurable). Not enumerable: the window walk need not visit it.
 */
export function installPexRTCConstructor(): void {
  const page = globalThis as { PexRTC?: unknown };
  if (typeof page.PexRTC === 'function') return;
  Object.defineProperty(globalThis, 'PexRTC', { value: PexRTCView, writable: true, configurable: true, enumerable: false });
}
