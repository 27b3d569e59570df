import type { PexTemplateDialog } from '../components/index.js';
import { nextTask, waitFor, type WaitOptions } from './wait.js';

/** Which dialog to wait for. */
export interface DialogOptions extends WaitOptions {
  /** Its title, exactly (default: any open dialog; the newest when there are several). */
  title?: string;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A label's words without the colon forms end with. */
const labelText = (node: Node) => text(node).replace(/\s*:$/, '');

/**
 * An open plugin dialog (`<pex-template-dialog>`): its body is the plugin's own HTML, in the
 * element's light DOM, so `body.querySelector('#myField')` finds what the plugin wrote.
 */
export class DialogHandle {
  constructor(
    /** The dialog element. */
    readonly element: PexTemplateDialog,
  ) {}

  /** The plugin's HTML (the element itself: its children are the body). */
  get body(): HTMLElement {
    return this.element;
  }

  /** The title shown, or '' when it has none. */
  get title(): string {
    return this.element.heading ?? '';
  }

  /** The body's text, white space collapsed. */
  get text(): string {
    return text(this.element);
  }

  /** Whether it is still open. */
  get isOpen(): boolean {
    return this.element.open && this.element.isConnected;
  }

  /**
   * A form control in the body, by CSS selector (`#alias`, `[name=alias]`) or by its label's
   * text (a `<label>` for it or around it, else its `aria-label` or `placeholder`; a trailing
   * colon is ignored).
   */
  field(selectorOrLabel: string): Control {
    const bySelector = this.#query(selectorOrLabel);
    if (bySelector) {
      if (!isControl(bySelector)) throw new Error(`"${selectorOrLabel}" in the dialog "${this.title}" is a <${bySelector.localName}>, not a form field`);
      return bySelector;
    }
    const wanted = selectorOrLabel.replace(/\s*:$/, '');
    for (const label of this.element.querySelectorAll('label')) {
      if (labelText(label) !== wanted) continue;
      const control = label.control;
      if (control && isControl(control)) return control;
    }
    for (const control of this.#controls()) {
      if (control.getAttribute('aria-label') === wanted || control.getAttribute('placeholder') === wanted) return control;
    }
    const known = [...this.element.querySelectorAll('label')].map((l) => JSON.stringify(labelText(l)));
    throw new Error(`the dialog "${this.title}" has no field "${selectorOrLabel}" (its labels: ${known.join(', ') || 'none'})`);
  }

  /**
   * Types `value` into a field as a user would: sets it (a checkbox or radio button: checks it
   * when `value` is true or its own value) and fires `input` and `change`.
   */
  fill(selectorOrLabel: string, value: string | boolean): void {
    const control = this.field(selectorOrLabel);
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
      control.checked = value === true || value === control.value;
    } else {
      control.value = String(value);
    }
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** A button in the body by its text or aria-label. */
  button(label: string): HTMLButtonElement {
    const found = this.#buttons().find((b) => text(b) === label || b.getAttribute('aria-label') === label);
    if (!found) throw new Error(`the dialog "${this.title}" has no button "${label}" (its buttons: ${this.#buttonNames()})`);
    return found;
  }

  /** Clicks a button in the body by its text or aria-label (a disabled one is an error). */
  click(label: string): void {
    const button = this.button(label);
    if (button.disabled) throw new Error(`the button "${label}" in the dialog "${this.title}" is disabled`);
    button.click();
  }

  /**
   * Submits the dialog as a user would: clicks the button labelled `buttonLabel`, else submits
   * the body's form (with its submit button, so `submit` listeners run), else clicks the body's
   * only button.
   */
  submit(buttonLabel?: string): void {
    if (buttonLabel !== undefined) return this.click(buttonLabel);
    const forms = this.element.querySelectorAll('form');
    if (forms.length === 1) {
      const form = forms[0]!;
      const submitter = form.querySelector<HTMLButtonElement | HTMLInputElement>('button:not([type]), button[type="submit"], input[type="submit"]');
      if (submitter?.disabled) throw new Error(`the submit button of the dialog "${this.title}" is disabled`);
      form.requestSubmit(submitter ?? undefined);
      return;
    }
    const buttons = this.#buttons();
    if (forms.length === 0 && buttons.length === 1) return this.click(text(buttons[0]) || buttons[0]!.getAttribute('aria-label') || '');
    throw new Error(
      `submit: the dialog "${this.title}" has ${forms.length} forms and ${buttons.length} buttons (${this.#buttonNames()}); say which: submit('<button text>')`,
    );
  }

  /** Closes it as a user would, with its close button (an error when the plugin disabled closing). */
  close(): void {
    const button = this.element.shadowRoot?.querySelector<HTMLButtonElement>('[part="close-button"]');
    if (!button) throw new Error(`the dialog "${this.title}" cannot be closed by the user (isCloseDisabled)`);
    button.click();
  }

  /** Waits until it has closed; resolves with the value it closed with (`dialogRef.close(value)`). */
  async closed(options: WaitOptions = {}): Promise<unknown> {
    await waitFor(() => !this.isOpen, `the dialog "${this.title}" to close`, { ...options, seen: () => `it still shows: ${this.text}` });
    return this.element.returnValue;
  }

  #query(selector: string): Element | null {
    try {
      return this.element.querySelector(selector);
    } catch {
      return null; // not a selector: a label
    }
  }

  #controls(): Control[] {
    return [...this.element.querySelectorAll<Control>('input, textarea, select')];
  }

  #buttons(): HTMLButtonElement[] {
    return [...this.element.querySelectorAll<HTMLButtonElement>('button')];
  }

  #buttonNames(): string {
    return this.#buttons().map((b) => JSON.stringify(text(b) || b.getAttribute('aria-label') || '')).join(', ') || 'none';
  }
}

function isControl(el: Element): el is Control {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** The open plugin dialogs on the page, oldest first. */
export function openDialogs(): PexTemplateDialog[] {
  return [...document.querySelectorAll<PexTemplateDialog>('pex-template-dialog')].filter((d) => d.open);
}

/**
 * Waits for an open dialog (the newest, or the one titled `title`), for it to have rendered,
 * and for the plugin's `.then(dialogRef => …)` to have run, so its listeners are in place.
 */
export async function waitForDialog(options: DialogOptions = {}): Promise<DialogHandle> {
  const what = options.title === undefined ? 'a plugin dialog to open' : `the dialog "${options.title}" to open`;
  const element = await waitFor(
    () => openDialogs().reverse().find((d) => options.title === undefined || d.heading === options.title),
    what,
    { ...options, seen: () => `open dialogs: [${openDialogs().map((d) => JSON.stringify(d.heading ?? '')).join(', ')}]` },
  );
  await element.updateComplete;
  // The dialog ref resolves once it has rendered; the plugin's callback is a promise reaction after.
  await nextTask(0);
  return new DialogHandle(element);
}
