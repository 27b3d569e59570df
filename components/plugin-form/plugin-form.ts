import type { ChecklistElement, FormElement, FormInput, FormPayload, RadioGroupElement, RangeSliderElement, SelectElement } from '@pexip/plugin-api';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { createPexDialogEvent } from '../shared/dialog-events.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { pluginFormStyles } from './plugin-form.styles.js';

/** What every input, textarea and select of a field carries. */
interface ControlCommon {
  invalid: 'true' | typeof nothing;
  required: boolean;
  autocomplete: string | typeof nothing;
}

/** Whether the element must be filled: every element but a range may say `isOptional`. */
const isRequired = (element: FormElement) => element.type !== 'range' && !element.isOptional;

/**
 * A Web App 3 plugin's form (`ui:form:open`) as a modal dialog: every element type of
 * `@pexip/plugin-api` (text, number, password, email, tel and url inputs, textarea, select,
 * checklist, radio group, range), each labelled by its `name`. Elements are required unless
 * `isOptional`; a checklist's options marked `required` must be checked. Submitting checks
 * them first: each problem is shown under its field (tied by `aria-describedby`) and focus
 * goes to the first. Submitted valid, it emits `pex-form-submit` with the input in the shape
 * of the package's `MapFormReturn`: a number for a number input (undefined when an optional one
 * is left empty), `{optionId: boolean}` for a checklist, a string for every other element
 * (a radio group's checked option's `value`, a select's option `id`, a range's value).
 * Escape and the close button dismiss it (`pex-dialog-close`); closed, it leaves the page.
 *
 * @tagname pex-plugin-form
 * @summary A plugin's form as an accessible modal dialog.
 *
 * @event pex-form-submit - The form was submitted with every required field filled. `detail: {input}`
 * @event pex-dialog-close - The dialog closed (submitted, dismissed or removed). `detail: {value: undefined}`
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart description - The description under the title.
 * @csspart close-button - The close button.
 * @csspart form - The `<form>`.
 * @csspart field - One element's box (label, control, error).
 * @csspart label - An element's label (a fieldset's legend for checklists and radio groups).
 * @csspart control - An input, textarea or select.
 * @csspart option - A checklist's or radio group's option row.
 * @csspart error - The message under a field that is not filled right.
 * @csspart submit-button - The submit button.
 *
 * @cssprop --pex-dialog-background - Dialog background.
 * @cssprop --pex-dialog-color - Dialog text color.
 * @cssprop --pex-dialog-width - Dialog width.
 * @cssprop --pex-dialog-radius - Corner radius.
 * @cssprop --pex-dialog-padding - Padding around title, fields and buttons.
 * @cssprop --pex-dialog-backdrop - The backdrop behind the dialog.
 * @cssprop --pex-dialog-button-background - The submit button's background.
 * @cssprop --pex-dialog-button-color - The submit button's text color.
 * @cssprop --pex-dialog-button-radius - The buttons' corner radius.
 * @cssprop --pex-input-border - Border colour of the controls.
 * @cssprop --pex-dialog-error-color - Color of the field errors and of an invalid control's border.
 * @cssprop --pex-focus-ring - Outline of the focused control.
 */
export class PexPluginForm extends LitElement {
  static override styles = pluginFormStyles;

  static override properties = {
    form: { attribute: false },
    errors: { state: true },
  };

  /** The form as `ui:form:open` gave it. */
  declare form: FormPayload | undefined;
  /** Problems by element id, shown after a submit. */
  declare errors: ReadonlyMap<string, string>;

  readonly #modal = new ModalDialog(this);

  constructor() {
    super();
    this.form = undefined;
    this.errors = new Map();
  }

  /** Opens it as a modal; resolves once it shows with focus on its first field. */
  show(): Promise<void> {
    return this.#modal.show(() => this.renderRoot.querySelector<HTMLElement>('[data-first]'));
  }

  /** Closes it (nothing is submitted); it then leaves the page. */
  close(): void {
    this.#modal.close();
  }

  get #entries(): [string, FormElement][] {
    return Object.entries(this.form?.form.elements ?? {});
  }

  /** The control (or fieldset) of the element at `index`. */
  #control<E extends HTMLElement>(index: number): E | null {
    return this.renderRoot.querySelector<E>(`#f${index}`);
  }

  /** The element's value in the shape `MapFormReturn` gives it. */
  #value(index: number, element: FormElement): FormInput[string] {
    if (element.type === 'checklist') {
      const boxes = this.#control(index)?.querySelectorAll<HTMLInputElement>('input') ?? [];
      return Object.fromEntries([...boxes].map((box) => [box.value, box.checked]));
    }
    if (element.type === 'radio') {
      return this.#control(index)?.querySelector<HTMLInputElement>('input:checked')?.value ?? '';
    }
    const value = this.#control<HTMLInputElement>(index)?.value ?? '';
    if (element.type === 'number') return value === '' ? undefined : Number(value);
    return value;
  }

  /** What is wrong with the element's value, or undefined. */
  #problem(index: number, element: FormElement): string | undefined {
    if (element.type === 'checklist') {
      const boxes = [...(this.#control(index)?.querySelectorAll<HTMLInputElement>('input') ?? [])];
      const unchecked = element.options.find((option, i) => option.required && !boxes[i]?.checked);
      return unchecked && `Check “${unchecked.label}”.`;
    }
    const value = this.#value(index, element);
    if (isRequired(element) && (value === undefined || (typeof value === 'string' && value.trim() === ''))) {
      return element.type === 'select' || element.type === 'radio' ? `Choose ${element.name}.` : `Fill in ${element.name}.`;
    }
    if (element.type === 'radio' || element.type === 'select') return undefined;
    const control = this.#control<HTMLInputElement>(index);
    // A malformed email, url or number: the browser's own words for it.
    if (control && value !== '' && value !== undefined && !control.validity.valid && !control.validity.valueMissing) return control.validationMessage;
    return undefined;
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const entries = this.#entries;
    const errors = new Map<string, string>();
    entries.forEach(([id, element], index) => {
      const problem = this.#problem(index, element);
      if (problem) errors.set(id, problem);
    });
    this.errors = errors;
    if (errors.size > 0) {
      const first = entries.findIndex(([id]) => errors.has(id));
      void this.updateComplete.then(() => {
        const control = this.#control(first);
        (control?.matches('fieldset') ? control.querySelector<HTMLElement>('input:not([disabled])') : control)?.focus();
      });
      return;
    }
    const input: FormInput = Object.fromEntries(entries.map(([id, element], index) => [id, this.#value(index, element)]));
    this.dispatchEvent(createPexDialogEvent('pex-form-submit', { input }));
  };

  /** A field's problem cleared as soon as it changes. */
  #onChange(id: string): void {
    if (!this.errors.has(id)) return;
    const errors = new Map(this.errors);
    errors.delete(id);
    this.errors = errors;
  }

  protected override render() {
    const form = this.form;
    if (!form) return nothing;
    const modal = this.#modal;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby=${form.description ? 'description' : nothing}
      @cancel=${modal.onCancel}
      @close=${modal.onNativeClose}
      @keydown=${modal.onKeyDown}
    >
      <header part="header">
        <h2 id="title" part="title">${form.title}</h2>
        ${modal.closeButton()}
      </header>
      ${form.description ? html`<p id="description" part="description" class="description">${form.description}</p>` : nothing}
      <form part="form" novalidate @submit=${this.#onSubmit}>
        <div class="fields">${this.#entries.map(([id, element], index) => this.#field(id, element, index))}</div>
        <div class="actions">
          <button part="submit-button" class="action primary" type="submit" ?data-first=${this.#entries.length === 0}>${form.form.submitBtnTitle}</button>
        </div>
      </form>
    </dialog>`;
  }

  #field(id: string, element: FormElement, index: number): TemplateResult {
    const error = this.errors.get(id);
    const errorId = `f${index}-error`;
    const described = error ? errorId : nothing;
    const errorLine = error ? html`<p id=${errorId} part="error" class="error">${error}</p>` : nothing;
    const optional = element.type !== 'range' && element.isOptional ? html` <span class="optional">(optional)</span>` : nothing;
    const first = index === 0;
    const changed = () => this.#onChange(id);

    if (element.type === 'checklist' || element.type === 'radio') {
      return html`<fieldset part="field" class="field" id=${`f${index}`} aria-describedby=${described} @change=${changed}>
        <legend part="label">${element.name}${optional}</legend>
        ${element.type === 'checklist' ? this.#checklist(element, index, !!error) : this.#radios(element, index, !!error)} ${errorLine}
      </fieldset>`;
    }

    const label = html`<label part="label" for=${`f${index}`}>${element.name}${optional}</label>`;
    const common: ControlCommon = {
      invalid: error ? 'true' : nothing,
      required: isRequired(element),
      autocomplete: element.autoComplete ?? nothing,
    };
    let control: TemplateResult;
    if (element.type === 'textarea') {
      control = html`<textarea
        part="control"
        id=${`f${index}`}
        placeholder=${element.placeholder ?? nothing}
        autocomplete=${common.autocomplete}
        ?required=${common.required}
        ?data-first=${first}
        aria-invalid=${common.invalid}
        aria-describedby=${described}
        .value=${element.value ?? ''}
        @input=${changed}
      ></textarea>`;
    } else if (element.type === 'select') {
      control = this.#select(element, index, common, described, first, changed);
    } else if (element.type === 'range') {
      control = this.#range(element, index, first);
    } else {
      control = html`<input
        part="control"
        id=${`f${index}`}
        type=${element.type}
        step=${element.type === 'number' ? 'any' : nothing}
        placeholder=${element.placeholder ?? nothing}
        autocomplete=${common.autocomplete}
        ?required=${common.required}
        ?data-first=${first}
        aria-invalid=${common.invalid}
        aria-describedby=${described}
        .value=${element.value ?? ''}
        @input=${changed}
      />`;
    }
    return html`<div part="field" class="field">${label} ${control} ${errorLine}</div>`;
  }

  #select(
    element: SelectElement,
    index: number,
    common: ControlCommon,
    described: string | typeof nothing,
    first: boolean,
    changed: () => void,
  ): TemplateResult {
    const chosen = element.options.some((option) => option.id === element.selected) ? element.selected : '';
    return html`<select
      part="control"
      id=${`f${index}`}
      autocomplete=${common.autocomplete}
      ?required=${common.required}
      ?data-first=${first}
      aria-invalid=${common.invalid}
      aria-describedby=${described}
      @change=${changed}
    >
      <option value="" ?selected=${chosen === ''}>Choose…</option>
      ${element.options.map((option) => html`<option value=${option.id} ?selected=${option.id === chosen}>${option.label}</option>`)}
    </select>`;
  }

  #checklist(element: ChecklistElement, index: number, invalid: boolean): TemplateResult[] {
    return element.options.map(
      (option, i) => html`<label part="option" class="option">
        <input
          type="checkbox"
          value=${option.id}
          ?checked=${!!option.checked}
          ?required=${!!option.required}
          ?data-first=${index === 0 && i === 0}
          aria-invalid=${invalid && option.required ? 'true' : nothing}
        />
        ${option.label}
      </label>`,
    );
  }

  #radios(element: RadioGroupElement, index: number, invalid: boolean): TemplateResult[] {
    const checked = element.options.find((option) => option.value === element.checked || option.id === element.checked);
    // The first enabled option takes focus first when none is checked, as a radio group's Tab does.
    const firstStop = checked ?? element.options.find((option) => !option.isDisabled);
    return element.options.map(
      (option) => html`<label part="option" class="option">
        <input
          type="radio"
          name=${`f${index}-${element.groupName}`}
          value=${option.value}
          ?checked=${option === checked}
          ?disabled=${!!option.isDisabled}
          ?required=${isRequired(element)}
          ?data-first=${index === 0 && option === firstStop}
          aria-invalid=${invalid ? 'true' : nothing}
        />
        ${option.label}
      </label>`,
    );
  }

  #range(element: RangeSliderElement, index: number, first: boolean): TemplateResult {
    const min = element.min ?? 0;
    const max = element.max ?? 100;
    const value = element.selectedValue ?? min + (max - min) / 2;
    const show = (event: Event) => {
      const input = event.target as HTMLInputElement;
      // The output's text is its own, not the template's: it has no parts to eject.
      const output = input.nextElementSibling as HTMLOutputElement | null;
      if (output) output.value = input.value;
    };
    return html`<span class="range">
      <input
        part="control"
        id=${`f${index}`}
        type="range"
        min=${min}
        max=${max}
        step=${element.step ?? 1}
        ?data-first=${first}
        .value=${String(value)}
        @input=${show}
      /><output for=${`f${index}`} aria-hidden="true" .value=${String(value)}></output>
    </span>`;
  }
}
