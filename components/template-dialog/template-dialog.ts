import { LitElement, type PropertyValues } from 'lit';
import { noteHandlerEvent } from '../../src/runtime/handler-events.js';
import { findCallingSandbox } from '../../src/runtime/plugin-runtime.js';
import { currentPhase } from '../../src/runtime/plugin-sandbox.js';
import { createPexEvent } from '../events.js';
import { deepActiveElement } from '../shared/deep-active-element.js';
import { LazyView } from '../shared/lazy-view.js';
import type { TemplateDialogView } from './template-dialog-view.js';

/** @internal The dialog's look, a chunk of its own. */
export const templateDialogLook = new LazyView(() => import('./template-dialog-view.js'));

/**
 * A plugin's dialog (`PEX.pluginAPI.openTemplateDialog`). The body is the element's light
 * DOM — the plugin's own HTML as it wrote it — so `document.getElementById` finds its parts
 * and its inline handlers run. The dialog is modal, labelled by its title, keeps focus
 * inside while open, closes on Escape and on the backdrop (unless `close-disabled`), and
 * gives focus back to where it was when it opened. Removed from the page by other code, it
 * counts as closed (a plugin that removed another plugin's dialog is reported).
 *
 * @tagname pex-template-dialog
 * @summary A modal dialog with a title and a plugin's HTML body.
 *
 * @slot - The body.
 *
 * @event pex-dialog-close - The dialog closed. `detail: {value}` (the value given to `close`).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart close-button - The close button.
 * @csspart body - The body's container.
 *
 * @cssprop --pex-dialog-background - Dialog background.
 * @cssprop --pex-dialog-color - Dialog text color.
 * @cssprop --pex-dialog-width - Dialog width.
 * @cssprop --pex-dialog-radius - Corner radius.
 * @cssprop --pex-dialog-padding - Padding around title and body.
 * @cssprop --pex-dialog-backdrop - The backdrop behind the dialog.
 * @cssprop --pex-focus-ring - Outline of the focused control.
 * @cssprop --pex-green - Background of `green-action-button`, text and border of `green-non-action-button` (in the body).
 * @cssprop --pex-green-hover - `green-action-button` background on hover.
 * @cssprop --pex-blue - Background of `blue-action-button`.
 * @cssprop --pex-blue-hover - `blue-action-button` background on hover.
 * @cssprop --pex-red - Background of `red-action-button`.
 * @cssprop --pex-red-hover - `red-action-button` background on hover.
 * @cssprop --pex-button-radius - Corner radius of the body's `dialog-button`s.
 * @cssprop --pex-input-border - Border colour of the body's `pex-text-input`s.
 */
export class PexTemplateDialog extends LitElement {
  static override properties = {
    heading: { type: String },
    closeDisabled: { type: Boolean, attribute: 'close-disabled' },
    open: { type: Boolean, reflect: true },
  };

  /** The title; null or '' shows none (the dialog is then labelled "Plugin dialog"). */
  declare heading: string | null;
  /** No close button; Escape and the backdrop do not close it (`isCloseDisabled`). */
  declare closeDisabled: boolean;
  /** Whether it is showing. */
  declare open: boolean;

  /** The value the dialog closed with. */
  returnValue: unknown;
  #opener: HTMLElement | null = null;
  #closing = false;
  #view: TemplateDialogView | undefined;

  constructor() {
    super();
    this.heading = null;
    this.closeDisabled = false;
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.open || this.#closing) return;
    // Known only now, while the code that removed it runs; a move puts it back in this task.
    const remover = findCallingSandbox();
    const phase = currentPhase();
    queueMicrotask(() => {
      if (this.isConnected || !this.open) return;
      const owner = this.dataset.pexPluginId;
      if (remover && remover.pluginId !== owner) {
        remover.reportOnce('removed dialog', (texts) => new Error(texts.pluginProblems.removedDialog(remover.pluginId, owner ?? '')), phase);
      }
      this.close();
    });
  }

  /** Opens it as a modal; resolves once it shows and focus is inside. */
  async show(): Promise<void> {
    this.#opener = deepActiveElement(this.ownerDocument);
    this.#watchInlineHandlers();
    this.open = true;
    await this.updateComplete;
    const failure = templateDialogLook.current ? undefined : templateDialogLook.failure;
    if (failure) {
      // Nothing shows without its look: the plugin's opening fails, and the dialog goes (counted closed).
      this.close();
      throw failure;
    }
  }

  /**
   * An inline handler of the body (`onclick="..."`) runs as page code, and an error in it
   * names the page: each event it handles is noted first (capture runs before the handler),
   * so the host can put that error down to the dialog's plugin.
   */
  #watchInlineHandlers(): void {
    const pluginId = this.dataset.pexPluginId;
    if (!pluginId) return;
    const types = new Set<string>();
    for (const el of this.querySelectorAll('*')) {
      for (const { name } of el.attributes) if (name.startsWith('on')) types.add(name.slice(2));
    }
    for (const type of types) this.addEventListener(type, (event) => noteHandlerEvent(event, pluginId), true);
  }

  /** Closes it with a value (`ref.close(value)`); the element then leaves the page. */
  close(value?: unknown): void {
    if (!this.open || this.#closing) return;
    this.#closing = true;
    this.returnValue = value;
    this.open = false;
    this.#dialog?.close();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(createPexEvent('pex-dialog-close', { value }));
    this.remove();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return templateDialogLook.schedule(this, () => super.scheduleUpdate());
  }

  protected override render() {
    const loaded = templateDialogLook.current;
    this.#view ??= loaded && new loaded.TemplateDialogView(this);
    return this.#view?.render();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#view?.updated(changed.has('open'));
  }
}
