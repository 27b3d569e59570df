import type { FormInput } from '@pexip/plugin-api';

/**
 * The events of a Web App 3 plugin's dialogs (`<pex-plugin-form>`, `<pex-plugin-prompt>`). They
 * bubble but are not composed: they stay inside the host's shadow root, where the dialogs are,
 * because a plugin's input is for that plugin alone, not for the page.
 */
export interface PexDialogEventDetails {
  /** A Web App 3 plugin's form was submitted with its required fields filled: its input, by element id. */
  'pex-form-submit': { input: FormInput };
  /** A button of a Web App 3 plugin's prompt was chosen: its text. */
  'pex-prompt-choice': { input: string };
}

export type PexDialogEvent<K extends keyof PexDialogEventDetails> = CustomEvent<PexDialogEventDetails[K]>;

export function createPexDialogEvent<K extends keyof PexDialogEventDetails>(name: K, detail: PexDialogEventDetails[K]): PexDialogEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: false });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pex-form-submit': PexDialogEvent<'pex-form-submit'>;
    'pex-prompt-choice': PexDialogEvent<'pex-prompt-choice'>;
  }
}
