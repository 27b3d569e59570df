/**
 * What is known about the user's own call: where it was joined, as whom, with which PIN.
 * webapp2's PexRTC call object carried these and real plugins read them (an invite link needs
 * the node and the PIN, a breakout plugin the conference name). The Infinity connection knows
 * them; in app-driven mode the app tells the host (`host.callInfo`).
 */
export interface CallInfo {
  /** The Conferencing Node: its address (`node.example.com`) or base URL (`https://node.example.com`). */
  node?: string;
  /** The alias the call was joined with. */
  conference?: string;
  /** The conference's (service's) name, as request_token's `conference_name` gives it. */
  conferenceName?: string;
  /** The user's display name in the conference. */
  displayName?: string;
  /** The PIN the call was joined with, when it needed one. */
  pin?: string;
  /** The user's own participant uuid (else `PEX.selfUUID`). */
  uuid?: string;
  /** The user's role: `'HOST'` or `'GUEST'` (else the connection's role or the host's `role`). */
  role?: 'HOST' | 'GUEST';
  /** Whether chat is enabled (else the conference details' `chatEnabled`). */
  chatEnabled?: boolean;
  /** Where the user is: `'conference'`, `'waiting_room'`, ... (else the user's own participant's `serviceType`). */
  serviceType?: string;
  /** The Infinity version, as request_token's `version` gives it (`{version_id, pseudo_version}`). */
  version?: unknown;
}
