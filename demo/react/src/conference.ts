/**
 * The React client's conference in app-driven mode, as plain immutable data and pure functions:
 * `carryOut` answers a plugin's command with the next state and the answer, so the component
 * replaces its state (a new roster array, a new details object) and the wrappers hand the new
 * objects to the elements.
 */
import { CommandError, type ConferenceDetails, type Participant, type PexCommandDetail } from 'pex-plugin-host';

export interface Conference {
  participants: readonly Participant[];
  details: ConferenceDetails;
}

const now = () => Math.floor(Date.now() / 1000);

/** A participant with the guide's properties; `fields` override the defaults. */
export function newParticipant(fields: Pick<Participant, 'uuid' | 'name'> & Partial<Participant>): Participant {
  return {
    role: 'guest',
    uri: `sip:${fields.name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    startTime: now(),
    protocol: 'webrtc',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: false,
    canDisconnect: true,
    canTransfer: false,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: 0,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
    ...fields,
  };
}

export const SELF_UUID = 'self-ann';

export const initialConference: Conference = {
  participants: [
    newParticipant({ uuid: SELF_UUID, name: 'Ann', role: 'chair', canControl: true }),
    newParticipant({ uuid: 'guest-bob', name: 'Bob' }),
    newParticipant({ uuid: 'guest-cleo', name: 'Cleo', protocol: 'sip' }),
  ],
  details: { locked: false, guestsMuted: false, chatEnabled: true, mediaType: 'video', started: true },
};

function updateParticipant(conference: Conference, uuid: string, change: Partial<Participant>): Conference {
  if (!conference.participants.some((p) => p.uuid === uuid)) throw new CommandError(`No participant ${uuid}`, 404, 'Participant not found');
  return { ...conference, participants: conference.participants.map((p) => (p.uuid === uuid ? { ...p, ...change } : p)) };
}

const CONFERENCE_REQUESTS: Record<string, Partial<ConferenceDetails>> = {
  lock: { locked: true },
  unlock: { locked: false },
  muteguests: { guestsMuted: true },
  unmuteguests: { guestsMuted: false },
};
const PARTICIPANT_REQUESTS: Record<string, () => Partial<Participant>> = {
  mute: () => ({ muted: true }),
  unmute: () => ({ muted: false }),
  buzz: () => ({ buzzTime: now() }),
  clearbuzz: () => ({ buzzTime: 0 }),
};

/** The REST requests plugins send (`sendRequest`) that this client carries out. */
function request(conference: Conference, path: string): Conference {
  const details = CONFERENCE_REQUESTS[path];
  if (details) return { ...conference, details: { ...conference.details, ...details } };
  const [, uuid, verb] = /^participants\/([^/]+)\/(\w+)$/.exec(path) ?? [];
  const change = verb ? PARTICIPANT_REQUESTS[verb] : undefined;
  if (uuid && change) return updateParticipant(conference, uuid, change());
  throw new CommandError(`${path}: not simulated by this example`, 404, `This client does not carry out "${path}"`);
}

/** `dialOut`: the new participant joins; the answer is the new participants' uuids. */
export function dialOut(conference: Conference, { alias, protocol, role, options }: Extract<PexCommandDetail, { name: 'dialOut' }>['args']): { conference: Conference; uuids: string[] } {
  const uuid = crypto.randomUUID();
  const joined = newParticipant({ uuid, name: alias, uri: alias, protocol, role: role.toLowerCase() === 'host' ? 'chair' : 'guest', isStreaming: Boolean(options.streaming) });
  return { conference: { ...conference, participants: [...conference.participants, joined] }, uuids: [uuid] };
}

/**
 * Carries out one of the other commands on the conference and returns the next state. Throws a
 * CommandError (whose `reason` the plugin's callback gets) for one it refuses.
 */
export function carryOut(conference: Conference, command: Exclude<PexCommandDetail, { name: 'dialOut' }>): Conference {
  switch (command.name) {
    case 'disconnectParticipant':
      if (!conference.participants.some((p) => p.uuid === command.args.uuid)) throw new CommandError('No such participant', 404, 'Participant not found');
      return { ...conference, participants: conference.participants.filter((p) => p.uuid !== command.args.uuid) };
    case 'spotlightOnParticipant':
      return updateParticipant(conference, command.args.uuid, { spotlight: now() });
    case 'spotlightOffParticipant':
      return updateParticipant(conference, command.args.uuid, { spotlight: 0 });
    case 'sendRequest':
      return request(conference, command.args.path);
    case 'sendChatMessage':
    case 'transformConferenceLayout':
      // Shown in the client's log; nothing in the roster or the details changes.
      return conference;
  }
}
