/**
 * The Infinity connection against the Infinity simulator, mounted same-origin in the test server
 * (`/api/client/v2/...`, control API at `/_simulator/...`).
 */
import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { actions } from '../src/api/actions.js';
import { CommandError } from '../src/conference/commands.js';
import {
  InfinityJoinError,
  connectInfinity,
  type ConnectInfinityOptions,
  type InfinityConnection,
  type PinRequest,
} from '../src/conference/infinity/index.js';
import { ConferenceNotFoundError, PinRequiredError } from '../src/conference/infinity/refusal-errors.js';
import type { Participant, PexAction } from '../src/conference/types.js';
import { TokenWireJudge } from './support/token-wire.js';

// ---------------------------------------------------------------- the simulator's control API

interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
  token: boolean;
  pin?: string;
}
interface SimConference {
  participants: Record<string, unknown>[];
  locked: boolean;
  guests_muted: boolean;
  started: boolean;
  layout: Record<string, unknown>;
  messages: Record<string, unknown>[];
  requests: LoggedRequest[];
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`/_simulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const sim = {
  reset: () => control('POST', 'reset'),
  faults: (faults: Record<string, unknown>) => control('POST', 'faults', faults),
  state: (alias: string) => control('GET', `conferences/${alias}`) as Promise<SimConference>,
  add: async (alias: string, body: Record<string, unknown>) => ((await control('POST', `conferences/${alias}/participants`, body)) as { uuid: string }).uuid,
  roster: (alias: string, count: number) => control('POST', `conferences/${alias}/roster`, { count }),
  patch: (alias: string, uuid: string, body: Record<string, unknown>) => control('PATCH', `conferences/${alias}/participants/${uuid}`, body),
  remove: (alias: string, uuid: string) => control('DELETE', `conferences/${alias}/participants/${uuid}`),
  stage: (alias: string, entries: unknown[]) => control('POST', `conferences/${alias}/stage`, entries),
  message: (alias: string, body: Record<string, unknown>) => control('POST', `conferences/${alias}/messages`, body),
  disconnect: (alias: string, reason: string) => control('POST', `conferences/${alias}/disconnect`, { reason }),
};

// ---------------------------------------------------------------- helpers

const open: InfinityConnection[] = [];
const subscriptions: Subscription[] = [];
/** Every test's token calls, judged with the vendor's validators (see afterEach). */
let judge = new TokenWireJudge();

/** Joins through the judge, unless the test gives its own fetch. */
async function join(options: Partial<ConnectInfinityOptions> & { alias: string }): Promise<InfinityConnection> {
  const connection = await connectInfinity({ node: location.origin, displayName: 'Plugin Host', fetch: judge.fetch, ...options });
  open.push(connection);
  return connection;
}

/** Records every value a stream emits from now on. */
function record<T>(observable: { subscribe(next: (value: T) => void): Subscription }): T[] {
  const values: T[] = [];
  subscriptions.push(observable.subscribe((value) => values.push(value)));
  return values;
}

async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeout = 4000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The value a replaying stream holds now. */
function current<T>(observable: { subscribe(next: (value: T) => void): Subscription }): T {
  let value: T | undefined;
  observable.subscribe((v) => (value = v)).unsubscribe();
  return value as T;
}

function latest<T>(values: readonly T[]): T {
  return values[values.length - 1];
}

function byUuid(participants: readonly Participant[], uuid: string): Participant | undefined {
  return participants.find((p) => p.uuid === uuid);
}

function ofType(recorded: PexAction[], type: string): PexAction[] {
  return recorded.filter((a) => a.type === type);
}

function requestsTo(state: SimConference, call: string): LoggedRequest[] {
  return state.requests.filter((r) => r.path.endsWith(`/${call}`) || r.path.includes(`/${call}?`));
}

/** A JSON answer as a node sends it. */
function answer(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

/**
 * A fetch whose request_token answers come from `respond` (`n` counts the requests from 0;
 * undefined lets the simulator answer); every other request reaches the simulator.
 */
function answeringRequestToken(respond: (n: number, simulator: () => Promise<Response>) => Response | undefined | Promise<Response | undefined>): typeof fetch {
  let n = 0;
  return async (input, init) => {
    const simulator = () => fetch(input, init);
    if (String(input).endsWith('/request_token')) return (await respond(n++, simulator)) ?? simulator();
    return simulator();
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The `token` headers the release_token requests carried. */
const releasedTokens = () => judge.of('release_token').map((c) => c.headers.token);

/**
 * The tokens the node granted on this test's wire, request_token's then each refresh's: the
 * connection keeps its own private (no getter), so the tests read them where they travel.
 */
function grantedTokens(): string[] {
  return judge.calls
    .map((c) => (c.call === 'request_token' || c.call === 'refresh_token') && c.status === 200 && (c.answer as { result?: { token?: unknown } } | undefined)?.result?.token)
    // A call whose answer is still being read has no token yet.
    .filter((token): token is string => typeof token === 'string');
}
/** The newest token granted: the one the connection holds once it has read the answer. */
const tokenNow = (): string => latest(grantedTokens());

beforeEach(async () => {
  await sim.reset();
  judge = new TokenWireJudge();
});

afterEach(async () => {
  for (const s of subscriptions.splice(0)) s.unsubscribe();
  await Promise.all(open.splice(0).map((c) => c.leave()));
  // The releases above included: what the client sent and what the simulator answered.
  expect(judge.violations, 'token calls that fail the vendor schemas').to.deep.equal([]);
});

// ---------------------------------------------------------------- joining

describe('Infinity connection: joining', () => {
  it('joins an open conference as host and says so on actions$', async () => {
    const connection = await join({ alias: 'meet' });
    expect(connection.state).to.equal('connected');
    expect(tokenNow()).to.be.a('string').and.not.be.empty;
    // The token is on no public member of the connection (test/token-privacy.test.ts walks them all).
    expect('token' in connection).to.be.false;
    const self = current(connection.selfUUID$);
    expect(self).to.be.a('string');
    const seen = record(connection.actions$);
    expect(seen.slice(0, 2)).to.deep.equal([
      { type: '[Conference] Connect Success', payload: { alias: 'meet', displayName: 'Plugin Host', joinRole: 'HOST', serviceType: 'conference' } },
      { type: '[Conference] Set Self UUID', payload: self },
    ]);
    const roles = record(connection.role$);
    expect(latest(roles)).to.equal('chair');
    // The roster holds the client's own participant once the first sync is in.
    const roster = record(connection.participants$);
    expect(byUuid(latest(roster), self!)).to.include({ name: 'Plugin Host', role: 'chair', protocol: 'api', callType: 'api' });
    const conference = latest(record(connection.conference$));
    expect(conference).to.deep.equal({ locked: false, guestsMuted: false, chatEnabled: true, mediaType: 'video', started: true });
    const state = await sim.state('meet');
    const tokenRequest = requestsTo(state, 'request_token')[0];
    expect(tokenRequest.body).to.deep.equal({ display_name: 'Plugin Host' });
    expect(tokenRequest).not.to.have.property('pin');
    expect(requestsTo(state, 'conference_status')[0].token).to.be.true;
  });

  it('sends the pin option in the pin header', async () => {
    const connection = await join({ alias: 'secure', pin: '1234' });
    expect(latest(record(connection.role$))).to.equal('chair');
    const state = await sim.state('secure');
    expect(requestsTo(state, 'request_token')[0].pin).to.equal('1234');
  });

  it('asks requestPin when the conference wants a PIN, and retries with the answer', async () => {
    const asked: PinRequest[] = [];
    const connection = await join({
      alias: 'secure',
      requestPin: async (request) => {
        asked.push(request);
        return '5678';
      },
    });
    expect(asked).to.deep.equal([{ alias: 'secure', hostPinRequired: true, guestPinRequired: true }]);
    expect(latest(record(connection.role$))).to.equal('guest');
    const joined = ofType(record(connection.actions$), actions.CONNECT_SUCCESS)[0];
    expect((joined.payload as { joinRole: string }).joinRole).to.equal('GUEST');
    const tokenRequests = requestsTo(await sim.state('secure'), 'request_token');
    expect(tokenRequests.map((r) => r.pin)).to.deep.equal([undefined, '5678']);
  });

  it('rejects with PinRequiredError naming the PINs when there is no PIN to give', async () => {
    let error: unknown;
    try {
      await join({ alias: 'secure' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(PinRequiredError);
    const pinError = error as PinRequiredError;
    expect(pinError.hostPinRequired).to.be.true;
    expect(pinError.guestPinRequired).to.be.true;
    expect(pinError.code).to.equal('pin-required');
    expect(pinError.message).to.match(/secure.*PIN/);

    let declined: unknown;
    try {
      await join({ alias: 'secure', requestPin: () => null });
    } catch (e) {
      declined = e;
    }
    expect(declined).to.be.instanceOf(PinRequiredError);
  });

  it("rejects a wrong PIN with the server's reason", async () => {
    let error: unknown;
    try {
      await join({ alias: 'secure', pin: '0000' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(InfinityJoinError);
    expect(error).not.to.be.instanceOf(PinRequiredError);
    expect((error as InfinityJoinError).code).to.equal('refused');
    expect((error as InfinityJoinError).reason).to.equal('Invalid PIN');
    expect((error as Error).message).to.contain('Invalid PIN');
  });

  it("asks requestPin once: a wrong PIN from it is refused with the server's reason", async () => {
    const asked: PinRequest[] = [];
    const error = await rejection(join({ alias: 'secure', requestPin: (request) => (asked.push(request), '0000') }));
    expect(asked).to.have.length(1);
    expect(error).to.be.instanceOf(InfinityJoinError).and.not.be.instanceOf(PinRequiredError);
    expect(error).to.include({ code: 'refused', status: 403, reason: 'Invalid PIN', message: 'Could not join "secure": Invalid PIN' });
    expect(judge.of('request_token').map((c) => c.headers.pin)).to.deep.equal([undefined, '0000']);
  });

  it("answering requestPin with '' joins as guest with Infinity's `none` where only hosts need a PIN; a PIN is trimmed", async () => {
    // The simulator's `guests` never asks (its guests need no PIN); a node whose host PIN alone is set does.
    const hostPinOnly = { status: 'success', result: { pin: 'required', guest_pin: 'none', version: { version_id: '36', pseudo_version: '36.0.0' } } };
    judge = new TokenWireJudge(answeringRequestToken((n) => (n === 0 ? answer(403, hostPinOnly) : undefined)));
    const asked: PinRequest[] = [];
    const guest = await join({ alias: 'guests', requestPin: (request) => (asked.push(request), '  ') });
    expect(asked).to.deep.equal([{ alias: 'guests', hostPinRequired: true, guestPinRequired: false }]);
    expect(judge.of('request_token').map((c) => [c.headers.pin, c.status])).to.deep.equal([
      [undefined, 403],
      ['none', 200],
    ]);
    expect(latest(record(guest.role$))).to.equal('guest');
    // 'none' is no PIN: the call as joined has none.
    expect(guest.callInfo).not.to.have.property('pin');

    judge = new TokenWireJudge();
    const host = await join({ alias: 'secure', requestPin: () => ' 1234 ' });
    expect(judge.of('request_token').map((c) => c.headers.pin)).to.deep.equal([undefined, '1234']);
    expect(host.callInfo.pin).to.equal('1234');
  });

  it('joins as guest without a PIN where guests need none, and as host with the host PIN', async () => {
    const guest = await join({ alias: 'guests' });
    expect(latest(record(guest.role$))).to.equal('guest');
    const host = await join({ alias: 'guests', pin: '1234', displayName: 'Host' });
    expect(latest(record(host.role$))).to.equal('chair');
  });

  it("rejects an unknown alias as no such conference, with the server's reason", async () => {
    let error: unknown;
    try {
      await join({ alias: 'nowhere' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConferenceNotFoundError);
    expect((error as ConferenceNotFoundError).reason).to.equal('Neither conference nor gateway found');
    expect((error as Error).message).to.contain('No such conference "nowhere"');
  });

  it("keeps the server's reason when request_token fails with a status outside the vendor schema", async () => {
    await sim.faults({ fail: { status: 500, reason: 'Node on fire', match: 'request_token' } });
    let error: unknown;
    try {
      await join({ alias: 'meet' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(InfinityJoinError);
    expect((error as InfinityJoinError).status).to.equal(500);
    expect((error as InfinityJoinError).reason).to.equal('Node on fire');
    expect((error as Error).message).to.equal('Could not join "meet": 500 Node on fire');
  });

  it('names the other refusals: SSO, a conference extension, an unknown 403, a 200 without a token, no answer at all', async () => {
    const version = { version_id: '36' };
    const answers: Record<string, () => Response> = {
      sso: () => answer(403, { status: 'success', result: { idp: [{ name: 'Corp', uuid: 'idp-1' }], version } }),
      teams: () => answer(403, { status: 'success', result: { conference_extension: 'required', conference_extension_type: 'mssip' } }),
      odd: () => answer(403, { status: 'success', result: { something: 'new' } }),
      tokenless: () => answer(200, { status: 'success', result: { participant_uuid: 'x', expires: '120' } }),
      offline: () => {
        throw new TypeError('Failed to fetch');
      },
    };
    const failures: Record<string, unknown> = {};
    for (const [alias, respond] of Object.entries(answers)) {
      // These answers are made up on purpose (some outside the schema): only the requests are judged.
      judge = new TokenWireJudge(answeringRequestToken(respond), { answers: false });
      failures[alias] = await rejection(join({ alias }));
      expect(judge.violations, alias).to.deep.equal([]);
    }
    expect(failures.sso).to.include({ code: 'idp-required', status: 403 });
    expect((failures.sso as Error).message).to.equal('Could not join "sso": it signs users in with SSO (an identity provider), which this connection does not support.');
    expect(failures.teams).to.include({ code: 'extension-required', status: 403 });
    expect((failures.teams as Error).message).to.contain('Could not join "teams": it needs a conference extension (a meeting id)');
    expect(failures.odd).to.include({ code: 'failed', status: 403, message: 'Could not join "odd": 403 {"something":"new"}' });
    expect(failures.tokenless).to.include({ code: 'failed', status: 200, message: 'Could not join "tokenless": request_token answered without a token.' });
    expect(failures.offline).to.be.instanceOf(InfinityJoinError).and.include({ code: 'failed', status: undefined, message: 'Could not join "offline": Failed to fetch' });
  });

  it('refuses an alias that is empty or only dots before anything is sent (`..` would take the token to another path on the node)', async () => {
    for (const alias of ['', '  ', '.', '..', '...']) {
      const error = await rejection(join({ alias }));
      expect(error, JSON.stringify(alias)).to.be.instanceOf(InfinityJoinError).and.include({ code: 'failed', message: `Could not join ${JSON.stringify(alias)}: the alias must name a conference.` });
    }
    expect(judge.calls).to.deep.equal([]);
  });

  it("uses a 200 that does not match Infinity's schema but carries a session, with a warning", async () => {
    // A newer node might drop or retype fields: not JSON-typed, expires a number, no version or current_service_type.
    judge = new TokenWireJudge(
      answeringRequestToken(async (_n, simulator) => {
        const real = (await (await simulator()).json()) as { status: string; result: Record<string, unknown> };
        const result: Record<string, unknown> = { ...real.result, expires: Number(real.result.expires) };
        delete result.version;
        delete result.current_service_type;
        return answer(200, { ...real, result }, 'text/plain');
      }),
      { answers: false },
    );
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    let connection: InfinityConnection;
    try {
      connection = await join({ alias: 'meet' });
      // The warning's words are a chunk fetched when the first is needed.
      for (let waited = 0; warnings.length === 0 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      console.warn = warn;
    }
    expect(connection.state).to.equal('connected');
    expect(current(connection.selfUUID$)).to.equal((await sim.state('meet')).participants.find((p) => p.display_name === 'Plugin Host')?.uuid);
    expect(warnings.map((w) => String(w[0]))).to.deep.equal([
      "[pex] request_token's answer does not match Infinity's schema (expires (a string), current_service_type, version); using it anyway.",
    ]);
    // Without current_service_type, where the user is comes from service_type.
    expect(ofType(record(connection.actions$), actions.CONNECT_SUCCESS)[0].payload).to.include({ serviceType: 'conference' });
  });
});

// ---------------------------------------------------------------- the roster

describe('Infinity connection: roster and events', () => {
  it('delivers a 1,000-participant sync as one participants$ emission, mapped', async () => {
    await sim.roster('meet', 1000);
    const connection = await join({ alias: 'meet' });
    const emissions = record(connection.participants$);
    expect(emissions).to.have.length(1);
    expect(emissions[0]).to.have.length(1001);

    // A resync after a drop: again exactly one emission, nobody twice.
    await sim.faults({ dropEvents: true });
    await waitFor(() => emissions.length > 1, 'the resync');
    // Watching that nothing more comes (a second emission of the same resync): no event to
    // wait for, so a bounded look.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emissions).to.have.length(2);
    const roster = latest(emissions);
    expect(new Set(roster.map((p) => p.uuid)).size).to.equal(1001);

    const raw = (await sim.state('meet')).participants.find((p) => p.role === 'guest') as Record<string, unknown>;
    const mapped = byUuid(roster, raw.uuid as string)!;
    expect(mapped).to.deep.equal({
      uuid: raw.uuid,
      name: raw.display_name,
      role: 'guest',
      uri: raw.uri,
      startTime: raw.start_time,
      protocol: 'webrtc',
      isExternal: false,
      presenting: false,
      muted: false,
      canControl: false,
      canDisconnect: true,
      canTransfer: true,
      canMute: true,
      serviceType: 'conference',
      callType: 'video',
      spotlight: 0,
      isStreaming: false,
      vad: 0,
      stageIndex: -1,
      rxPresentation: true,
      feccSupported: false,
      buzzTime: 0,
      isVideoMuted: false,
    });
  });

  it('coalesces a burst of live changes into few emissions and gets the roster right', async () => {
    const connection = await join({ alias: 'meet' });
    const emissions = record(connection.participants$);
    await sim.roster('meet', 1000);
    await waitFor(() => latest(emissions).length === 1001, '1,000 live creates');
    // Many events arrive per task; each task's burst is one emission, never one per participant.
    expect(emissions.length).to.be.below(100);
  });

  it('follows updates: mute, buzz (Buzz Changed), stage (vad, stageIndex), video mute', async () => {
    const connection = await join({ alias: 'meet' });
    const roster = record(connection.participants$);
    const seen = record(connection.actions$);
    const uuid = await sim.add('meet', { display_name: 'Bob', role: 'guest' });
    await waitFor(() => byUuid(latest(roster), uuid), 'Bob');

    await sim.patch('meet', uuid, { is_muted: 'YES' });
    await waitFor(() => byUuid(latest(roster), uuid)?.muted, 'Bob muted');
    expect(ofType(seen, actions.PARTICIPANT_MUTED_CHANGED).map((a) => a.payload)).to.deep.equal([{ uuid, muted: true }]);

    await sim.patch('meet', uuid, { buzz_time: 1_700_000_123 });
    await waitFor(() => byUuid(latest(roster), uuid)?.buzzTime === 1_700_000_123, 'Bob buzzing');
    expect(ofType(seen, actions.BUZZ_CHANGED).map((a) => a.payload)).to.deep.equal([{ buzzTime: 1_700_000_123, name: 'Bob' }]);

    await sim.patch('meet', uuid, { is_video_muted: true });
    await waitFor(() => byUuid(latest(roster), uuid)?.isVideoMuted, 'Bob video muted');

    const self = current(connection.selfUUID$)!;
    await sim.stage('meet', [
      { participant_uuid: uuid, stage_index: 0, vad: 100 },
      { participant_uuid: self, stage_index: 1, vad: 0 },
    ]);
    await waitFor(() => byUuid(latest(roster), uuid)?.vad === 100, 'Bob speaking');
    expect(byUuid(latest(roster), uuid)).to.include({ vad: 100, stageIndex: 0, muted: true, buzzTime: 1_700_000_123 });
    expect(byUuid(latest(roster), self)).to.include({ vad: 0, stageIndex: 1 });
    // Muted Changed and Buzz Changed only for real changes.
    expect(ofType(seen, actions.PARTICIPANT_MUTED_CHANGED)).to.have.length(1);
    expect(ofType(seen, actions.BUZZ_CHANGED)).to.have.length(1);
  });

  it('emits participant connect and disconnect for live creates and deletes only', async () => {
    await sim.add('meet', { display_name: 'Already here' });
    const connection = await join({ alias: 'meet' });
    const roster = record(connection.participants$);
    const seen = record(connection.actions$);
    const uuid = await sim.add('meet', { display_name: 'Carol' });
    await waitFor(() => byUuid(latest(roster), uuid), 'Carol');
    await sim.remove('meet', uuid);
    await waitFor(() => !byUuid(latest(roster), uuid), 'Carol gone');
    expect(ofType(seen, actions.PARTICIPANT_CONNECT_SUCCESS).map((a) => a.payload)).to.deep.equal([uuid]);
    expect(ofType(seen, actions.PARTICIPANT_DISCONNECT_SUCCESS).map((a) => a.payload)).to.deep.equal([uuid]);
  });

  it('passes chat messages on as RECEIVE_CHAT_MESSAGE with the message object', async () => {
    const connection = await join({ alias: 'meet' });
    const seen = record(connection.actions$);
    await sim.message('meet', { origin: 'Dana', type: 'text/plain', payload: 'hello plugins' });
    const received = await waitFor(() => ofType(seen, actions.RECEIVE_CHAT_MESSAGE)[0], 'the message');
    const payload = received.payload as { origin: string; uuid: string; type: string; payload: string; direct: boolean };
    expect(payload).to.include({ origin: 'Dana', type: 'text/plain', payload: 'hello plugins', direct: false });
    expect(payload.uuid).to.be.a('string');
  });

  it('follows conference_update into conference$', async () => {
    const guest = await join({ alias: 'guests' });
    const details = record(guest.conference$);
    expect(latest(details).started).to.be.false;
    await join({ alias: 'guests', pin: '1234', displayName: 'Host' });
    await waitFor(() => latest(details).started, 'started');
  });

  it('reconnects after a dropped events stream and resyncs: nobody lost, doubled or stale', async () => {
    const a = await sim.add('meet', { display_name: 'Anna' });
    const b = await sim.add('meet', { display_name: 'Bert' });
    const connection = await join({ alias: 'meet' });
    const roster = record(connection.participants$);
    const states = record(connection.state$);
    const seen = record(connection.actions$);
    expect(latest(roster).map((p) => p.name)).to.include.members(['Anna', 'Bert']);

    // The simulator closes the streams once; failing the next two reconnects keeps the client out
    // (250 ms, then 500 ms of backoff) while the roster changes.
    await sim.faults({ dropEvents: true, fail: { status: 503, reason: 'Try later', match: '/events', count: 2 } });
    await sim.remove('meet', a);
    const c = await sim.add('meet', { display_name: 'Cleo' });
    await sim.patch('meet', b, { is_muted: 'YES' });

    await waitFor(() => byUuid(latest(roster), c), 'the resync');
    expect(states).to.include('reconnecting');
    expect(latest(states)).to.equal('connected');
    const now = latest(roster);
    expect(byUuid(now, a), 'Anna left during the drop').to.equal(undefined);
    expect(byUuid(now, b)?.muted).to.be.true;
    expect(new Set(now.map((p) => p.uuid)).size).to.equal(now.length);
    expect(now.map((p) => p.uuid).sort()).to.deep.equal((await sim.state('meet')).participants.map((p) => p.uuid as string).sort());
    // Changes that happened during the drop are not replayed as live joins and leaves.
    expect(ofType(seen, actions.PARTICIPANT_CONNECT_SUCCESS)).to.have.length(0);
    expect(ofType(seen, actions.PARTICIPANT_DISCONNECT_SUCCESS)).to.have.length(0);
    const eventRequests = requestsTo(await sim.state('meet'), 'events');
    expect(eventRequests.length).to.be.at.least(4);
  });

  it('ends on a server disconnect with Disconnect Success and its reason', async () => {
    const connection = await join({ alias: 'meet' });
    const seen = record(connection.actions$);
    const states = record(connection.state$);
    await sim.disconnect('meet', 'Conference terminated by an administrator');
    await waitFor(() => latest(states) === 'disconnected', 'disconnected');
    expect(ofType(seen, actions.DISCONNECT_SUCCESS).map((a) => a.payload)).to.deep.equal([
      { reason: 'Conference terminated by an administrator' },
    ]);
  });
});

// ---------------------------------------------------------------- the token

describe('Infinity connection: token', () => {
  it('refreshes the token at a third of its lifetime and uses the new one', async function () {
    this.timeout(15000);
    await sim.faults({ tokenExpiry: 3 });
    const connection = await join({ alias: 'meet' });
    const first = tokenNow();
    await waitFor(() => tokenNow() !== first, 'a new token', 3000);
    const log = await sim.state('meet');
    expect(requestsTo(log, 'refresh_token')[0].token).to.be.true;
    // A third of 3 s after request_token's answer (sentAt is the request's, a few ms before).
    const [granted] = judge.of('request_token');
    const [refresh] = judge.of('refresh_token');
    expect(refresh.sentAt - granted.sentAt).to.be.within(980, 1400);
    expect(refresh.headers.token).to.equal(first);
    // Past the first token's lifetime: only the refreshed one works, for calls and for the stream.
    // The simulator expires tokens by its clock, so this is real time, not a condition to await.
    await new Promise((resolve) => setTimeout(resolve, 3200));
    expect(connection.state).to.equal('connected');
    await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    expect((await sim.state('meet')).locked).to.be.true;
    await sim.faults({ dropEvents: true });
    const states = record(connection.state$);
    await waitFor(() => states.includes('reconnecting') && latest(states) === 'connected', 'a reconnect with the current token');
  });

  it('leave() releases the token, emits Disconnect Success and keeps the last roster', async () => {
    const connection = await join({ alias: 'meet' });
    const seen = record(connection.actions$);
    const before = latest(record(connection.participants$));
    await connection.leave();
    const log = await sim.state('meet');
    const released = requestsTo(log, 'release_token');
    expect(released).to.have.length(1);
    expect(released[0].token).to.be.true;
    expect(judge.of('release_token').map((c) => [c.headers.token, c.keepalive, c.status])).to.deep.equal([[tokenNow(), false, 200]]);
    expect(ofType(seen, actions.DISCONNECT_SUCCESS)).to.have.length(1);
    expect(connection.state).to.equal('disconnected');
    // Late subscribers still get the last roster; the join actions are no longer replayed.
    expect(latest(record(connection.participants$))).to.equal(before);
    expect(record(connection.actions$)).to.deep.equal([]);
    let error: unknown;
    try {
      await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CommandError);
    // Leaving twice is harmless.
    await connection.leave();
    expect(requestsTo(await sim.state('meet'), 'release_token')).to.have.length(1);
  });

  it('releases the token on pagehide', async () => {
    const connection = await join({ alias: 'meet' });
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(connection.state).to.equal('disconnected');
    await waitFor(async () => requestsTo(await sim.state('meet'), 'release_token').length === 1, 'release_token');
    // keepalive: the release outlives the page.
    expect(judge.of('release_token').map((c) => [c.headers.token, c.keepalive])).to.deep.equal([[tokenNow(), true]]);
  });

  it("every token call passes the vendor's schemas, request and answer: the PIN dialogue, a refresh, the release", async function () {
    this.timeout(8000);
    await sim.faults({ tokenExpiry: 3 });
    const connection = await join({ alias: 'secure', requestPin: () => '1234' });
    const first = tokenNow();
    await waitFor(() => tokenNow() !== first, 'a refresh', 3000);
    await connection.leave();
    expect(judge.violations).to.deep.equal([]);
    expect(judge.calls.map((c) => [c.call, c.status, c.judged])).to.deep.equal([
      ['request_token', 403, true],
      ['request_token', 200, true],
      ['refresh_token', 200, true],
      ['release_token', 200, true],
    ]);
    const [asking, granted, refresh, release] = judge.calls;
    expect([asking.body, granted.body, refresh.body, release.body]).to.deep.equal([{ display_name: 'Plugin Host' }, { display_name: 'Plugin Host' }, undefined, {}]);
    expect([asking.headers.pin, granted.headers.pin]).to.deep.equal([undefined, '1234']);
    // The release carries the refreshed token, not the first.
    expect([refresh.headers.token, release.headers.token]).to.deep.equal([first, tokenNow()]);
    expect(tokenNow()).not.to.equal(first);
  });

  it('refreshes at once on a refresh_token event, and role$ follows the refreshed role', async () => {
    const connection = await join({ alias: 'meet' });
    const roles = record(connection.role$);
    expect(latest(roles)).to.equal('chair');
    const self = current(connection.selfUUID$)!;
    // The simulator tells a client whose role changed to refresh (its 120 s token is far from due).
    await connection.execute({ name: 'sendRequest', args: { path: `participants/${self}/role`, payload: { role: 'guest' } } });
    await waitFor(() => latest(roles) === 'guest', 'role$ guest');
    expect(judge.of('refresh_token').map((c) => [c.status, (c.answer as { result: { role: string } }).result.role])).to.deep.equal([[200, 'GUEST']]);
  });

  it('a refused refresh (403) ends the session with a reason that names the refresh, and releases nothing', async () => {
    await sim.faults({ tokenExpiry: 3, fail: { status: 403, reason: 'Invalid token', match: 'refresh_token' } });
    const connection = await join({ alias: 'meet' });
    const seen = record(connection.actions$);
    await waitFor(() => connection.state === 'disconnected', 'the end of the session', 3000);
    expect(ofType(seen, actions.DISCONNECT_SUCCESS).map((a) => a.payload)).to.deep.equal([{ reason: 'Could not refresh the token for "meet": 403 Invalid token' }]);
    expect(judge.of('refresh_token').map((c) => c.status)).to.deep.equal([403]);
    await connection.leave();
    expect(judge.of('release_token')).to.deep.equal([]);
  });

  it('retries a failed refresh, and gives up after three failures', async function () {
    this.timeout(15000);
    await sim.faults({ tokenExpiry: 3, fail: { status: 502, match: 'refresh_token', count: 1 } });
    // Every draw 0.95: the retries wait 950 ms, then 1,900 ms (full jitter below 1 s, then 2 s).
    const connection = await join({ alias: 'meet', random: () => 0.95 });
    // Tokens from now on last 9 s: three failed refreshes fit in one.
    await sim.faults({ tokenExpiry: 9 });
    const first = tokenNow();
    await waitFor(() => tokenNow() !== first, 'a new token after a retry', 4000);
    expect(connection.state).to.equal('connected');
    const [failed, retried] = judge.of('refresh_token');
    expect([failed.status, retried.status]).to.deep.equal([502, 200]);
    expect(retried.sentAt - failed.sentAt).to.be.within(950, 1250);

    await sim.faults({ fail: { status: 503, reason: 'Node busy', match: 'refresh_token', count: 3 } });
    const seen = record(connection.actions$);
    await waitFor(() => connection.state === 'disconnected', 'the session given up', 8000);
    expect(judge.of('refresh_token').slice(2).map((c) => c.status)).to.deep.equal([503, 503, 503]);
    expect(ofType(seen, actions.DISCONNECT_SUCCESS).map((a) => a.payload)).to.deep.equal([{ reason: 'Could not refresh the token for "meet": 503 Node busy' }]);
  });

  it('leaves even when the release fails or gets no answer', async () => {
    await sim.faults({ fail: { status: 500, reason: 'Node on fire', match: 'release_token' } });
    const refused = await join({ alias: 'meet' });
    const seen = record(refused.actions$);
    await refused.leave();
    expect(refused.state).to.equal('disconnected');
    expect(ofType(seen, actions.DISCONNECT_SUCCESS)).to.have.length(1);
    expect(judge.of('release_token').map((c) => c.status)).to.deep.equal([500]);

    const offline: typeof fetch = (input, init) => (String(input).endsWith('/release_token') ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    judge = new TokenWireJudge(offline);
    const unanswered = await join({ alias: 'meet' });
    const seenToo = record(unanswered.actions$);
    await unanswered.leave();
    expect(unanswered.state).to.equal('disconnected');
    expect(ofType(seenToo, actions.DISCONNECT_SUCCESS)).to.have.length(1);
    expect(releasedTokens()).to.deep.equal([tokenNow()]);
  });

  it('left while a refresh was under way: the token it brings is released too', async function () {
    this.timeout(8000);
    await sim.faults({ tokenExpiry: 3 });
    // Holds refresh_token's answer until the connection has left.
    let answerRefresh!: () => void;
    const held = new Promise<void>((resolve) => (answerRefresh = resolve));
    judge = new TokenWireJudge(async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/refresh_token')) await held;
      return response;
    });
    const connection = await join({ alias: 'meet' });
    const first = tokenNow();
    await waitFor(() => judge.of('refresh_token').length === 1, 'a refresh under way', 3000);
    await connection.leave();
    expect(releasedTokens()).to.deep.equal([first]);
    answerRefresh();
    await waitFor(() => judge.of('release_token').length === 2, 'the release of the refreshed token');
    const refreshed = (judge.of('refresh_token')[0].answer as { result: { token: string } }).result.token;
    expect(releasedTokens()).to.deep.equal([first, refreshed]);
  });
});

// ---------------------------------------------------------------- commands

describe('Infinity connection: commands', () => {
  it('sendRequest posts to the conference and resolves to the result', async () => {
    const connection = await join({ alias: 'meet' });
    const details = record(connection.conference$);
    expect(await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } })).to.equal(true);
    expect((await sim.state('meet')).locked).to.be.true;
    await waitFor(() => latest(details).locked, 'conference_update locked');
    const uuid = await sim.add('meet', { display_name: 'Eve' });
    await connection.execute({ name: 'sendRequest', args: { path: `participants/${uuid}/overlaytext`, payload: { text: 'Eve (guest)' } } });
    const eve = (await sim.state('meet')).participants.find((p) => p.uuid === uuid)!;
    expect(eve.overlay_text).to.equal('Eve (guest)');
    for (const path of ['../secure/lock', 'https://evil.example/x']) {
      let error: unknown;
      try {
        await connection.execute({ name: 'sendRequest', args: { path, payload: undefined } });
      } catch (e) {
        error = e;
      }
      expect(error, path).to.be.instanceOf(CommandError);
    }
  });

  it('dialOut dials with the mapped body and resolves to the new uuids', async () => {
    const connection = await join({ alias: 'meet' });
    const uuids = await connection.execute({
      name: 'dialOut',
      args: { alias: 'rtmp://stream.example/live/key', protocol: 'rtmp', role: 'guest', options: {} },
    });
    expect(uuids).to.be.an('array').with.length(1);
    const state = await sim.state('meet');
    expect(requestsTo(state, 'dial')[0].body).to.deep.equal({
      destination: 'rtmp://stream.example/live/key',
      protocol: 'rtmp',
      role: 'GUEST',
      streaming: 'yes',
    });
    expect(state.participants.find((p) => p.uuid === uuids[0])).to.include({ is_streaming_conference: true, role: 'guest' });
    await connection.execute({ name: 'dialOut', args: { alias: 'sip:room@example.com', protocol: 'sip', role: 'chair', options: { streaming: false } } });
    expect(requestsTo(await sim.state('meet'), 'dial')[1].body).to.deep.include({ role: 'HOST', streaming: 'no' });
  });

  it('disconnectParticipant and spotlightOn/Off act on the participant', async () => {
    const connection = await join({ alias: 'meet' });
    const roster = record(connection.participants$);
    const uuid = await sim.add('meet', { display_name: 'Finn' });
    await connection.execute({ name: 'spotlightOnParticipant', args: { uuid } });
    expect((await sim.state('meet')).participants.find((p) => p.uuid === uuid)!.spotlight).to.be.above(0);
    await waitFor(() => (byUuid(latest(roster), uuid)?.spotlight ?? 0) > 0, 'spotlight in the roster');
    await connection.execute({ name: 'spotlightOffParticipant', args: { uuid } });
    expect((await sim.state('meet')).participants.find((p) => p.uuid === uuid)!.spotlight).to.equal(0);
    await connection.execute({ name: 'disconnectParticipant', args: { uuid } });
    expect((await sim.state('meet')).participants.find((p) => p.uuid === uuid)).to.equal(undefined);
    await waitFor(() => !byUuid(latest(roster), uuid), 'Finn gone');
  });

  it('transformConferenceLayout sends the transforms', async () => {
    const connection = await join({ alias: 'meet' });
    await connection.execute({ name: 'transformConferenceLayout', args: { layout: { layout: '4:0', enable_overlay_text: true } } });
    const state = await sim.state('meet');
    expect(requestsTo(state, 'transform_layout')[0].body).to.deep.equal({ transforms: { layout: '4:0', enable_overlay_text: true } });
    expect(state.layout).to.include({ layout: '4:0', enable_overlay_text: true });
  });

  it('sendChatMessage sends the message and emits SEND_CHAT_MESSAGE', async () => {
    const connection = await join({ alias: 'meet' });
    const seen = record(connection.actions$);
    await connection.execute({ name: 'sendChatMessage', args: { type: 'text/plain', payload: 'hi all' } });
    const state = await sim.state('meet');
    expect(requestsTo(state, 'message')[0].body).to.deep.equal({ type: 'text/plain', payload: 'hi all' });
    expect(state.messages.map((m) => m.payload)).to.include('hi all');
    expect(ofType(seen, actions.SEND_CHAT_MESSAGE).map((a) => a.payload)).to.deep.equal(['hi all']);
  });

  it("rejects with the server's reason: a 502 fault, a GUEST refused a host-only call", async () => {
    const host = await join({ alias: 'meet' });
    await sim.faults({ fail: { status: 502, reason: 'Upstream timed out', match: '/lock' } });
    let error: unknown;
    try {
      await host.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CommandError);
    expect(error).to.include({ status: 502, reason: 'Upstream timed out' });

    const guest = await join({ alias: 'guests' });
    let refused: unknown;
    try {
      await guest.execute({ name: 'transformConferenceLayout', args: { layout: { layout: '1:7' } } });
    } catch (e) {
      refused = e;
    }
    expect(refused).to.be.instanceOf(CommandError);
    expect(refused).to.include({ status: 403, reason: 'Insufficient privileges' });
    expect((refused as Error).message).to.contain('Insufficient privileges');

    let dialRefused: unknown;
    try {
      await host.execute({ name: 'dialOut', args: { alias: 'sip:fail@example.com', protocol: 'sip', role: 'guest', options: {} } });
    } catch (e) {
      dialRefused = e;
    }
    expect(dialRefused).to.include({ status: 403, reason: 'Gateway dial out failed' });
  });
});
