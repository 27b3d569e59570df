import { html, nothing, type ReactiveElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PluginPhase } from '../../src/runtime/plugin-error.js';
import type { PluginInfo, PluginRuntime } from '../../src/runtime/plugin-runtime.js';
import { pluginSettingsStyles } from './plugin-settings.styles.js';

/**
 * What `<pex-plugin-settings>` looks like and does, fetched the first time one renders (most
 * pages show Settings > Plugins rarely, and never before their first plugin is on screen).
 */

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

/** What the view reads of its element. */
interface PluginSettingsElement extends ReactiveElement {
  readonly label: string;
}

/** What the element knows that only it can see: its host's plugins and runtime. */
export interface PluginSettingsSource {
  plugins(): readonly PluginInfo[];
  runtime(): PluginRuntime | undefined;
}

export const styles = pluginSettingsStyles;

/** One element's view: its template and the state only the view keeps. */
export class PluginSettingsView {
  /** What the polite live region says: the outcome of the user's last load or retry. */
  #announcement = '';
  /** A Retry button that had focus: once it is gone, focus goes to its plugin's switch. */
  #retryWithFocus: HTMLElement | undefined;

  constructor(
    private readonly element: PluginSettingsElement,
    private readonly source: PluginSettingsSource,
  ) {}

  render() {
    const { element } = this;
    const plugins = this.source.plugins().filter((plugin) => plugin.status !== 'filtered-out');
    return html`<div part="base">
      <slot name="heading"></slot>
      ${this.source.runtime()?.choicesKept === false
        ? html`<p part="storage-notice">Your choices will not be kept after this page closes: the browser does not let it store them.</p>`
        : nothing}
      ${plugins.length === 0
        ? html`<p part="empty">No plugins are available.</p>`
        : // role="list": Safari drops a list's semantics when its bullets are styled away.
          html`<ul part="list" role="list" aria-label=${element.label}>
            ${repeat(
              plugins,
              (plugin) => plugin.id,
              (plugin, index) => this.#renderPlugin(plugin, index),
            )}
          </ul>`}
      <div class="visually-hidden" role="status">${this.#announcement}</div>
    </div>`;
  }

  updated(): void {
    const retry = this.#retryWithFocus;
    this.#retryWithFocus = undefined;
    // The Retry button goes away as its plugin starts loading: keep keyboard users in place.
    if (retry && !retry.isConnected) {
      const id = retry.dataset.id;
      const item = [...this.element.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')].find((li) => li.dataset.id === id);
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
    return this.source.plugins().find((plugin) => plugin.id === id);
  }

  #toggle(id: string): void {
    const runtime = this.source.runtime();
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
    const runtime = this.source.runtime();
    if (!runtime || this.#current(id)?.status !== 'failed') return;
    if (this.element.shadowRoot?.activeElement === button) this.#retryWithFocus = button;
    runtime.loadPlugin(id).then(
      () => this.#announce(id),
      (error: unknown) => console.error(`[pex-plugin-host] retrying plugin "${id}" failed:`, error),
    );
  };

  #announce(id: string): void {
    const plugin = this.#current(id);
    if (!plugin || !this.element.isConnected) return;
    this.#announcement = `${plugin.name}: ${statusText(plugin)}`;
    this.element.requestUpdate();
  }
}
