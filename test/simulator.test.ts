import { expect } from '@open-wc/testing';
import {
  validateRefreshToken200,
  validateRefreshToken403,
  validateReleaseToken200,
  validateReleaseToken403,
  validateRequestToken200,
  validateRequestToken403,
  validateRequestToken404,
} from '@pexip/infinity-api/dist/token/validation.js';
import {
  validateConferenceStatus200,
  validateDial200,
  validateDisconnect200,
  validateLock200,
  validateMessageConference200,
  validateMuteguests200,
  validateParticipants200,
  validateStartConference200,
  validateTransformLayout200,
  validateUnlock200,
  validateUnmuteguests200,
} from '@pexip/infinity-api/dist/conference/validation.js';
import {
  validateAllowrxpresentationParticipant200,
  validateBuzzParticipant200,
  validateClearbuzzParticipant200,
  validateDenyrxpresentationParticipant200,
  validateDisconnectParticipant200,
  validateDisconnectParticipant403,
  validateDtmfParticipant200,
  validateMessageParticipant200,
  validateMuteParticipant200,
  validateMuteParticipant403,
  validateOverlaytextParticipant200,
  validateRoleParticipant200,
  validateSpotlightoffParticipant200,
  validateSpotlightonParticipant200,
  validateTransferParticipant200,
  validateUnlockParticipant200,
  validateUnmuteParticipant200,
  validateVideoMuteParticipant200,
  validateVideoUnmuteParticipant200,
} from '@pexip/infinity-api/dist/participant/validation.js';
import {
  call,
  conferenceState,
  conforms,
  control,
  EventReader,
  join,
  resetSimulator,
  setFaults,
  sleep,
  type RawParticipant,
  type VendorValidator,
} from './support/simulator-client.js';

/*
 * The Infinity simulator (tools/infinity-simulator/), mounted in the test server, over real HTTP.
 * Every answer that has a validator in @pexip/infinity-api 20 is checked against it.
 */

const readers: EventReader[] = [];
async function events(alias: string, token: string) {
  const reader = await EventReader.open(alias, token);
  readers.push(reader);
  return reader;
}

/** Reads past the initial roster sync and returns the participants it carried. */
async function sync(reader: EventReader) {
  await reader.take('participant_sync_begin');
  const end = await reader.take('participant_sync_end', 8000);
  const begin = reader.events.findIndex((event) => event.event === 'participant_sync_begin');
  return reader.events.slice(begin + 1, reader.events.indexOf(end));
}

beforeEach(async () => {
  await resetSimulator();
});

afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
});

describe('simulator: request_token', () => {
  it('meet: everyone joins as HOST, with a chair participant', async () => {
    const joined = await join('meet', 'Ann Lee');
    conforms(validateRequestToken200, joined.answer.body, 'request_token 200');
    expect(joined.role).to.equal('HOST');
    expect(joined.expires).to.equal('120');
    expect(joined.display_name).to.equal('Ann Lee');
    expect(joined.current_service_type).to.equal('conference');
    const state = await conferenceState('meet');
    const own = state.participants.find((p) => p.uuid === joined.participant_uuid);
    expect(own?.role).to.equal('chair');
    expect(own?.display_name).to.equal('Ann Lee');
    expect(own?.protocol).to.equal('api');
    expect(state.requests.at(-1)).to.deep.equal({
      method: 'POST',
      path: '/api/client/v2/conferences/meet/request_token',
      body: { display_name: 'Ann Lee' },
      token: false,
    });
  });

  it('secure: no PIN asks for both PINs; host and guest PINs give HOST and GUEST; a wrong PIN is refused', async () => {
    const none = await call('secure', 'request_token', { body: { display_name: 'Ann' } });
    expect(none.status).to.equal(403);
    conforms(validateRequestToken403, none.body, 'request_token 403 (PIN required)');
    expect(none.body.result).to.deep.include({ pin: 'required', guest_pin: 'required' });
    expect(none.body.result).to.have.property('version');

    const host = await join('secure', 'Host', '1234');
    conforms(validateRequestToken200, host.answer.body, 'request_token 200');
    expect(host.role).to.equal('HOST');
    const guest = await join('secure', 'Guest', '5678');
    expect(guest.role).to.equal('GUEST');
    const state = await conferenceState('secure');
    expect(state.participants.find((p) => p.uuid === guest.participant_uuid)?.role).to.equal('guest');
    expect(state.requests.at(-1)?.pin).to.equal('5678');

    const wrong = await call('secure', 'request_token', { pin: '0000', body: { display_name: 'Ann' } });
    expect(wrong.status).to.equal(403);
    conforms(validateRequestToken403, wrong.body, 'request_token 403 (wrong PIN)');
    expect(wrong.body.result).to.equal('Invalid PIN');
  });

  it('guests: no PIN gives GUEST, the host PIN HOST, another PIN is refused', async () => {
    expect((await join('guests', 'Guest')).role).to.equal('GUEST');
    expect((await join('guests', 'Host', '1234')).role).to.equal('HOST');
    const wrong = await call('guests', 'request_token', { pin: '9999', body: { display_name: 'X' } });
    expect(wrong.status).to.equal(403);
    conforms(validateRequestToken403, wrong.body, 'request_token 403');
    expect(wrong.body.result).to.equal('Invalid PIN');
  });

  it('an unknown alias is a 404 with the reason', async () => {
    const answer = await call('nowhere', 'request_token', { body: { display_name: 'X' } });
    expect(answer.status).to.equal(404);
    conforms(validateRequestToken404, answer.body, 'request_token 404');
    expect(answer.body).to.deep.equal({ status: 'failed', result: 'Neither conference nor gateway found' });
  });
});

describe('simulator: tokens', () => {
  it('every call but request_token needs a valid token', async () => {
    for (const [path, method] of [
      ['lock', 'POST'],
      ['participants', 'GET'],
      ['conference_status', 'GET'],
      ['events', 'GET'],
    ]) {
      const answer = await call('meet', path, { method });
      expect(answer.status, path).to.equal(403);
      expect(answer.body.result, path).to.equal('Invalid token');
      const forged = await call('meet', path, { method, token: 'forged' });
      expect(forged.status, path).to.equal(403);
    }
  });

  it('a token from another conference is refused', async () => {
    const { token } = await join('meet', 'Ann');
    const answer = await call('secure', 'conference_status', { method: 'GET', token });
    expect(answer.status).to.equal(403);
  });

  it('expires after tokenExpiry seconds', async () => {
    await setFaults({ tokenExpiry: 1 });
    const joined = await join('meet', 'Ann');
    expect(joined.expires).to.equal('1');
    const before = await call('meet', 'conference_status', { method: 'GET', token: joined.token });
    expect(before.status).to.equal(200);
    await sleep(1300);
    const after = await call('meet', 'conference_status', { method: 'GET', token: joined.token });
    expect(after.status).to.equal(403);
    expect(after.body.result).to.equal('Invalid token');
  });

  it('refresh_token gives a new token that works and outlives the first', async () => {
    await setFaults({ tokenExpiry: 1 });
    const joined = await join('meet', 'Ann');
    await sleep(600);
    await setFaults({ tokenExpiry: 2 });
    const refreshed = await call<{ token: string; expires: string; role: string }>('meet', 'refresh_token', {
      token: joined.token,
    });
    expect(refreshed.status).to.equal(200);
    conforms(validateRefreshToken200, refreshed.body, 'refresh_token 200');
    expect(refreshed.body.result.token).to.be.a('string').and.not.equal(joined.token);
    expect(refreshed.body.result.expires).to.equal('2');
    expect(refreshed.body.result.role).to.equal('HOST');
    await sleep(600);
    expect((await call('meet', 'conference_status', { method: 'GET', token: joined.token })).status).to.equal(403);
    expect((await call('meet', 'conference_status', { method: 'GET', token: refreshed.body.result.token })).status).to.equal(200);
  });

  it('refresh_token and release_token refuse a token that is no longer valid with a 403 the vendor schema knows', async () => {
    const joined = await join('meet', 'Ann');
    expect((await call('meet', 'release_token', { token: joined.token, body: {} })).status).to.equal(200);
    const refresh = await call('meet', 'refresh_token', { token: joined.token });
    expect(refresh.status).to.equal(403);
    conforms(validateRefreshToken403, refresh.body, 'refresh_token 403');
    expect(refresh.body).to.deep.equal({ status: 'success', result: 'Invalid token' });
    const release = await call('meet', 'release_token', { token: joined.token, body: {} });
    expect(release.status).to.equal(403);
    conforms(validateReleaseToken403, release.body, 'release_token 403');
    expect(release.body).to.deep.equal({ status: 'success', result: 'Invalid token' });
  });

  it('release_token ends the token and removes the participant', async () => {
    const watcher = await join('meet', 'Watcher');
    const stream = await events('meet', watcher.token);
    await sync(stream);
    const joined = await join('meet', 'Ann');
    await stream.take('participant_create');
    const released = await call('meet', 'release_token', { token: joined.token });
    expect(released.status).to.equal(200);
    conforms(validateReleaseToken200, released.body, 'release_token 200');
    expect(released.body.result).to.equal(true);
    expect((await stream.take('participant_delete')).data).to.deep.equal({ uuid: joined.participant_uuid });
    expect((await call('meet', 'lock', { token: joined.token })).status).to.equal(403);
    const state = await conferenceState('meet');
    expect(state.participants.map((p) => p.uuid)).not.to.include(joined.participant_uuid);
  });
});

describe('simulator: event stream', () => {
  it('opens with the roster sync, the client itself included', async () => {
    const { uuid } = await control<{ uuid: string }>('conferences/meet/participants', {
      body: { display_name: 'Sam Sip', protocol: 'sip', uri: 'sip:sam@example.com' },
    });
    const other = await join('meet', 'Bea');
    const me = await join('meet', 'Ann');
    const reader = await events('meet', me.token);
    expect(reader.status).to.equal(200);
    const creates = await sync(reader);
    expect(reader.events[0]).to.deep.include({ event: 'participant_sync_begin', data: null });
    expect(creates.every((event) => event.event === 'participant_create')).to.equal(true);
    const uuids = creates.map((event) => (event.data as RawParticipant).uuid);
    expect(uuids).to.have.members([uuid, other.participant_uuid, me.participant_uuid]);
    for (const event of creates) {
      conforms(validateParticipants200, { status: 'success', result: [event.data] }, 'participant_create');
    }
    expect(reader.events.every((event) => event.id !== undefined)).to.equal(true);
  });

  it('sends live events after control-API changes', async () => {
    const me = await join('meet', 'Ann');
    const reader = await events('meet', me.token);
    await sync(reader);

    const { uuid } = await control<{ uuid: string }>('conferences/meet/participants', {
      body: { display_name: 'Carl', role: 'chair' },
    });
    const created = (await reader.take('participant_create')).data as RawParticipant;
    expect(created).to.deep.include({ uuid, display_name: 'Carl', role: 'chair' });
    conforms(validateParticipants200, { status: 'success', result: [created] }, 'participant_create');

    await control(`conferences/meet/participants/${uuid}`, { method: 'PATCH', body: { is_presenting: 'YES' } });
    expect((await reader.take('participant_update')).data).to.deep.include({ uuid, is_presenting: 'YES' });

    const stage = [{ participant_uuid: uuid, stage_index: 0, vad: 100 }];
    await control('conferences/meet/stage', { body: stage });
    expect((await reader.take('stage')).data).to.deep.equal(stage);

    await control('conferences/meet/messages', { body: { origin: 'Carl', payload: 'hello' } });
    expect((await reader.take('message_received')).data).to.deep.equal({
      origin: 'Carl',
      uuid,
      type: 'text/plain',
      payload: 'hello',
      direct: false,
    });

    await control(`conferences/meet/participants/${uuid}`, { method: 'DELETE' });
    expect((await reader.take('participant_delete')).data).to.deep.equal({ uuid });
  });

  it('sends live events after REST calls: lock, mute, dial, message, transform_layout', async () => {
    const me = await join('meet', 'Ann');
    const bea = await join('meet', 'Bea');
    const reader = await events('meet', me.token);
    const beaReader = await events('meet', bea.token);
    await sync(reader);
    await sync(beaReader);

    const lock = await call('meet', 'lock', { token: me.token });
    conforms(validateLock200, lock.body, 'lock 200');
    expect((await reader.take('conference_update')).data).to.deep.include({ locked: true });
    const status = await call('meet', 'conference_status', { method: 'GET', token: me.token });
    conforms(validateConferenceStatus200, status.body, 'conference_status 200');
    expect(status.body.result).to.deep.include({ locked: true, guests_muted: false, started: true });

    const mute = await call('meet', `participants/${bea.participant_uuid}/mute`, { token: me.token });
    conforms(validateMuteParticipant200, mute.body, 'mute 200');
    const muted = (await reader.take('participant_update')).data as RawParticipant;
    expect(muted).to.deep.include({ uuid: bea.participant_uuid, is_muted: 'YES' });

    const dial = await call<string[]>('meet', 'dial', {
      token: me.token,
      body: { destination: 'rtmp://live.example.com/app/key', protocol: 'auto', role: 'GUEST', streaming: 'no' },
    });
    expect(dial.status).to.equal(200);
    conforms(validateDial200, dial.body, 'dial 200');
    expect(dial.body.result).to.have.length(1);
    const dialled = (await reader.take('participant_create')).data as RawParticipant;
    expect(dialled).to.deep.include({
      uuid: dial.body.result[0],
      protocol: 'rtmp',
      is_streaming_conference: true,
      service_type: 'connecting',
      call_direction: 'out',
      role: 'guest',
      display_name: 'rtmp://live.example.com/app/key',
    });
    const connected = await reader.waitFor(
      (event) => event.event === 'participant_update' && (event.data as RawParticipant).uuid === dialled.uuid,
      'the dialled participant connected',
    );
    expect((connected.data as RawParticipant).service_type).to.equal('conference');

    const message = await call('meet', 'message', { token: bea.token, body: { type: 'text/plain', payload: 'hi all' } });
    conforms(validateMessageConference200, message.body, 'message 200');
    expect((await reader.take('message_received')).data).to.deep.equal({
      origin: 'Bea',
      uuid: bea.participant_uuid,
      type: 'text/plain',
      payload: 'hi all',
      direct: false,
    });

    const transforms = { layout: '1:7', enable_overlay_text: true };
    const layout = await call('meet', 'transform_layout', { token: me.token, body: { transforms } });
    conforms(validateTransformLayout200, layout.body, 'transform_layout 200');
    const layoutEvent = (await reader.take('layout')).data as Record<string, unknown>;
    expect(layoutEvent).to.deep.include({ view: '1:7', overlay_text_enabled: true });
    expect((await conferenceState('meet')).layout).to.deep.include(transforms);

    // Bea saw everything but her own message.
    await beaReader.take('layout');
    expect(beaReader.events.filter((event) => event.event === 'message_received')).to.have.length(0);
  });

  it('dial: sip with streaming yes is a streaming participant; a failing destination gives the reason', async () => {
    const me = await join('meet', 'Ann');
    const dial = await call<string[]>('meet', 'dial', {
      token: me.token,
      body: { destination: 'sip:recorder@example.com', protocol: 'sip', role: 'HOST', streaming: 'yes' },
    });
    conforms(validateDial200, dial.body, 'dial 200');
    const state = await conferenceState('meet');
    expect(state.participants.find((p) => p.uuid === dial.body.result[0])).to.deep.include({
      protocol: 'sip',
      is_streaming_conference: true,
      role: 'chair',
    });
    const failing = await call('meet', 'dial', {
      token: me.token,
      body: { destination: 'sip:fail@example.com', protocol: 'sip', role: 'GUEST' },
    });
    expect(failing.status).to.equal(403);
    expect(failing.body.result).to.equal('Gateway dial out failed');
  });

  it('override_layout (legacy) is accepted and emits layout; clearallbuzz lowers every hand', async () => {
    const me = await join('meet', 'Ann');
    const reader = await events('meet', me.token);
    await sync(reader);
    const override = await call('meet', 'override_layout', { token: me.token, body: { layouts: [{ layout: '4:0' }] } });
    expect(override.body).to.deep.equal({ status: 'success', result: true });
    expect((await reader.take('layout')).data).to.deep.include({ view: '4:0' });
    await call('meet', `participants/${me.participant_uuid}/buzz`, { token: me.token });
    expect(((await reader.take('participant_update')).data as RawParticipant).buzz_time).to.be.greaterThan(0);
    await call('meet', 'clearallbuzz', { token: me.token });
    expect(((await reader.take('participant_update')).data as RawParticipant).buzz_time).to.equal(0);
  });

  it('a direct message reaches only its target, with direct: true', async () => {
    const me = await join('meet', 'Ann');
    const bea = await join('meet', 'Bea');
    const beaReader = await events('meet', bea.token);
    await sync(beaReader);
    const answer = await call('meet', `participants/${bea.participant_uuid}/message`, {
      token: me.token,
      body: { type: 'application/json', payload: '{"x":1}' },
    });
    conforms(validateMessageParticipant200, answer.body, 'participant message 200');
    expect((await beaReader.take('message_received')).data).to.deep.equal({
      origin: 'Ann',
      uuid: me.participant_uuid,
      type: 'application/json',
      payload: '{"x":1}',
      direct: true,
    });
    expect((await conferenceState('meet')).messages.at(-1)).to.deep.include({ to: bea.participant_uuid, direct: true });
  });

  it('a role change reaches the client as participant_update and refresh_token; refresh tells the new role', async () => {
    const me = await join('meet', 'Ann');
    const bea = await join('meet', 'Bea');
    const beaReader = await events('meet', bea.token);
    await sync(beaReader);
    const answer = await call('meet', `participants/${bea.participant_uuid}/role`, { token: me.token, body: { role: 'guest' } });
    conforms(validateRoleParticipant200, answer.body, 'role 200');
    expect((await beaReader.take('participant_update')).data).to.deep.include({ role: 'guest' });
    await beaReader.take('refresh_token');
    const refreshed = await call<{ role: string }>('meet', 'refresh_token', { token: bea.token });
    expect(refreshed.body.result.role).to.equal('GUEST');
    expect((await call('meet', 'lock', { token: bea.token })).status).to.equal(403);
  });

  it('transfer refers the client to the other conference with a one-time token', async () => {
    const me = await join('meet', 'Ann');
    const bea = await join('meet', 'Bea');
    const beaReader = await events('meet', bea.token);
    await sync(beaReader);
    const answer = await call('meet', `participants/${bea.participant_uuid}/transfer`, {
      token: me.token,
      body: { conference_alias: 'secure', role: 'guest', pin: '5678' },
    });
    conforms(validateTransferParticipant200, answer.body, 'transfer 200');
    const refer = (await beaReader.take('refer')).data as { alias: string; token: string };
    expect(refer.alias).to.equal('secure');
    await beaReader.ended;
    const rejoined = await call<{ role: string }>('secure', 'request_token', {
      body: { display_name: 'Bea', token: refer.token },
    });
    expect(rejoined.status).to.equal(200);
    expect(rejoined.body.result.role).to.equal('GUEST');
  });

  it('a 1,000-participant roster arrives in one sync', async () => {
    expect(await control('conferences/meet/roster', { body: { count: 1000 } })).to.deep.equal({ count: 1000 });
    const me = await join('meet', 'Ann');
    const reader = await events('meet', me.token);
    const creates = await sync(reader);
    expect(creates).to.have.length(1001);
    const names = new Set(creates.map((event) => (event.data as RawParticipant).display_name));
    expect(names.size).to.equal(1001);
    const participants = await call<RawParticipant[]>('meet', 'participants', { method: 'GET', token: me.token });
    expect(participants.body.result).to.have.length(1001);
    conforms(validateParticipants200, participants.body, 'participants 200 (1,001)');
  });

  it('control disconnect sends disconnect with the reason and ends the tokens', async () => {
    const me = await join('meet', 'Ann');
    const reader = await events('meet', me.token);
    await sync(reader);
    await control('conferences/meet/disconnect', { body: { reason: 'Maintenance' } });
    expect((await reader.take('disconnect')).data).to.deep.equal({ reason: 'Maintenance' });
    await reader.ended;
    expect((await call('meet', 'conference_status', { method: 'GET', token: me.token })).status).to.equal(403);
  });
});

describe('simulator: privileges and errors', () => {
  it('a GUEST is refused host-only calls with the reason, and may mute itself', async () => {
    const host = await join('secure', 'Host', '1234');
    const guest = await join('secure', 'Guest', '5678');
    for (const path of ['lock', 'muteguests', 'start_conference', 'disconnect']) {
      const answer = await call('secure', path, { token: guest.token });
      expect(answer.status, path).to.equal(403);
      expect(answer.body.result, path).to.equal('Insufficient privileges');
    }
    const dial = await call('secure', 'dial', {
      token: guest.token,
      body: { destination: 'sip:x@example.com', protocol: 'sip', role: 'GUEST' },
    });
    expect(dial.body.result).to.equal('Insufficient privileges');
    const layout = await call('secure', 'transform_layout', { token: guest.token, body: { transforms: { layout: '1:0' } } });
    expect(layout.body.result).to.equal('Insufficient privileges');
    for (const [action, validator] of [
      ['mute', validateMuteParticipant403],
      ['disconnect', validateDisconnectParticipant403],
      ['spotlighton', validateMuteParticipant403],
    ] as const) {
      const answer = await call('secure', `participants/${host.participant_uuid}/${action}`, { token: guest.token });
      expect(answer.status, action).to.equal(403);
      conforms(validator, answer.body, `${action} 403`);
      expect(answer.body.result, action).to.equal('Insufficient privileges');
    }
    const role = await call('secure', `participants/${guest.participant_uuid}/role`, { token: guest.token, body: { role: 'chair' } });
    expect(role.body.result).to.equal('Insufficient privileges');
    const self = await call('secure', `participants/${guest.participant_uuid}/mute`, { token: guest.token });
    expect(self.status).to.equal(200);
    conforms(validateMuteParticipant200, self.body, 'self mute 200');
    const chat = await call('secure', 'message', { token: guest.token, body: { type: 'text/plain', payload: 'hello' } });
    expect(chat.status).to.equal(200);
  });

  it('an unknown participant and an unknown path answer with a reason', async () => {
    const me = await join('meet', 'Ann');
    const missing = await call('meet', 'participants/00000000-0000-0000-0000-000000000000/mute', { token: me.token });
    expect(missing.status).to.equal(403);
    conforms(validateMuteParticipant403, missing.body, 'mute 403');
    expect(missing.body.result).to.equal('Participant not found');
    const unknown = await call('meet', 'no_such_call', { token: me.token });
    expect(unknown.status).to.equal(404);
    expect(unknown.body).to.deep.include({ status: 'failed' });
    expect(unknown.body.result).to.be.a('string').that.includes('no_such_call');
    const wrongMethod = await call('meet', 'lock', { method: 'GET', token: me.token });
    expect(wrongMethod.status).to.equal(405);
  });
});

describe('simulator: conference and participant calls conform', () => {
  it('every conference call answers as the vendor schema says and changes the state', async () => {
    const me = await join('guests', 'Host', '1234');
    const conferenceCalls: [string, VendorValidator, Partial<Record<'locked' | 'guests_muted' | 'started', boolean>>][] = [
      ['lock', validateLock200, { locked: true }],
      ['unlock', validateUnlock200, { locked: false }],
      ['muteguests', validateMuteguests200, { guests_muted: true }],
      ['unmuteguests', validateUnmuteguests200, { guests_muted: false }],
      ['start_conference', validateStartConference200, { started: true }],
    ];
    for (const [path, validator, expected] of conferenceCalls) {
      const answer = await call('guests', path, { token: me.token });
      expect(answer.status, path).to.equal(200);
      conforms(validator, answer.body, `${path} 200`);
      expect(await conferenceState('guests'), path).to.deep.include(expected);
    }
    const disconnect = await call('guests', 'disconnect', { token: me.token });
    conforms(validateDisconnect200, disconnect.body, 'disconnect 200');
    expect((await conferenceState('guests')).participants).to.have.length(0);
  });

  it('guests muted: guests are muted, and the conference is started by the first host', async () => {
    expect((await conferenceState('guests')).started).to.equal(false);
    const host = await join('guests', 'Host', '1234');
    expect((await conferenceState('guests')).started).to.equal(true);
    const guest = await join('guests', 'Guest');
    await call('guests', 'muteguests', { token: host.token });
    const state = await conferenceState('guests');
    expect(state.participants.find((p) => p.uuid === guest.participant_uuid)?.is_muted).to.equal('YES');
    expect(state.participants.find((p) => p.uuid === host.participant_uuid)?.is_muted).to.equal('NO');
  });

  it('a locked conference puts joining guests in the waiting room; unlock admits them', async () => {
    const host = await join('secure', 'Host', '1234');
    await call('secure', 'lock', { token: host.token });
    const guest = await join('secure', 'Guest', '5678');
    expect(guest.current_service_type).to.equal('waiting_room');
    const admit = await call('secure', `participants/${guest.participant_uuid}/unlock`, { token: host.token });
    conforms(validateUnlockParticipant200, admit.body, 'participant unlock 200');
    const state = await conferenceState('secure');
    expect(state.participants.find((p) => p.uuid === guest.participant_uuid)?.service_type).to.equal('conference');
  });

  it('every participant call answers as the vendor schema says and changes the participant', async () => {
    const me = await join('meet', 'Ann');
    const { uuid } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Target' } });
    const participantOf = async () => (await conferenceState('meet')).participants.find((p) => p.uuid === uuid);
    const steps: [string, VendorValidator, unknown, (p: RawParticipant) => void][] = [
      ['mute', validateMuteParticipant200, undefined, (p) => expect(p.is_muted).to.equal('YES')],
      ['unmute', validateUnmuteParticipant200, undefined, (p) => expect(p.is_muted).to.equal('NO')],
      ['video_muted', validateVideoMuteParticipant200, undefined, (p) => expect(p.is_video_muted).to.equal(true)],
      ['video_unmuted', validateVideoUnmuteParticipant200, undefined, (p) => expect(p.is_video_muted).to.equal(false)],
      ['spotlighton', validateSpotlightonParticipant200, undefined, (p) => expect(p.spotlight).to.be.greaterThan(1e9)],
      ['spotlightoff', validateSpotlightoffParticipant200, undefined, (p) => expect(p.spotlight).to.equal(0)],
      ['denyrxpresentation', validateDenyrxpresentationParticipant200, undefined, (p) => expect(p.rx_presentation_policy).to.equal('DENY')],
      ['allowrxpresentation', validateAllowrxpresentationParticipant200, undefined, (p) => expect(p.rx_presentation_policy).to.equal('ALLOW')],
      ['buzz', validateBuzzParticipant200, undefined, (p) => expect(p.buzz_time).to.be.greaterThan(1e9)],
      ['clearbuzz', validateClearbuzzParticipant200, undefined, (p) => expect(p.buzz_time).to.equal(0)],
      ['dtmf', validateDtmfParticipant200, { digits: '123#' }, () => undefined],
      ['overlaytext', validateOverlaytextParticipant200, { text: 'Speaker' }, (p) => expect(p.overlay_text).to.equal('Speaker')],
      ['role', validateRoleParticipant200, { role: 'chair' }, (p) => expect(p.role).to.equal('chair')],
      ['unlock', validateUnlockParticipant200, undefined, () => undefined],
    ];
    for (const [action, validator, body, check] of steps) {
      const answer = await call('meet', `participants/${uuid}/${action}`, { token: me.token, body });
      expect(answer.status, action).to.equal(200);
      conforms(validator, answer.body, `${action} 200`);
      const participant = await participantOf();
      conforms(validateParticipants200, { status: 'success', result: [participant] }, `participant after ${action}`);
      check(participant!);
    }
    const disconnect = await call('meet', `participants/${uuid}/disconnect`, { token: me.token });
    conforms(validateDisconnectParticipant200, disconnect.body, 'participant disconnect 200');
    expect(await participantOf()).to.equal(undefined);
  });

  it('the participants answer, scripted-style participants included, passes the vendor schema', async () => {
    const me = await join('meet', 'Ann');
    await control('conferences/meet/participants', {
      body: { display_name: 'Phone', protocol: 'sip', is_audio_only_call: 'YES', is_video_call: 'NO' },
    });
    await call('meet', 'dial', { token: me.token, body: { destination: 'sip:room@example.com', protocol: 'auto', role: 'GUEST' } });
    const answer = await call<RawParticipant[]>('meet', 'participants', { method: 'GET', token: me.token });
    conforms(validateParticipants200, answer.body, 'participants 200');
    expect(answer.contentType).to.match(/^application\/json/);
    // All 29 required fields of the vendor Participant are there.
    for (const participant of answer.body.result) expect(Object.keys(participant).length).to.be.at.least(29);
  });
});

describe('simulator: faults', () => {
  it('fail answers the next matching request with the status and reason, count times', async () => {
    const me = await join('meet', 'Ann');
    await setFaults({ fail: { status: 503, reason: 'Busy', match: 'conference_status', count: 2 } });
    const other = await call('meet', 'participants', { method: 'GET', token: me.token });
    expect(other.status).to.equal(200);
    for (let i = 0; i < 2; i++) {
      const failed = await call('meet', 'conference_status', { method: 'GET', token: me.token });
      expect(failed.status).to.equal(503);
      expect(failed.body).to.deep.equal({ status: 'failed', result: 'Busy' });
    }
    expect((await call('meet', 'conference_status', { method: 'GET', token: me.token })).status).to.equal(200);
    await setFaults({ fail: { status: 502 } });
    const any = await call('meet', 'request_token', { body: { display_name: 'X' } });
    expect(any.status).to.equal(502);
    expect(any.body.result).to.equal('502 Bad Gateway');
  });

  it('dropEvents closes the open event streams; the client can reconnect and gets a fresh sync', async () => {
    const me = await join('meet', 'Ann');
    const reader = await events('meet', me.token);
    await sync(reader);
    await setFaults({ dropEvents: true });
    await reader.ended;
    expect(reader.isEnded).to.equal(true);
    const again = await events('meet', me.token);
    const creates = await sync(again);
    expect(creates.map((event) => (event.data as RawParticipant).uuid)).to.include(me.participant_uuid);
  });

  it('slowMs delays every client API answer', async () => {
    const me = await join('meet', 'Ann');
    await setFaults({ slowMs: 300 });
    const start = performance.now();
    const answer = await call('meet', 'conference_status', { method: 'GET', token: me.token });
    expect(answer.status).to.equal(200);
    expect(performance.now() - start).to.be.at.least(280);
    await setFaults({ slowMs: 0 });
    const quick = performance.now();
    await call('meet', 'conference_status', { method: 'GET', token: me.token });
    expect(performance.now() - quick).to.be.below(250);
  });

  it('reset puts the conferences back and clears the faults', async () => {
    const me = await join('meet', 'Ann');
    await call('meet', 'lock', { token: me.token });
    await setFaults({ slowMs: 500, tokenExpiry: 5 });
    await resetSimulator();
    const state = await conferenceState('meet');
    expect(state).to.deep.include({ locked: false, participants: [], messages: [], requests: [] });
    const start = performance.now();
    const joined = await join('meet', 'Ann');
    expect(performance.now() - start).to.be.below(400);
    expect(joined.expires).to.equal('120');
  });
});
