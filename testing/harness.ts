import type { ConferenceConnection, Diagnostic, PexAction, PexPluginHost, PluginInfo, PluginStatus } from '../components/index.js';
import type { PexEventDetails } from '../components/events.js';
import type { CommandAnswers } from '../src/conference/commands.js';
import type { MenuItemView } from '../src/runtime/menu-items.js';
import type { PluginErrorDetail } from '../src/runtime/plugin-error.js';
import { CommandLog, type AutoAnswer, type RecordedCommand } from './commands.js';
import { captureConsole } from './console-capture.js';
import { waitForDialog, type DialogHandle, type DialogOptions } from './dialog.js';
import { HarnessMenus, type MenuItemHandle, type MenuLocation, type MenuOptions } from './menus.js';
import { waitFor, type WaitOptions } from './wait.js';

/** A plugin as the host sees it now: its settings entry's status and the menu items it shows. */
export interface PluginState {
  /** Its id, name, status (`loaded`, `filtered-out`, `failed`, …) and why it failed. */
  readonly info: PluginInfo;
  /** Its menu items with its state$ applied (label, icon, per-participant looks); none unless loaded. */
  readonly items: readonly MenuItemView[];
}

type CommandName = RecordedCommand['name'];

function textOf(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return typeof value === 'string' ? value : String(value);
}

/**
 * A `<pex-plugin-host>` on the test page, with a toolbar, a conference menu and a participant
 * menu inside, and everything it emitted recorded from before it started. Made by
 * `mountPluginHost`.
 */
export class PluginHostHarness {
  /** The host element: set `participants`, `conference`, `connection`… on it as an app would. */
  readonly host: PexPluginHost;
  /** Every `pex-plugin-error`: a plugin failed or threw. */
  readonly errors: PluginErrorDetail[] = [];
  /** Every `pex-diagnostic`: a problem in the branding folder or a plugin's files. */
  readonly diagnostics: Diagnostic[] = [];
  /** Every action a plugin dispatched (`PEX.dispatchAction`, the host's `pex-action`), oldest first. */
  readonly actions: PexAction[] = [];
  /** console.warn and console.error lines while the host was mounted (`warn: …`, `error: …`). */
  readonly console: string[] = [];

  readonly #container: HTMLElement;
  readonly #menus: HarnessMenus;
  readonly #commands: CommandLog;
  readonly #stopConsole: () => void;
  #actionCursor = 0;
  #removed = false;

  /** @internal Use mountPluginHost. */
  constructor(host: PexPluginHost, container: HTMLElement, autoAnswer: AutoAnswer | undefined) {
    this.host = host;
    this.#container = container;
    this.#menus = new HarnessMenus(host);
    this.#commands = new CommandLog(() => ({ connected: host.connection !== undefined, autoAnswer }));
    this.#stopConsole = captureConsole(this.console);
    host.addEventListener('pex-command', this.#commands.listener);
    host.addEventListener('pex-plugin-error', (e) => this.errors.push(e.detail));
    host.addEventListener('pex-diagnostic', (e) => this.diagnostics.push(e.detail.diagnostic));
    host.addEventListener('pex-action', (e: CustomEvent<PexEventDetails['pex-action']>) => this.actions.push(e.detail.action));
  }

  /** Resolves once the branding folder is read and every enabled plugin has loaded or failed. */
  get settled(): Promise<void> {
    return this.host.settled;
  }

  // ---------------------------------------------------------------- plugins

  /** A plugin of settings.json by id, with its status; an error naming the ids there are if it is not one. */
  plugin(id: string): PluginInfo {
    const info = this.host.plugins.find((p) => p.id === id);
    if (!info) throw new Error(`no plugin "${id}" in the branding folder (it has: ${this.host.plugins.map((p) => p.id).join(', ') || 'none'})`);
    return info;
  }

  /** Every plugin's status, by id. */
  statuses(): Record<string, PluginStatus> {
    return Object.fromEntries(this.host.plugins.map((p) => [p.id, p.status]));
  }

  /** A plugin's state now: its status and its menu items as its state$ made them. */
  state(pluginId: string): PluginState {
    return { info: this.plugin(pluginId), items: this.host.runtime.menuItems.filter((item) => item.pluginId === pluginId) };
  }

  /**
   * Waits until `accept` holds for the plugin's state (see PluginState) and resolves with it:
   * `waitForState(id, (s) => s.items[0]?.label === 'Stop recording')`. `what` names the wait in
   * the timeout's error.
   */
  waitForState(pluginId: string, accept: (state: PluginState) => boolean, what = 'the expected state', options: WaitOptions = {}): Promise<PluginState> {
    return waitFor(
      () => {
        const state = this.state(pluginId);
        return accept(state) ? state : undefined;
      },
      `${what} of plugin ${pluginId}`,
      {
        ...options,
        seen: () => {
          const { info, items } = this.state(pluginId);
          return `it is ${info.status}${info.error ? ` (${info.error.message})` : ''} with items ${JSON.stringify(items.map((i) => ({ location: i.location, label: i.label, icon: i.icon })))}`;
        },
      },
    );
  }

  /** Waits until a plugin has the status `status` (`loaded`, `filtered-out`, …). */
  waitForStatus(pluginId: string, status: PluginStatus, options: WaitOptions = {}): Promise<PluginState> {
    return this.waitForState(pluginId, (s) => s.info.status === status, `the status ${status}`, options);
  }

  /**
   * Problems worth failing a test for, as short lines: every plugin error, and every error or
   * warning diagnostic. `expect(harness.problems()).to.deep.equal([])`.
   */
  problems(): string[] {
    return [
      ...this.errors.map((e) => `pex-plugin-error ${e.id} (${e.phase}): ${textOf(e.error)}`),
      ...this.diagnostics
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .map((d) => `${d.severity} ${d.file}${d.pointer ? ` ${d.pointer}` : ''}: ${d.message}`),
    ];
  }

  // ---------------------------------------------------------------- menus

  /**
   * Waits for the menu item labelled `label` (its state$ label, else its package's) and
   * returns it; `.click()` it. Looks in the toolbar, the conference menu, then the
   * participant menu, unless `location` or `participant` says where.
   */
  menuItem(label: string, options: MenuOptions = {}): Promise<MenuItemHandle> {
    return this.#menus.find(label, options);
  }

  /** The items rendered now in one location, in order (see MenuItemHandle: label, icon, click). */
  menuItems(location: MenuLocation): MenuItemHandle[] {
    return this.#menus.items(location);
  }

  /** The labels rendered now in one location, in order. */
  labels(location: MenuLocation): string[] {
    return this.menuItems(location).map((item) => item.label);
  }

  /** Waits until one location shows exactly `labels`, in order (for a participant, with `participant`). */
  waitForLabels(location: MenuLocation, labels: readonly string[], options: Omit<MenuOptions, 'location'> = {}): Promise<void> {
    return this.#menus.waitForLabels(location, labels, options);
  }

  /** Points the participant menu at a participant: a uuid (the host's latest roster entry for it, waited for) or one. */
  showParticipant(who: Parameters<HarnessMenus['showParticipant']>[0], options: WaitOptions = {}) {
    return this.#menus.showParticipant(who, options);
  }

  // ---------------------------------------------------------------- dialogs

  /** Waits for an open plugin dialog (the newest, or the one with `title`) and its plugin's set-up. */
  dialog(options: DialogOptions = {}): Promise<DialogHandle> {
    return waitForDialog(options);
  }

  // ---------------------------------------------------------------- commands and actions

  /** Every command the plugins sent, oldest first. */
  get commands(): readonly RecordedCommand[] {
    return this.#commands.all;
  }

  /**
   * The next command (after the one the previous call returned), or the next called `name`;
   * waits for it. Without a connection or `autoAnswer`, the plugin waits until the test calls
   * `answer` or `refuse` (or the host's `commandTimeout` passes).
   */
  nextCommand<N extends CommandName>(name?: N, options: WaitOptions = {}): Promise<RecordedCommand<N>> {
    return this.#commands.next(name, options);
  }

  /**
   * Answers a held command: `sendRequest` → the server's `result`, `dialOut` → the new uuids
   * (`['uuid']`); the server's REST reply as it came (`{status: 'success', result}`) also does.
   */
  answer<C extends RecordedCommand>(command: C, value?: CommandAnswers[C['name']]): void {
    this.#commands.answer(command, value);
  }

  /** Refuses a held command with the server's reason (`'Gateway dial out failed'`). */
  refuse(command: RecordedCommand, reason: string): void {
    this.#commands.refuse(command, reason);
  }

  /** An action for the plugins, as the client sends them (`PEX.actions$`): `dispatchAction('[Conference] Lock', true)`. */
  dispatchAction(type: string, payload?: unknown): void {
    this.host.dispatchAction(payload === undefined ? { type } : { type, payload });
  }

  /** The next action a plugin dispatched (after the one the previous call returned), or the next of `type`; waits for it. */
  async nextAction(type?: string, options: WaitOptions = {}): Promise<PexAction> {
    const index = await waitFor(
      () => {
        for (let i = this.#actionCursor; i < this.actions.length; i++) if (type === undefined || this.actions[i]!.type === type) return i + 1;
        return undefined;
      },
      type ? `a plugin to dispatch "${type}"` : 'a plugin to dispatch an action',
      { ...options, seen: () => `actions so far: ${this.actions.map((a) => a.type).join(', ') || 'none'}` },
    );
    this.#actionCursor = index;
    return this.actions[index - 1]!;
  }

  // ---------------------------------------------------------------- the end

  /** Gives the host a connection (connected mode), as an app would once joined. */
  async connect(connection: ConferenceConnection): Promise<void> {
    this.host.connection = connection;
    await this.host.updateComplete;
  }

  /**
   * Takes the host off the page: its dialogs close, its plugins unload (their `unload` runs).
   * Done after each test by itself (see cleanUp).
   */
  async remove(): Promise<void> {
    if (this.#removed) return;
    this.#removed = true;
    for (const dialog of this.host.querySelectorAll('pex-template-dialog')) dialog.close();
    this.#container.remove();
    this.#stopConsole();
    // The host unloads its plugins a microtask after it leaves the page.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
