import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PluginPhase } from '../../src/runtime/plugin-error.js';
import type { PluginInfo } from '../../src/runtime/plugin-runtime.js';
import { pluginHostContext, type PluginHostContext } from '../context.js';
import { ObserveController } from '../shared/observe-controller.js';
import { pluginSettingsStyles } from './plugin-settings.styles.js';

/** Why a plugin failed, in words a user understands (the technical message goes under Details). */
export function failureReason(phase: PluginPhase | undefined): string {
  switch (phase) {
    case 'config':
      return 'Its files could not be read.';
    case 'script':
      return 'Its code could not be loaded.';
    case 'register':
      return 'It did not start: it never registered.';
    case 'load':
      return 'It failed while starting.';
    default:
      return 'It stopped working.';
  }
}

/** What went wrong with a plugin that went on running (or was unloaded), in words. */
export function problemReason(phase: PluginPhase): string {
  switch (phase) {
    case 'action':
      return 'One of its menu items failed.';
    case 'state':
      return 'It gave its menu item a look that cannot be shown.';
    case 'register':
      return 'It registered itself wrongly.';
    case 'unload':
      return 'It failed while stopping.';
    default:
      return 'It ran into an error.';
  }
}

/** A plugin's state in words. */
export function statusText(plugin: PluginInfo): string {
  switch (plugin.status) {
    case 'loaded':
      return 'Loaded';
    case 'not-loaded':
      return 'Not loaded';
    case 'fetching':
    case 'loading':
      return 'Loading…';
    case 'failed':
      return `Failed: ${failureReason(plugin.error?.phase)}`;
    case 'filtered-out':
      return 'Not available here';
  }
}

function isBusy(plugin: PluginInfo): boolean {
  return plugin.status === 'fetching' || plugin.status === 'loading';
}

/**
 * The switch shows what the user asked for, and also a plugin the app loaded through the
 * runtime, so that turning the switch off is what unloads a running plugin.
 */
function isOn(plugin: PluginInfo): boolean {
  return plugin.wanted || plugin.status === 'loaded' || plugin.status === 'loading';
}

/**
 * The Settings > Plugins page: every plugin of the branding that fits this platform and
 * role, with its state, a switch to load or unload it (kept per branding across reloads),
 * and for a failed plugin the reason, the technical details and a Retry button; a plugin
 * that reported a problem and went on shows it too. When the browser will not store the
 * choices, it says they last until the page closes. Place it anywhere inside `<pex-plugin-host>`.
 *
 * @tagname pex-plugin-settings
 * @summary The user's list of plugins, to load, unload and retry them.
 *
 * @slot heading - A heading shown above the list, e.g. `<h2 slot="heading">Plugins</h2>`.
 *   The list's accessible name is `label`: keep the two alike.
 *
 * @csspart base - The container of the heading, the list and the empty message.
 * @csspart list - The list of plugins (`<ul>`).
 * @csspart empty - The message shown when there are no plugins.
 * @csspart item - One plugin (`<li>`); `data-id` is its id, `data-status` its status.
 * @csspart name - The plugin's name.
 * @csspart version - The plugin's version (absent when the package gives none).
 * @csspart description - The plugin's description (absent when empty).
 * @csspart status - The plugin's state in words.
 * @csspart switch - The load/unload switch (`<button role="switch">`).
 * @csspart error - A failed plugin's details and Retry button.
 * @csspart error-details - The technical message inside the Details disclosure.
 * @csspart problem - The last problem of a plugin that went on running: the reason and its Details.
 * @csspart storage-notice - The note that choices will not be kept (the browser's storage refused them).
 * @csspart retry - The Retry button of a failed plugin.
 *
 * @cssprop --pex-settings-gap - Space between and inside the rows.
 * @cssprop --pex-settings-divider - The border between rows.
 * @cssprop --pex-settings-muted-color - Colour of the version, description and status.
 * @cssprop --pex-switch-on-color - Track colour of a switch that is on.
 * @cssprop --pex-switch-off-color - Track colour of a switch that is off.
 * @cssprop --pex-switch-thumb-color - Colour of the switch's thumb.
 * @cssprop --pex-error-color - Colour of a failed plugin's status and details.
 * @cssprop --pex-focus-ring - Outline of the focused switch, Retry button or Details.
 */
export class PexPluginSettings extends LitElement {
  static override styles = pluginSettingsStyles;

  static override properties = {
    label: { type: String },
  };

  /** The list's accessible name. */
  declare label: string;

  readonly #plugins = new ObserveController<readonly PluginInfo[]>(this, []);
  #host: PluginHostContext | undefined;
  /** What the polite live region says: the outcome of the user's last load or retry. */
  #announcement = '';
  /** A Retry button that had focus: once it is gone, focus goes to its plugin's switch. */
  #retryWithFocus: HTMLElement | undefined;

  constructor() {
    super();
    this.label = 'Plugins';
    new ContextConsumer(this, {
      context: pluginHostContext,
      subscribe: true,
      callback: (host) => {
        this.#host = host;
        this.#plugins.observe(host?.runtime.plugins$, []);
      },
    });
  }

  protected override render() {
    const plugins = this.#plugins.value.filter((plugin) => plugin.status !== 'filtered-out');
    return html`<div part="base">
      <slot name="heading"></slot>
      ${this.#host?.runtime.choicesKept === false
        ? html`<p part="storage-notice">Your choices will not be kept after this page closes: the browser does not let it store them.</p>`
        : nothing}
      ${plugins.length === 0
        ? html`<p part="empty">No plugins are available.</p>`
        : // role="list": Safari drops a list's semantics when its bullets are styled away.
          html`<ul part="list" role="list" aria-label=${this.label}>
            ${repeat(
              plugins,
              (plugin) => plugin.id,
              (plugin, index) => this.#renderPlugin(plugin, index),
            )}
          </ul>`}
      <div class="visually-hidden" role="status">${this.#announcement}</div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const retry = this.#retryWithFocus;
    this.#retryWithFocus = undefined;
    // The Retry button goes away as its plugin starts loading: keep keyboard users in place.
    if (retry && !retry.isConnected) {
      const id = retry.dataset.id;
      const item = [...this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')].find((li) => li.dataset.id === id);
      item?.querySelector<HTMLElement>('[part="switch"]')?.focus();
    }
  }

  #renderPlugin(plugin: PluginInfo, index: number) {
    const busy = isBusy(plugin);
    const alwaysOn = !plugin.allowUnload;
    const statusId = `status-${index}`;
    return html`<li part="item" data-id=${plugin.id} data-status=${plugin.status}>
      <div class="info">
        <div class="title">
          <span part="name">${plugin.name}</span>
          ${plugin.version ? html`<span part="version">Version ${plugin.version}</span>` : nothing}
        </div>
        ${plugin.description ? html`<p part="description">${plugin.description}</p>` : nothing}
        <p part="status" id=${statusId}>${statusText(plugin)}</p>
      </div>
      <button
        part="switch"
        type="button"
        role="switch"
        data-id=${plugin.id}
        aria-checked=${isOn(plugin) ? 'true' : 'false'}
        aria-label=${alwaysOn ? `${plugin.name}: always on` : plugin.name}
        aria-describedby=${statusId}
        aria-busy=${busy ? 'true' : nothing}
        aria-disabled=${alwaysOn ? 'true' : nothing}
        @click=${() => this.#toggle(plugin.id)}
      >
        <span class="track" aria-hidden="true"><span class="thumb"></span></span>
        ${alwaysOn ? html`<span class="switch-text">Always on</span>` : nothing}
      </button>
      ${plugin.status === 'failed' ? this.#renderError(plugin) : plugin.problem ? this.#renderProblem(plugin.problem) : nothing}
    </li>`;
  }

  #renderError(plugin: PluginInfo) {
    return html`<div part="error">
      ${plugin.error?.message
        ? html`<details>
            <summary>Details</summary>
            <p part="error-details" class="technical">${plugin.error.message}</p>
          </details>`
        : nothing}
      <button part="retry" type="button" data-id=${plugin.id} aria-label=${`Retry ${plugin.name}`} @click=${this.#onRetry}>Retry</button>
    </div>`;
  }

  #renderProblem(problem: NonNullable<PluginInfo['problem']>) {
    return html`<div part="problem">
      <p class="problem-reason">Had a problem: ${problemReason(problem.phase)}</p>
      <details>
        <summary>Details</summary>
        <p part="error-details" class="technical">${problem.message}</p>
      </details>
    </div>`;
  }

  #current(id: string): PluginInfo | undefined {
    return this.#plugins.value.find((plugin) => plugin.id === id);
  }

  #toggle(id: string): void {
    const runtime = this.#host?.runtime;
    // Read the latest state, not the one rendered: a click may come before the next render.
    const plugin = this.#current(id);
    if (!runtime || !plugin || isBusy(plugin) || !plugin.allowUnload) return;
    const enable = !isOn(plugin);
    runtime.setPluginEnabled(id, enable).then(
      () => {
        if (enable) this.#announce(id);
      },
      (error: unknown) => console.error(`[pex-plugin-host] turning plugin "${id}" ${enable ? 'on' : 'off'} failed:`, error),
    );
  }

  readonly #onRetry = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    const id = button.dataset.id ?? '';
    const runtime = this.#host?.runtime;
    if (!runtime || this.#current(id)?.status !== 'failed') return;
    if (this.shadowRoot?.activeElement === button) this.#retryWithFocus = button;
    runtime.loadPlugin(id).then(
      () => this.#announce(id),
      (error: unknown) => console.error(`[pex-plugin-host] retrying plugin "${id}" failed:`, error),
    );
  };

  #announce(id: string): void {
    const plugin = this.#current(id);
    if (!plugin || !this.isConnected) return;
    this.#announcement = `${plugin.name}: ${statusText(plugin)}`;
    this.requestUpdate();
  }
}
