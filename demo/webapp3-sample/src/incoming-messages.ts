import type { ApplicationMessage, Plugin } from '@pexip/plugin-api';
import { isHello } from './say-hello.js';

/** The toast for an application message that arrived: a hello in words, anything else as its JSON. */
export function messageToast({ displayName, message }: ApplicationMessage): string {
  if (isHello(message)) return `${message.from} says hello.`;
  return `Application message from ${displayName || 'someone'}: ${JSON.stringify(message)}`;
}

/** Shows a toast for each application message the host passes on (`event:applicationMessage`). */
export function toastApplicationMessages(plugin: Plugin): void {
  plugin.events.applicationMessage.add((message) => void plugin.ui.showToast({ message: messageToast(message) }));
}
