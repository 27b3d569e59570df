import type { Plugin } from '@pexip/plugin-api';
import type { Roster } from './roster.js';

/** What a hello is on the wire: an application message any client of the conference can read. */
export interface Hello {
  type: 'webapp3-sample:hello';
  from: string;
}

export const isHello = (message: Record<string, unknown>): message is Record<string, unknown> & Hello =>
  message.type === 'webapp3-sample:hello' && typeof message.from === 'string';

/** The reason of a `failed` reply, or undefined for any other. */
function refusalOf(reply: unknown): string | undefined {
  const fields = typeof reply === 'object' && reply !== null ? (reply as Record<string, unknown>) : {};
  return fields.status === 'failed' ? String(fields.reason) : undefined;
}

/** "Say hello" in each participant's menu: an application message to that participant, and a toast saying so. */
export async function addSayHello(plugin: Plugin, roster: Roster): Promise<void> {
  const action = await plugin.ui.addButton({ position: 'participantActions', label: 'Say hello' });
  action.onClick.add(async ({ participantUuid }) => {
    const name = roster.nameOf(participantUuid) ?? 'them';
    const hello: Hello = { type: 'webapp3-sample:hello', from: roster.myName() ?? 'Someone' };
    // The host answers every call: a refusal resolves too, as {status: 'failed', reason}.
    const reply: unknown = await plugin.conference.sendApplicationMessage({ payload: { ...hello }, participantUuid });
    const refusal = refusalOf(reply);
    await plugin.ui.showToast(refusal ? { message: `Could not say hello to ${name}: ${refusal}`, isDanger: true } : { message: `You said hello to ${name}.` });
  });
}
