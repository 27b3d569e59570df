/**
 * Reconnect and refresh retries against the simulator's fault switches: each wait is drawn with
 * full jitter, random(0, min(cap, base * 2^attempt)), from the connection's `random` option, so
 * with a seeded source every wait is known exactly and measured on the wire; clients of the same
 * node come back spread out, not in lockstep; while the browser is offline nothing is tried,
 * and `online` retries at once. After each, the roster is checked against the simulator's own:
 * nobody lost, no ghost, nobody twice.
 */
import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { connectInfinity, type ConnectInfinityOptions, type InfinityConnection } from '../src/conference/infinity/index.js';
import type { Participant } from '../src/conference/types.js';
import { control, conferenceState, resetSimulator, setFaults } from './support/simulator-client.js';
import { until } from './support/menu-helpers.js';

/** The events stream's waits: below 250 ms, doubling to 8 s. The refresh's: below 1 s, doubling. */
const EVENTS = { base: 250, cap: 8000 };
const REFRESH = { base: 1000, cap: 8000 };
/** How late a measured wait may be (timers, the simulator's answer, the client's own reading). */
const LATE_MS = 100;

/** A small seeded generator (mulberry32): the same seed, the same draws. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The waits a seed gives for attempts 0..n-1. */
function waits(seed: number, n: number, backoff: { base: number; cap: number }): number[] {
  const random = seeded(seed);
  return Array.from({ length: n }, (_, attempt) => Math.floor(random() * Math.min(backoff.cap, backoff.base * 2 ** attempt)));
}

/** One request the client sent: when, when it was answered and how, and (an events stream) when it ended. */
interface Attempt {
  call: string;
  sentAt: number;
  answeredAt?: number;
  status?: number;
  endedAt?: number;
}

/** A fetch that logs every request, and when each events stream's body ends. */
function loggingFetch(log: Attempt[]): typeof fetch {
  return async (input, init) => {
    const call = new URL(String(input instanceof Request ? input.url : input), location.href).pathname.split('/').pop()!;
    const attempt: Attempt = { call, sentAt: performance.now() };
    log.push(attempt);
    const response = await fetch(input, init);
    attempt.answeredAt = performance.now();
    attempt.status = response.status;
    if (call !== 'events' || !response.ok || !response.body) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            attempt.endedAt = performance.now();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          attempt.endedAt ??= performance.now();
          controller.error(error);
        }
      },
      cancel(reason) {
        attempt.endedAt ??= performance.now();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The gaps between one attempt's end (a stream's end, else its answer) and the next attempt of the same call. */
function gaps(log: Attempt[], call: string): number[] {
  const of = log.filter((a) => a.call === call);
  return of.slice(1).map((next, i) => next.sentAt - (of[i].endedAt ?? of[i].answeredAt ?? of[i].sentAt));
}

/** Each measured gap is its expected wait, at most LATE_MS late. */
function expectWaits(measured: number[], expected: number[], what: string): void {
  expect(measured, what).to.have.length(expected.length);
  measured.forEach((gap, i) => expect(gap, `${what}: wait ${i} (expected ${expected[i]} ms)`).to.be.within(expected[i] - 2, expected[i] + LATE_MS));
}

const open: InfinityConnection[] = [];
const subscriptions: Subscription[] = [];

async function join(options: Partial<ConnectInfinityOptions> & { log: Attempt[] }): Promise<InfinityConnection> {
  const { log, ...rest } = options;
  const connection = await connectInfinity({ node: location.origin, alias: 'meet', displayName: 'Retry', fetch: loggingFetch(log), ...rest });
  open.push(connection);
  return connection;
}

function record<T>(observable: { subscribe(next: (value: T) => void): Subscription }): T[] {
  const values: T[] = [];
  subscriptions.push(observable.subscribe((value) => values.push(value)));
  return values;
}

/** The roster against the simulator's own: who is missing, who should not be there, who is there twice. */
async function rosterCheck(roster: readonly Participant[]): Promise<{ lost: number; ghost: number; duplicate: number }> {
  const truth = new Set((await conferenceState('meet')).participants.map((p) => p.uuid));
  const mine = roster.map((p) => p.uuid);
  const unique = new Set(mine);
  return {
    lost: [...truth].filter((uuid) => !unique.has(uuid)).length,
    ghost: [...unique].filter((uuid) => !truth.has(uuid)).length,
    duplicate: mine.length - unique.size,
  };
}

/** navigator.onLine as the test says; `restore` gives the browser's back. */
let online = true;
function stubOnLine(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}
function goOffline(): void {
  online = false;
  window.dispatchEvent(new Event('offline'));
}
function goOnline(): number {
  online = true;
  const at = performance.now();
  window.dispatchEvent(new Event('online'));
  return at;
}

const figures: string[] = [];

beforeEach(async () => {
  await resetSimulator();
  online = true;
  stubOnLine();
});

afterEach(async () => {
  for (const s of subscriptions.splice(0)) s.unsubscribe();
  await Promise.all(open.splice(0).map((c) => c.leave()));
  delete (navigator as { onLine?: boolean }).onLine;
});

after(() => console.log(figures.join('\n')));

describe('reconnect: full jitter', () => {
  it('a dropped stream refused three times: each wait is the seeded draw below 250, 500, 1,000, 2,000 ms', async () => {
    const expected = waits(15, 4, EVENTS);
    // Seed 15's draws, as the formula gives them: far from the ceilings a wait without jitter would be.
    expect(expected).to.deep.equal([59, 202, 402, 892]);
    const log: Attempt[] = [];
    const connection = await join({ log, random: seeded(15) });
    const roster = record(connection.participants$);
    const states = record(connection.state$);
    const added = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Before' } });
    await until(() => roster.at(-1)!.some((p) => p.uuid === added.uuid), 'Before in the roster');

    await setFaults({ fail: { status: 503, reason: 'Restarting', match: '/events', count: 3 }, dropEvents: true });
    const during = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'During' } });
    await until(() => log.filter((a) => a.call === 'events').length === 5 && states.at(-1) === 'connected', 'the stream back after three refusals', 5000);
    await until(() => roster.at(-1)!.some((p) => p.uuid === during.uuid), 'During in the roster');

    expect(log.filter((a) => a.call === 'events').map((a) => a.status)).to.deep.equal([200, 503, 503, 503, 200]);
    const measured = gaps(log, 'events');
    expectWaits(measured, expected, 'events');
    const check = await rosterCheck(roster.at(-1)!);
    expect(check).to.deep.equal({ lost: 0, ghost: 0, duplicate: 0 });
    figures.push(`reconnect (one client, seed 15): waits ${measured.map((m) => Math.round(m)).join(', ')} ms for ${expected.join(', ')} ms drawn; roster ${check.lost} lost, ${check.ghost} ghost, ${check.duplicate} duplicate`);
  });

  it('four clients of a node that drops every stream come back spread out, each at its own draw, not in lockstep', async () => {
    // Four: each holds a stream, and the page has six connections to the node (HTTP/1.1).
    const seeds = [4, 6, 7, 1];
    const expected = seeds.map((seed) => waits(seed, 1, EVENTS)[0]);
    expect(expected).to.deep.equal([230, 131, 2, 156]);
    const logs = seeds.map((): Attempt[] => []);
    const clients = [];
    for (const [i, seed] of seeds.entries()) clients.push(await join({ log: logs[i], random: seeded(seed), displayName: `Client ${seed}` }));
    const rosters = clients.map((client) => record(client.participants$));
    await until(() => rosters.every((r) => r.at(-1)!.length === seeds.length), 'everyone sees everyone');

    await setFaults({ dropEvents: true });
    await until(() => logs.every((log) => log.filter((a) => a.call === 'events').length === 2 && log.at(-1)!.status === 200), 'every client back', 3000);
    const measured = logs.map((log) => gaps(log, 'events')[0]);
    measured.forEach((gap, i) => expect(gap, `client ${seeds[i]} (expected ${expected[i]} ms)`).to.be.within(expected[i] - 2, expected[i] + LATE_MS));
    // Lockstep would put them all at 250 ms: here the first and the last are more than 100 ms apart.
    expect(Math.max(...measured) - Math.min(...measured)).to.be.above(100);

    await until(() => rosters.every((r) => r.at(-1)!.length === seeds.length), 'every roster resynced');
    const checks = await Promise.all(rosters.map((r) => rosterCheck(r.at(-1)!)));
    const sum = checks.reduce((s, c) => ({ lost: s.lost + c.lost, ghost: s.ghost + c.ghost, duplicate: s.duplicate + c.duplicate }), { lost: 0, ghost: 0, duplicate: 0 });
    expect(sum).to.deep.equal({ lost: 0, ghost: 0, duplicate: 0 });
    figures.push(
      `reconnect (4 clients, one drop): back after ${Math.round(Math.min(...measured))}–${Math.round(Math.max(...measured))} ms (spread ${Math.round(Math.max(...measured) - Math.min(...measured))} ms; lockstep would be 0), ` +
        `each within ${LATE_MS} ms of its draw; rosters ${sum.lost} lost, ${sum.ghost} ghost, ${sum.duplicate} duplicate`,
    );
  });

  it('a refresh answered 502 twice: retried after the seeded draws below 1 s and 2 s, and the session goes on', async function () {
    this.timeout(12000);
    const expected = waits(11, 2, REFRESH);
    expect(expected).to.deep.equal([511, 1059]);
    // 6 s tokens: the refresh is due at 2 s, and two retries fit before the first token expires.
    await setFaults({ tokenExpiry: 6, fail: { status: 502, reason: 'Bad Gateway', match: 'refresh_token', count: 2 } });
    const log: Attempt[] = [];
    const connection = await join({ log, random: seeded(11) });
    const states = record(connection.state$);
    await until(() => log.filter((a) => a.call === 'refresh_token' && a.status === 200).length === 1, 'a refresh that succeeds', 6000);
    expect(log.filter((a) => a.call === 'refresh_token').map((a) => a.status)).to.deep.equal([502, 502, 200]);
    const measured = gaps(log, 'refresh_token');
    expectWaits(measured, expected, 'refresh_token');
    // The new token works: a command, and the stream still up.
    await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    expect((await conferenceState('meet')).locked).to.be.true;
    expect(states).not.to.include('disconnected');
    figures.push(`refresh (502 twice, seed 11): retried after ${measured.map((m) => Math.round(m)).join(', ')} ms for ${expected.join(', ')} ms drawn; the session went on`);
  });
});

describe('reconnect: offline and online', () => {
  it('offline: no attempt at all while the browser says so, however short the draw; online: back at once, the roster exact', async () => {
    const log: Attempt[] = [];
    // Every draw 0: without the offline wait it would retry at once, again and again.
    const connection = await join({ log, random: () => 0 });
    const roster = record(connection.participants$);
    const states = record(connection.state$);
    goOffline();
    await setFaults({ dropEvents: true });
    await until(() => states.at(-1) === 'reconnecting', 'reconnecting');
    const missed = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Joined while offline' } });
    const offlineAt = performance.now();
    // Nothing can be awaited for "nothing happens": a window 100 times the longest wait this source draws (0 ms) plus a margin.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const triedOffline = log.filter((a) => a.call === 'events' && a.sentAt > offlineAt).length;
    expect(triedOffline, 'events requests while offline').to.equal(0);
    expect(log.filter((a) => a.call === 'events')).to.have.length(1);

    const onlineAt = goOnline();
    await until(() => states.at(-1) === 'connected' && roster.at(-1)!.some((p) => p.uuid === missed.uuid), 'connected again, with who joined meanwhile');
    const back = log.filter((a) => a.call === 'events')[1];
    expect(back.sentAt - onlineAt, 'from online to the new stream').to.be.below(LATE_MS);
    const check = await rosterCheck(roster.at(-1)!);
    expect(check).to.deep.equal({ lost: 0, ghost: 0, duplicate: 0 });
    figures.push(`offline/online: ${triedOffline} attempts in 500 ms offline; back ${Math.round(back.sentAt - onlineAt)} ms after online; roster ${check.lost} lost, ${check.ghost} ghost, ${check.duplicate} duplicate`);
  });

  it('online cuts a backoff short: the next attempt goes at once instead of after its draw', async () => {
    const log: Attempt[] = [];
    // Every draw 0.999: waits of 249, 499, 999, 1,998 ms.
    const connection = await join({ log, random: () => 0.999 });
    const states = record(connection.state$);
    await setFaults({ fail: { status: 503, match: '/events', count: 3 }, dropEvents: true });
    const events = () => log.filter((a) => a.call === 'events');
    await until(() => events().length === 3 && events()[2].answeredAt !== undefined, 'two refusals');
    // Now waiting 999 ms; online goes at once.
    const first = goOnline();
    await until(() => events().length === 4 && events()[3].answeredAt !== undefined, 'the third attempt');
    // Waiting 1,998 ms; online again.
    const second = goOnline();
    await until(() => events().length === 5 && states.at(-1) === 'connected', 'the stream back');
    expect(events().map((a) => a.status)).to.deep.equal([200, 503, 503, 503, 200]);
    const measured = gaps(log, 'events');
    expectWaits(measured.slice(0, 2), [249, 499], 'the waits before online');
    expect(events()[3].sentAt - first, 'instead of 999 ms').to.be.below(LATE_MS);
    expect(events()[4].sentAt - second, 'instead of 1,998 ms').to.be.below(LATE_MS);
    figures.push(`online during a backoff: attempts ${Math.round(events()[3].sentAt - first)} and ${Math.round(events()[4].sentAt - second)} ms after online, instead of 999 and 1,998 ms`);
  });

  it('a refresh due while offline waits for online, then goes at once; the session goes on', async function () {
    this.timeout(10000);
    await setFaults({ tokenExpiry: 3 });
    const log: Attempt[] = [];
    const connection = await join({ log, random: () => 0 });
    const states = record(connection.state$);
    goOffline();
    // The refresh is due 1 s after the join: wait past it (no request can be awaited when none must come).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(log.filter((a) => a.call === 'refresh_token'), 'refreshes while offline').to.deep.equal([]);
    const onlineAt = goOnline();
    await until(() => log.some((a) => a.call === 'refresh_token' && a.status === 200), 'the refresh once online');
    const refresh = log.find((a) => a.call === 'refresh_token')!;
    expect(refresh.sentAt - onlineAt).to.be.below(LATE_MS);
    // Past the first token's lifetime, the refreshed one works.
    await new Promise((resolve) => setTimeout(resolve, 1700));
    await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    expect(states).not.to.include('disconnected');
    figures.push(`offline refresh: 0 refreshes while offline, the refresh ${Math.round(refresh.sentAt - onlineAt)} ms after online`);
  });

  it('after leave(), online and offline do nothing', async () => {
    const log: Attempt[] = [];
    const connection = await join({ log });
    goOffline();
    await setFaults({ dropEvents: true });
    await connection.leave();
    const count = log.length;
    goOnline();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.slice(count)).to.deep.equal([]);
  });
});
