import type { CallInfo } from '../../conference/call-info.js';
import type { ConferenceDetails, Participant } from '../../conference/types.js';
import type { PluginRuntime } from '../../runtime/plugin-runtime.js';
import { callingPlugin } from '../calling-plugin.js';

/** PexRTC's fields that `window.PEX.pexrtc` shows, with PexRTC's names and values. */
export interface PexRTCFields {
  /** The Conferencing Node's address, as PexRTC has it: `node.example.com` (no scheme). */
  node: string | undefined;
  /** The alias the call was joined with. */
  conference: string | undefined;
  /** The conference's (service's) name. */
  conference_name: string | undefined;
  display_name: string | undefined;
  /** The user's own participant uuid. */
  uuid: string | undefined;
  role: 'HOST' | 'GUEST' | undefined;
  /** The PIN the call was joined with, when it needed one. */
  pin: string | undefined;
  chat_enabled: boolean | undefined;
  /** Where the user is: `'conference'`, `'waiting_room'`, ... */
  current_service_type: string | undefined;
  /** The Infinity version, as the node gave it. */
  version: unknown;
}

export const PEXRTC_FIELDS: readonly (keyof PexRTCFields)[] = [
  'node',
  'conference',
  'conference_name',
  'display_name',
  'uuid',
  'role',
  'pin',
  'chat_enabled',
  'current_service_type',
  'version',
];

/** Where a host's call state is read from, each time a field is read. */
export interface CallSources {
  /** What the app said (`host.callInfo`): it wins where it says something. */
  app: Readonly<CallInfo> | undefined;
  /** What the connection knows (`connection.callInfo`). */
  connection: Readonly<CallInfo> | undefined;
  conference: ConferenceDetails;
  participants: readonly Participant[];
  selfUUID: string | undefined;
  /** The role the host goes by (the connection's, else its `role` attribute). */
  role: 'chair' | 'guest' | undefined;
}

/** PexRTC's fields from a host's sources: nothing is copied, each read looks again. */
export function fieldsOf(sources: CallSources): PexRTCFields {
  const { app, connection } = sources;
  const known = <K extends keyof CallInfo>(key: K): CallInfo[K] | undefined => app?.[key] ?? connection?.[key];
  const uuid = known('uuid') ?? sources.selfUUID;
  const self = uuid === undefined ? undefined : sources.participants.find((participant) => participant.uuid === uuid);
  const role = known('role') ?? (sources.role === 'chair' ? 'HOST' : sources.role === 'guest' ? 'GUEST' : undefined);
  return {
    node: nodeAddress(known('node')),
    conference: known('conference'),
    conference_name: known('conferenceName'),
    display_name: known('displayName'),
    uuid,
    role,
    pin: known('pin'),
    chat_enabled: app?.chatEnabled ?? sources.conference.chatEnabled,
    // PexRTC follows the user's own participant (waiting room → conference).
    current_service_type: self?.serviceType || known('serviceType'),
    version: known('version'),
  };
}

/** `https://node.example.com:8443/` → `node.example.com:8443`, as PexRTC keeps the node; an address stays as it is. */
export function nodeAddress(node: string | undefined): string | undefined {
  if (!node) return node;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(node)) return node.replace(/\/+$/, '');
  try {
    return new URL(node).host;
  } catch {
    return node;
  }
}

export type CallSource = () => CallSources;

const sources = new WeakMap<PluginRuntime, CallSource>();

/** A host says where its call state is (undefined when it leaves the page). */
export function setCallSource(runtime: PluginRuntime, source: CallSource | undefined): void {
  if (source) sources.set(runtime, source);
  else sources.delete(runtime);
}

/** The fields as the calling plugin's host sees them now (undefined fields where no host is). */
export function currentFields(): PexRTCFields | undefined {
  const { runtime } = callingPlugin();
  const source = runtime && sources.get(runtime);
  return source ? fieldsOf(source()) : undefined;
}
