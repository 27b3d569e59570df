import { connectInfinity, type ConnectInfinityOptions, type InfinityConnection } from '../components/index.js';
import { onCleanUp } from './cleanup.js';

/**
 * The Infinity simulator the test server mounts (`pex-plugin-host/testing/server`), same
 * origin as the test page. Its conferences: `meet` (no PIN, everyone joins as host),
 * `secure` (host PIN 1234, guest PIN 5678), `guests` (guests need no PIN, host PIN 1234).
 */

/** Whom to join as. */
export interface JoinOptions extends Partial<Omit<ConnectInfinityOptions, 'node'>> {
  /** The conference (default `meet`). */
  alias?: string;
  /** The name the others see (default `Plugin tester`). */
  displayName?: string;
  /** The PIN, when the conference asks for one. */
  pin?: string;
}

/**
 * Joins a conference on the simulator through the real Infinity connection (`connectInfinity`):
 * give it to `mountPluginHost({connection})` and plugins' commands go to the simulator. The
 * connection leaves after the test (see cleanUp).
 */
export async function joinSimulator(options: JoinOptions = {}): Promise<InfinityConnection> {
  const connection = await connectInfinity({ ...options, node: location.origin, alias: options.alias ?? 'meet', displayName: options.displayName ?? 'Plugin tester' });
  onCleanUp(() => connection.leave());
  return connection;
}

/** A raw Infinity participant, as the simulator keeps it (snake_case, the client API's fields). */
export type SimulatedParticipant = Record<string, unknown> & { uuid: string; display_name: string; role: string };

/** A simulator conference now, and every request clients made to it. */
export interface SimulatedConference {
  participants: SimulatedParticipant[];
  locked: boolean;
  guests_muted: boolean;
  started: boolean;
  layout: Record<string, unknown>;
  messages: { origin: string; uuid: string; type: string; payload: string; direct: boolean; to?: string }[];
  /** Each client API call: `path` like `/api/client/v2/conferences/meet/dial`, its JSON body. */
  requests: { method: string; path: string; body: unknown; token: boolean; pin?: string }[];
}

async function control<T>(path: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(`/_simulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    const hint = response.status === 404 && !text.startsWith('{') ? ' (is the simulator mounted? see pex-plugin-host/testing/server)' : '';
    throw new Error(`the simulator's /_simulator/${path} answered ${response.status}: ${text}${hint}`);
  }
  return JSON.parse(text) as T;
}

const conferencePath = (alias: string) => `conferences/${encodeURIComponent(alias)}`;

/** The simulator's control API: set the scene and look at what the plugins did. */
export const simulator = {
  /** Every conference back as it started (call it in `beforeEach`). */
  reset: () => control<unknown>('reset', 'POST').then(() => undefined),
  /** A conference's participants, lock, layout, chat messages and the requests clients made. */
  conference: (alias = 'meet') => control<SimulatedConference>(conferencePath(alias), 'GET'),
  /** Someone joins (`role`: `chair` or `guest`, default guest); resolves to their uuid. */
  addParticipant: (alias: string, displayName: string, fields: Record<string, unknown> = {}) =>
    control<{ uuid: string }>(`${conferencePath(alias)}/participants`, 'POST', { ...fields, display_name: displayName }).then((r) => r.uuid),
  /** Someone leaves. */
  removeParticipant: (alias: string, uuid: string) =>
    control<unknown>(`${conferencePath(alias)}/participants/${encodeURIComponent(uuid)}`, 'DELETE').then(() => undefined),
  /** Someone sends a chat message to everyone. */
  sendMessage: (alias: string, origin: string, payload: string) =>
    control<unknown>(`${conferencePath(alias)}/messages`, 'POST', { origin, payload }).then(() => undefined),
};
