/**
 * For the Web App 3 tests: the fixture pages' URLs, what the probe plugins report, and the calls
 * the tests ask them to make.
 */

/** An absolute URL of a page under test/fixtures/webapp3/. */
export function fixtureUrl(path: string): string {
  return new URL(`/test/fixtures/webapp3/${path}`, location.href).href;
}

/** Waits until `condition` holds (checked every few milliseconds), or fails naming `what`. */
export async function until(condition: () => boolean, what: string, timeout = 4000): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface ProbeReport {
  probe: string;
  kind: 'registered' | 'register-failed' | 'event' | 'result' | 'error';
  name?: string;
  ref?: string;
  payload?: unknown;
  value?: unknown;
  error?: string;
  reply?: unknown;
  startAtIsDate?: boolean;
}

/** Everything the probe plugins and intruder frames post to the test page, in order. */
export class Reports {
  readonly probe: ProbeReport[] = [];
  readonly intruder: { intruder: string; data?: unknown }[] = [];
  readonly #listener = (event: MessageEvent) => {
    const data = event.data as Partial<ProbeReport> & { intruder?: string };
    if (data && typeof data.probe === 'string') this.probe.push(data as ProbeReport);
    else if (data && typeof data.intruder === 'string') this.intruder.push(data as { intruder: string });
  };

  constructor() {
    addEventListener('message', this.#listener);
  }

  dispose(): void {
    removeEventListener('message', this.#listener);
  }

  of(probe: string, kind?: ProbeReport['kind'], name?: string): ProbeReport[] {
    return this.probe.filter((r) => r.probe === probe && (!kind || r.kind === kind) && (!name || r.name === name));
  }
}

let refs = 0;

/**
 * Asks the probe in `frame` to call `path` (`conference.lock`) with `payload`, or with `rpc` on
 * its raw channel; resolves with its report of the outcome.
 */
export async function probeCall(
  reports: Reports,
  frame: HTMLIFrameElement,
  probe: string,
  call: { path?: string; rpc?: string; payload?: unknown },
): Promise<ProbeReport> {
  const ref = `call-${(refs += 1)}`;
  frame.contentWindow?.postMessage({ probeCall: { ref, ...call } }, '*');
  let outcome: ProbeReport | undefined;
  await until(() => (outcome = reports.probe.find((r) => r.probe === probe && r.ref === ref)) !== undefined, `the outcome of ${call.path ?? call.rpc}`);
  return outcome as ProbeReport;
}

/**
 * Resolves once a message calling `rpc` has reached this window (its `message` event ran): for a
 * test that makes something arrive only after the call came, not before.
 */
export async function callReached(rpc: string): Promise<void> {
  let seen = false;
  const see = (event: MessageEvent) => {
    if ((event.data as { rpc?: unknown } | null)?.rpc === rpc) seen = true;
  };
  addEventListener('message', see);
  try {
    await until(() => seen, `the call ${rpc} to reach the host`);
  } finally {
    removeEventListener('message', see);
  }
}

/** The frame of `pluginId` in `container`. */
export function frameOf(container: Element, pluginId: string): HTMLIFrameElement {
  const frame = container.querySelector<HTMLIFrameElement>(`iframe[data-webapp3-plugin="${pluginId}"]`);
  if (!frame) throw new Error(`No frame for ${pluginId}`);
  return frame;
}

/**
 * What a test of the host's own elements lays out in the document: the host's container, the
 * place the host puts its elements in (an open shadow root holding `placeHtml`), and the reports
 * of its plugins.
 */
export class Stage {
  readonly container = document.createElement('div');
  readonly place = document.createElement('div');
  readonly reports: Reports;

  constructor(placeHtml = '') {
    this.place.attachShadow({ mode: 'open' }).innerHTML = placeHtml;
    document.body.append(this.container, this.place);
    this.reports = new Reports();
  }

  /** Disposes `host` (the test's, if it made one), then takes the reports and the elements away. */
  dispose(host: { dispose(): void } | undefined): void {
    host?.dispose();
    this.reports.dispose();
    this.container.remove();
    this.place.remove();
  }
}

/**
 * Counts reads of `contentWindow` on every iframe, by frame, until `restore()`: the frame host
 * must not read a frame's window before its page has posted (src/webapp3/channel.ts says why).
 */
export function countWindowReads(): { of(frame: HTMLIFrameElement): number; readonly total: number; restore(): void } {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
  const reads = new Map<HTMLIFrameElement, number>();
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    ...descriptor,
    get(this: HTMLIFrameElement) {
      reads.set(this, (reads.get(this) ?? 0) + 1);
      return descriptor.get!.call(this) as Window | null;
    },
  });
  return {
    of: (frame) => reads.get(frame) ?? 0,
    get total() {
      return [...reads.values()].reduce((sum, n) => sum + n, 0);
    },
    restore: () => Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', descriptor),
  };
}
