/**
 * The words of the connection's rare paths are a chunk of their own (src/conference/infinity/
 * texts.ts): a join (with a PIN asked and given), the events of a conference, the commands and
 * leaving never fetch it; a refusal does, and says what it always said. A file of its own: the
 * page is new, so nothing fetched the words before these tests.
 */
import { expect } from '@open-wc/testing';
import { connectInfinity, type InfinityConnection } from '../src/conference/infinity/index.js';
import { ConferenceNotFoundError } from '../src/conference/infinity/refusal-errors.js';
import type { Participant } from '../src/conference/types.js';

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`/_simulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status}`);
  return response.json();
}

/** The page's requests for the words' module, whatever the server calls it. */
function textsRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/conference\/infinity\/texts\.(ts|js)\b/.test(new URL(name).pathname));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const start = performance.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (performance.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
  }
}

describe("Infinity connection: the rare paths' words", () => {
  before(async () => {
    // The page's modules filled the default 250 entries: a full buffer would record nothing more.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(100_000);
    await control('POST', 'reset');
  });

  it('a join with a PIN, events, every command and leaving fetch none of them', async () => {
    // A PIN asked for and given is a join like any other.
    const asked: unknown[] = [];
    const withPin = await connectInfinity({ node: location.origin, alias: 'secure', displayName: 'Words', requestPin: (request) => (asked.push(request), '5678') });
    expect(asked).to.have.length(1);
    await withPin.leave();

    const connection: InfinityConnection = await connectInfinity({ node: location.origin, alias: 'meet', displayName: 'Words' });
    let roster: readonly Participant[] = [];
    const subscription = connection.participants$.subscribe((participants) => (roster = participants));
    const { uuid } = (await control('POST', 'conferences/meet/participants', { display_name: 'Finn' })) as { uuid: string };
    await until(() => roster.some((p) => p.uuid === uuid), 'Finn in the roster');
    await control('PATCH', `conferences/meet/participants/${uuid}`, { is_muted: 'YES' });
    await until(() => roster.some((p) => p.uuid === uuid && p.muted), 'Finn muted');
    await control('POST', 'conferences/meet/messages', { origin: 'Finn', type: 'text/plain', payload: 'hello' });

    await connection.execute({ name: 'sendRequest', args: { path: 'lock', payload: {} } });
    await connection.execute({ name: 'sendChatMessage', args: { type: 'text/plain', payload: 'hi all' } });
    await connection.execute({ name: 'transformConferenceLayout', args: { layout: { layout: '4:0' } } });
    await connection.execute({ name: 'spotlightOnParticipant', args: { uuid } });
    await connection.execute({ name: 'spotlightOffParticipant', args: { uuid } });
    const dialled = await connection.execute({ name: 'dialOut', args: { alias: 'sip:room@example.com', protocol: 'sip', role: 'guest', options: {} } });
    expect(dialled).to.have.length(1);
    await connection.execute({ name: 'disconnectParticipant', args: { uuid } });
    await until(() => !roster.some((p) => p.uuid === uuid), 'Finn gone');
    await connection.leave();
    subscription.unsubscribe();

    expect(connection.state).to.equal('disconnected');
    // The check can see a request: the buffer has room for every one of this test's.
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('/api/client/v2/conferences/meet/dial'))).to.equal(true);
    expect(textsRequests()).to.deep.equal([]);
  });

  it('a refused join fetches them once, and its message is word for word', async () => {
    const error = await connectInfinity({ node: location.origin, alias: 'nowhere', displayName: 'Words' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConferenceNotFoundError);
    expect((error as Error).message).to.equal('No such conference "nowhere": Neither conference nor gateway found.');
    expect(textsRequests()).to.have.length(1);
  });
});
