/**
 * Paths into the REST client: one checker (src/conference/request-path.ts) for every way in, a
 * plugin's PEX.pluginAPI.sendRequest, the PexRTC facade's participant calls and the app's
 * InfinityConnection.execute, driven by one table of spellings with an exact answer for each:
 * sent (to exactly this URL, with the token) or refused (before anything is sent, naming the
 * path and why). The conference node is on another origin than the page, so a path that
 * resolved against the page, or anywhere else, would show.
 */
import { expect } from '@open-wc/testing';
import { connectInfinity, type InfinityConnection } from '../src/conference/infinity/index.js';
import type { PluginCommand } from '../src/conference/commands.js';
import { RequestPathError } from '../src/conference/request-path.js';
import { mountHost, type MountedHost } from './support/host-fixture.js';
import { resetSimulator } from './support/simulator-client.js';
import { until } from './support/menu-helpers.js';

/** The conference node as the connection knows it; the fetch below carries its requests to the simulator. */
const NODE = 'https://node.example';
const CONFERENCE = `${NODE}/api/client/v2/conferences/meet`;

/** One request the connection sent. */
interface Sent {
  url: string;
  method: string;
  /** The token header, when there was one. */
  token: string | undefined;
}

/** Every request the connection sends, in order; forwarded to the simulator on this page's origin. */
const sent: Sent[] = [];
/** The tokens the node granted (request_token's answer), newest last. */
const granted: string[] = [];
/** Every request anything else on the page made through window.fetch. */
const pageRequests: Array<{ url: string; headers: Record<string, string> }> = [];

const nodeFetch: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  const headers = new Headers(init?.headers);
  sent.push({ url, method: init?.method ?? 'GET', token: headers.get('token') ?? undefined });
  if (!url.startsWith(`${NODE}/`)) throw new TypeError(`the test's node fetch was asked for ${url}`);
  const response = await pageFetch(location.origin + url.slice(NODE.length), init);
  if (url.endsWith('/request_token') && response.ok) {
    granted.push(((await response.clone().json()) as { result: { token: string } }).result.token);
  }
  return response;
};

const pageFetch = window.fetch.bind(window);

/**
 * Sent to `<conference>/<send>`; refused by the path checker, whose RequestPathError.why holds
 * `refuse`; or refused before the checker as a call of the wrong type (the pluginAPI's own
 * TypeError, whose message holds `misuse`).
 */
type Expected = { send: string } | { refuse: string } | { misuse: string };

const DOTS = 'is made of dots';
const SLASH = 'holds an encoded slash or backslash';
const ABSOLUTE = 'absolute and protocol-relative URLs are not allowed';
const BACKSLASH = 'backslashes are not allowed';
const QUERY = 'query strings and fragments are not allowed';
const ENCODED_QUERY = 'holds an encoded "?" or "#"';
const EMPTY = 'the path is empty';
const EMPTY_SEGMENT = 'empty path segments';
const CONTROL = 'control characters';
const ENCODED_CONTROL = 'holds an encoded control character';
const MALFORMED = 'not valid percent-encoding';
const OVER_ENCODED = 'percent-encoded more than';
const NOT_STRING = 'the path must be a string';

/** sendRequest's paths, as a plugin or an app passes them. */
const PATHS: Array<[path: unknown, expected: Expected]> = [
  // What plugins send.
  ['lock', { send: 'lock' }],
  ['/lock', { send: 'lock' }],
  ['  unlock  ', { send: 'unlock' }],
  ['muteguests', { send: 'muteguests' }],
  ['transform_layout', { send: 'transform_layout' }],
  ['participants/p-1/mute', { send: 'participants/p-1/mute' }],
  ['/participants/p-1/overlaytext', { send: 'participants/p-1/overlaytext' }],
  ['participants/p%2D1/mute', { send: 'participants/p%2D1/mute' }],
  ['participants/p.1/mute', { send: 'participants/p.1/mute' }],
  ['participants/..p/mute', { send: 'participants/..p/mute' }],
  ['participants/p%20one/mute', { send: 'participants/p%20one/mute' }],
  ['participants/%41/dtmf', { send: 'participants/%41/dtmf' }],
  // `..` and `.` in every spelling.
  ['..', { refuse: DOTS }],
  ['../secure/lock', { refuse: DOTS }],
  ['participants/../../secure/lock', { refuse: DOTS }],
  ['./lock', { refuse: DOTS }],
  ['%2e%2e/secure/lock', { refuse: DOTS }],
  ['%2E./secure/lock', { refuse: DOTS }],
  ['.%2E/secure/lock', { refuse: DOTS }],
  ['%2e%2E/%2E./lock', { refuse: DOTS }],
  ['participants/%2e/mute', { refuse: DOTS }],
  ['%252e%252e/x', { refuse: DOTS }],
  ['%25252e%25252E/x', { refuse: DOTS }],
  ['..;/secure/lock', { refuse: DOTS }],
  ['%2e%2e;x/lock', { refuse: DOTS }],
  ['\uff0e\uff0e/secure/lock', { refuse: DOTS }],
  ['%EF%BC%8E%EF%BC%8E/secure/lock', { refuse: DOTS }],
  // Slashes and backslashes, plain and encoded.
  ['..\\secure\\lock', { refuse: BACKSLASH }],
  ['participants\\..\\x', { refuse: BACKSLASH }],
  ['/\\evil.example/x', { refuse: BACKSLASH }],
  ['%5c..%5csecure', { refuse: SLASH }],
  ['..%2fsecure%2flock', { refuse: SLASH }],
  ['a%2fb', { refuse: SLASH }],
  ['a%2Fb', { refuse: SLASH }],
  ['a%252fb', { refuse: SLASH }],
  ['participants//mute', { refuse: EMPTY_SEGMENT }],
  ['lock/', { refuse: EMPTY_SEGMENT }],
  // Other origins.
  ['https://evil.example/x', { refuse: ABSOLUTE }],
  ['HTTP://evil.example', { refuse: ABSOLUTE }],
  ['//evil.example/x', { refuse: ABSOLUTE }],
  ['///evil.example/x', { refuse: ABSOLUTE }],
  ['javascript:alert(1)', { refuse: ABSOLUTE }],
  ['data:text/plain,x', { refuse: ABSOLUTE }],
  ['c:\\x', { refuse: ABSOLUTE }],
  // Queries and fragments, plain and encoded.
  ['lock?token=1', { refuse: QUERY }],
  ['lock#x', { refuse: QUERY }],
  ['lock%3Fx=1', { refuse: ENCODED_QUERY }],
  ['lock%2523x', { refuse: ENCODED_QUERY }],
  // Nothing, controls, broken encodings, odd types.
  ['', { refuse: EMPTY }],
  ['   ', { refuse: EMPTY }],
  ['/', { refuse: EMPTY }],
  ['.\t./secure/lock', { refuse: CONTROL }],
  ['lo\nck', { refuse: CONTROL }],
  ['lock%00', { refuse: ENCODED_CONTROL }],
  ['participants/%zz/mute', { refuse: MALFORMED }],
  ['participants/p%25/mute', { refuse: MALFORMED }],
  ['%2525252525252e/x', { refuse: OVER_ENCODED }],
];

/** Paths that are not strings: the pluginAPI refuses them as misuse, execute's checker as not a string. */
const NOT_STRINGS: Array<[path: unknown, plugin: Expected, execute: Expected]> = [42, null, undefined, { path: 'lock' }, ['lock']].map((path) => [
  path,
  { misuse: 'PEX.pluginAPI.sendRequest: the path must be a string' },
  { refuse: NOT_STRING },
]);

/**
 * A participant's uuid as the PexRTC facade (raw, as PexRTC sent it: `participants/<uuid>/mute`)
 * and execute's participant commands (encoded: `participants/<encodeURIComponent(uuid)>/disconnect`)
 * put it in the path. Each column: the path segment sent, or the refusal.
 */
const UUIDS: Array<[uuid: string, facade: Expected, execute: Expected]> = [
  ['p-1', { send: 'p-1' }, { send: 'p-1' }],
  ['p.1', { send: 'p.1' }, { send: 'p.1' }],
  ['..p', { send: '..p' }, { send: '..p' }],
  ['p one', { send: 'p one' }, { send: 'p%20one' }],
  ['p%2D1', { send: 'p%2D1' }, { send: 'p%252D1' }],
  // Raw, the facade's `a/b` is two segments inside the conference; encoded, one segment with a slash.
  ['a/b', { send: 'a/b' }, { refuse: SLASH }],
  ['..', { refuse: DOTS }, { refuse: DOTS }],
  ['.', { refuse: DOTS }, { refuse: DOTS }],
  ['%2e%2e', { refuse: DOTS }, { refuse: DOTS }],
  ['%2E.', { refuse: DOTS }, { refuse: DOTS }],
  ['%252e%252e', { refuse: DOTS }, { refuse: DOTS }],
  ['\uff0e\uff0e', { refuse: DOTS }, { refuse: DOTS }],
  ['../../secure', { refuse: DOTS }, { refuse: SLASH }],
  ['a%2fb', { refuse: SLASH }, { refuse: SLASH }],
  ['x\\y', { refuse: BACKSLASH }, { refuse: SLASH }],
  ['?x', { refuse: QUERY }, { refuse: ENCODED_QUERY }],
  ['#x', { refuse: QUERY }, { refuse: ENCODED_QUERY }],
  ['https://evil.example', { refuse: EMPTY_SEGMENT }, { refuse: SLASH }],
  ['x//y', { refuse: EMPTY_SEGMENT }, { refuse: SLASH }],
  ['%00', { refuse: ENCODED_CONTROL }, { refuse: ENCODED_CONTROL }],
  // Encoded, `%25zz` decodes once to `%zz`, which a second decoding cannot read: refused too.
  ['%zz', { refuse: MALFORMED }, { refuse: MALFORMED }],
];

/** The facade's participant calls: the method, its arguments for a uuid, and the call in the path. */
const FACADE_CALLS: Array<[method: string, args: (uuid: string) => unknown[], call: string]> = [
  ['setParticipantMute', (uuid) => [uuid, true], 'mute'],
  ['setRole', (uuid) => [uuid, 'guest'], 'role'],
  ['clearBuzz', (uuid) => [uuid], 'clearbuzz'],
  ['sendChatMessage', (uuid) => ['hello', uuid], 'message'],
];

/** execute's participant commands and the call in the path. */
const EXECUTE_CALLS: Array<[name: 'disconnectParticipant' | 'spotlightOnParticipant' | 'spotlightOffParticipant', call: string]> = [
  ['disconnectParticipant', 'disconnect'],
  ['spotlightOnParticipant', 'spotlighton'],
  ['spotlightOffParticipant', 'spotlightoff'],
];

interface Tally {
  tried: number;
  refused: number;
  accepted: number;
  unexpected: string[];
}
const tallies = new Map<string, Tally>();
function tally(entry: string): Tally {
  let t = tallies.get(entry);
  if (!t) tallies.set(entry, (t = { tried: 0, refused: 0, accepted: 0, unexpected: [] }));
  return t;
}

/** Runs one call and judges it: sent to exactly `<conference>/<path>` with the token, or refused before anything went out. */
async function judge(entry: string, label: string, input: unknown, expected: Expected, run: () => Promise<unknown>): Promise<void> {
  const t = tally(entry);
  t.tried += 1;
  const before = sent.length;
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  const requests = sent.slice(before);
  const refusal = error instanceof RequestPathError ? error : undefined;
  const outcome = refusal ? `refused: ${refusal.why}` : `sent ${requests.map((r) => r.url).join(', ') || 'nothing'}${error ? ` (${String(error)})` : ''}`;
  if ('misuse' in expected) {
    const ok = error instanceof TypeError && !refusal && error.message.includes(expected.misuse) && requests.length === 0;
    if (ok) t.refused += 1;
    else t.unexpected.push(`${label}: expected a TypeError (${expected.misuse}) with nothing sent; ${outcome}`);
    return;
  }
  if ('send' in expected) {
    const url = `${CONFERENCE}/${expected.send}`;
    const ok = !refusal && requests.length === 1 && requests[0].url === url && requests[0].method === 'POST' && requests[0].token === granted.at(-1);
    if (ok) t.accepted += 1;
    else t.unexpected.push(`${label}: expected it sent to ${url} with the token; ${outcome}`);
    return;
  }
  const named = refusal !== undefined && refusal.message.includes(typeof input === 'string' ? JSON.stringify(input) : (JSON.stringify(input) ?? String(input)));
  const ok = refusal !== undefined && requests.length === 0 && refusal.path === input && refusal.why.includes(expected.refuse) && named;
  if (ok) t.refused += 1;
  else t.unexpected.push(`${label}: expected a refusal (${expected.refuse}) naming the path, with nothing sent; ${outcome}${named || !refusal ? '' : ' (the message does not name the path)'}`);
}

let connection: InfinityConnection;
let mounted: MountedHost;
let restorePageFetch: () => void;

beforeEach(async () => {
  await resetSimulator();
  sent.length = 0;
  granted.length = 0;
  pageRequests.length = 0;
  window.fetch = (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    pageRequests.push({ url: new URL(String(input instanceof Request ? input.url : input), location.href).href, headers });
    return pageFetch(input, init);
  };
  restorePageFetch = () => (window.fetch = pageFetch);
  mounted = await mountHost('rest-paths');
  const { host } = mounted;
  connection = await connectInfinity({ node: NODE, alias: 'meet', displayName: 'Paths', fetch: nodeFetch });
  host.connection = connection;
  await host.updateComplete;
});

afterEach(async () => {
  restorePageFetch();
  await connection.leave();
});

after(() => {
  const line = (entry: string, t: Tally) => `${entry}: ${t.tried} tried, ${t.refused} refused, ${t.accepted} accepted, ${t.unexpected.length} unexpected`;
  const all = [...tallies.values()].reduce((sum, t) => ({ tried: sum.tried + t.tried, refused: sum.refused + t.refused, accepted: sum.accepted + t.accepted, unexpected: [...sum.unexpected, ...t.unexpected] }), { tried: 0, refused: 0, accepted: 0, unexpected: [] as string[] });
  console.log([...[...tallies].map(([entry, t]) => line(`paths (${entry})`, t)), line('paths', all)].join('\n'));
});

type Paths = { sendRequest(path: unknown, payload?: unknown): Promise<unknown>; pexrtc(method: string, args: unknown[]): Promise<unknown>; field(name: string): unknown };
const plugin = () => window.pexTest.paths as Paths;

describe('paths into the REST client: one checker for every entry', () => {
  it(`a plugin's PEX.pluginAPI.sendRequest: ${PATHS.length + NOT_STRINGS.length} paths, each sent exactly or refused before anything is sent`, async () => {
    for (const [path, expected] of [...PATHS, ...NOT_STRINGS.map(([path, plugin]) => [path, plugin] as const)]) {
      await judge('plugin sendRequest', `sendRequest(${JSON.stringify(path)})`, path, expected, () => plugin().sendRequest(path));
    }
    expect(tally('plugin sendRequest').unexpected).to.deep.equal([]);
    expect(tally('plugin sendRequest').accepted + tally('plugin sendRequest').refused).to.equal(PATHS.length + NOT_STRINGS.length);
  });

  it(`the app's InfinityConnection.execute: the same ${PATHS.length + NOT_STRINGS.length} sendRequest paths, and ${UUIDS.length} uuids in each participant command`, async () => {
    for (const [path, expected] of [...PATHS, ...NOT_STRINGS.map(([path, , execute]) => [path, execute] as const)]) {
      const command = { name: 'sendRequest', args: { path, payload: undefined } } as PluginCommand;
      await judge('execute', `execute sendRequest ${JSON.stringify(path)}`, path, expected, () => connection.execute(command));
    }
    for (const [name, call] of EXECUTE_CALLS) {
      for (const [uuid, , expected] of UUIDS) {
        const wanted: Expected = 'send' in expected ? { send: `participants/${expected.send}/${call}` } : expected;
        // The refusal names the uuid given, and the path it would have made.
        await judge('execute', `execute ${name} ${JSON.stringify(uuid)}`, `participants/${encodeURIComponent(uuid)}/${call}`, wanted, () =>
          connection.execute({ name, args: { uuid } }),
        );
      }
    }
    expect(tally('execute').unexpected).to.deep.equal([]);
    expect(tally('execute').tried).to.equal(PATHS.length + NOT_STRINGS.length + EXECUTE_CALLS.length * UUIDS.length);
  });

  it(`the PexRTC facade: ${UUIDS.length} uuids in each of its ${FACADE_CALLS.length} participant calls`, async () => {
    for (const [method, args, call] of FACADE_CALLS) {
      for (const [uuid, expected] of UUIDS) {
        const wanted: Expected = 'send' in expected ? { send: `participants/${expected.send}/${call}` } : expected;
        await judge('PexRTC facade', `pexrtc.${method}(${JSON.stringify(uuid)})`, `participants/${uuid}/${call}`, wanted, () => plugin().pexrtc(method, args(uuid)));
      }
    }
    expect(tally('PexRTC facade').unexpected).to.deep.equal([]);
    expect(tally('PexRTC facade').tried).to.equal(FACADE_CALLS.length * UUIDS.length);
  });

  it('a refusal says which entry, which path and why, and what to pass instead', async () => {
    const viaPlugin = await plugin().sendRequest('%252e%252e/x').catch((e: unknown) => e);
    expect((viaPlugin as Error).message).to.equal(
      'sendRequest("%252e%252e/x"): the segment "%252e%252e" (decoded: "..") is made of dots: "." and ".." segments are not allowed. ' +
        'Fix: pass the part after the conference, e.g. "lock" or "participants/<uuid>/mute".',
    );
    const viaExecute = await connection.execute({ name: 'disconnectParticipant', args: { uuid: '%2e%2e' } }).catch((e: unknown) => e);
    expect((viaExecute as Error).message).to.equal(
      'InfinityConnection.execute(disconnectParticipant "%2e%2e") (the request "participants/%252e%252e/disconnect"): the segment "%252e%252e" (decoded: "..") is made of dots: "." and ".." segments are not allowed. ' +
        "Fix: pass a participant's uuid, as participants$ gives it.",
    );
    const viaFacade = await plugin().pexrtc('setParticipantMute', ['%2E.', true]).catch((e: unknown) => e);
    expect((viaFacade as Error).message).to.equal(
      'window.PEX.pexrtc.setParticipantMute("%2E.") (plugin "rest-paths", the request "participants/%2E./mute"): the segment "%2E." (decoded: "..") is made of dots: ' +
        '"." and ".." segments are not allowed. Fix: pass a participant\'s uuid, as participants$ gives it.',
    );
    expect([viaPlugin, viaExecute, viaFacade].every((e) => e instanceof RequestPathError)).to.be.true;
  });
});

describe('the token goes to the conference node only', () => {
  it('every request that carries it is for the node, under the conference; nothing else on the page sees it', async () => {
    // Each way in, with paths that try to leave, and paths that stay.
    const leaving = ['https://evil.example/x', '//evil.example/x', '/\\evil.example', '%2f%2fevil.example', '..%2f..%2f..%2f..%2fx', '%252e%252e/%252e%252e/x', 'lock?x=1'];
    for (const path of leaving) {
      await plugin().sendRequest(path).catch(() => {});
      await connection.execute({ name: 'sendRequest', args: { path, payload: undefined } }).catch(() => {});
      await plugin().pexrtc('setParticipantMute', [path, true]).catch(() => {});
      await connection.execute({ name: 'disconnectParticipant', args: { uuid: path } }).catch(() => {});
    }
    await plugin().sendRequest('lock');
    await plugin().pexrtc('setConferenceLock', [false]);
    await connection.execute({ name: 'sendChatMessage', args: { type: 'text/plain', payload: 'hi' } });
    const token = granted.at(-1)!;
    expect(token).to.be.a('string');
    // The events stream carries it in its query; every other call in its header.
    const carrying = sent.filter((r) => r.token === token || new URL(r.url).searchParams.get('token') === token);
    expect(carrying.map((r) => new URL(r.url).pathname.split('/').pop())).to.include.members(['events', 'conference_status', 'lock', 'unlock', 'message']);
    const elsewhere = carrying.filter((r) => new URL(r.url).origin !== NODE || !new URL(r.url).pathname.startsWith('/api/client/v2/conferences/meet/'));
    expect(elsewhere, 'token requests outside the conference').to.deep.equal([]);
    expect(carrying.length).to.equal(sent.length - 1, 'every request but request_token carries the token');
    // The page's own fetch (plugins' files, anything else) never saw the token, and nothing went to evil.example.
    const leaked = pageRequests.filter((r) => JSON.stringify(r).includes(token));
    expect(leaked).to.deep.equal([]);
    expect(pageRequests.filter((r) => new URL(r.url).origin !== location.origin)).to.deep.equal([]);
    expect(sent.filter((r) => new URL(r.url).origin !== NODE)).to.deep.equal([]);
  });

  it("PexRTC's token reads as undefined on the facade, and the plugin is told why", async () => {
    expect(plugin().field('token')).to.equal(undefined);
    // The report's words are a chunk fetched for the first one.
    await until(() => mounted.diagnostics.some((d) => /pexrtc\.token/.test(d.message)), 'the token report');
    expect(mounted.diagnostics.filter((d) => /pexrtc\.token/.test(d.message)).map((d) => [d.pluginId, d.message, d.fix])).to.deep.equal([
      [
        'rest-paths',
        'Plugin "rest-paths" read window.PEX.pexrtc.token, PexRTC\'s conference token: the host keeps the token from plugins (SECURITY.md), so it reads as undefined.',
        'Send the request with PEX.pluginAPI.sendRequest(path, payload): the host adds the token, and sends it to the conference only.',
      ],
    ]);
  });
});
