import type { Observable } from 'rxjs';
import type { CallInfo } from './call-info.js';
import type { CommandAnswers, PluginCommand } from './commands.js';
import type { ConferenceDetails, Participant, PexAction } from './types.js';

/** Where a connection is: joining, up, retrying a dropped stream, waiting for the network, or ended. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'disconnected';

/** A connection's state as the host's `pex-connection-state` event tells it. */
export interface ConnectionStateDetail {
  state: ConnectionState;
  /** While reconnecting: which attempt in a row is next (1 for the first retry). */
  attempt?: number;
  /** Why: what ended the stream while reconnecting; why the call ended when disconnected. */
  reason?: string;
}

/**
 * A conference the host can be connected to (connected mode): the Infinity connection that
 * `connectInfinity` makes, or an app's own object of the same shape. Set it as
 * `host.connection`.
 */
export interface ConferenceConnection {
  /** The roster, in the guide's participant properties; replays the latest to a new subscriber. */
  readonly participants$: Observable<readonly Participant[]>;
  /** The conference details; replays the latest to a new subscriber. */
  readonly conference$: Observable<ConferenceDetails>;
  /** What happens in the conference, as the actions plugins listen for (`[Conference] Connect Success`, ...). Hot. */
  readonly actions$: Observable<PexAction>;
  /** The user's role once joined: chair (host) or guest. Replays the latest. */
  readonly role$: Observable<'chair' | 'guest' | undefined>;
  /** The user's own participant uuid once joined. Replays the latest. */
  readonly selfUUID$: Observable<string | undefined>;
  /**
   * Carries out a plugin's command: resolves to the server's `result` (or its REST reply as it
   * came; the host reads either as an app's answer); rejects with a CommandError carrying the
   * server's reason.
   */
  execute<C extends PluginCommand>(command: C): Promise<CommandAnswers[C['name']]>;
  /** A client action a plugin asked for (`[Conference] Mute Camera`, ...); optional. */
  dispatch?(action: PexAction): void;
  /**
   * What the connection knows of the user's call (node, alias, conference name, display name,
   * PIN, ...), read anew each time; optional. `window.PEX.pexrtc` shows it to plugins.
   */
  readonly callInfo?: Readonly<CallInfo>;
  /**
   * Where the connection is (connected, reconnecting, offline, disconnected with the reason);
   * replays the latest; optional. The host tells it as `pex-connection-state`.
   */
  readonly connectionState$?: Observable<ConnectionStateDetail>;
  /** Leaves the conference (releases the token). */
  leave(): Promise<void>;
}
