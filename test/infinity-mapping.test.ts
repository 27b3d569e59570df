import { expect } from '@open-wc/testing';
import {
  applyConferenceStatus,
  conferenceFromToken,
  dialRole,
  mapParticipant,
  mediaTypeFromCallType,
  participantName,
  roleFromJoinRole,
} from '../src/conference/infinity/mapping.js';
import type { RawParticipant } from '../src/conference/infinity/raw-types.js';
import { Roster } from '../src/conference/infinity/roster.js';
import { SseParser, readEventStream, type SseEvent } from '../src/conference/infinity/sse.js';
import { dialBody } from '../src/conference/infinity/execute.js';
import { RequestPathError, conferenceRequestPath, conferenceRequestUrl } from '../src/conference/request-path.js';
import { answerReason, conferenceBase } from '../src/conference/infinity/rest.js';
import { fullJitterDelay } from '../src/conference/infinity/retry.js';
import { DEFAULT_CONFERENCE_DETAILS, type Participant } from '../src/conference/types.js';

/** A raw participant with every field the vendor schema requires. */
function raw(overrides: Partial<RawParticipant> = {}): RawParticipant {
  return {
    uuid: 'u-1',
    display_name: 'Alice',
    uri: 'sip:alice@example.com',
    role: 'chair',
    service_type: 'conference',
    protocol: 'sip',
    start_time: 1_700_000_000,
    is_external: false,
    is_streaming_conference: false,
    is_presenting: 'NO',
    is_muted: 'NO',
    is_video_muted: false,
    disconnect_supported: 'YES',
    transfer_supported: 'YES',
    mute_supported: 'YES',
    fecc_supported: 'NO',
    rx_presentation_policy: 'ALLOW',
    is_audio_only_call: 'NO',
    is_video_call: 'YES',
    spotlight: 0,
    buzz_time: 0,
    call_direction: 'in',
    encryption: 'On',
    external_node_uuid: '',
    has_media: true,
    is_video_silent: false,
    local_alias: 'meet',
    overlay_text: 'Alice',
    supports_direct_chat: true,
    can_receive_personal_mix: false,
    receive_from_video_mix: { mix_name: 'main', timestamp: 0 },
    ...overrides,
  };
}

describe('Infinity mapping: raw participant → the guide', () => {
  it('maps every documented property', () => {
    const p = mapParticipant(raw(), { vad: 100, stageIndex: 0 });
    expect(p).to.deep.equal({
      uuid: 'u-1',
      name: 'Alice',
      role: 'chair',
      uri: 'sip:alice@example.com',
      startTime: 1_700_000_000,
      protocol: 'sip',
      isExternal: false,
      presenting: false,
      muted: false,
      canControl: true,
      canDisconnect: true,
      canTransfer: true,
      canMute: true,
      serviceType: 'conference',
      callType: 'video',
      spotlight: 0,
      isStreaming: false,
      vad: 100,
      stageIndex: 0,
      rxPresentation: true,
      feccSupported: false,
      buzzTime: 0,
      isVideoMuted: false,
    } satisfies Participant);
  });

  it("turns 'YES'/'NO' into booleans and keeps is_video_muted's boolean", () => {
    const p = mapParticipant(
      raw({
        is_presenting: 'YES',
        is_muted: 'YES',
        is_video_muted: true,
        disconnect_supported: 'NO',
        transfer_supported: 'NO',
        mute_supported: 'NO',
        fecc_supported: 'YES',
        is_external: true,
        is_streaming_conference: true,
        rx_presentation_policy: 'DENY',
      }),
    );
    expect(p.presenting).to.be.true;
    expect(p.muted).to.be.true;
    expect(p.isVideoMuted).to.be.true;
    expect(p.canDisconnect).to.be.false;
    expect(p.canTransfer).to.be.false;
    expect(p.canMute).to.be.false;
    expect(p.feccSupported).to.be.true;
    expect(p.isExternal).to.be.true;
    expect(p.isStreaming).to.be.true;
    expect(p.rxPresentation).to.be.false;
  });

  it('names a participant by display_name, else by the uri without sip:', () => {
    expect(participantName(raw({ display_name: '' }))).to.equal('alice@example.com');
    expect(participantName(raw({ display_name: undefined, uri: 'sips:bob@example.com' }))).to.equal('bob@example.com');
    expect(participantName(raw({ display_name: '  ', uri: undefined }))).to.equal('');
  });

  it('derives callType from is_audio_only_call and is_video_call', () => {
    expect(mapParticipant(raw({ is_audio_only_call: 'YES', is_video_call: 'NO' })).callType).to.equal('audio');
    expect(mapParticipant(raw({ is_audio_only_call: 'NO', is_video_call: 'YES' })).callType).to.equal('video');
    expect(mapParticipant(raw({ is_audio_only_call: 'NO', is_video_call: 'NO' })).callType).to.equal('api');
  });

  it('gives canControl to chairs in a VMR or an auditorium only', () => {
    expect(mapParticipant(raw({ role: 'chair', service_type: 'lecture' })).canControl).to.be.true;
    expect(mapParticipant(raw({ role: 'guest', service_type: 'conference' })).canControl).to.be.false;
    expect(mapParticipant(raw({ role: 'chair', service_type: 'gateway' })).canControl).to.be.false;
    expect(mapParticipant(raw({ role: 'chair', service_type: undefined })).canControl).to.be.false;
  });

  it('keeps timestamps in Unix seconds and fills optional fields', () => {
    const p = mapParticipant(raw({ spotlight: 1_700_000_100, buzz_time: 1_700_000_200, uri: undefined, service_type: undefined, protocol: '' }));
    expect(p.spotlight).to.equal(1_700_000_100);
    expect(p.buzzTime).to.equal(1_700_000_200);
    expect(p.uri).to.equal('');
    expect(p.serviceType).to.equal('');
    expect(p.protocol).to.equal('');
    expect(p.vad).to.equal(0);
    expect(p.stageIndex).to.equal(-1);
  });
});

describe('Infinity mapping: conference and roles', () => {
  it("maps call_type to mediaType: video → video, audio → audioonly, video-only → video", () => {
    expect(mediaTypeFromCallType('video')).to.equal('video');
    expect(mediaTypeFromCallType('audio')).to.equal('audioonly');
    expect(mediaTypeFromCallType('video-only')).to.equal('video');
    expect(mediaTypeFromCallType(undefined)).to.equal('video');
    expect(conferenceFromToken({ chat_enabled: false, call_type: 'audio' })).to.deep.equal({ chatEnabled: false, mediaType: 'audioonly' });
    expect(conferenceFromToken({})).to.deep.equal({ chatEnabled: true, mediaType: 'video' });
  });

  it('applies conference_status / conference_update, keeping what the event leaves out', () => {
    const base = { ...DEFAULT_CONFERENCE_DETAILS };
    const a = applyConferenceStatus(base, { locked: true, guests_muted: true, started: true });
    expect(a).to.include({ locked: true, guestsMuted: true, started: true });
    const b = applyConferenceStatus(a, { locked: false });
    expect(b).to.include({ locked: false, guestsMuted: true, started: true });
    expect(base.locked).to.be.false;
  });

  it('maps roles in each spelling', () => {
    expect(roleFromJoinRole('HOST')).to.equal('chair');
    expect(roleFromJoinRole('GUEST')).to.equal('guest');
    expect(dialRole('host')).to.equal('HOST');
    expect(dialRole('chair')).to.equal('HOST');
    expect(dialRole('HOST')).to.equal('HOST');
    expect(dialRole('guest')).to.equal('GUEST');
    expect(dialRole(undefined)).to.equal('GUEST');
  });

  it("builds dial's body: streaming 'yes' when asked or for rtmp", () => {
    expect(dialBody({ alias: 'sip:x@y', protocol: 'sip', role: 'guest', options: {} })).to.deep.equal({
      destination: 'sip:x@y',
      protocol: 'sip',
      role: 'GUEST',
      streaming: 'no',
    });
    expect(dialBody({ alias: 'rtmp://s/k', protocol: 'rtmp', role: 'host', options: {} }).streaming).to.equal('yes');
    expect(dialBody({ alias: 'a', protocol: 'auto', role: 'chair', options: { streaming: true } })).to.include({ streaming: 'yes', role: 'HOST' });
  });

  it('confines sendRequest paths and builds the conference base', () => {
    expect(conferenceRequestPath('/participants/u/mute')).to.equal('participants/u/mute');
    expect(conferenceRequestPath('lock')).to.equal('lock');
    expect(() => conferenceRequestPath('../other/lock')).to.throw(RequestPathError, 'sendRequest("../other/lock"): the segment ".." is made of dots');
    expect(() => conferenceRequestPath('https://evil.example/x')).to.throw(RequestPathError, 'absolute and protocol-relative URLs are not allowed');
    expect(conferenceRequestUrl('https://node.example/api/client/v2/conferences/meet', 'participants/u/mute')).to.equal(
      'https://node.example/api/client/v2/conferences/meet/participants/u/mute',
    );
    expect(conferenceBase('https://node.example/', 'a b')).to.equal('https://node.example/api/client/v2/conferences/a%20b');
    expect(conferenceBase('', 'meet')).to.equal('/api/client/v2/conferences/meet');
  });

  it('draws each wait below the doubling ceiling (full jitter), whatever the random source gives', () => {
    const at = (r: number) => (attempt: number) => fullJitterDelay(attempt, 250, () => r, 8000);
    expect([0, 1, 2, 3, 4, 5, 6, 9].map(at(0.5))).to.deep.equal([125, 250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect([0, 3, 9].map(at(0))).to.deep.equal([0, 0, 0]);
    // A source outside [0, 1) is held to the range: never negative, never above the ceiling.
    expect([at(-3)(2), at(7)(2), at(Number.NaN)(2)]).to.deep.equal([0, 1000, 0]);
  });

  it("reads the server's reason from any error body", () => {
    expect(answerReason({ json: { status: 'failed', result: 'Not allowed' }, text: '' })).to.equal('Not allowed');
    expect(answerReason({ json: undefined, text: 'Bad Gateway\n' })).to.equal('Bad Gateway');
    expect(answerReason({ json: undefined, text: '<html>…</html>' })).to.equal(undefined);
    expect(answerReason({ json: { status: 'failed', result: { x: 1 } }, text: '' })).to.equal(undefined);
  });
});

describe('SSE parser', () => {
  function parse(chunks: string[]): SseEvent[] {
    const events: SseEvent[] = [];
    const parser = new SseParser((e) => events.push(e));
    for (const chunk of chunks) parser.feed(chunk);
    parser.end();
    return events;
  }

  it('parses events, data, ids and comments', () => {
    const events = parse([': hello\n\nevent: stage\ndata: [1]\nid: 7\n\ndata: plain\n\n']);
    expect(events).to.deep.equal([
      { type: 'stage', data: '[1]', lastEventId: '7' },
      { type: 'message', data: 'plain', lastEventId: '7' },
    ]);
  });

  it('joins multi-line data and strips one leading space only', () => {
    const events = parse(['data:  a\ndata:b\n\n']);
    expect(events).to.deep.equal([{ type: 'message', data: ' a\nb', lastEventId: '' }]);
  });

  it('handles \\r\\n and \\r line ends, split across chunks anywhere', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\revent: c\ndata: 3\n\n';
    const whole = parse([text]);
    expect(whole.map((e) => `${e.type}=${e.data}`)).to.deep.equal(['a=1', 'b=2', 'c=3']);
    for (let cut = 1; cut < text.length; cut++) {
      const split = parse([text.slice(0, cut), text.slice(cut)]);
      expect(split, `cut at ${cut}`).to.deep.equal(whole);
    }
    const byChar = parse([...text]);
    expect(byChar).to.deep.equal(whole);
  });

  it('ignores a leading BOM, events without data, and a last event without its blank line', () => {
    const events = parse(['\uFEFFevent: x\n\nevent: y\ndata: 1\n\nevent: z\ndata: 2']);
    expect(events).to.deep.equal([{ type: 'y', data: '1', lastEventId: '' }]);
  });

  it('reads the retry field', () => {
    const parser = new SseParser(() => undefined);
    parser.feed('retry: 1500\n\n');
    expect(parser.retry).to.equal(1500);
  });

  it('reads a byte stream, UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('event: message_received\ndata: {"payload":"héllo ✓"}\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readEventStream(stream, (e) => events.push(e));
    expect(events).to.have.length(1);
    expect(JSON.parse(events[0].data)).to.deep.equal({ payload: 'héllo ✓' });
  });
});

describe('Roster', () => {
  function roster(): { roster: Roster; emissions: (readonly Participant[])[] } {
    const emissions: (readonly Participant[])[] = [];
    return { roster: new Roster((p) => emissions.push(p)), emissions };
  }
  const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  it('emits a sync once, at its end, even across tasks', async () => {
    const { roster: r, emissions } = roster();
    r.syncBegin();
    for (let i = 0; i < 500; i++) r.upsert(raw({ uuid: `p${i}` }));
    await tick();
    for (let i = 500; i < 1000; i++) r.upsert(raw({ uuid: `p${i}` }));
    await tick();
    expect(emissions).to.have.length(0);
    r.syncEnd();
    await tick();
    expect(emissions).to.have.length(1);
    expect(emissions[0]).to.have.length(1000);
  });

  it('coalesces a burst of live changes in one task into one emission', async () => {
    const { roster: r, emissions } = roster();
    r.syncBegin();
    r.syncEnd();
    await tick();
    emissions.length = 0;
    for (let i = 0; i < 100; i++) r.upsert(raw({ uuid: `p${i}` }));
    for (let i = 0; i < 100; i++) r.upsert(raw({ uuid: `p${i}`, is_muted: 'YES' }));
    r.remove('p0');
    await tick();
    expect(emissions).to.have.length(1);
    expect(emissions[0]).to.have.length(99);
    expect(emissions[0].every((p) => p.muted)).to.be.true;
  });

  it('reports live changes but not sync ones', () => {
    const { roster: r } = roster();
    r.syncBegin();
    expect(r.upsert(raw({ uuid: 'a' }))).to.equal(undefined);
    r.syncEnd();
    expect(r.upsert(raw({ uuid: 'b' }))?.kind).to.equal('create');
    const update = r.upsert(raw({ uuid: 'b', buzz_time: 5 }));
    expect(update?.kind).to.equal('update');
    expect(update && update.kind === 'update' && update.previous.buzzTime).to.equal(0);
    expect(r.remove('b')?.kind).to.equal('delete');
    expect(r.remove('nobody')).to.equal(undefined);
  });

  it('builds each list right through changes in place, joins, departures and syncs, whatever was done to the lists it emitted', async () => {
    const { roster: r, emissions } = roster();
    const uuids = (list: readonly Participant[]) => list.map((p) => p.uuid);
    r.syncBegin();
    for (const uuid of ['a', 'b', 'c', 'd']) r.upsert(raw({ uuid }));
    r.syncEnd();
    await tick();
    // An app that sorts or empties what it was given in place must not change the next list.
    (emissions[0] as Participant[]).reverse();
    r.upsert(raw({ uuid: 'c', is_muted: 'YES' }));
    await tick();
    expect(uuids(emissions[1])).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(emissions[1].map((p) => p.muted)).to.deep.equal([false, false, true, false]);
    (emissions[1] as Participant[]).length = 0;
    r.setStage([{ participant_uuid: 'b', stage_index: 0, vad: 100 }]);
    await tick();
    expect(uuids(emissions[2])).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(emissions[2].map((p) => p.stageIndex)).to.deep.equal([-1, 0, -1, -1]);
    expect(emissions[2][2].muted, 'the change before stays').to.be.true;
    r.remove('a');
    r.upsert(raw({ uuid: 'd', is_muted: 'YES' }));
    await tick();
    expect(uuids(emissions[3])).to.deep.equal(['b', 'c', 'd']);
    expect(emissions[3].map((p) => p.muted)).to.deep.equal([false, true, true]);
    r.upsert(raw({ uuid: 'e' }));
    r.setStage([{ participant_uuid: 'e', stage_index: 0, vad: 100 }]);
    await tick();
    expect(uuids(emissions[4])).to.deep.equal(['b', 'c', 'd', 'e']);
    expect(emissions[4].map((p) => p.stageIndex)).to.deep.equal([-1, -1, -1, 0]);
    r.syncBegin();
    for (const uuid of ['d', 'b']) r.upsert(raw({ uuid }));
    r.syncEnd();
    r.upsert(raw({ uuid: 'b', is_muted: 'YES' }));
    await tick();
    expect(uuids(emissions[5])).to.deep.equal(['d', 'b']);
    expect(emissions[5].map((p) => p.muted)).to.deep.equal([false, true]);
    expect(uuids(r.participants)).to.deep.equal(['d', 'b']);
    expect(r.participants, 'each read a list of its own').to.not.equal(r.participants);
    expect(emissions).to.have.length(6);
  });

  it('a resync replaces the roster: no duplicates, the departed gone', async () => {
    const { roster: r, emissions } = roster();
    r.syncBegin();
    for (const uuid of ['a', 'b', 'c']) r.upsert(raw({ uuid }));
    r.syncEnd();
    r.syncBegin();
    for (const uuid of ['a', 'c', 'd']) r.upsert(raw({ uuid }));
    r.syncEnd();
    await tick();
    expect(emissions).to.have.length(1);
    expect(emissions[0].map((p) => p.uuid)).to.deep.equal(['a', 'c', 'd']);
  });

  it('applies the stage: vad and stageIndex, -1 and 0 off the stage', async () => {
    const { roster: r, emissions } = roster();
    r.syncBegin();
    for (const uuid of ['a', 'b']) r.upsert(raw({ uuid }));
    r.syncEnd();
    await tick();
    r.setStage([
      { participant_uuid: 'b', stage_index: 0, vad: 100 },
      { participant_uuid: 'a', stage_index: 1, vad: 0 },
    ]);
    await tick();
    const last = emissions.at(-1)!;
    expect(last.find((p) => p.uuid === 'b')).to.include({ vad: 100, stageIndex: 0 });
    expect(last.find((p) => p.uuid === 'a')).to.include({ vad: 0, stageIndex: 1 });
    r.setStage([{ participant_uuid: 'a', stage_index: 0, vad: 100 }]);
    await tick();
    expect(emissions.at(-1)!.find((p) => p.uuid === 'b')).to.include({ vad: 0, stageIndex: -1 });
    // An update keeps the stage position.
    r.upsert(raw({ uuid: 'a', is_muted: 'YES' }));
    await tick();
    expect(emissions.at(-1)!.find((p) => p.uuid === 'a')).to.include({ vad: 100, stageIndex: 0, muted: true });
    const count = emissions.length;
    r.setStage([{ participant_uuid: 'a', stage_index: 0, vad: 100 }]);
    await tick();
    expect(emissions.length, 'an unchanged stage emits nothing').to.equal(count);
  });

  it('keeps the stage across joins and syncs: before a create, during a sync, off it during a sync', async () => {
    const { roster: r, emissions } = roster();
    r.syncBegin();
    for (const uuid of ['a', 'b']) r.upsert(raw({ uuid }));
    r.syncEnd();
    // On the stage before the node said who they are.
    r.setStage([{ participant_uuid: 'c', stage_index: 0, vad: 100 }]);
    r.upsert(raw({ uuid: 'c' }));
    await tick();
    expect(emissions.at(-1)!.find((p) => p.uuid === 'c')).to.include({ vad: 100, stageIndex: 0 });
    const untouched = emissions.at(-1)!.find((p) => p.uuid === 'a');
    r.setStage([{ participant_uuid: 'b', stage_index: 0, vad: 100 }]);
    await tick();
    expect(emissions.at(-1)!.find((p) => p.uuid === 'a'), 'off the stage before and after: the same object').to.equal(untouched);
    expect(emissions.at(-1)!.find((p) => p.uuid === 'c')).to.include({ vad: 0, stageIndex: -1 });
    const count = emissions.length;
    r.syncBegin();
    for (const uuid of ['a', 'b', 'c']) r.upsert(raw({ uuid }));
    // Stage events while the sync is in: b leaves the stage, a takes it.
    r.setStage([{ participant_uuid: 'a', stage_index: 0, vad: 100 }]);
    await tick();
    expect(emissions.length, 'nothing before the sync ends').to.equal(count);
    r.syncEnd();
    await tick();
    const synced = emissions.at(-1)!;
    expect(synced.find((p) => p.uuid === 'a')).to.include({ vad: 100, stageIndex: 0 });
    expect(synced.find((p) => p.uuid === 'b')).to.include({ vad: 0, stageIndex: -1 });
    expect(synced.find((p) => p.uuid === 'c')).to.include({ vad: 0, stageIndex: -1 });
  });
});
