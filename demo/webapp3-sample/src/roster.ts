import type { InfinityParticipant, Plugin } from '@pexip/plugin-api';

/** Who is in the conference, by uuid, and the user's own name, as the host last told them. */
export interface Roster {
  nameOf(uuid: string): string | undefined;
  myName(): string | undefined;
}

/** Keeps a Roster from the host's participants and me events (sent at registration, then on each change). */
export function trackRoster(plugin: Plugin): Roster {
  const names = new Map<string, string | undefined>();
  let me: string | undefined;
  const remember = (participant: InfinityParticipant) => {
    names.set(participant.uuid, participant.displayName);
  };
  plugin.events.participants.add(({ participants }) => {
    names.clear();
    participants.forEach(remember);
  });
  plugin.events.participantJoined.add(({ participant }) => remember(participant));
  plugin.events.participantLeft.add(({ participant }) => {
    names.delete(participant.uuid);
  });
  plugin.events.me.add(({ participant }) => {
    me = participant.displayName;
  });
  return { nameOf: (uuid) => names.get(uuid), myName: () => me };
}
