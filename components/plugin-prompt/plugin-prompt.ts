import type { RPCCallPayload } from '@pexip/plugin-api';
import { LitElement, html, nothing } from 'lit';
import { createPexDialogEvent } from '../shared/dialog-events.js';
import { ModalDialog, modalDialogStyles } from '../shared/modal-dialog.js';

/**
 * A Web App 3 plugin's prompt (`ui:prompt:open`) as a modal alert dialog: its title, its
 * description and its buttons (`primaryAction`, and `secondaryAction` when given). Choosing one
 * emits `pex-prompt-choice` with that button's text, as the package's `ui:prompt:input` carries
 * it. Focus starts on the primary button; Escape and the close button dismiss it without a
 * choice (`pex-dialog-close`); closed, it leaves the page.
 *
 * @tagname pex-plugin-prompt
 * @summary A plugin's prompt as an accessible modal dialog.
 *
 * @event pex-prompt-choice - A button was chosen. `detail: {input}` (the button's text)
 * @event pex-dialog-close - The dialog closed (answered, dismissed or removed). `detail: {value: undefined}`
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart description - The description.
 * @csspart close-button - The close button.
 * @csspart primary-button - The primary action's button.
 * @csspart secondary-button - The secondary action's button.
 *
 * @cssprop --pex-dialog-background - Dialog background.
 * @cssprop --pex-dialog-color - Dialog text color.
 * @cssprop --pex-dialog-width - Dialog width.
 * @cssprop --pex-dialog-radius - Corner radius.
 * @cssprop --pex-dialog-padding - Padding around title, description and buttons.
 * @cssprop --pex-dialog-backdrop - The backdrop behind the dialog.
 * @cssprop --pex-dialog-button-background - The primary button's background (the secondary's border).
 * @cssprop --pex-dialog-button-color - The primary button's text color.
 * @cssprop --pex-dialog-button-radius - The buttons' corner radius.
 * @cssprop --pex-focus-ring - Outline of the focused control.
 */
export class PexPluginPrompt extends LitElement {
  static override styles = modalDialogStyles;

  static override properties = {
    prompt: { attribute: false },
  };

  /** The prompt as `ui:prompt:open` gave it. */
  declare prompt: RPCCallPayload<'ui:prompt:open'> | undefined;

  readonly #modal = new ModalDialog(this);

  constructor() {
    super();
    this.prompt = undefined;
  }

  /** Opens it as a modal; resolves once it shows with focus on the primary button. */
  show(): Promise<void> {
    return this.#modal.show(() => this.renderRoot.querySelector<HTMLElement>('[part="primary-button"]'));
  }

  /** Closes it without a choice; it then leaves the page. */
  close(): void {
    this.#modal.close();
  }

  #choose(input: string): void {
    this.dispatchEvent(createPexDialogEvent('pex-prompt-choice', { input }));
  }

  protected override render() {
    const prompt = this.prompt;
    if (!prompt) return nothing;
    const modal = this.#modal;
    const { primaryAction, secondaryAction } = prompt.prompt;
    return html`<dialog
      part="dialog"
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby=${prompt.description ? 'description' : nothing}
      @cancel=${modal.onCancel}
      @close=${modal.onNativeClose}
      @keydown=${modal.onKeyDown}
    >
      <header part="header">
        <h2 id="title" part="title">${prompt.title}</h2>
        ${modal.closeButton()}
      </header>
      ${prompt.description ? html`<p id="description" part="description" class="description">${prompt.description}</p>` : nothing}
      <div class="actions">
        ${secondaryAction !== undefined
          ? html`<button part="secondary-button" class="action" type="button" @click=${() => this.#choose(secondaryAction)}>${secondaryAction}</button>`
          : nothing}
        <button part="primary-button" class="action primary" type="button" @click=${() => this.#choose(primaryAction)}>${primaryAction}</button>
      </div>
    </dialog>`;
  }
}
