/**
 * The inspector panel: for each plugin of the branding its status, its diagnostics, the
 * commands it sent with their answers and the actions it dispatched; then the actions the app
 * gave the plugins and the branding's own diagnostics. Each plugin is a <details> (keyboard
 * and screen readers know it), lists are lists, and each new entry is read out in a polite
 * live region.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Subscription } from 'rxjs';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { formatDiagnostic, type Diagnostic } from '../src/config/diagnostics.js';
import type { PluginInfo } from '../src/runtime/plugin-runtime.js';
import type { ActionEntry, CommandEntry, InspectorLog } from './inspector-log.js';

const time = (at: Date) => at.toLocaleTimeString(undefined, { hour12: false });

/** JSON in one line, cut short: enough to recognise, never a wall of text. */
function brief(value: unknown, max = 160): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function diagnosticList(diagnostics: readonly Diagnostic[]): TemplateResult {
  if (diagnostics.length === 0) return html`<p class="empty">None.</p>`;
  return html`<ul class="entries">
    ${diagnostics.map((d) => html`<li class="diagnostic ${d.severity}"><strong>${d.severity}</strong> ${formatDiagnostic(d)}</li>`)}
  </ul>`;
}

function answerOf(entry: CommandEntry): TemplateResult {
  switch (entry.answer.state) {
    case 'waiting':
      return html`<span class="waiting">waiting for an answer</span>`;
    case 'answered':
      return html`<span class="answered">answered by the ${entry.answer.by}: <code>${brief(entry.answer.value)}</code></span>`;
    case 'failed':
      return html`<span class="failed">failed: ${entry.answer.error}</span>`;
  }
}

function commandList(commands: readonly CommandEntry[]): TemplateResult {
  if (commands.length === 0) return html`<p class="empty">None yet.</p>`;
  return html`<ol class="entries">
    ${commands.map((c) => html`<li><time>${time(c.at)}</time> <code>${c.name}(${brief(c.args)})</code> → ${answerOf(c)}</li>`)}
  </ol>`;
}

function actionList(actions: readonly ActionEntry[]): TemplateResult {
  if (actions.length === 0) return html`<p class="empty">None yet.</p>`;
  return html`<ol class="entries">
    ${actions.map(
      (a) => html`<li><time>${time(a.at)}</time> <code>${a.type}</code>${a.payload === undefined ? nothing : html` <code>${brief(a.payload)}</code>`}</li>`,
    )}
  </ol>`;
}

export class InspectorView {
  #plugins: readonly PluginInfo[] = [];
  readonly #subscriptions: Subscription[] = [];
  #renderQueued = false;

  constructor(
    private readonly container: HTMLElement,
    host: PexPluginHost,
    private readonly log: InspectorLog,
    /** What the Reload button of a plugin does. */
    private readonly reload: (pluginId: string) => void,
  ) {
    this.#subscriptions.push(
      host.runtime.plugins$.subscribe((plugins) => {
        this.#plugins = plugins;
        this.#queueRender();
      }),
      log.changes$.subscribe((announcement) => {
        this.announce(announcement);
        this.#queueRender();
      }),
    );
    this.#render();
  }

  /** Reads `text` out (the live region) and shows it as the panel's latest news. */
  announce(text: string): void {
    const live = this.container.querySelector('#inspector-live');
    if (live) live.textContent = text;
  }

  dispose(): void {
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
  }

  /** Bursts (every plugin reacting to one roster change) render once. */
  #queueRender(): void {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  #render(): void {
    const unnamed = this.log.of('');
    render(
      html`
        <h2 id="inspector-title">Inspector</h2>
        <p id="inspector-live" class="live" role="status" aria-live="polite"></p>
        <h3>Plugins</h3>
        ${this.#plugins.length === 0 ? html`<p class="empty">settings.json enables no plugins (yet).</p>` : nothing}
        <ul class="plugins" aria-label="Plugins">
          ${repeat(
            this.#plugins,
            (plugin) => plugin.id,
            (plugin) => this.#pluginEntry(plugin),
          )}
        </ul>
        <h3>Actions the plugins received</h3>
        <p class="hint">What the app put on PEX.actions$: every plugin subscribed to it hears these.</p>
        ${actionList(this.log.received)}
        ${unnamed.commands.length + unnamed.dispatched.length > 0
          ? html`<h3>From code no plugin could be named for</h3>
              <h4>Commands</h4>
              ${commandList(unnamed.commands)}
              <h4>Actions dispatched</h4>
              ${actionList(unnamed.dispatched)}`
          : nothing}
        <h3>Branding diagnostics</h3>
        ${diagnosticList(this.log.branding)}
      `,
      this.container,
    );
  }

  #pluginEntry(plugin: PluginInfo): TemplateResult {
    const log = this.log.of(plugin.id);
    const errors = log.diagnostics.filter((d) => d.severity === 'error').length;
    return html`<li class="plugin" data-plugin-id=${plugin.id} data-status=${plugin.status}>
      <details open>
        <summary>
          <span class="plugin-name">${plugin.name}</span>
          <span class="plugin-status status-${plugin.status}">${plugin.status}</span>
          ${errors > 0 ? html`<span class="plugin-errors">${errors} ${errors === 1 ? 'error' : 'errors'}</span>` : nothing}
        </summary>
        <p class="plugin-meta">
          <code>${plugin.id}</code>${plugin.version ? html` · version ${plugin.version}` : nothing}${plugin.wanted ? nothing : html` · turned off`}
        </p>
        ${plugin.error ? html`<p class="plugin-error">Failed in ${plugin.error.phase}: ${plugin.error.message}</p>` : nothing}
        <button type="button" class="reload" @click=${() => this.reload(plugin.id)}>Reload ${plugin.name}</button>
        <h4>Diagnostics</h4>
        ${diagnosticList(log.diagnostics)}
        <h4>Commands it sent</h4>
        ${commandList(log.commands)}
        <h4>Actions it dispatched</h4>
        ${actionList(log.dispatched)}
      </details>
    </li>`;
  }
}
