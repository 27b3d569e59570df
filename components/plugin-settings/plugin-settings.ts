import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import type { PluginInfo, PluginRuntime } from '../../src/runtime/plugin-runtime.js';
import { pluginHostContext } from '../context.js';
import { LazyView } from '../shared/lazy-view.js';
import { ObserveController } from '../shared/observe-controller.js';
import type { PluginSettingsView } from './plugin-settings-view.js';

const view = new LazyView(() => import('./plugin-settings-view.js'));

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
  static override properties = {
    label: { type: String },
  };

  /** The list's accessible name. */
  declare label: string;

  readonly #plugins = new ObserveController<readonly PluginInfo[]>(this, []);
  #runtime: PluginRuntime | undefined;
  #view: PluginSettingsView | undefined;

  constructor() {
    super();
    this.label = 'Plugins';
    new ContextConsumer(this, {
      context: pluginHostContext,
      subscribe: true,
      callback: (host) => {
        this.#runtime = host?.runtime;
        this.#plugins.observe(host?.runtime.plugins$, []);
      },
    });
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return view.schedule(this, () => super.scheduleUpdate());
  }

  protected override render() {
    const loaded = view.current;
    this.#view ??=
      loaded &&
      new loaded.PluginSettingsView(this, {
        plugins: () => this.#plugins.value,
        runtime: () => this.#runtime,
      });
    return this.#view?.render();
  }

  protected override updated(): void {
    this.#view?.updated();
  }
}
