import { expect } from '@open-wc/testing';
import type { InfinityParticipant } from '@pexip/plugin-api';
import { mountHost, participant, type MountedHost } from './support/host-fixture.js';
import { joinedHost } from './support/webapp3-joined.js';
import { Reports, frameOf, probeCall, until, type ProbeReport } from './support/webapp3-harness.js';
import { conferenceState, control, resetSimulator } from './support/simulator-client.js';
import { rawFromParticipant } from '../src/webapp3/participant-form.js';
import type { PexCommandDetail } from '../components/events.js';

/**
 * Each call of a Web App 3 plugin (written with the real @pexip/plugin-api) in <pex-plugin-host>:
 * in app-driven mode the `pex-command` a webapp2 plugin's call makes, answered by the app; in
 * connected mode the REST call the Infinity connection makes to the simulator over HTTP; and
 * the exact reply the plugin gets, a refusal carrying the server's reason. The calls this host
 * cannot serve (media, breakout rooms) are answered `failed` with why, and reach nobody.
 */
const FOLDER = '../webapp3/conference-branding';
const ID = 'conf-w3';
const ok = (result: unknown) => ({ status: 200, data: { status: 'success', result } });

let reports: Reports;
beforeEach(() => (reports = new Reports()));
afterEach(() => reports.dispose());

const frame = (m: MountedHost) => frameOf(m.host.shadowRoot as unknown as Element, ID);
const callOf = (m: MountedHost, path: string, payload?: unknown): Promise<ProbeReport> => probeCall(reports, frame(m), ID, { path, payload });
const registered = () => until(() => reports.of(ID, 'registered').length >= 1, 'the plugin registered');

/** The calls this host cannot serve, and why it says it cannot. */
const NO_BREAKOUTS = 'breakout rooms are not supported by this host: its conference has the main room only.';
const UNSERVED: [path: string, payload: unknown, reason: string][] = [
  ['conference.setBandwidth', 1024, "conference:setBandwidth is not supported by this host: the app's media, not the host, sets the call's bandwidth."],
  ['conference.breakout', { name: 'Room A', participants: { main: [] } }, NO_BREAKOUTS],
  ['conference.joinBreakoutRoom', { breakoutUuid: 'b-1' }, NO_BREAKOUTS],
  ['conference.closeBreakouts', undefined, NO_BREAKOUTS],
  ['conference.closeBreakoutRoom', { breakoutUuid: 'b-1' }, NO_BREAKOUTS],
  ['conference.emptyBreakouts', undefined, NO_BREAKOUTS],
  ['conference.breakoutMoveParticipants', { toRoomUuid: 'b-1', participants: ['u-2'] }, NO_BREAKOUTS],
];

describe('Web App 3 calls, app-driven: the pex-command a webapp2 plugin\'s call makes, and the app\'s answer', () => {
  let m: MountedHost;
  let seen: { name: string; args: unknown; pluginId: string }[];
  let answer: (detail: PexCommandDetail) => void;
  const alice = participant('u-1', { name: 'Alice', role: 'chair' });
  const bob = participant('u-2', { name: 'Bob' });

  beforeEach(async () => {
    m = await mountHost(FOLDER, { registerTimeout: 4000 });
    seen = [];
    answer = (detail) => detail.resolve(true as never);
    m.host.addEventListener('pex-command', (event) => {
      const { name, args, pluginId } = event.detail;
      seen.push({ name, args, pluginId });
      answer(event.detail);
    });
    m.host.selfUUID = 'u-1';
    m.host.participants = [alice, bob];
    await registered();
  });

  /** [plugin function, payload, the command it becomes] for every call that is a command. */
  const COMMANDS: [path: string, payload: unknown, command: { name: string; args: unknown }][] = [
    ['conference.sendMessage', { payload: 'Hello' }, { name: 'sendChatMessage', args: { type: 'text/plain', payload: 'Hello' } }],
    ['conference.sendMessage', { payload: 'Psst', participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/message', payload: { type: 'text/plain', payload: 'Psst' } } }],
    ['conference.sendApplicationMessage', { payload: { poll: 2 } }, { name: 'sendChatMessage', args: { type: 'application/json', payload: '{"poll":2}' } }],
    [
      'conference.sendApplicationMessage',
      { payload: { poll: 3 }, participantUuid: 'u-2' },
      { name: 'sendRequest', args: { path: 'participants/u-2/message', payload: { type: 'application/json', payload: '{"poll":3}' } } },
    ],
    ['conference.lock', { lock: true }, { name: 'sendRequest', args: { path: 'lock', payload: undefined } }],
    ['conference.lock', { lock: false }, { name: 'sendRequest', args: { path: 'unlock', payload: undefined } }],
    ['conference.muteAllGuests', { mute: true }, { name: 'sendRequest', args: { path: 'muteguests', payload: undefined } }],
    ['conference.muteAllGuests', { mute: false }, { name: 'sendRequest', args: { path: 'unmuteguests', payload: undefined } }],
    ['conference.setLayout', { transforms: { layout: '4:0' } }, { name: 'transformConferenceLayout', args: { layout: { layout: '4:0' } } }],
    ['conference.disconnectAll', {}, { name: 'sendRequest', args: { path: 'disconnect', payload: undefined } }],
    ['conference.sendRequest', { path: 'start_conference', method: 'POST' }, { name: 'sendRequest', args: { path: 'start_conference', payload: undefined } }],
    ['conference.mute', { mute: true, participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/mute', payload: undefined } }],
    ['conference.mute', { mute: false, participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/unmute', payload: undefined } }],
    ['conference.muteVideo', { muteVideo: true, participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/video_muted', payload: undefined } }],
    ['conference.muteVideo', { muteVideo: false, participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/video_unmuted', payload: undefined } }],
    ['conference.spotlight', { enable: true, participantUuid: 'u-2' }, { name: 'spotlightOnParticipant', args: { uuid: 'u-2' } }],
    ['conference.spotlight', { enable: false, participantUuid: 'u-2' }, { name: 'spotlightOffParticipant', args: { uuid: 'u-2' } }],
    ['conference.admit', { participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/unlock', payload: undefined } }],
    ['conference.raiseHand', { raise: true }, { name: 'sendRequest', args: { path: 'participants/u-1/buzz', payload: undefined } }],
    ['conference.raiseHand', { raise: false, participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/clearbuzz', payload: undefined } }],
    ['conference.setRole', { role: 'chair', participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/role', payload: { role: 'chair' } } }],
    ['conference.setTextOverlay', { text: 'Speaker', participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/overlaytext', payload: { text: 'Speaker' } } }],
    ['conference.sendDTMF', { digits: '1234#', participantUuid: 'u-2' }, { name: 'sendRequest', args: { path: 'participants/u-2/dtmf', payload: { digits: '1234#' } } }],
    [
      'conference.transfer',
      { participantUuid: 'u-2', destination: 'other-room', role: 'guest', pin: '5678' },
      { name: 'sendRequest', args: { path: 'participants/u-2/transfer', payload: { conference_alias: 'other-room', role: 'guest', pin: '5678' } } },
    ],
    ['conference.disconnect', { participantUuid: 'u-2' }, { name: 'disconnectParticipant', args: { uuid: 'u-2' } }],
  ];

  it('makes each call its command, and replies with the app\'s answer in the Infinity client\'s shape', async () => {
    for (const [path, payload, command] of COMMANDS) {
      seen = [];
      const outcome = await callOf(m, path, payload);
      expect(seen, `${path}(${JSON.stringify(payload)})`).to.deep.equal([{ ...command, pluginId: ID }]);
      expect(outcome.value, path).to.deep.equal(ok(true));
    }
  });

  it('dials out: the dial command, and the new participant once the roster has them', async () => {
    answer = (detail) => {
      detail.resolve(['u-new'] as never);
      // The app's roster gets the new participant, as the conference would tell it.
      setTimeout(() => (m.host.participants = [alice, bob, participant('u-new', { name: 'Streamer', protocol: 'rtmp' })]), 10);
    };
    const outcome = await callOf(m, 'conference.dialOut', { destination: 'rtmp://stream.example/live', protocol: 'rtmp', role: 'GUEST', streaming: 'yes' });
    expect(seen).to.deep.equal([{ name: 'dialOut', args: { alias: 'rtmp://stream.example/live', protocol: 'rtmp', role: 'guest', options: { streaming: true } }, pluginId: ID }]);
    expect(outcome.kind).to.equal('result');
    expect(outcome.value as InfinityParticipant).to.include({ uuid: 'u-new', displayName: 'Streamer', protocol: 'rtmp' });
  });

  it('replies to requestParticipants with the room\'s participants as Infinity\'s raw objects, asking nobody', async () => {
    const outcome = await callOf(m, 'conference.requestParticipants', {});
    expect(seen).to.deep.equal([]);
    expect(outcome.value).to.deep.equal(ok([rawFromParticipant(alice), rawFromParticipant(bob)]));
  });

  it('answers the room id, and refuses the calls this host cannot serve, naming each and why, asking nobody', async () => {
    expect((await callOf(m, 'conference.getCurrentRoomId')).value).to.equal('main');
    for (const [path, payload, reason] of UNSERVED) {
      const outcome = await callOf(m, path, payload);
      expect(outcome.value, path).to.deep.include({ status: 'failed', reason });
    }
    expect(seen).to.deep.equal([]);
  });

  it('passes the app\'s refusal to the plugin with its reason', async () => {
    answer = (detail) => detail.reject({ status: 'failed', result: 'Locked by policy' });
    const outcome = await callOf(m, 'conference.lock', { lock: true });
    expect(outcome.value).to.deep.include({ status: 'failed', reason: 'Locked by policy' });
  });

  it('takes the disconnect destination: the app hears it as a plugin\'s pex-action; a URL that is not http(s) is refused', async () => {
    const actions: unknown[] = [];
    m.host.addEventListener('pex-action', (event) => actions.push(event.detail.action));
    const outcome = await callOf(m, 'app.setDisconnectDestination', { url: 'https://example.com/thanks' });
    expect(outcome.value).to.deep.include({ status: 'ok', data: undefined });
    expect(actions).to.deep.equal([{ type: '[Web App 3] Set Disconnect Destination', payload: { url: 'https://example.com/thanks', pluginId: ID } }]);
    const refused = await callOf(m, 'app.setDisconnectDestination', { url: 'javascript:alert(1)' });
    expect(refused.value).to.deep.include({ status: 'failed', reason: 'app:setDisconnectDestination needs "url" (an http or https address), not "javascript:alert(1)".' });
    expect(actions).to.have.length(1);
    expect(seen).to.deep.equal([]);
  });
});

describe('Web App 3 calls, connected: the REST call the Infinity connection makes to the simulator', () => {
  const BASE = '/api/client/v2/conferences/meet';
  beforeEach(async () => {
    await resetSimulator();
  });

  /** The client API requests made while `run` ran (not the events stream's). */
  async function requestsDuring(run: () => Promise<unknown>, alias = 'meet'): Promise<{ method: string; path: string; body: unknown }[]> {
    const before = (await conferenceState(alias)).requests.length;
    await run();
    return (await conferenceState(alias)).requests.slice(before).map(({ method, path, body }) => ({ method, path, body }));
  }

  async function joined(alias = 'meet') {
    const m = await joinedHost(FOLDER, alias);
    await registered();
    await until(() => reports.of(ID, 'event', 'me').length >= 1, 'the user\'s own participant');
    return m;
  }

  it('makes each call its REST call and replies with the server\'s answer in the Infinity client\'s shape', async () => {
    const m = await joined();
    const self = window.PEX.selfUUID!;
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });
    const calls: [path: string, payload: unknown, request: { method: string; path: string; body: unknown }][] = [
      ['conference.sendMessage', { payload: 'Hello' }, { method: 'POST', path: `${BASE}/message`, body: { type: 'text/plain', payload: 'Hello' } }],
      ['conference.sendMessage', { payload: 'Psst', participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/message`, body: { type: 'text/plain', payload: 'Psst' } }],
      ['conference.sendApplicationMessage', { payload: { poll: 2 } }, { method: 'POST', path: `${BASE}/message`, body: { type: 'application/json', payload: '{"poll":2}' } }],
      ['conference.lock', { lock: true }, { method: 'POST', path: `${BASE}/lock`, body: null }],
      ['conference.lock', { lock: false }, { method: 'POST', path: `${BASE}/unlock`, body: null }],
      ['conference.muteAllGuests', { mute: true }, { method: 'POST', path: `${BASE}/muteguests`, body: null }],
      ['conference.setLayout', { transforms: { layout: '4:0' } }, { method: 'POST', path: `${BASE}/transform_layout`, body: { transforms: { layout: '4:0' } } }],
      ['conference.sendRequest', { path: 'start_conference', method: 'POST' }, { method: 'POST', path: `${BASE}/start_conference`, body: null }],
      ['conference.mute', { mute: true, participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/mute`, body: null }],
      ['conference.muteVideo', { muteVideo: true, participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/video_muted`, body: null }],
      ['conference.spotlight', { enable: true, participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/spotlighton`, body: null }],
      ['conference.admit', { participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/unlock`, body: null }],
      ['conference.raiseHand', { raise: true }, { method: 'POST', path: `${BASE}/participants/${self}/buzz`, body: null }],
      ['conference.setRole', { role: 'guest', participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/role`, body: { role: 'guest' } }],
      ['conference.setTextOverlay', { text: 'Speaker', participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/overlaytext`, body: { text: 'Speaker' } }],
      ['conference.sendDTMF', { digits: '1234#', participantUuid: zed }, { method: 'POST', path: `${BASE}/participants/${zed}/dtmf`, body: { digits: '1234#' } }],
      [
        'conference.transfer',
        { participantUuid: zed, destination: 'guests', role: 'guest', pin: '' },
        { method: 'POST', path: `${BASE}/participants/${zed}/transfer`, body: { conference_alias: 'guests', role: 'guest', pin: '' } },
      ],
    ];
    for (const [path, payload, request] of calls) {
      let outcome: ProbeReport | undefined;
      const requests = await requestsDuring(async () => (outcome = await callOf(m, path, payload)));
      expect(requests, `${path}(${JSON.stringify(payload)})`).to.deep.equal([request]);
      expect(outcome!.value, path).to.deep.equal(ok(true));
    }
    const { uuid: yan } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Yan' } });
    let outcome: ProbeReport | undefined;
    const requests = await requestsDuring(async () => (outcome = await callOf(m, 'conference.disconnect', { participantUuid: yan })));
    expect(requests).to.deep.equal([{ method: 'POST', path: `${BASE}/participants/${yan}/disconnect`, body: null }]);
    expect(outcome!.value).to.deep.equal(ok(true));
  });

  it('dials out: the dial request, and the new participant from the events stream', async () => {
    const m = await joined();
    let outcome: ProbeReport | undefined;
    const requests = await requestsDuring(async () => (outcome = await callOf(m, 'conference.dialOut', { destination: 'sip:bob@example.com', protocol: 'sip', role: 'GUEST' })));
    expect(requests).to.deep.equal([{ method: 'POST', path: `${BASE}/dial`, body: { destination: 'sip:bob@example.com', protocol: 'sip', role: 'GUEST', streaming: 'no' } }]);
    const dialled = (await conferenceState('meet')).participants.find((p) => p.uri === 'sip:bob@example.com')!;
    expect(outcome!.kind).to.equal('result');
    expect(outcome!.value as InfinityParticipant).to.include({ uuid: dialled.uuid, protocol: 'sip' });
  });

  it('replies to requestParticipants with the roster, no request made; answers the room id; refuses what it cannot serve', async () => {
    const m = await joined();
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });
    await until(() => m.host.participants.some((p) => p.uuid === zed), 'Zed in the roster');
    let outcome: ProbeReport | undefined;
    expect(await requestsDuring(async () => (outcome = await callOf(m, 'conference.requestParticipants', {})))).to.deep.equal([]);
    const roster = (outcome!.value as { data: { result: { uuid: string; display_name: string }[] } }).data.result;
    expect(outcome!.value).to.deep.include({ status: 200 });
    expect(roster.map((p) => p.display_name)).to.deep.equal(m.host.participants.map((p) => p.name));
    expect(roster.map((p) => p.uuid)).to.include(window.PEX.selfUUID);
    // Infinity's own object for who came after the host was bound (the connection's actions carry
    // it); the one written back from the roster for who was there at the join.
    const simulated = (await conferenceState('meet')).participants;
    expect(roster.find((p) => p.uuid === zed)).to.deep.equal(simulated.find((p) => p.uuid === zed));
    const self = m.host.participants.find((p) => p.uuid === window.PEX.selfUUID)!;
    expect(roster.find((p) => p.uuid === self.uuid)).to.deep.equal(rawFromParticipant(self));
    const unserved = await requestsDuring(async () => {
      expect((await callOf(m, 'conference.getCurrentRoomId')).value).to.equal('main');
      for (const [path, payload, reason] of UNSERVED) expect((await callOf(m, path, payload)).value, path).to.deep.include({ status: 'failed', reason });
      expect((await callOf(m, 'app.setDisconnectDestination', { url: 'https://example.com/thanks' })).value).to.deep.include({ status: 'ok' });
    });
    expect(unserved).to.deep.equal([]);
  });

  it('gives the plugin the server\'s reason when the conference refuses', async () => {
    const m = await joined('guests');
    let outcome: ProbeReport | undefined;
    const requests = await requestsDuring(async () => (outcome = await callOf(m, 'conference.lock', { lock: true })), 'guests');
    expect(requests).to.deep.equal([{ method: 'POST', path: '/api/client/v2/conferences/guests/lock', body: null }]);
    expect(outcome!.value).to.deep.include({ status: 'failed', reason: 'Insufficient privileges' });
  });

  it('disconnects everyone with disconnectAll, the user too', async () => {
    const m = await joined();
    let outcome: ProbeReport | undefined;
    const requests = await requestsDuring(async () => (outcome = await callOf(m, 'conference.disconnectAll', {})));
    expect(requests).to.deep.equal([{ method: 'POST', path: `${BASE}/disconnect`, body: null }]);
    expect(outcome!.value).to.deep.equal(ok(true));
    await until(() => reports.of(ID, 'event', 'disconnected').length === 1, 'the user disconnected');
  });
});
