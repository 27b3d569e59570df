/**
 * Connection faults, against the simulator's fault switches: for each, a plugin on a joined
 * <pex-plugin-host> keeps its roster while the fault plays and the roster changes, and sends
 * commands through the plugin API in the middle of it. Afterwards the roster the plugin sees is
 * the simulator's own (by uuid and name: nobody lost, no ghost, nobody twice), every command has
 * resolved or rejected within the command timeout (none vanished), each newcomer was announced
 * to the plugin once, and the host told the app the connection's states in order
 * (`pex-connection-state`).
 */
import { expect } from '@open-wc/testing';
import { connectInfinity, type InfinityConnection } from '../src/conference/infinity/index.js';
import type { ConnectionStateDetail } from '../src/conference/connection.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { mountHost } from './support/host-fixture.js';
import { conferenceState, control, resetSimulator, setFaults } from './support/simulator-client.js';
import { until } from './support/menu-helpers.js';

/** The host's command-timeout and the connection's, alike. */
const COMMAND_TIMEOUT = 2500;
/** How late a command may settle past the timeout (timers, the page's own work). */
const LATE_MS = 150;

type Command = 'lock' | 'unlock' | 'dialOut';
type Outcome = { command: Command; state: 'resolved' | 'rejected' | 'vanished'; ms: number; message?: string };
interface RosterEntry {
  uuid: string;
  name: string;
}
interface Counts {
  lost: number;
  ghost: number;
  duplicate: number;
}

const log = () =>
  window.pexTest as unknown as {
    roster?: RosterEntry[];
    joined: Record<string, number>;
    commands: { sendRequest(path: string, payload?: unknown): Promise<unknown>; dialOut(alias: string): Promise<unknown> };
  };

/** Sends a command through the plugin API; settles to how it ended, or 'vanished' when it has not by the timeout and a margin. */
async function send(command: Command): Promise<Outcome> {
  const started = performance.now();
  const commands = log().commands;
  const promise = command === 'dialOut' ? commands.dialOut('sip:faults@example.com') : commands.sendRequest(`/${command}`);
  const ended = promise.then(
    (): Outcome => ({ command, state: 'resolved', ms: performance.now() - started }),
    (error: unknown): Outcome => ({ command, state: 'rejected', ms: performance.now() - started, message: (error as Error)?.message }),
  );
  const gone = new Promise<Outcome>((resolve) => setTimeout(() => resolve({ command, state: 'vanished', ms: performance.now() - started }), COMMAND_TIMEOUT + 1000));
  return Promise.race([ended, gone]);
}

/** The plugin's roster against the simulator's own, by uuid and name. */
async function rosterCounts(): Promise<Counts> {
  const truth = (await conferenceState('meet')).participants.map((p) => `${p.uuid} ${p.display_name}`);
  const mine = (log().roster ?? []).map((p) => `${p.uuid} ${p.name}`);
  const unique = new Set(mine);
  const uuids = (log().roster ?? []).map((p) => p.uuid);
  return {
    lost: truth.filter((key) => !unique.has(key)).length,
    ghost: [...unique].filter((key) => !truth.includes(key)).length,
    duplicate: uuids.length - new Set(uuids).size,
  };
}

const zero = (c: Counts) => c.lost === 0 && c.ghost === 0 && c.duplicate === 0;

/** Changes the roster while the fault plays: one joins, one leaves, one is renamed. Returns who joined. */
async function churn(): Promise<string[]> {
  // The bulk participants (not the user, not earlier newcomers).
  const before = (await conferenceState('meet')).participants.filter((p) => !/^(Fault tester|Newcomer|Renamed)/.test(p.display_name));
  const { uuid } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: `Newcomer ${before.length}` } });
  await control(`conferences/meet/participants/${before[0].uuid}`, { method: 'DELETE' });
  await control(`conferences/meet/participants/${before[1].uuid}`, { method: 'PATCH', body: { display_name: 'Renamed' } });
  return [uuid];
}

interface Stage {
  host: PexPluginHost;
  connection: InfinityConnection;
  states: ConnectionStateDetail[];
}

const connections: InfinityConnection[] = [];

async function joinAs(host: PexPluginHost, name = 'Fault tester'): Promise<InfinityConnection> {
  const connection = await connectInfinity({ node: location.origin, alias: 'meet', displayName: name, commandTimeout: COMMAND_TIMEOUT });
  connections.push(connection);
  host.connection = connection;
  await host.updateComplete;
  return connection;
}

interface Fault {
  name: string;
  /** Before the join (faults on tokens issued at the join). */
  beforeJoin?: () => Promise<unknown>;
  /** Plays the fault and the roster's changes; sends the commands in the middle of it. */
  play: (stage: Stage) => Promise<{ outcomes: Outcome[]; joined: string[] }>;
  /** How each command must end. */
  expected: Array<Outcome['state']>;
  /** The states after the join's 'connected', in order. */
  states: Array<ConnectionStateDetail['state']>;
  /** The fault ends the session: the app joins again, and the roster is judged on the new connection. */
  rejoin?: boolean;
  /**
   * The newcomer joined while the stream was up: the plugin is told once. Else it may have
   * come in a resync, which is not replayed as a join: at most once.
   */
  announced: 'once' | 'at most once';
  /** More to check once the roster is right. */
  check?: (outcomes: Outcome[], stage: Stage) => Promise<void>;
}

let online = true;
function stubOnLine(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

const FAULTS: Fault[] = [
  {
    name: 'the token refused during a command (it was replaced on the way): refreshed, the command sent again',
    play: async () => {
      await setFaults({ fail: { status: 403, reason: 'Invalid token', match: '/lock', count: 1 } });
      const joined = await churn();
      const outcomes = await Promise.all([send('lock'), send('dialOut')]);
      return { outcomes, joined };
    },
    expected: ['resolved', 'resolved'],
    states: [],
    announced: 'once',
    check: async () => {
      const state = await conferenceState('meet');
      expect(state.locked, 'the lock was done').to.be.true;
      expect(state.requests.filter((r) => r.path.endsWith('/lock')), 'sent twice: refused, then after the refresh').to.have.length(2);
      expect(state.requests.filter((r) => r.path.endsWith('/refresh_token'))).to.have.length(1);
    },
  },
  {
    name: 'the token expiring during a command: it rejects saying so, the call ends with the node\'s reason, the app joins again',
    play: async () => {
      await setFaults({ slow: { ms: 600, match: '/lock' } });
      const lock = send('lock');
      // The command is on its way (held by the node) when every token expires.
      await until(async () => (await conferenceState('meet')).requests.some((r) => r.path.endsWith('/lock')), 'the lock on its way');
      await setFaults({ expireTokens: true });
      const outcomes = [await lock];
      outcomes.push(await send('dialOut'));
      return { outcomes, joined: [] };
    },
    expected: ['rejected', 'rejected'],
    states: ['disconnected', 'connected'],
    announced: 'at most once',
    rejoin: true,
    check: async (outcomes, stage) => {
      expect(outcomes[0].message).to.match(/^sendRequest: (the node refused the token and it could not be renewed|the conference was left)/);
      expect(outcomes[1].message).to.match(/^dialOut: (the node refused the token and it could not be renewed|the conference was left)/);
      expect(stage.states.find((s) => s.state === 'disconnected')?.reason).to.equal('Timer expired awaiting token refresh');
    },
  },
  {
    name: '5xx on refresh: retried with full jitter, the session goes on and commands in between are done',
    // 6 s tokens: the refresh is due at 2 s; its retries wait below 1 s and 2 s, inside the token's life.
    beforeJoin: () => setFaults({ tokenExpiry: 6, fail: { status: 502, reason: 'Bad Gateway', match: 'refresh_token', count: 2 } }),
    play: async () => {
      await until(async () => (await conferenceState('meet')).requests.some((r) => r.path.endsWith('/refresh_token')), 'the first refresh, refused', 4000);
      const joined = await churn();
      const outcomes = [await send('lock')];
      await until(async () => (await conferenceState('meet')).requests.filter((r) => r.path.endsWith('/refresh_token')).length === 3, 'the third refresh', 4000);
      outcomes.push(await send('unlock'));
      return { outcomes, joined };
    },
    expected: ['resolved', 'resolved'],
    states: [],
    announced: 'once',
  },
  {
    name: 'the events stream dropped in the middle of a sync, then restored',
    play: async () => {
      await setFaults({ dropSyncAfter: 3, dropEvents: true });
      const joined = await churn();
      const outcomes = await Promise.all([send('lock'), send('dialOut')]);
      // The stream cut, the one cut in its sync, the one that stays.
      await until(async () => (await conferenceState('meet')).requests.filter((r) => r.path.endsWith('/events')).length === 3, 'three streams', 4000);
      return { outcomes, joined };
    },
    expected: ['resolved', 'resolved'],
    states: ['reconnecting', 'connected', 'reconnecting', 'connected'],
    announced: 'at most once',
  },
  {
    name: 'every event twice (a live change and a whole resync)',
    play: async () => {
      await setFaults({ duplicateEvents: true });
      const joined = await churn();
      await setFaults({ dropEvents: true });
      const outcomes = await Promise.all([send('lock'), send('dialOut')]);
      return { outcomes, joined };
    },
    expected: ['resolved', 'resolved'],
    states: ['reconnecting', 'connected'],
    announced: 'once',
  },
  {
    name: 'events out of order: an update before its create, a delete twice and a stale update after it',
    play: async () => {
      await setFaults({ disorder: true });
      const joined = await churn();
      const outcomes = await Promise.all([send('lock'), send('dialOut')]);
      return { outcomes, joined };
    },
    expected: ['resolved', 'resolved'],
    states: [],
    announced: 'once',
  },
  {
    name: 'slow answers: a slow command is done, one slower than the timeout rejects at it, a slow stream comes back',
    play: async () => {
      await setFaults({ slow: { ms: 800, match: '/events' } });
      await setFaults({ slow: { ms: 1000, match: '/lock' } });
      await setFaults({ slow: { ms: COMMAND_TIMEOUT + 2000, match: '/dial' } });
      await setFaults({ dropEvents: true });
      const joined = await churn();
      const outcomes = await Promise.all([send('lock'), send('dialOut')]);
      return { outcomes, joined };
    },
    expected: ['resolved', 'rejected'],
    states: ['reconnecting', 'connected'],
    announced: 'at most once',
    check: async (outcomes) => {
      expect(outcomes[0].ms, 'the slow lock').to.be.above(1000);
      expect(outcomes[1].ms, 'the dial, at the timeout').to.be.within(COMMAND_TIMEOUT - 5, COMMAND_TIMEOUT + LATE_MS);
      expect(outcomes[1].message).to.equal(`dialOut: the conference did not answer within ${COMMAND_TIMEOUT} ms; the request was abandoned.`);
    },
  },
  {
    name: 'the browser offline, then online: commands in between settle, the stream comes back at online',
    play: async () => {
      online = false;
      window.dispatchEvent(new Event('offline'));
      await setFaults({ dropEvents: true });
      const joined = await churn();
      const outcomes = await Promise.all([send('lock'), send('dialOut')]);
      online = true;
      window.dispatchEvent(new Event('online'));
      return { outcomes, joined };
    },
    expected: ['resolved', 'resolved'],
    states: ['offline', 'reconnecting', 'connected'],
    announced: 'at most once',
  },
];

const totals = { faults: 0, survived: 0, lost: 0, ghost: 0, duplicate: 0, sent: 0, resolved: 0, rejected: 0, vanished: 0 };

beforeEach(async () => {
  await resetSimulator();
  online = true;
  stubOnLine();
});

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.leave()));
  delete (navigator as { onLine?: boolean }).onLine;
});

after(() => {
  console.log(
    `connection faults: ${totals.survived} of ${totals.faults} survived; roster ${totals.lost} lost, ${totals.ghost} ghost, ${totals.duplicate} duplicate; ` +
      `commands ${totals.sent} sent, ${totals.resolved + totals.rejected} settled (${totals.resolved} resolved, ${totals.rejected} rejected), ${totals.vanished} vanished`,
  );
});

describe('connection faults', () => {
  for (const fault of FAULTS) {
    it(fault.name, async function () {
      this.timeout(20000);
      totals.faults += 1;
      await control('conferences/meet/roster', { body: { count: 6 } });
      await fault.beforeJoin?.();
      const { host } = await mountHost('connection-faults');
      host.commandTimeout = COMMAND_TIMEOUT;
      const states: ConnectionStateDetail[] = [];
      host.addEventListener('pex-connection-state', (event) => states.push(event.detail));
      const connection = await joinAs(host);
      const stage: Stage = { host, connection, states };
      await until(async () => zero(await rosterCounts()), 'the plugin sees the roster');

      const { outcomes, joined } = await fault.play(stage);
      await setFaults({ fail: null, slow: null, dropSyncAfter: null, duplicateEvents: false, disorder: false });
      if (fault.rejoin) {
        await until(() => states.at(-1)?.state === 'disconnected', 'the call ended');
        stage.connection = await joinAs(host, 'Fault tester again');
      }
      const want = ['connected', ...fault.states];
      // Judged below, with what came: a wait that ends unmet is not the failure's message.
      await until(() => states.length >= want.length && states.at(-1)?.state === want.at(-1), 'the states', 8000).catch(() => undefined);
      let counts = await rosterCounts();
      await until(async () => zero((counts = await rosterCounts())), 'the roster right', 8000).catch(() => undefined);

      totals.sent += outcomes.length;
      for (const outcome of outcomes) totals[outcome.state] += 1;
      totals.lost += counts.lost;
      totals.ghost += counts.ghost;
      totals.duplicate += counts.duplicate;

      expect(counts, 'the roster against the simulator\'s').to.deep.equal({ lost: 0, ghost: 0, duplicate: 0 });
      expect(outcomes.map((o) => o.state), 'how the commands ended').to.deep.equal(fault.expected);
      for (const outcome of outcomes) expect(outcome.ms, `${outcome.command} settled within the timeout`).to.be.below(COMMAND_TIMEOUT + LATE_MS);
      expect(states.map((s) => s.state), 'pex-connection-state').to.deep.equal(want);
      for (const uuid of joined) {
        const told = log().joined[uuid] ?? 0;
        if (fault.announced === 'once') expect(told, `Participant Connect Success for ${uuid}`).to.equal(1);
        else expect(told, `Participant Connect Success for ${uuid}`).to.be.at.most(1);
      }
      await fault.check?.(outcomes, stage);
      totals.survived += 1;
    });
  }
});

describe('pex-connection-state', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  async function mounted(): Promise<{ host: PexPluginHost; states: ConnectionStateDetail[]; events: Event[] }> {
    const { host } = await mountHost('connection-faults');
    const states: ConnectionStateDetail[] = [];
    const events: Event[] = [];
    // Listened for above the host: the event bubbles and composes.
    const listener = (event: Event) => {
      if (event.target !== host) return;
      events.push(event);
      states.push((event as CustomEvent<ConnectionStateDetail>).detail);
    };
    document.addEventListener('pex-connection-state', listener);
    cleanups.push(() => document.removeEventListener('pex-connection-state', listener));
    return { host, states, events };
  }

  it('a dropped stream: connected, reconnecting (attempt 1, why), connected, exactly; leave: disconnected, the reason said', async () => {
    const { host, states, events } = await mounted();
    const connection = await joinAs(host);
    expect(states).to.deep.equal([{ state: 'connected' }]);
    expect(events[0]).to.include({ bubbles: true, composed: true, cancelable: false });
    await setFaults({ dropEvents: true });
    await until(() => states.length === 3, 'back');
    expect(states).to.deep.equal([{ state: 'connected' }, { state: 'reconnecting', attempt: 1, reason: 'the events stream ended' }, { state: 'connected' }]);
    expect(connection.connectionState).to.deep.equal({ state: 'connected' });
    await connection.leave();
    expect(states.slice(3)).to.deep.equal([{ state: 'disconnected', reason: 'You left the conference' }]);
  });

  it('the node ends the call: disconnected with the node\'s reason', async () => {
    const { host, states } = await mounted();
    await joinAs(host);
    await control('conferences/meet/disconnect', { body: { reason: 'Conference terminated by an administrator' } });
    await until(() => states.length === 2, 'disconnected');
    expect(states).to.deep.equal([{ state: 'connected' }, { state: 'disconnected', reason: 'Conference terminated by an administrator' }]);
  });

  it('another connection bound: the first one\'s changes are no longer told; a connection without a state tells none', async () => {
    const { host, states } = await mounted();
    const first = await joinAs(host, 'First');
    await joinAs(host, 'Second');
    expect(states.map((s) => s.state)).to.deep.equal(['connected', 'connected']);
    await first.leave();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(states).to.have.length(2);
    host.connection = {
      participants$: first.participants$,
      conference$: first.conference$,
      actions$: first.actions$,
      role$: first.role$,
      selfUUID$: first.selfUUID$,
      execute: () => Promise.reject(new Error('unused')),
      leave: () => Promise.resolve(),
    };
    await host.updateComplete;
    expect(states).to.have.length(2);
  });
});
