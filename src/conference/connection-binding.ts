import { Subscription } from 'rxjs';
import type { ConferenceStore } from './conference-store.js';
import type { ConferenceConnection, ConnectionStateDetail } from './connection.js';
import type { PexAction } from './types.js';

export interface ConnectionTargets {
  store: ConferenceStore;
  /** The conference's happenings, for plugins. */
  dispatchAction(action: PexAction): void;
  role(role: 'chair' | 'guest' | undefined): void;
  selfUUID(uuid: string | undefined): void;
  /** The connection's state, the current one first (when the connection tells it). */
  connectionState?(detail: ConnectionStateDetail): void;
}

/** Feeds a connection's roster, details, actions, role, own uuid and state to the host. Unsubscribe to stop. */
export function bindConnection(connection: ConferenceConnection, targets: ConnectionTargets): Subscription {
  const subscription = new Subscription();
  subscription.add(connection.participants$.subscribe((participants) => targets.store.setParticipants(participants)));
  subscription.add(connection.conference$.subscribe((conference) => targets.store.setConference(conference)));
  subscription.add(connection.role$.subscribe((role) => targets.role(role)));
  subscription.add(connection.selfUUID$.subscribe((uuid) => targets.selfUUID(uuid)));
  subscription.add(connection.actions$.subscribe((action) => targets.dispatchAction(action)));
  const connectionState = targets.connectionState;
  if (connection.connectionState$ && connectionState) subscription.add(connection.connectionState$.subscribe((detail) => connectionState({ ...detail })));
  return subscription;
}
