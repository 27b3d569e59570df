import { expect } from '@open-wc/testing';
import { problemTexts, type Diagnostic } from '../src/config/diagnostics.js';
import type { PexCommandDetail } from '../components/events.js';
import { PexRTCCallbacks } from '../src/conference/infinity/pexrtc-callbacks.js';
import type { PexAction } from '../src/conference/types.js';
import { flush, mountHost, mountJoined, participant, type MountedHost } from './support/host-fixture.js';
import { callsOf, menuItems, toolbarButton, until } from './support/menu-helpers.js';
import { conferenceState, control, resetSimulator } from './support/simulator-client.js';

/**
 * window.PEX.pexrtc, the PexRTC facade, with plugins written as webapp2's were
 * (test/fixtures/runtime/pexrtc): found by a walk from window, its fields read live, its
 * methods down the pluginAPI's command path, its missing members reported once, and
 * `new PexRTC()` failing the plugin that calls it alone.
 */
type Controls = {
  pexrtc(method: string, args?: unknown[]): unknown;
  pluginAPI(method: string, args?: unknown[]): unknown;
  field(name: string): unknown;
};
const controls = () => window.pexTest.controls as Controls;
const pexrtcDiagnostics = (mounted: MountedHost) => mounted.diagnostics.filter((d) => /window\.PEX\.pexrtc/.test(d.message));
/** A report waits for its words (a lazy chunk): once they are in and a task has passed, every report made so far is out. */
const reportsOut = async () => {
  await problemTexts();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Every pex-command from now on, answered at once (dialOut with one new uuid). */
function answerCommands(host: HTMLElement): Array<Pick<PexCommandDetail, 'name' | 'args' | 'pluginId'>> {
  const seen: Array<Pick<PexCommandDetail, 'name' | 'args' | 'pluginId'>> = [];
  host.addEventListener('pex-command', (event) => {
    const { name, args, pluginId } = event.detail;
    seen.push({ name, args, pluginId } as Pick<PexCommandDetail, 'name' | 'args' | 'pluginId'>);
    (event.detail.resolve as (value: unknown) => void)(name === 'dialOut' ? ['dialled-1'] : {});
  });
  return seen;
}

describe('window.PEX.pexrtc in app-driven mode', () => {
  async function mounted(): Promise<MountedHost> {
    const result = await mountHost('pexrtc', { settle: false });
    // What the app knows of the call, before the plugins load (they read it in load).
    result.host.callInfo = { node: 'https://node.example.com', conference: 'meet.ann', conferenceName: 'Weekly meeting', displayName: 'Ann', pin: '1234' };
    await result.host.settled;
    return result;
  }

  it('is found by the window walk; node and pin follow host.callInfo; muteAudio(true) asks the app as dispatchAction does', async () => {
    const m = await mounted();
    expect(callsOf('invite-walker', 'load')).to.deep.equal([{ plugin: 'invite-walker', fn: 'load', found: true }]);
    expect(window.PEX.pexrtc.constructor.name).to.equal('PexRTC');
    await flush();

    const asked: unknown[] = [];
    m.host.addEventListener('pex-action', (event) => asked.push(event.detail.action));
    toolbarButton('invite-walker/toolbar/0')!.click();
    expect(callsOf('invite-walker', 'invite')).to.deep.equal([
      { plugin: 'invite-walker', fn: 'invite', node: 'node.example.com', pin: '1234', link: 'https://node.example.com/webapp/m/meet.ann?pin=1234', muted: true },
    ]);
    window.PEX.dispatchAction({ type: '[Conference] Mute Microphone' });
    expect(asked).to.deep.equal([{ type: '[Conference] Mute Microphone' }, { type: '[Conference] Mute Microphone' }]);

    // A view, not a copy: the app's next word is what the plugin reads next.
    m.host.callInfo = { ...m.host.callInfo, node: 'other.example.com', pin: '5678' };
    toolbarButton('invite-walker/toolbar/0')!.click();
    expect(callsOf('invite-walker', 'invite').map((c) => [c.node, c.pin])).to.deep.equal([
      ['node.example.com', '1234'],
      ['other.example.com', '5678'],
    ]);
    // The walk and the reads reported nothing.
    await reportsOut();
    expect(pexrtcDiagnostics(m).filter((d) => d.pluginId === 'invite-walker')).to.deep.equal([]);
  });

  it('gives conference_name to a plugin that builds breakout aliases from it, in load and in its action', async () => {
    const m = await mounted();
    expect(callsOf('breakouts', 'load')).to.deep.equal([{ plugin: 'breakouts', fn: 'load', aliases: ['Weekly meeting breakout 1', 'Weekly meeting breakout 2'] }]);
    m.host.callInfo = { ...m.host.callInfo, conferenceName: 'Board' };
    await flush();
    menuItems('pex-conference-menu').find((item) => item.textContent?.includes('Breakouts'))!.click();
    expect(callsOf('breakouts', 'openBreakouts')).to.deep.equal([
      { plugin: 'breakouts', fn: 'openBreakouts', aliases: ['Board breakout 1', 'Board breakout 2', 'Board breakout 3'] },
    ]);
  });

  it('shows the other fields live: uuid, role, chat_enabled and current_service_type from the host, the rest from callInfo', async () => {
    const m = await mounted();
    const field = (name: string) => controls().field(name);
    expect([field('conference'), field('display_name'), field('uuid'), field('role'), field('chat_enabled'), field('version')]).to.deep.equal([
      'meet.ann', 'Ann', undefined, undefined, true, undefined,
    ]);
    m.host.selfUUID = 'self-1';
    m.host.setAttribute('participant-role', 'guest');
    m.host.conference = { ...m.host.conference, chatEnabled: false };
    m.host.participants = [participant('self-1', { serviceType: 'waiting_room' })];
    await m.host.updateComplete;
    expect([field('uuid'), field('role'), field('chat_enabled'), field('current_service_type')]).to.deep.equal(['self-1', 'GUEST', false, 'waiting_room']);
    m.host.callInfo = { ...m.host.callInfo, role: 'HOST', version: { version_id: '35' } };
    expect([field('role'), field('version')]).to.deep.equal(['HOST', { version_id: '35' }]);
    // JSON.stringify shows the fields as they are now; probes are not reported.
    expect(JSON.parse(JSON.stringify(window.PEX.pexrtc))).to.deep.include({ node: 'node.example.com', pin: '1234', role: 'HOST', uuid: 'self-1' });
    expect(await Promise.resolve(window.PEX.pexrtc)).to.equal(window.PEX.pexrtc);
    expect([typeof window.PEX.pexrtc, String(window.PEX.pexrtc), 'getMediaStatistics' in window.PEX.pexrtc]).to.deep.equal(['object', '[object PexRTC]', false]);
    await reportsOut();
    expect(pexrtcDiagnostics(m).filter((d) => !d.pluginId?.startsWith('media-stats'))).to.deep.equal([]);
  });

  it('carries out its methods as the same pex-command events as the pluginAPI', async () => {
    const m = await mounted();
    m.host.selfUUID = 'self-1';
    const seen = answerCommands(m.host);
    const pairs: Array<[string, unknown[], string, unknown[]]> = [
      ['setParticipantMute', ['u1', true], 'sendRequest', ['participants/u1/mute']],
      ['setParticipantMute', ['u1', false], 'sendRequest', ['participants/u1/unmute']],
      ['setMuteAllGuests', [true], 'sendRequest', ['muteguests']],
      ['setMuteAllGuests', [false], 'sendRequest', ['unmuteguests']],
      ['setConferenceLock', [true], 'sendRequest', ['lock']],
      ['setConferenceLock', [false], 'sendRequest', ['unlock']],
      ['setParticipantSpotlight', ['u1', true], 'spotlightOnParticipant', ['u1']],
      ['setParticipantSpotlight', ['u1', false], 'spotlightOffParticipant', ['u1']],
      ['transformLayout', [{ layout: '4:0' }], 'transformConferenceLayout', [{ layout: '4:0' }]],
      ['setBuzz', [], 'sendRequest', ['participants/self-1/buzz']],
      ['clearBuzz', [], 'sendRequest', ['participants/self-1/clearbuzz']],
      ['clearBuzz', ['u1'], 'sendRequest', ['participants/u1/clearbuzz']],
      ['setRole', ['u1', 'chair'], 'sendRequest', ['participants/u1/role', { role: 'chair' }]],
      ['sendChatMessage', ['Hello'], 'sendChatMessage', ['Hello']],
      ['sendChatMessage', ['Psst', 'u1'], 'sendRequest', ['participants/u1/message', { type: 'text/plain', payload: 'Psst' }]],
      ['dialOut', ['sip:bob@example.com', 'sip', 'GUEST', null, { streaming: false }], 'dialOut', ['sip:bob@example.com', 'sip', 'guest', null, { streaming: false }]],
      ['disconnectParticipant', ['u1'], 'disconnectParticipant', ['u1']],
    ];
    for (const [method, args, apiName, apiArgs] of pairs) {
      await controls().pexrtc(method, args);
      await controls().pluginAPI(apiName, apiArgs);
      const [viaPexRTC, viaPluginAPI] = seen.splice(0);
      expect(viaPexRTC, `${method}(${JSON.stringify(args)})`).to.deep.equal(viaPluginAPI);
      expect(viaPexRTC!.pluginId).to.equal('pexrtc-controls');
    }
    // PexRTC's dialOut callback gets what the pluginAPI's does.
    expect(callsOf('pexrtc-controls').map((c) => [c.fn, c.answer])).to.deep.equal([
      ['pexrtc.dialOut:cb', { result: ['dialled-1'] }],
      ['pluginAPI.dialOut:cb', { result: ['dialled-1'] }],
    ]);
    // The exact commands, for the record.
    await controls().pexrtc('setParticipantMute', ['u2', true]);
    await controls().pexrtc('setRole', ['u2', 'guest']);
    expect(seen).to.deep.equal([
      { name: 'sendRequest', args: { path: 'participants/u2/mute', payload: undefined }, pluginId: 'pexrtc-controls' },
      { name: 'sendRequest', args: { path: 'participants/u2/role', payload: { role: 'guest' } }, pluginId: 'pexrtc-controls' },
    ]);
    // As PexRTC, setRole takes chair or guest only.
    expect(() => controls().pexrtc('setRole', ['u2', 'host'])).to.throw(TypeError, 'the role must be "chair" (host) or "guest"');
    expect(m.errors).to.have.length(1); // the interpreter's, nothing of these
  });

  it('reports a member it does not offer once per plugin and member, by name, and reads it as undefined', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    let m: MountedHost;
    try {
      m = await mounted();
      // A report's words are a chunk fetched when the first one is needed.
      await until(() => pexrtcDiagnostics(m).length === 3, 'three reports');
    } finally {
      console.warn = warn;
    }
    expect(callsOf('media-stats', 'load')).to.deep.equal([
      { plugin: 'media-stats', fn: 'load', first: 'undefined', second: undefined, callback: 'undefined', conference: 'meet.ann' },
    ]);
    const reports = pexrtcDiagnostics(m).map((d: Diagnostic) => ({ pluginId: d.pluginId, severity: d.severity, file: d.file, message: d.message, fix: d.fix }));
    const file = (name: string) => new URL(`/test/fixtures/runtime/pexrtc/plugins/stats/${name}.plugin.js?pexBrandingID=1700000000130`, location.href).href;
    const why = 'this host has no media call of its own (webapp2\'s PexRTC call object is a view of the conference here)';
    const statsFix =
      'Use what window.PEX.pexrtc offers (node, conference, conference_name, display_name, uuid, role, pin, chat_enabled, ' +
      'current_service_type, version and the conference commands) or PEX.pluginAPI; for a media call of the plugin\'s own, ' +
      'load the Conferencing Node\'s pexrtc.js and use new PexRTC().';
    expect(reports).to.have.deep.members([
      {
        pluginId: 'media-stats',
        severity: 'warning',
        file: file('stats'),
        message: `Plugin "media-stats" read window.PEX.pexrtc.getMediaStatistics, which is not offered: ${why}, so it reads as undefined.`,
        fix: statsFix,
      },
      {
        pluginId: 'media-stats',
        severity: 'warning',
        file: file('stats'),
        message:
          `Plugin "media-stats" set window.PEX.pexrtc.onParticipantUpdate, a PexRTC callback: ${why}, so its callbacks are never called; ` +
          'setting one is accepted and ignored, and reading one gives undefined.',
        fix: "Listen for the action instead: PEX.actions$.ofType('PexRTC: participant_update').subscribe(action => ...), with the raw object as action.payload.",
      },
      {
        pluginId: 'media-stats-twin',
        severity: 'warning',
        file: file('twin'),
        message: `Plugin "media-stats-twin" read window.PEX.pexrtc.getMediaStatistics, which is not offered: ${why}, so it reads as undefined.`,
        fix: statsFix,
      },
    ]);
    expect(reports).to.have.length(3);
    // The same reports on the console, once each.
    expect(warnings.filter((w) => w.includes('window.PEX.pexrtc.getMediaStatistics'))).to.have.length(2);
    expect(warnings.filter((w) => w.includes('window.PEX.pexrtc.onParticipantUpdate'))).to.have.length(1);
    // Read again later: no new report.
    expect(controls().field('getMediaStatistics')).to.equal(undefined);
    await until(() => pexrtcDiagnostics(m).length === 4, 'the fourth report');
    expect(pexrtcDiagnostics(m).filter((d) => d.pluginId === 'pexrtc-controls')).to.have.length(1);
    expect(controls().field('getMediaStatistics')).to.equal(undefined);
    await reportsOut();
    expect(pexrtcDiagnostics(m)).to.have.length(4);
  });

  it('fails a plugin that calls new PexRTC() without the node\'s pexrtc.js, alone, naming it and what to load', async () => {
    const m = await mounted();
    expect(m.host.plugins.find((p) => p.id === 'interpreter')?.status).to.equal('failed');
    expect(m.errors.map((e) => [e.id, e.phase])).to.deep.equal([['interpreter', 'load']]);
    expect((m.errors[0]!.error as Error).message).to.equal(
      'Plugin "interpreter" called new PexRTC() for a media call of its own, but this page has not loaded PexRTC (pex-plugin-host has no media call). ' +
        'Fix: load the Conferencing Node\'s PexRTC before the plugins load: <script src="https://node.example.com/static/webrtc/js/pexrtc.js"></script>.',
    );
    const others = m.host.plugins.filter((p) => p.id !== 'interpreter').map((p) => p.status);
    expect(others).to.deep.equal(['loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded']);
    // The global is there for that message, out of the way of a walk over window.
    expect(Object.keys(window)).not.to.include('PexRTC');
  });

  it('leaves the node\'s own PexRTC to the plugins where the page loads pexrtc.js', async () => {
    const m = await mounted();
    const ours = (window as unknown as { PexRTC: unknown }).PexRTC;
    // Compared as booleans: a failing comparison of classes stalls the test runner's reporting.
    expect(typeof ours === 'function' && ours === window.PEX.pexrtc.constructor, 'the global PexRTC is the facade\'s class').to.equal(true);
    const script = document.createElement('script');
    script.src = '/test/fixtures/runtime/pexrtc/node/static/webrtc/js/pexrtc.js';
    try {
      await new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
      expect((window as unknown as { PexRTC: unknown }).PexRTC === ours, 'the node\'s PexRTC replaced the host\'s').to.equal(false);
      expect(await m.host.runtime.loadPlugin('interpreter')).to.equal(true);
      expect(callsOf('interpreter', 'load')).to.deep.equal([
        { plugin: 'interpreter', fn: 'load', made: { node: 'node.example.com', conference: 'meet.ann_interpretation', name: 'Ann', bandwidth: 64, callType: 'audioonly' } },
      ]);
    } finally {
      script.remove();
      // The node's declaration made the global non-configurable; it stays writable.
      (window as unknown as { PexRTC: unknown }).PexRTC = ours;
    }
  });
});

describe('window.PEX.pexrtc in connected mode (the simulator)', () => {
  beforeEach(async () => {
    await resetSimulator();
  });

  it('dispatches PexRTC: participant_update with the raw object, as webapp2 did', async () => {
    await mountJoined('pexrtc');
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });
    await until(() => callsOf('pexrtc-listener', 'participant_create').some((c) => (c.payload as { uuid: string }).uuid === zed), 'participant_create for Zed');

    await controls().pexrtc('setParticipantMute', [zed, true]);
    await until(() => callsOf('pexrtc-listener', 'participant_update').some((c) => (c.payload as { uuid: string }).uuid === zed), 'participant_update for Zed');
    const raw = (await conferenceState('meet')).participants.find((p) => p.uuid === zed)!;
    const update = callsOf('pexrtc-listener', 'participant_update').filter((c) => (c.payload as { uuid: string }).uuid === zed);
    expect(update.map((c) => c.payload)).to.deep.equal([raw]);
    expect(raw).to.include({ display_name: 'Zed', is_muted: 'YES' });

    await control(`conferences/meet/participants/${zed}`, { method: 'DELETE' });
    await until(() => callsOf('pexrtc-listener', 'participant_delete').length > 0, 'participant_delete');
    expect(callsOf('pexrtc-listener', 'participant_delete').map((c) => c.payload)).to.deep.equal([{ uuid: zed }]);
  });

  it('shows the connection\'s call: node, conference, conference_name, display_name, uuid, role, pin, version', async () => {
    await mountJoined('pexrtc', 'secure', '1234');
    const field = (name: string) => controls().field(name);
    const fields = ['node', 'conference', 'conference_name', 'display_name', 'uuid', 'role', 'pin', 'chat_enabled', 'current_service_type', 'version'];
    expect(Object.fromEntries(fields.map((name) => [name, field(name)]))).to.deep.equal({
      node: location.host,
      conference: 'secure',
      conference_name: 'Secure meeting',
      display_name: 'Plugin user',
      uuid: window.PEX.selfUUID,
      role: 'HOST',
      pin: '1234',
      chat_enabled: true,
      current_service_type: 'conference',
      version: { version_id: '36', pseudo_version: '36.0.0-simulator' },
    });
    expect(window.PEX.selfUUID).to.be.a('string');
  });

  it('sends the simulator the requests the pluginAPI sends for the same thing', async () => {
    await mountJoined('pexrtc');
    const { uuid: zed } = await control<{ uuid: string }>('conferences/meet/participants', { body: { display_name: 'Zed' } });
    const self = window.PEX.selfUUID!;
    const requestsSince = async (count: number) =>
      (await conferenceState('meet')).requests.slice(count).filter((r) => r.method === 'POST').map((r) => ({ path: r.path.replace('/api/client/v2/conferences/meet/', ''), body: r.body }));
    const pairs: Array<[string, unknown[], string, unknown[]]> = [
      ['setConferenceLock', [true], 'sendRequest', ['lock']],
      ['setMuteAllGuests', [true], 'sendRequest', ['muteguests']],
      ['setParticipantSpotlight', [zed, true], 'spotlightOnParticipant', [zed]],
      ['setBuzz', [], 'sendRequest', [`participants/${self}/buzz`]],
      ['setRole', [zed, 'chair'], 'sendRequest', [`participants/${zed}/role`, { role: 'chair' }]],
      ['transformLayout', [{ layout: '1:7' }], 'transformConferenceLayout', [{ layout: '1:7' }]],
    ];
    for (const [method, args, apiName, apiArgs] of pairs) {
      let count = (await conferenceState('meet')).requests.length;
      await controls().pexrtc(method, args);
      const viaPexRTC = await requestsSince(count);
      count = (await conferenceState('meet')).requests.length;
      await controls().pluginAPI(apiName, apiArgs);
      expect(viaPexRTC, method).to.deep.equal(await requestsSince(count));
      expect(viaPexRTC, method).to.have.length(1);
    }
    const state = await conferenceState('meet');
    expect(state.locked).to.equal(true);
    expect(state.participants.find((p) => p.uuid === zed)?.role).to.equal('chair');
    expect(state.participants.find((p) => p.uuid === self)?.buzz_time).to.be.above(0);
  });
});

describe('PexRTC\'s callbacks as actions, with PexRTC\'s timing', () => {
  it('says nothing during a participant sync, then creates the new, updates the known and deletes the gone', () => {
    const seen: PexAction[] = [];
    const callbacks = new PexRTCCallbacks((action) => seen.push(action));
    callbacks.participant('participant_create', { uuid: 'a', display_name: 'Ann' });
    callbacks.participant('participant_update', { uuid: 'a', display_name: 'Ann B' });
    expect(seen.splice(0)).to.deep.equal([
      { type: 'PexRTC: participant_create', payload: { uuid: 'a', display_name: 'Ann' } },
      { type: 'PexRTC: participant_update', payload: { uuid: 'a', display_name: 'Ann B' } },
    ]);

    // A resync after a drop: Ann is still there, Bob joined, Cy came and went, Dee (known) left.
    callbacks.syncBegin(['a', 'd']);
    callbacks.participant('participant_create', { uuid: 'a', display_name: 'Ann B' });
    callbacks.participant('participant_create', { uuid: 'b', display_name: 'Bob' });
    callbacks.participant('participant_create', { uuid: 'c', display_name: 'Cy' });
    callbacks.participantDelete({ uuid: 'c' });
    expect(seen).to.deep.equal([]);
    callbacks.syncEnd();
    expect(seen.splice(0)).to.deep.equal([
      { type: 'PexRTC: participant_update', payload: { uuid: 'a', display_name: 'Ann B' } },
      { type: 'PexRTC: participant_create', payload: { uuid: 'b', display_name: 'Bob' } },
      { type: 'PexRTC: participant_delete', payload: { uuid: 'd' } },
    ]);

    callbacks.participantDelete({ uuid: 'b' });
    callbacks.conferenceUpdate({ locked: true, guests_muted: false, started: true });
    callbacks.chatMessage({ origin: 'Ann', uuid: 'a', type: 'text/plain', payload: 'hi' });
    expect(seen.map((a) => a.type)).to.deep.equal(['PexRTC: participant_delete', 'PexRTC: conference_update', 'PexRTC: chat_message']);
  });
});
