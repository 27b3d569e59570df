import { expect } from '@open-wc/testing';
import { mountJoined } from './support/host-fixture.js';
import { conferenceState, control, resetSimulator, setFaults } from './support/simulator-client.js';
import { until } from './support/menu-helpers.js';
import { TokenWireJudge } from './support/token-wire.js';

/**
 * End to end: a plugin's command goes plugin → pluginAPI → <pex-plugin-host> → the Infinity
 * connection → the simulator over HTTP, and the answer comes back to the plugin's callback.
 */
type Commands = Record<string, (...args: unknown[]) => Promise<unknown>>;
const commands = () => window.pexTest.commands as Commands;
const logOf = (fn: string) => window.pexTest.calls.filter((c) => c.plugin === 'commands-plugin' && c.fn === fn);

// The join and the release (host-fixture's afterEach, registered before this one, leaves) go over
// the page's fetch: judged there with the vendor's validators, request and answer.
let judge: TokenWireJudge;
let restoreFetch: () => void;
beforeEach(() => {
  judge = new TokenWireJudge();
  restoreFetch = judge.install();
});
afterEach(() => {
  restoreFetch();
  expect(judge.violations, 'token calls that fail the vendor schemas').to.deep.equal([]);
  expect(judge.calls.map((c) => [c.call, c.status, c.judged])).to.deep.equal([
    ['request_token', 200, true],
    ['release_token', 200, true],
  ]);
});

describe('connected mode: plugins\' commands reach Infinity (the simulator)', () => {
  beforeEach(async () => {
    await resetSimulator();
  });

  it('feeds the plugins the conference\'s roster and role', async () => {
    const { host } = await mountJoined('commands');
    await control('conferences/meet/participants', { body: { display_name: 'Zed' } });
    await until(() => ((window.pexTest.roster as string[] | undefined) ?? []).includes('Zed'), 'Zed in the plugin\'s roster');
    expect(window.pexTest.roster).to.include('Plugin user');
    // meet makes everyone a host: the chair-only plugin fits.
    expect(host.plugins.find((p) => p.id === 'chair-only-commands')?.status).to.equal('loaded');
    expect(logOf('action').map((a) => a.type)).to.include('[Conference] Connect Success');
  });

  it('carries out every command', async () => {
    await mountJoined('commands');
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });

    await commands().sendRequest('/lock', undefined, true);
    expect((await conferenceState('meet')).locked).to.equal(true);
    expect(logOf('sendRequest:callback')[0]!.answer).to.deep.include({ status: 'success' });

    await commands().dialOut('rtmp://stream.example/live', 'rtmp', 'guest', { streaming: true });
    const dialled = (logOf('dialOut:callback')[0]!.answer as { result: string[] }).result;
    expect(dialled).to.have.length(1);
    const streamer = (await conferenceState('meet')).participants.find((p) => p.uuid === dialled[0]);
    expect(streamer?.is_streaming_conference).to.equal(true);

    await commands().spotlightOnParticipant(zed);
    expect((await conferenceState('meet')).participants.find((p) => p.uuid === zed)?.spotlight).to.be.above(0);
    await commands().spotlightOffParticipant(zed);
    expect((await conferenceState('meet')).participants.find((p) => p.uuid === zed)?.spotlight).to.equal(0);

    await commands().transformConferenceLayout({ layout: '4:0' });
    expect((await conferenceState('meet')).layout).to.deep.include({ layout: '4:0' });
    // Infinity's layout event comes back to the plugins as an action.
    await until(() => logOf('action').some((a) => a.type === '[Conference] Layout Changed'), 'the layout action');

    await commands().sendChatMessage('Hello from a plugin');
    expect((await conferenceState('meet')).messages.map((m) => m.payload)).to.include('Hello from a plugin');
    await until(() => logOf('action').some((a) => a.type === window.PEX.actions.SEND_CHAT_MESSAGE && a.payload === 'Hello from a plugin'), 'SEND_CHAT_MESSAGE');

    await commands().disconnectParticipant(zed);
    expect((await conferenceState('meet')).participants.some((p) => p.uuid === zed)).to.equal(false);

    expect(['sendRequest', 'dialOut', 'spotlightOnParticipant', 'spotlightOffParticipant', 'transformConferenceLayout', 'sendChatMessage', 'disconnectParticipant'].map((n) => logOf(`${n}:rejected`).length)).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives the plugin the server\'s reason when a command is refused', async () => {
    await mountJoined('commands', 'guests');
    // A guest may not lock the conference.
    await commands().sendRequest('lock', undefined, true).catch(() => {});
    expect(logOf('sendRequest:callback')[0]!.answer).to.deep.equal({ status: 'failed', result: 'Insufficient privileges' });

    await setFaults({ fail: { status: 502, reason: 'Node on fire', match: '/dial' } });
    await commands().dialOut('sip:bob@example.com', 'sip', 'guest', {}).catch(() => {});
    expect(logOf('dialOut:callback')[0]!.answer).to.deep.equal({ result: [] });
    expect(logOf('dialOut:rejected')[0]).to.include({ reason: 'Node on fire' });
  });
});
