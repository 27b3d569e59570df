/**
 * `ui:form:open` and `ui:prompt:open`: a plugin's form or prompt shown by the host as a modal
 * dialog in the UI place, its answer sent back to that plugin alone as `ui:form:input` /
 * `ui:prompt:input` `{modalId, input}`. The reply is GenericRPCReply's `ok` with the modal's id
 * as `id` (the package keeps it to match the input and to remove the dialog).
 *
 * This module knows the dialog elements by tag name and by the small contract below, not by
 * their code: the elements (components/plugin-form, components/plugin-prompt) are defined by
 * whoever loads this chunk, and the handlers say so plainly when they are not.
 *
 * A dialog with `opensPopup` opens its popup when it is answered, before the answer is sent
 * (popups.ts); the plugin's guard gets the form's input, or a prompt's `{action}` (the chosen
 * button's text), as the package's docs say.
 *
 * A dialog closes when it is answered, when the user dismisses it (Escape, its close button;
 * nothing is sent then: the package's types have no input for "dismissed") and on
 * `ui:removeElement` with its id.
 */
import type { FormElement, FormInput, FormPayload, PopupRequest, RPCCallPayload } from '@pexip/plugin-api';
import { openPopup, popupProblem } from './popups.js';
import type { RpcContext, RpcHandlers } from './rpc-router.js';
import { failedReply, okReply, placeRoot, type PluginElements, type UiPlace, isObject, json } from './ui-elements.js';

export type PromptPayload = RPCCallPayload<'ui:prompt:open'>;

export const FORM_TAG = 'pex-plugin-form';
export const PROMPT_TAG = 'pex-plugin-prompt';

/**
 * What a dialog element does for these handlers: `show()` opens it as a modal, `close()`
 * closes it (it then leaves the page and emits `pex-dialog-close`, as it does when the user
 * dismisses it).
 */
interface DialogElement extends HTMLElement {
  show(): Promise<void>;
  close(): void;
}

/** `<pex-plugin-form>`: given `form`, emits `pex-form-submit` `{input}` when submitted valid. */
export interface FormDialogElement extends DialogElement {
  form: FormPayload;
}

/** `<pex-plugin-prompt>`: given `prompt`, emits `pex-prompt-choice` `{input}` (the chosen button's text). */
export interface PromptDialogElement extends DialogElement {
  prompt: PromptPayload;
}

export interface UiDialogOptions {
  place: UiPlace;
  /** Sends an event to the plugin `pluginId` (Webapp3Host: `host.plugin(id)?.send(event, payload)`). */
  send(pluginId: string, event: 'ui:form:input' | 'ui:prompt:input', payload: { modalId: string; input: FormInput | string }): void;
  /** The plugins' elements, which `ui:removeElement` removes from (`elements.handlers()`). */
  elements: PluginElements;
}

/** The input types an `InputElement` may have, and every other element type. */
const INPUT_TYPES = ['text', 'number', 'password', 'email', 'tel', 'url'];
export const FORM_ELEMENT_TYPES = [...INPUT_TYPES, 'textarea', 'select', 'checklist', 'radio', 'range'] as const;

/** Why `options` is not a list of `{id, label}` (and `value` for radios), or undefined. */
function optionsProblem(options: unknown, withValue: boolean): string | undefined {
  if (!Array.isArray(options) || options.length === 0) return `needs "options", a non-empty array, not ${json(options)}`;
  const bad = options.findIndex(
    (option) => !isObject(option) || typeof option.id !== 'string' || typeof option.label !== 'string' || (withValue && typeof option.value !== 'string'),
  );
  if (bad >= 0) return `option ${bad} is ${json(options[bad])}: each needs "id" and "label"${withValue ? ' and "value"' : ''} (strings)`;
  return undefined;
}

/** Why `element` is not a form element the types define, or undefined. */
function elementProblem(element: unknown): string | undefined {
  if (!isObject(element)) return `is ${json(element)}, not an object`;
  if (typeof element.name !== 'string') return `needs "name" (its label, a string)`;
  if (!FORM_ELEMENT_TYPES.includes(element.type as (typeof FORM_ELEMENT_TYPES)[number])) {
    return `has type ${json(element.type)}, which this host does not know (known: ${FORM_ELEMENT_TYPES.join(', ')})`;
  }
  if (element.type === 'select' || element.type === 'checklist') return optionsProblem(element.options, false);
  if (element.type === 'radio') return optionsProblem(element.options, true) ?? (typeof element.groupName === 'string' ? undefined : 'needs "groupName" (a string)');
  if (element.type === 'range') {
    const bad = (['min', 'max', 'step', 'selectedValue'] as const).find((key) => element[key] !== undefined && typeof element[key] !== 'number');
    if (bad) return `has "${bad}" ${json(element[bad])}, not a number`;
  }
  return undefined;
}

/** Why `payload` is not a form the types define, or undefined. */
export function formProblem(payload: unknown): string | undefined {
  if (!isObject(payload)) return `needs an object payload, not ${json(payload)}`;
  if (typeof payload.title !== 'string') return 'needs "title" (a string)';
  if (payload.description !== undefined && typeof payload.description !== 'string') return '"description" must be a string';
  const form = payload.form;
  if (!isObject(form) || !isObject(form.elements)) return 'needs "form.elements" (an object of elements by id)';
  if (typeof form.submitBtnTitle !== 'string') return 'needs "form.submitBtnTitle" (the submit button\'s text)';
  for (const [id, element] of Object.entries(form.elements)) {
    const problem = elementProblem(element as FormElement);
    if (problem) return `element "${id}" ${problem}`;
  }
  return popupProblem(payload.opensPopup);
}

/** Why `payload` is not a prompt the types define, or undefined. */
export function promptProblem(payload: unknown): string | undefined {
  if (!isObject(payload)) return `needs an object payload, not ${json(payload)}`;
  if (typeof payload.title !== 'string') return 'needs "title" (a string)';
  if (payload.description !== undefined && typeof payload.description !== 'string') return '"description" must be a string';
  const prompt = payload.prompt;
  if (!isObject(prompt) || typeof prompt.primaryAction !== 'string') return 'needs "prompt.primaryAction" (its main button\'s text)';
  if (prompt.secondaryAction !== undefined && typeof prompt.secondaryAction !== 'string') return '"prompt.secondaryAction" must be a string';
  return popupProblem(payload.opensPopup);
}

let modals = 0;

/** The handlers of `ui:form:open` and `ui:prompt:open`. Add `options.elements.handlers()` for `ui:removeElement`. */
export function uiDialogs(options: UiDialogOptions): RpcHandlers {
  const { place, send, elements } = options;

  /** Shows `tag` with `configure` applied; the reply names its modal id. */
  async function open<E extends DialogElement>(
    rpc: string,
    tag: string,
    context: RpcContext,
    configure: (element: E) => void,
    answerEvent: 'pex-form-submit' | 'pex-prompt-choice',
    inputEvent: 'ui:form:input' | 'ui:prompt:input',
    popup: PopupRequest | undefined,
  ): Promise<unknown> {
    if (!customElements.get(tag)) return failedReply(context.callId, `${rpc} cannot be shown: <${tag}> is not defined in this page (import the element's module with the Web App 3 host).`);
    const { pluginId } = context;
    const modalId = `${rpc === 'ui:form:open' ? 'form' : 'prompt'}-${(modals += 1)}`;
    const element = place.element.ownerDocument.createElement(tag) as E;
    element.dataset.pexPluginId = pluginId;
    element.dataset.modalId = modalId;
    configure(element);
    element.addEventListener(answerEvent, (event) => {
      const { input } = (event as CustomEvent<{ input: FormInput | string }>).detail;
      openPopup(pluginId, context.window, popup, typeof input === 'string' ? { action: input } : input);
      send(pluginId, inputEvent, { modalId, input });
      element.close();
    });
    element.addEventListener('pex-dialog-close', () => elements.gone(pluginId, modalId));
    elements.add(pluginId, modalId, () => element.close());
    placeRoot(place).append(element);
    await element.show();
    return okReply(modalId);
  }

  return {
    'ui:form:open': (payload, context) => {
      const problem = formProblem(payload);
      if (problem) return failedReply(context.callId, `ui:form:open ${problem}.`);
      const form = payload as FormPayload;
      return open<FormDialogElement>('ui:form:open', FORM_TAG, context, (element) => (element.form = form), 'pex-form-submit', 'ui:form:input', form.opensPopup);
    },
    'ui:prompt:open': (payload, context) => {
      const problem = promptProblem(payload);
      if (problem) return failedReply(context.callId, `ui:prompt:open ${problem}.`);
      const prompt = payload as PromptPayload;
      return open<PromptDialogElement>('ui:prompt:open', PROMPT_TAG, context, (element) => (element.prompt = prompt), 'pex-prompt-choice', 'ui:prompt:input', prompt.opensPopup);
    },
  };
}
