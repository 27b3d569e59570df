import type { MapFormReturn, Plugin } from '@pexip/plugin-api';

const MOODS = [
  { id: 'great', label: 'Great' },
  { id: 'fine', label: 'Fine' },
  { id: 'tired', label: 'Tired' },
] as const;

/** A form with a few of the element types the package defines. */
export const NOTE_FORM = {
  title: 'Web App 3 sample',
  description: 'A form drawn by the host for a Web App 3 plugin; what you send comes back as a toast.',
  form: {
    submitBtnTitle: 'Show it',
    elements: {
      name: { name: 'Your name', type: 'text', placeholder: 'Alice' },
      mood: { name: 'How are you?', type: 'select', options: MOODS, selected: 'fine' },
      note: { name: 'A note', type: 'textarea', isOptional: true },
    },
  },
} as const;

/** The toast for what the user submitted. */
export function noteToast({ name, mood, note }: MapFormReturn<(typeof NOTE_FORM)['form']['elements']>): string {
  const feeling = MOODS.find((option) => option.id === mood)?.label.toLowerCase() ?? mood;
  return `${name} feels ${feeling}${note ? `: ${note}` : '.'}`;
}

/** The toolbar button: its click opens the form, and the answer is shown as a toast. */
export async function addNoteButton(plugin: Plugin): Promise<void> {
  const button = await plugin.ui.addButton({ position: 'toolbar', icon: 'IconPexipLogo', tooltip: 'Web App 3 sample: a form' });
  button.onClick.add(async () => {
    // The form's answer; a dismissed form never answers.
    const input = await plugin.ui.showForm(NOTE_FORM);
    await plugin.ui.showToast({ message: noteToast(input) });
  });
}
