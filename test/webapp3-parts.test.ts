import { expect } from '@open-wc/testing';
import type { InfinityParticipant } from '@pexip/plugin-api';
import { FrameChannels } from '../src/webapp3/channel.js';
import { FrameHandshake, type HandshakeMeta } from '../src/webapp3/handshake.js';
import { rawFromParticipant, toConferenceStatus, toInfinityParticipant } from '../src/webapp3/participant-form.js';
import { RpcRouter } from '../src/webapp3/rpc-router.js';
import { DEFAULT_CONFERENCE_DETAILS, type Participant } from '../src/conference/types.js';
import { fixtureUrl, probeCall, Reports, until } from './support/webapp3-harness.js';

const bob: Participant = {
  uuid: 'u-2',
  name: 'Bob',
  role: 'chair',
  uri: 'sip:bob@example.com',
  startTime: 1_700_000_000,
  protocol: 'sip',
  isExternal: true,
  presenting: true,
  muted: true,
  canControl: true,
  canDisconnect: true,
  canTransfer: false,
  canMute: true,
  serviceType: 'conference',
  callType: 'audio',
  spotlight: 1_700_000_100,
  isStreaming: false,
  vad: 100,
  stageIndex: 0,
  rxPresentation: false,
  feccSupported: true,
  buzzTime: 1_700_000_200,
  isVideoMuted: true,
};

/** Every field the package's InfinityParticipant lists: the compiler holds this to the type. */
const FIELDS: Record<keyof InfinityParticipant, true> = {
  callType: true, canControl: true, canChangeLayout: true, canDisconnect: true, canMute: true, canTransfer: true, canFecc: true,
  canRaiseHand: true, canSpotlight: true, displayName: true, overlayText: true, handRaisedTime: true, isCameraMuted: true,
  isConjoined: true, isEndpoint: true, isExternal: true, isIdpAuthenticated: true, isGateway: true, isHost: true,
  isMainVideoDroppedOut: true, isMuted: true, isClientMuted: true, isPresenting: true, isSpotlight: true, isStreaming: true,
  isTransferring: true, isVideoSilent: true, isWaiting: true, needsPresentationInMix: true, protocol: true, raisedHand: true,
  role: true, rxPresentation: true, serviceType: true, spotlightOrder: true, startAt: true, startTime: true, uri: true,
  uuid: true, vendor: true, canReceivePersonalMix: true, receiveFromVideoMix: true, rawData: true,
};

describe('Web App 3: participants in the package\'s form', () => {
  it('fills every field InfinityParticipant lists, from webapp2\'s form and the raw object', () => {
    const raw = { ...rawFromParticipant(bob), overlay_text: 'Bob (room)', vendor: 'Cisco', is_conjoined: true, is_client_muted: true, is_video_silent: true };
    const form = toInfinityParticipant(bob, raw);
    expect(Object.keys(form).sort()).to.deep.equal(Object.keys(FIELDS).sort());
    expect(form.rawData).to.equal(raw);
    expect(form.startAt).to.be.instanceOf(Date);
    expect(form.startAt.getTime()).to.equal(1_700_000_000_000);
    expect(form).to.deep.include({
      uuid: 'u-2', displayName: 'Bob', role: 'chair', isHost: true, canChangeLayout: true, callType: 'audio', isMuted: true,
      isCameraMuted: true, isPresenting: true, isSpotlight: true, spotlightOrder: 1_700_000_100, raisedHand: true,
      handRaisedTime: 1_700_000_200, canFecc: true, canTransfer: false, isEndpoint: true, isExternal: true, rxPresentation: false,
      overlayText: 'Bob (room)', vendor: 'Cisco', isConjoined: true, isClientMuted: true, isVideoSilent: true, isWaiting: false,
    });
  });

  it('writes the raw object back from webapp2\'s form when the conference keeps none', () => {
    const form = toInfinityParticipant({ ...bob, spotlight: 0, buzzTime: 0, serviceType: 'waiting_room' });
    expect(form.rawData).to.deep.include({ uuid: 'u-2', display_name: 'Bob', is_muted: 'YES', is_audio_only_call: 'YES', spotlight: 0, service_type: 'waiting_room' });
    expect(form).to.deep.include({ isSpotlight: false, raisedHand: false, isWaiting: true, canRaiseHand: false, overlayText: 'Bob' });
  });

  it('gives the conference status with its raw data', () => {
    const status = toConferenceStatus({ ...DEFAULT_CONFERENCE_DETAILS, locked: true, guestsMuted: true, started: true }, { guests_can_unmute: false });
    expect(status).to.deep.include({ locked: true, guestsMuted: true, started: true, breakout: false, breakoutRooms: false, guestsCanUnmute: false });
    expect(status.rawData).to.deep.include({ locked: true, guests_muted: true, started: true, guests_can_unmute: false });
  });
});

describe('Web App 3: a widget\'s handshake', () => {
  it('answers syn:widget with {ack: true}: registerWidget resolves in the widget page', async () => {
    const reports = new Reports();
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.src = fixtureUrl('probe/index.html?id=parent-plugin&widget=1');
    document.body.append(frame);
    const channels = new FrameChannels();
    let meta: HandshakeMeta | undefined;
    const handshake = new FrameHandshake({
      pluginId: 'parent-plugin',
      frame,
      kind: 'widget',
      router: new RpcRouter({ 'conference:lock': () => ({ served: true }) }),
      onReady: (received) => (meta = received),
      onTimeout: () => {},
    });
    channels.register(handshake);
    try {
      await until(() => reports.of('parent-plugin', 'registered').length === 1, 'registerWidget to resolve');
      expect(meta).to.deep.equal({ parentPluginId: 'parent-plugin', id: 'parent-plugin', version: 0 });
      const outcome = await probeCall(reports, frame, 'parent-plugin', { path: 'conference.lock', payload: { lock: true } });
      expect(outcome.value).to.deep.equal({ served: true });
    } finally {
      handshake.close();
      channels.unregister(handshake);
      frame.remove();
      reports.dispose();
    }
    expect(channels.listening).to.equal(false);
  });
});
