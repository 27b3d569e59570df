import { expect } from '@open-wc/testing';
import { call, control, EventReader, join, resetSimulator, setFaults, type RawParticipant, type SseEvent } from './support/simulator-client.js';

/**
 * The simulator's connection-fault switches on the wire (the connection-fault suite plays them
 * against the real connection): a sync cut midway, every event twice, events out of order, slow
 * answers for one path, tokens expired at once; and what the control API refuses.
 */
beforeEach(() => resetSimulator());

const names = (events: SseEvent[]) => events.map((e) => e.event);
const uuidOf = (e: SseEvent) => (e.data as RawParticipant).uuid;

describe('simulator: connection-fault switches', () => {
  it('dropSyncAfter: the next stream ends after that many participant_create of its sync, once', async () => {
    await control('conferences/meet/roster', { body: { count: 4 } });
    const me = await join('meet', 'Ann');
    await setFaults({ dropSyncAfter: 2 });
    const cut = await EventReader.open('meet', me.token);
    await cut.ended;
    expect(names(cut.events)).to.deep.equal(['participant_sync_begin', 'participant_create', 'participant_create']);
    const whole = await EventReader.open('meet', me.token);
    await whole.take('participant_sync_end');
    expect(names(whole.events).filter((n) => n === 'participant_create')).to.have.length(5);
    whole.close();
  });

  it('duplicateEvents: every event twice, each with its own id; false stops it', async () => {
    const me = await join('meet', 'Ann');
    const reader = await EventReader.open('meet', me.token);
    await reader.take('participant_sync_end');
    await setFaults({ duplicateEvents: true });
    const { uuid } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Bo' } });
    const first = await reader.take('participant_create');
    const second = await reader.take('participant_create');
    expect([uuidOf(first), uuidOf(second)]).to.deep.equal([uuid, uuid]);
    expect(Number(second.id)).to.equal(Number(first.id) + 1);
    await setFaults({ duplicateEvents: false });
    await control(`conferences/meet/participants/${uuid}`, { method: 'DELETE' });
    await reader.take('participant_delete');
    await control('conferences/meet/participants', { body: { display_name: 'Cy' } });
    await reader.waitFor((e) => e.event === 'participant_create' && (e.data as RawParticipant).display_name === 'Cy', 'Cy');
    expect(names(reader.events).filter((n) => n === 'participant_delete')).to.have.length(1);
    reader.close();
  });

  it('disorder: an update before its create; a delete twice, then a stale update', async () => {
    const me = await join('meet', 'Ann');
    const reader = await EventReader.open('meet', me.token);
    await reader.take('participant_sync_end');
    const from = reader.events.length;
    await setFaults({ disorder: true });
    const { uuid } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Bo' } });
    await control(`conferences/meet/participants/${uuid}`, { method: 'DELETE' });
    await reader.waitFor((e) => e.event === 'participant_update' && reader.events.filter((x) => x.event === 'participant_delete').length === 2, 'the stale update');
    const live = reader.events.slice(from);
    expect(names(live)).to.deep.equal(['participant_update', 'participant_create', 'participant_delete', 'participant_delete', 'participant_update']);
    expect(live.map((e) => (e.data as { uuid: string }).uuid)).to.deep.equal([uuid, uuid, uuid, uuid, uuid]);
    reader.close();
  });

  it('slow: delays only the answers whose path matches; null clears', async () => {
    const me = await join('meet', 'Ann');
    await setFaults({ slow: { ms: 300, match: '/lock' } });
    let start = performance.now();
    expect((await call('meet', 'lock', { token: me.token })).status).to.equal(200);
    expect(performance.now() - start).to.be.at.least(290);
    start = performance.now();
    await call('meet', 'unlock', { token: me.token });
    expect(performance.now() - start, 'another path').to.be.below(250);
    await setFaults({ slow: null });
    start = performance.now();
    await call('meet', 'lock', { token: me.token });
    expect(performance.now() - start, 'cleared').to.be.below(250);
  });

  it('expireTokens: calls with a token issued before are refused, and the session ends', async () => {
    const me = await join('meet', 'Ann');
    const reader = await EventReader.open('meet', me.token);
    await reader.take('participant_sync_end');
    await setFaults({ expireTokens: true });
    const refused = await call('meet', 'lock', { token: me.token });
    expect([refused.status, refused.body]).to.deep.equal([403, { status: 'success', result: 'Invalid token' }]);
    expect((await call('meet', 'refresh_token', { token: me.token })).status).to.equal(403);
    const ended = await reader.take('disconnect');
    expect(ended.data).to.deep.equal({ reason: 'Timer expired awaiting token refresh' });
    const later = await join('meet', 'Bo');
    expect((await call('meet', 'lock', { token: later.token })).status, 'a token issued after').to.equal(200);
  });

  it('refuses malformed switches', async () => {
    for (const faults of [{ slow: { ms: -1 } }, { slow: { ms: 5, match: 3 } }, { dropSyncAfter: 1.5 }, { duplicateEvents: 'yes' }, { disorder: 1 }, { expireTokens: 'now' }]) {
      let error: unknown;
      try {
        await setFaults(faults as never);
      } catch (e) {
        error = e;
      }
      expect(String(error), JSON.stringify(faults)).to.match(/: 400 /);
    }
  });
});
