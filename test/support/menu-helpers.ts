import type { PexEventDetails, PexEventName } from '../../components/events.js';

/** The shadow root of the first element matching `selector` in the document. */
export function shadowOf(selector: string, root: ParentNode = document): ShadowRoot {
  const el = root.querySelector(selector);
  if (!el?.shadowRoot) throw new Error(`${selector} has no shadow root`);
  return el.shadowRoot;
}

/** The rendered plugin buttons of the first `<pex-toolbar>`. */
export function toolbarButtons(root: ParentNode = document): HTMLButtonElement[] {
  return [...shadowOf('pex-toolbar', root).querySelectorAll<HTMLButtonElement>('[part="button"]')];
}

/** The rendered items of the first `<pex-conference-menu>` or `<pex-participant-menu>`. */
export function menuItems(selector: 'pex-conference-menu' | 'pex-participant-menu', root: ParentNode = document): HTMLButtonElement[] {
  return [...shadowOf(selector, root).querySelectorAll<HTMLButtonElement>('[part="item"]')];
}

/** The accessible names of the toolbar's buttons (their aria-label), in order. */
export function toolbarNames(root: ParentNode = document): string[] {
  return toolbarButtons(root).map((b) => b.getAttribute('aria-label') ?? '');
}

export function toolbarButton(key: string, root: ParentNode = document): HTMLButtonElement | undefined {
  return toolbarButtons(root).find((b) => b.dataset.key === key);
}

/** Plugin `<script>` elements the hosts have put in document.head. */
export function pluginScripts(): HTMLScriptElement[] {
  return [...document.head.querySelectorAll<HTMLScriptElement>('script[data-pex-plugin]')];
}

/** Calls the fixture plugins recorded (window.pexTest.calls), filtered. */
export function callsOf(plugin: string, fn?: string): Array<Record<string, unknown>> {
  return window.pexTest.calls.filter((c) => c.plugin === plugin && (fn === undefined || c.fn === fn));
}

/**
 * Resolves with the first `name` event on `target` whose detail passes `accept`; rejects after
 * `timeout` ms, naming what it waited for. Listen before doing what should cause the event.
 */
export function nextEvent<K extends PexEventName>(
  target: EventTarget,
  name: K,
  accept: (detail: PexEventDetails[K]) => boolean = () => true,
  timeout = 3000,
): Promise<CustomEvent<PexEventDetails[K]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(name, listener);
      reject(new Error(`no matching ${name} event within ${timeout} ms`));
    }, timeout);
    function listener(event: Event) {
      const custom = event as CustomEvent<PexEventDetails[K]>;
      if (!accept(custom.detail)) return;
      clearTimeout(timer);
      target.removeEventListener(name, listener);
      resolve(custom);
    }
    target.addEventListener(name, listener);
  });
}

/** Waits until `condition` holds, polling every 10 ms; fails after `timeout` ms with `what`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A host removed by a fixture cleanup unloads its plugins in a microtask, which may run only
 * after the test code that removed it goes on (mountHost waits for it by itself).
 */
export function settleRemovedHosts(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A short, serialisable name for an element (its data-key, else its tag), for assertions:
 * a failing chai assertion that carries a DOM node connected to the page can stall the
 * runner's result reporting, so tests compare these names, never the nodes themselves.
 */
export function nameOf(node: Element | EventTarget | null | undefined): string | null {
  if (node === null || node === undefined) return null;
  if (node instanceof HTMLElement && node.dataset.key) return node.dataset.key;
  if (node instanceof Element) return node.localName;
  if (node instanceof ShadowRoot) return '#shadow-root';
  if (node instanceof Document) return '#document';
  if (node instanceof Window) return '#window';
  return Object.prototype.toString.call(node);
}

/** The srcs of the plugin scripts in document.head. */
export function pluginScriptSrcs(): string[] {
  return pluginScripts().map((s) => s.src);
}
