/**
 * The conference token sits on no public object: a page script or a plugin that walks what the
 * host hands out (the element, its connection, window.PEX, window.PEX.pexrtc), reading every own
 * and inherited property, getters included, enumerable or not, three objects deep, finds no string
 * that holds the live token; nor do the page's markup and storage.
 */
import { expect } from '@open-wc/testing';
import { mountJoined } from './support/host-fixture.js';
import { resetSimulator, setFaults } from './support/simulator-client.js';
import { until } from './support/menu-helpers.js';
import { TokenWireJudge } from './support/token-wire.js';

const DEPTH = 3;

/** Where the prototype walk stops: the platform's own prototypes (their members are the browser's, not the host's). */
function isPlatformPrototype(proto: object): boolean {
  if (proto === Object.prototype || proto === Function.prototype) return true;
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(ctor)) && Object.getPrototypeOf(proto) !== null;
}

interface Finding {
  path: string;
  value: string;
}

interface Walk {
  objects: number;
  properties: number;
  findings: Finding[];
}

/**
 * Reads every property of `roots` (own, then each prototype's up to the platform's), calling
 * getters on the object itself, and descends into object values up to DEPTH; Map and Set
 * entries and array items count as properties. DOM nodes other than a root are not entered (the
 * markup is checked whole).
 */
function walk(roots: Record<string, unknown>, secret: string): Walk {
  const seen = new WeakSet<object>();
  const result: Walk = { objects: 0, properties: 0, findings: [] };
  const check = (path: string, value: unknown): void => {
    result.properties += 1;
    if (typeof value === 'string' && value.includes(secret)) result.findings.push({ path, value });
  };
  const visit = (path: string, target: unknown, depth: number, root: boolean): void => {
    if ((typeof target !== 'object' && typeof target !== 'function') || target === null) return;
    if (seen.has(target)) return;
    if (!root && (target instanceof Node || target === window)) return;
    seen.add(target);
    result.objects += 1;
    const children: Array<[string, unknown]> = [];
    const read = (name: string | symbol, descriptor: PropertyDescriptor): void => {
      const label = `${path}.${String(name)}`;
      let value: unknown;
      if (descriptor.get) {
        try {
          value = descriptor.get.call(target);
        } catch {
          return;
        }
      } else {
        value = descriptor.value;
      }
      check(label, value);
      children.push([label, value]);
    };
    const names = new Set<string | symbol>();
    for (let proto: object | null = target; proto && (proto === target || !isPlatformPrototype(proto)); proto = Object.getPrototypeOf(proto)) {
      for (const name of Reflect.ownKeys(proto)) {
        if (names.has(name)) continue;
        names.add(name);
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (descriptor) read(name, descriptor);
      }
    }
    if (target instanceof Map) {
      for (const [key, value] of target) {
        check(`${path}.get(${String(key)})`, key);
        check(`${path}.get(${String(key)})`, value);
        children.push([`${path}.get(${String(key)})`, value], [`${path}.key(${String(key)})`, key]);
      }
    } else if (target instanceof Set) {
      let i = 0;
      for (const value of target) {
        check(`${path}.set[${i}]`, value);
        children.push([`${path}.set[${i++}]`, value]);
      }
    }
    if (depth < DEPTH) for (const [label, value] of children) visit(label, value, depth + 1, false);
  };
  for (const [name, value] of Object.entries(roots)) visit(name, value, 0, true);
  return result;
}

let judge: TokenWireJudge;
let restoreFetch: () => void;
const figures: Walk[] = [];

beforeEach(async () => {
  await resetSimulator();
  judge = new TokenWireJudge();
  restoreFetch = judge.install();
});
afterEach(() => restoreFetch());
after(() => {
  const last = figures.at(-1);
  if (last) console.log(`token privacy: ${figures.length} walks, ${last.objects} objects and ${last.properties} properties in the last, ${figures.reduce((n, w) => n + w.findings.length, 0)} holding the token`);
});

/** The tokens granted on the wire: request_token's, then each refresh's. */
function grantedTokens(): string[] {
  return judge.calls
    .map((c) => (c.call === 'request_token' || c.call === 'refresh_token') && c.status === 200 && (c.answer as { result?: { token?: unknown } } | undefined)?.result?.token)
    // A call whose answer is still being read has no token yet.
    .filter((token): token is string => typeof token === 'string');
}

describe('the token on no public object', () => {
  it('walks host, host.connection, window.PEX and window.PEX.pexrtc three deep, before and after a refresh: no string holds the token', async function () {
    this.timeout(10000);
    await setFaults({ tokenExpiry: 3 });
    const { host, connection } = await mountJoined('commands');
    const roots = () => ({ host, connection: host.connection, PEX: window.PEX, pexrtc: window.PEX.pexrtc });
    expect(host.connection).to.equal(connection);

    const [first] = grantedTokens();
    expect(first).to.be.a('string').with.length.above(8);
    const before = walk(roots(), first);
    figures.push(before);
    expect(before.findings, 'where the first token shows').to.deep.equal([]);
    // The walk reads what it should: the conference as the plugins see it.
    expect(before.objects).to.be.above(50);

    // A refresh brings a new token; the connection now holds that one, and still shows neither.
    await until(() => grantedTokens().length === 2, 'a refreshed token', 3000);
    const refreshed = grantedTokens()[1];
    expect(refreshed).not.to.equal(first);
    // The connection uses it once it has read the answer: wait for a call that carries it.
    await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: undefined } });
    for (const token of [first, refreshed]) {
      const after = walk(roots(), token);
      figures.push(after);
      expect(after.findings, 'where a token shows').to.deep.equal([]);
    }
    expect((window.PEX.pexrtc as unknown as Record<string, unknown>).token).to.equal(undefined);
    expect('token' in connection).to.be.false;

    // Nor in the markup (attributes included) or the page's storage.
    for (const token of [first, refreshed]) {
      expect(document.documentElement.outerHTML.includes(token), 'the markup').to.be.false;
      expect(host.shadowRoot?.innerHTML.includes(token), 'the host\'s shadow root').to.be.false;
      expect(JSON.stringify({ ...localStorage }).includes(token), 'localStorage').to.be.false;
      expect(JSON.stringify({ ...sessionStorage }).includes(token), 'sessionStorage').to.be.false;
    }
  });

  it('the walk finds a token where one is (it can fail)', () => {
    const secret = 'tok-0123456789';
    const holder = { a: { b: { c: `events?token=${secret}` } } };
    class Hidden {
      get shown(): string {
        return secret;
      }
    }
    expect(walk({ holder }, secret).findings.map((f) => f.path)).to.deep.equal(['holder.a.b.c']);
    // Found on the instance, and on the prototype its class leads to.
    expect(walk({ hidden: new Hidden() }, secret).findings.map((f) => f.path)).to.deep.equal(['hidden.shown', 'hidden.constructor.prototype.shown']);
    expect(walk({ map: new Map([['k', { deep: secret }]]) }, secret).findings.map((f) => f.path)).to.deep.equal(['map.get(k).deep']);
    expect(walk({ nonEnumerable: Object.defineProperty({}, 'quiet', { value: secret, enumerable: false }) }, secret).findings).to.have.length(1);
  });
});
