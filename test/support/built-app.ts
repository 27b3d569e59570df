/**
 * A built framework example (dist/vue/, dist/react-demo/, …) loaded into an iframe of the test
 * page, for the embedding tests: same origin, so the test reads its DOM and its plugins' log.
 */
import { expect } from '@open-wc/testing';

/** What the fixture plugins log into `window.pexTest` of the app's window. */
export interface PexTestLog {
  calls: Array<Record<string, unknown> & { plugin: string; fn: string }>;
  [key: string]: unknown;
}

/** Waits until `read` gives a value (polling every 10 ms), and gives it. */
export async function until<T>(read: () => T | null | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let iframe: HTMLIFrameElement | undefined;

afterEach(() => {
  iframe?.remove();
  iframe = undefined;
});

/**
 * Loads `src` (the built app's page, with its `?branding=`) into a fresh iframe and resolves once
 * its `<pex-plugin-host>` has settled. `window.pexTest` is set before the app's scripts run: a
 * same-origin page loaded into a fresh iframe keeps the initial about:blank document's Window
 * (HTML spec, "initialize the document object").
 */
export async function loadBuiltApp<H extends HTMLElement & { settled: Promise<void> }, W extends Window = Window & { pexTest: PexTestLog }>(
  src: string,
  what: string,
): Promise<{ win: W; doc: Document; host: H }> {
  // The iframe shares this origin's localStorage: start from settings.json's defaults.
  for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  const frame = (iframe = document.createElement('iframe'));
  frame.style.width = '1000px';
  frame.style.height = '700px';
  frame.src = src;
  document.body.append(frame);
  const win = frame.contentWindow as W & { pexTest: PexTestLog };
  win.pexTest = { calls: [] };
  const host = await until(() => frame.contentDocument?.querySelector<H>('pex-plugin-host'), what);
  await host.settled;
  expect((frame.contentWindow as W & { pexTest: PexTestLog }).pexTest, 'the log set before the app loaded').to.equal(win.pexTest);
  return { win, doc: frame.contentDocument!, host };
}
