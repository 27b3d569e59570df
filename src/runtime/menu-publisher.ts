import { BehaviorSubject, type Observable } from 'rxjs';
import { resolveStateIcon, type BrandingResult } from '../config/branding.js';
import { problemTexts, refusedUrl } from '../config/diagnostics.js';
import type { ResolvedPluginPackage } from '../config/types.js';
import { menuItemsOf, readPluginState, type MenuItemView, type StateComplaint } from './menu-items.js';
import { atNextFrame } from './next-frame.js';
import type { PluginRecord, RegisteredPlugin } from './plugin-record.js';
import type { PluginSandbox, TrackedSubscription } from './plugin-sandbox.js';

/**
 * The menu items of the loaded plugins, as the toolbar and the menus show them: each plugin's
 * package items, less the ones it hid, with the icons and labels its state$ gave. Changes
 * come from many places (a load, an unload, a state$ value, a hide) and often in bursts, so
 * they are queued and published together.
 */
export class MenuPublisher {
  readonly #items = new BehaviorSubject<readonly MenuItemView[]>([]);
  #queued = false;
  /** While the branding's plugins load, updates wait for the next frame (see `queue`). */
  starting = false;

  readonly items$: Observable<readonly MenuItemView[]> = this.#items.asObservable();

  readonly #records: ReadonlyMap<string, PluginRecord>;
  /** Items that are not webapp2 plugins' (Web App 3 plugins' buttons), published after theirs, and how one is invoked. */
  #extra: readonly MenuItemView[] = [];
  #invokeExtra: (item: MenuItemView, args: unknown[]) => void = () => {};

  constructor(records: ReadonlyMap<string, PluginRecord>) {
    this.#records = records;
  }

  get items(): readonly MenuItemView[] {
    return this.#items.value;
  }

  /**
   * State changes come in bursts (every plugin reacting to one roster update): render once.
   * At start-up the plugins finish loading one task after another, so a microtask would
   * render the menus once per plugin; then an update waits for the next frame instead (a
   * timer where no frame comes, in a hidden page).
   */
  queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    const publish = () => {
      if (!this.#queued) return;
      this.#queued = false;
      this.publish();
    };
    if (!this.starting) queueMicrotask(publish);
    else atNextFrame(publish);
  }

  /** Sets the items published after the webapp2 plugins' items; `invoke` carries out a menu's click on one. */
  setExtraItems(items: readonly MenuItemView[], invoke: (item: MenuItemView, args: unknown[]) => void): void {
    this.#extra = items;
    this.#invokeExtra = invoke;
    this.queue();
  }

  /** Publishes now; an update still queued has nothing left to do. */
  publish(): void {
    this.#queued = false;
    const views: MenuItemView[] = [];
    for (const record of this.#records.values()) {
      if (record.status === 'loaded' && record.pkg) views.push(...menuItemsOf(record.id, record.pkg, record.state, record.hiddenMenuIds));
    }
    this.#items.next([...views, ...this.#extra]);
  }

  /** Shows or hides a menu item the package file gives an `id` (`getPluginMenuItem`); false when it has none such. */
  setHidden(record: PluginRecord | undefined, menuItemId: string, hidden: boolean): boolean {
    if (!record?.pkg) return false;
    const known = Object.values(record.pkg.menuItems).some((items) => items.some((item) => item.id === menuItemId));
    if (!known) return false;
    if (hidden) record.hiddenMenuIds.add(menuItemId);
    else record.hiddenMenuIds.delete(menuItemId);
    this.queue();
    return true;
  }

  /** Calls a menu item's action with the arguments its menu gives, in its plugin's sandbox. */
  invoke(key: string, args: unknown[]): void {
    const item = this.#items.value.find((view) => view.key === key);
    if (item && this.#extra.includes(item)) return this.#invokeExtra(item, args);
    const record = item && this.#records.get(item.pluginId);
    if (!item || !record?.registered || !record.sandbox || record.status !== 'loaded') return;
    const action = record.registered[item.action];
    if (typeof action !== 'function') {
      const { sandbox, id } = record;
      void problemTexts().then((texts) => sandbox.report('action', new TypeError(texts.runtimeProblems.noAction(id, item.action, item.location))));
      return;
    }
    record.sandbox.call('action', action as (...a: never[]) => unknown, record.registered, args);
  }

  /**
   * The plugin's state$ drives its menu items' icons and labels. Its icons may come from the
   * branding folder, the page, and `allowedOrigins` (the host's).
   */
  watchState(record: PluginRecord, plugin: RegisteredPlugin, sandbox: PluginSandbox, branding: BrandingResult | null, allowedOrigins: readonly string[]): void {
    const state$ = plugin.state$ as { subscribe?: unknown } | undefined | null;
    if (!state$ || typeof state$.subscribe !== 'function') return;
    const pkg = record.pkg as ResolvedPluginPackage;
    const brandingUrl = branding?.brandingUrl ?? pkg.packageUrl;
    const origins = [...allowedOrigins, new URL(brandingUrl).origin, location.origin];
    // A value the menus cannot use is reported once per kind and load: state$ emits on every roster update.
    const complain: StateComplaint = (problem) =>
      sandbox.reportOnce(`state ${problem.kind}`, (texts) => new TypeError(texts.pluginProblems.state(record.id, problem)), 'state');
    const resolveIcon = (icon: string) => {
      const url = resolveStateIcon(icon, pkg.packageUrl, brandingUrl, branding?.brandingID ?? null);
      const refusal = refusedUrl(url, origins);
      if (!refusal) return url;
      complain({ kind: 'icon', url, refusal });
      return undefined;
    };
    const observer = {
      next: (value: unknown) => {
        record.state = readPluginState(value, resolveIcon, complain);
        this.queue();
      },
      error: (error: unknown) => sandbox.report('subscriber', error),
    };
    const outcome = sandbox.invoke(state$.subscribe as (...a: never[]) => unknown, state$, [observer], 'subscriber');
    if (!outcome.ok) sandbox.report('subscriber', outcome.error);
    else if (isSubscription(outcome.value)) sandbox.track(outcome.value);
  }
}

/** An rxjs Subscription or a look-alike: what the sandbox can end when the plugin unloads. */
function isSubscription(value: unknown): value is TrackedSubscription {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { unsubscribe?: unknown }).unsubscribe === 'function' &&
    typeof (value as { add?: unknown }).add === 'function'
  );
}
