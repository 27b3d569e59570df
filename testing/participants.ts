import type { Participant } from '../components/index.js';

/**
 * A participant with every property of the plugin guide, for app-driven tests:
 * `participant({uuid: 'p1', name: 'Alice', role: 'chair'})`. What is not given gets a plain
 * default (a guest on WebRTC video, not muted, not presenting, no raised hand).
 */
export function participant(fields: Partial<Participant> & { uuid: string }): Participant {
  return {
    name: `Participant ${fields.uuid}`,
    role: 'guest',
    uri: `sip:${fields.uuid}@example.com`,
    startTime: 1700000000,
    protocol: 'webrtc',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: false,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: 0,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
    ...fields,
  };
}
