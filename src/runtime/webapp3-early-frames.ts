import type { Webapp3Entry } from '../config/types.js';
import { allowedSandbox, pluginFrameElement, type FramesMadeEarly } from '../webapp3/frame-element.js';

/** Frames made before the frame host arrived, and what their pages posted meanwhile. */
export interface EarlyFrames extends FramesMadeEarly {
  /** Takes the frames out again (the frame host never came) and stops keeping messages. */
  remove(): void;
}

/**
 * The frames of `entries` made now, in one insertion into `container`, while the frame host's
 * chunk is on its way: a frame's page takes far longer to load than the chunk, and loads during
 * that round trip instead of after it. Only entries the frame host would make a frame for in
 * the same way are made here (an id, a page, allowed sandbox values; the first of a repeated
 * id); the frame host makes the rest and reports their problems. A plugin's page can post its
 * handshake before the frame host listens: such messages are kept for it.
 */
export function makeEarlyFrames(container: Element, entries: readonly Webapp3Entry[]): EarlyFrames {
  const document = container.ownerDocument;
  const frames = new Map<string, HTMLIFrameElement>();
  const seen = new Set<string>();
  for (const { id, src, sandboxValues } of entries) {
    const first = !seen.has(id);
    seen.add(id);
    const sandbox = allowedSandbox(sandboxValues);
    if (first && id && src && sandbox !== undefined) frames.set(id, pluginFrameElement(document, id, src, sandbox));
  }
  if (frames.size === 0) return { frames, take: () => [], remove() {} };
  const fragment = document.createDocumentFragment();
  fragment.append(...frames.values());
  container.append(fragment);
  // Every message from another window is kept, and the frame host's channels tell later which
  // came from which frame: reading the frames' windows now would cost each frame a script
  // context for its first, empty document (src/webapp3/channel.ts says more). A frame out of any
  // document has no page to post; a message from no window (a port's) is no frame's.
  const connected = container.isConnected;
  let messages: MessageEvent[] = [];
  const target = document.defaultView;
  const keep = (event: MessageEvent) => {
    if (connected && event.source && event.source !== target) messages.push(event);
  };
  target?.addEventListener('message', keep);
  const stop = () => target?.removeEventListener('message', keep);
  return {
    frames,
    take() {
      stop();
      const taken = messages;
      messages = [];
      return taken;
    },
    remove() {
      stop();
      messages = [];
      for (const frame of frames.values()) frame.remove();
    },
  };
}
