import { expect } from '@open-wc/testing';
import type { InfinityParticipant } from '@pexip/plugin-api';
import { mountHost, participant, type MountedHost } from './support/host-fixture.js';
import { joinedHost } from './support/webapp3-joined.js';
import { Reports, frameOf, probeCall, until, type ProbeReport } from './support/webapp3-harness.js';
import { call, control, resetSimulator, type TokenResult } from './support/simulator-client.js';
import { toInfinityParticipant } from '../src/webapp3/participant-form.js';
import type { Participant } from '../src/conference/types.js';

/**
 * The conference's events as a Web App 3 plugin (written with the real @pexip/plugin-api) gets
 * them from <pex-plugin-host>, in the payloads the package's types define: in app-driven mode
 * from what the app sets and dispatches, in connected mode from the Infinity connection to the
 * simulator. A plugin loaded mid-call starts from the present: connected, participants, me and
 * the conference status right after its handshake.
 */
const FOLDER = '../webapp3/conference-branding';
const ID = 'conf-w3';
const A = window.PEX?.actions ?? {
  CONNECT_SUCCESS: '[Conference] Connect Success',
  DISCONNECT_SUCCESS: '[Conference] Disconnect Success',
  RECEIVE_CHAT_MESSAGE: '[Conference] Receive Chat Message',
  SET_SELF_UUID: '[Conference] Set Self UUID',
  LAYOUT_CHANGED: '[Conference] Layout Changed',
};

let reports: Reports;
beforeEach(() => (reports = new Reports()));
afterEach(() => reports.dispose());

/** The fixture's reports: `wire` besides the harness's kinds, for an event the package handles inside. */
type Report = Omit<ProbeReport, 'kind'> & { kind: ProbeReport['kind'] | 'wire' };
const all = (): Report[] => reports.of(ID);
const events = (name?: string): Report[] => all().filter((r) => r.kind === 'event' || r.kind === 'wire').filter((r) => !name || r.name === name);
const eventNames = (from = 0): string[] => all().slice(from).filter((r) => r.kind !== 'result').map((r) => (r.kind === 'registered' ? 'registered' : `${r.kind}:${r.name}`));
const last = <T>(name: string): T => events(name).at(-1)!.payload as T;
const waitFor = (name: string, count = 1) => until(() => events(name).length >= count, `${count} × ${name}`);
const displayNames = (payload: unknown) => (payload as { participants: InfinityParticipant[] }).participants.map((p) => p.displayName);
const offStage = (uuid: string, overrides: Partial<Participant> = {}) => participant(uuid, { stageIndex: -1, ...overrides });

/**
 * Unloads and loads the plugin again (a plugin that comes mid-call); resolves once it
 * registered, with the index of its new `registered` report (what the old frame posted before
 * it went comes before it).
 */
async function reload(m: MountedHost): Promise<number> {
  m.host.runtime.unloadPlugin(ID);
  const before = all().length;
  await m.host.runtime.loadPlugin(ID);
  const registeredAt = () => all().findIndex((r, i) => i >= before && r.kind === 'registered');
  await until(() => registeredAt() >= 0, 'the plugin registered again');
  return registeredAt();
}

describe('Web App 3 events, app-driven', () => {
  let m: MountedHost;
  beforeEach(async () => {
    m = await mountHost(FOLDER, { registerTimeout: 4000 });
    m.host.selfUUID = undefined;
    await until(() => reports.of(ID, 'registered').length === 1, 'the plugin registered');
  });

  it('gives a plugin loaded mid-call connected, participants, me and the status right after its handshake', async () => {
    const alice = offStage('u-1', { name: 'Alice', role: 'chair' });
    const bob = offStage('u-2', { name: 'Bob' });
    m.host.participants = [alice, bob];
    m.host.conference = { locked: true, started: true };
    m.host.dispatchAction({ type: A.CONNECT_SUCCESS, payload: { alias: 'meet', displayName: 'Alice', joinRole: 'HOST', serviceType: 'conference' } });
    m.host.dispatchAction({ type: A.SET_SELF_UUID, payload: 'u-1' });
    const from = await reload(m);
    await until(() => eventNames(from).includes('event:conferenceStatus'), 'the conference status');
    expect(eventNames(from)).to.deep.equal(['registered', 'event:connected', 'event:participants', 'event:participantsActivities', 'event:me', 'event:conferenceStatus']);
    const after = reports.of(ID).slice(from);
    const payload = (name: string) => after.find((r) => r.name === name)!.payload;
    expect(payload('connected')).to.equal(undefined);
    expect(payload('participants')).to.deep.equal({ id: 'main', participants: [toInfinityParticipant(alice), toInfinityParticipant(bob)] });
    // Everyone present, as joins (ParticipantActivities.Join is 0).
    expect(payload('participantsActivities')).to.deep.equal([alice, bob].map((p) => ({ roomId: 'main', activity: { type: 0, participant: toInfinityParticipant(p) } })));
    expect(payload('me')).to.deep.equal({ id: 'main', participant: toInfinityParticipant(alice) });
    expect(payload('conferenceStatus')).to.deep.include({ id: 'main' });
    expect((payload('conferenceStatus') as { status: Record<string, unknown> }).status).to.deep.include({ locked: true, guestsMuted: false, started: true, breakout: false });
  });

  it('tells a plugin that came before the call nothing of the conference until one is on, then its present state once', async () => {
    const from = reports.of(ID).length;
    // News goes to every plugin: when it has arrived, anything sent before it has too.
    m.host.dispatchAction({ type: A.LAYOUT_CHANGED, payload: { view: '1:7', participants: [], requested_layout: { primary_screen: { chair_layout: '1:7', guest_layout: '1:7' } } } });
    await waitFor('layoutUpdate');
    expect(eventNames(from)).to.deep.equal(['event:layoutUpdate']);

    const alice = offStage('u-1', { name: 'Alice' });
    m.host.participants = [alice];
    await until(() => eventNames(from).includes('event:conferenceStatus'), 'the conference status');
    // The whole present state, not the change that made it (no participantJoined for Alice).
    expect(eventNames(from)).to.deep.equal(['event:layoutUpdate', 'event:participants', 'event:participantsActivities', 'event:conferenceStatus']);
    expect(last('participants')).to.deep.equal({ id: 'main', participants: [toInfinityParticipant(alice)] });

    const bob = offStage('u-2', { name: 'Bob' });
    m.host.participants = [alice, bob];
    await waitFor('participants', 2);
    expect(eventNames(from).slice(4)).to.deep.equal(['event:participantJoined', 'event:participants', 'event:participantsActivities']);
  });

  it('tells who joins and who leaves (participant:disconnected too), whose hand goes up, and the stage', async () => {
    const bob = offStage('u-2', { name: 'Bob' });
    m.host.participants = [offStage('u-1', { name: 'Alice' }), bob];
    await waitFor('participants');
    const carol = offStage('u-3', { name: 'Carol' });
    m.host.participants = [offStage('u-1', { name: 'Alice' }), carol];
    await waitFor('participantLeft');
    expect(last('participantJoined')).to.deep.equal({ id: 'main', participant: toInfinityParticipant(carol) });
    expect(last('participantLeft')).to.deep.equal({ id: 'main', participant: toInfinityParticipant(bob) });
    await waitFor('participant:disconnected');
    expect(last('participant:disconnected')).to.deep.equal({ participantUuid: 'u-2' });
    // The same change as one participantsActivities: Carol joined, Bob left (JOIN 0, LEAVE 1).
    // Alice is a new object with the same details: no update.
    await waitFor('participantsActivities', 2);
    expect(last('participantsActivities')).to.deep.equal([
      { roomId: 'main', activity: { type: 0, participant: toInfinityParticipant(carol) } },
      { roomId: 'main', activity: { type: 1, participant: toInfinityParticipant(bob) } },
    ]);

    const raised = offStage('u-3', { name: 'Carol', buzzTime: 1700000100 });
    m.host.participants = [offStage('u-1', { name: 'Alice' }), raised];
    await waitFor('raiseHand');
    expect(last('raiseHand')).to.deep.equal({ id: 'main', participant: toInfinityParticipant(raised) });
    // Her hand is a change of her details: an update (UPDATE 2), hers alone.
    await waitFor('participantsActivities', 3);
    expect(last('participantsActivities')).to.deep.equal([{ roomId: 'main', activity: { type: 2, participant: toInfinityParticipant(raised) } }]);
    expect(last<{ participant: InfinityParticipant }>('raiseHand').participant).to.include({ raisedHand: true, handRaisedTime: 1700000100 });
    m.host.participants = [offStage('u-1', { name: 'Alice' }), offStage('u-3', { name: 'Carol' })];
    await waitFor('raiseHand', 2);
    expect(last<{ participant: InfinityParticipant }>('raiseHand').participant).to.include({ raisedHand: false, handRaisedTime: 0 });

    m.host.participants = [participant('u-1', { name: 'Alice', stageIndex: 1, vad: 0 }), participant('u-3', { name: 'Carol', stageIndex: 0, vad: 100 })];
    await waitFor('stage');
    expect(last('stage')).to.deep.equal([
      { userId: 'u-3', stageIndex: 0, vad: 100 },
      { userId: 'u-1', stageIndex: 1, vad: 0 },
    ]);
    expect(events('stage')).to.have.length(1);
  });

  it('tells me from host.selfUUID and from [Conference] Set Self UUID', async () => {
    const alice = offStage('u-1', { name: 'Alice' });
    const bob = offStage('u-2', { name: 'Bob' });
    m.host.selfUUID = 'u-2';
    m.host.participants = [alice, bob];
    await waitFor('me');
    expect(last('me')).to.deep.equal({ id: 'main', participant: toInfinityParticipant(bob) });
    m.host.dispatchAction({ type: A.SET_SELF_UUID, payload: 'u-1' });
    await waitFor('me', 2);
    expect(last('me')).to.deep.equal({ id: 'main', participant: toInfinityParticipant(alice) });
  });

  it('tells chat, direct and application messages the app dispatches, and not a plugin\'s', async () => {
    m.host.dispatchAction({ type: A.RECEIVE_CHAT_MESSAGE, payload: { origin: 'Bob', uuid: 'u-2', type: 'text/plain', payload: 'Hello all', direct: false } });
    m.host.dispatchAction({ type: A.RECEIVE_CHAT_MESSAGE, payload: { origin: 'Bob', uuid: 'u-2', type: 'text/plain', payload: 'Psst', direct: true } });
    m.host.dispatchAction({ type: A.RECEIVE_CHAT_MESSAGE, payload: { origin: 'Bob', uuid: 'u-2', type: 'application/json', payload: '{"poll":2}', direct: false } });
    // Not a JSON object: not an application message of the package's shape.
    m.host.dispatchAction({ type: A.RECEIVE_CHAT_MESSAGE, payload: { origin: 'Bob', uuid: 'u-2', type: 'application/json', payload: '[1]', direct: false } });
    // A plugin's action asks the app; it is no news.
    window.PEX.dispatchAction({ type: A.RECEIVE_CHAT_MESSAGE, payload: { origin: 'Mallory', uuid: 'u-9', type: 'text/plain', payload: 'spoof' } });
    await waitFor('applicationMessage');
    const shape = (name: string) => {
      const { at, id, ...rest } = last<{ at: unknown; id: unknown }>(name);
      expect(at, name).to.be.instanceOf(Date);
      expect(id, name).to.be.a('string').and.not.equal('');
      return rest;
    };
    expect(shape('message')).to.deep.equal({ message: 'Hello all', displayName: 'Bob', userId: 'u-2' });
    expect(shape('directMessage')).to.deep.equal({ message: 'Psst', displayName: 'Bob', userId: 'u-2' });
    expect(shape('applicationMessage')).to.deep.equal({ message: { poll: 2 }, displayName: 'Bob', userId: 'u-2' });
    expect([events('message').length, events('directMessage').length, events('applicationMessage').length]).to.deep.equal([1, 1, 1]);
  });

  it('tells the layout, connected and disconnected (with the reason and its code, or the user\'s own leaving)', async () => {
    const layout = { view: '1:7', participants: ['u-1'], requested_layout: { primary_screen: { chair_layout: '1:7', guest_layout: 'ac' } }, overlay_text_enabled: true };
    m.host.dispatchAction({ type: A.LAYOUT_CHANGED, payload: layout });
    await waitFor('layoutUpdate');
    expect(last('layoutUpdate')).to.deep.equal(layout);

    const from = reports.of(ID).length;
    m.host.dispatchAction({ type: A.CONNECT_SUCCESS, payload: { alias: 'meet', displayName: 'Alice', joinRole: 'HOST', serviceType: 'conference' } });
    m.host.dispatchAction({ type: A.DISCONNECT_SUCCESS, payload: { reason: 'Disconnected by another participant' } });
    m.host.dispatchAction({ type: A.CONNECT_SUCCESS, payload: { alias: 'meet', displayName: 'Alice', joinRole: 'HOST', serviceType: 'conference' } });
    m.host.dispatchAction({ type: A.DISCONNECT_SUCCESS });
    await waitFor('disconnected', 2);
    // The plugin came before the call: the first connect gives it the present state (an empty roster), then the changes.
    expect(eventNames(from)).to.deep.equal([
      'event:authenticatedWithConference',
      'event:connected',
      'event:participants',
      'event:conferenceStatus',
      'event:disconnected',
      'event:authenticatedWithConference',
      'event:connected',
      'event:userInitiatedDisconnect',
      'event:disconnected',
    ]);
    expect(events('authenticatedWithConference').map((r) => r.payload)).to.deep.equal([{ conferenceAlias: 'meet' }, { conferenceAlias: 'meet' }]);
    expect(events('disconnected').map((r) => r.payload)).to.deep.equal([
      { error: 'Disconnected by another participant', errorCode: '#pex124' },
      { error: 'User initiated disconnect', errorCode: '#pex117' },
    ]);
  });
});

describe('Web App 3 events, connected to the simulator', () => {
  beforeEach(async () => {
    await resetSimulator();
  });

  /** Joins as `Plugin user`; resolves once the plugin heard the roster with the user in it. */
  async function joined() {
    const m = await joinedHost(FOLDER);
    await until(() => events('participants').some((r) => displayNames(r.payload).includes('Plugin user')), 'the roster with the user');
    return m;
  }

  it('gives the plugin connected, the roster and me on joining, and the same to a plugin loaded mid-call', async () => {
    const m = await joined();
    const self = window.PEX.selfUUID!;
    await waitFor('me');
    expect(events('connected')).to.have.length(1);
    // The join through the connection: let in to the conference it named.
    expect(events('authenticatedWithConference').map((r) => r.payload)).to.deep.equal([{ conferenceAlias: 'meet' }]);
    expect(last<{ participant: InfinityParticipant }>('me').participant).to.include({ uuid: self, displayName: 'Plugin user', isHost: true });
    const from = await reload(m);
    await until(() => eventNames(from).includes('event:conferenceStatus'), 'the conference status');
    expect(eventNames(from)).to.deep.equal(['registered', 'event:connected', 'event:participants', 'event:participantsActivities', 'event:me', 'event:conferenceStatus']);
    const after = reports.of(ID).slice(from);
    expect(after.find((r) => r.name === 'me')!.payload).to.deep.equal(last('me'));
    expect(displayNames(after.find((r) => r.name === 'participants')!.payload)).to.include('Plugin user');
    expect((after.find((r) => r.name === 'conferenceStatus')!.payload as { status: Record<string, unknown> }).status).to.include({ locked: false, started: true });
  });

  it('tells who joins and leaves, a raised hand and the stage, from the events stream', async () => {
    await joined();
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });
    await until(() => events('participantJoined').some((r) => (r.payload as { participant: InfinityParticipant }).participant.uuid === zed), 'Zed joined');
    expect(last<{ participant: InfinityParticipant }>('participantJoined').participant).to.include({ displayName: 'Zed', uuid: zed, raisedHand: false });
    // rawData is Infinity's own object, as the events stream gave it.
    const simulated = (await control<{ participants: { uuid: string }[] }>('conferences/meet')).participants.find((p) => p.uuid === zed);
    expect(last<{ participant: InfinityParticipant }>('participantJoined').participant.rawData).to.deep.equal(simulated);

    await control(`conferences/meet/participants/${zed}`, { method: 'PATCH', body: { buzz_time: 1700000200 } });
    await waitFor('raiseHand');
    expect(last('raiseHand')).to.deep.include({ id: 'main' });
    expect(last<{ participant: InfinityParticipant }>('raiseHand').participant).to.include({ uuid: zed, raisedHand: true, handRaisedTime: 1700000200 });

    await control('conferences/meet/stage', { body: [{ participant_uuid: zed, stage_index: 0, vad: 100 }] });
    await until(() => events('stage').some((r) => (r.payload as unknown[]).length === 1), 'the stage');
    expect(last('stage')).to.deep.equal([{ userId: zed, stageIndex: 0, vad: 100 }]);

    await control(`conferences/meet/participants/${zed}`, { method: 'DELETE' });
    await waitFor('participantLeft');
    expect(last<{ participant: InfinityParticipant }>('participantLeft').participant).to.include({ uuid: zed, displayName: 'Zed' });
    await waitFor('participant:disconnected');
    expect(last('participant:disconnected')).to.deep.equal({ participantUuid: zed });
  });

  it('tells chat, direct and application messages and the layout', async () => {
    const m = await joined();
    const self = window.PEX.selfUUID!;
    await control('conferences/meet/messages', { body: { origin: 'Zed', uuid: 'zed-uuid', payload: 'Hello all' } });
    await control('conferences/meet/messages', { body: { origin: 'Zed', uuid: 'zed-uuid', type: 'application/json', payload: '{"poll":2}' } });
    // A direct message from another client of the conference, through the client API.
    const other = await call<TokenResult>('meet', 'request_token', { body: { display_name: 'Yan' } });
    const direct = await call('meet', `participants/${self}/message`, { token: other.body.result.token, body: { type: 'text/plain', payload: 'Psst' } });
    expect(direct.status).to.equal(200);
    await waitFor('directMessage');
    await waitFor('applicationMessage');
    const rest = (name: string) => {
      const { at, id, ...fields } = last<{ at: unknown; id: unknown }>(name);
      expect(at, name).to.be.instanceOf(Date);
      expect(id, name).to.be.a('string');
      return fields;
    };
    expect(rest('message')).to.deep.equal({ message: 'Hello all', displayName: 'Zed', userId: 'zed-uuid' });
    expect(rest('applicationMessage')).to.deep.equal({ message: { poll: 2 }, displayName: 'Zed', userId: 'zed-uuid' });
    expect(rest('directMessage')).to.deep.equal({ message: 'Psst', displayName: 'Yan', userId: other.body.result.participant_uuid });
    await call('meet', 'release_token', { token: other.body.result.token });

    const outcome = await probeCall(reports, frameOf(m.host.shadowRoot as unknown as Element, ID), ID, { path: 'conference.setLayout', payload: { transforms: { layout: '4:0' } } });
    expect(outcome.value).to.deep.equal({ status: 200, data: { status: 'success', result: true } });
    await waitFor('layoutUpdate');
    expect(last('layoutUpdate')).to.deep.equal({ view: '4:0', participants: [], requested_layout: { primary_screen: { chair_layout: '4:0', guest_layout: '4:0' } }, overlay_text_enabled: true });
  });

  it('tells disconnected with the node\'s reason and its code', async () => {
    await joined();
    await control('conferences/meet/disconnect', { body: { reason: 'Conference terminated by an administrator' } });
    await waitFor('disconnected');
    expect(last('disconnected')).to.deep.equal({ error: 'Conference terminated by an administrator', errorCode: '#pex122' });
    expect(events('userInitiatedDisconnect')).to.have.length(0);
  });
});
