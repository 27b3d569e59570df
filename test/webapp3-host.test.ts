import { expect } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import { CommandError, type PluginCommand } from '../src/conference/commands.js';
import { ConferenceStore } from '../src/conference/conference-store.js';
import type { Participant } from '../src/conference/types.js';
import { Webapp3Host, type RpcHandlers, type Webapp3HostOptions, type Webapp3StatusChange } from '../src/webapp3/index.js';
import { participant as kitParticipant } from '../testing/participants.js';
import { callReached, countWindowReads, fixtureUrl, frameOf, probeCall, Reports, until } from './support/webapp3-harness.js';

/** The testing kit's participant, with the uri and stage these tests read. */
function participant(uuid: string, name: string, overrides: Partial<Participant> = {}): Participant {
  return kitParticipant({ uuid, name, uri: `sip:${name.toLowerCase()}@example.com`, stageIndex: -1, ...overrides });
}

const probe = (id: string, query = '') => ({ id, src: fixtureUrl(`probe/index.html?id=${id}${query}`) });

describe('Web App 3 host: the parent side of @pexip/plugin-api', () => {
  let container: HTMLElement;
  let reports: Reports;
  let host: Webapp3Host | undefined;
  let commands: { command: PluginCommand; pluginId: string }[];
  let answer: (command: PluginCommand) => Promise<unknown>;
  let statuses: Webapp3StatusChange[];
  let store: ConferenceStore;
  let self$: BehaviorSubject<string | undefined>;

  const makeHost = (options: Partial<Webapp3HostOptions> = {}) => {
    host = new Webapp3Host({
      container,
      execute: (command, pluginId) => {
        commands.push({ command, pluginId });
        return answer(command);
      },
      conference: { participants$: store.participants$, conference$: store.conference$, selfUuid$: self$ },
      onStatus: (change) => statuses.push(change),
      ...options,
    });
    return host;
  };

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    reports = new Reports();
    commands = [];
    statuses = [];
    answer = async () => true;
    store = new ConferenceStore();
    store.setParticipants([participant('u-1', 'Alice', { role: 'chair', canControl: true }), participant('u-2', 'Bob')]);
    store.setConference({ locked: true, started: true });
    self$ = new BehaviorSubject<string | undefined>('u-1');
  });

  afterEach(() => {
    host?.dispose();
    host = undefined;
    reports.dispose();
    container.remove();
  });

  it('creates every frame in one insertion, hidden, titled and sandboxed with allow-scripts plus the allowed values', () => {
    makeHost();
    const observer = new MutationObserver(() => {});
    observer.observe(container, { childList: true });
    host!.load([probe('a'), { ...probe('b'), sandboxValues: ['allow-same-origin', 'allow-popups', 'allow-scripts'] }, probe('c')]);
    const records = observer.takeRecords();
    observer.disconnect();
    expect(records.length).to.equal(1);
    expect(records[0].addedNodes.length).to.equal(3);
    const b = frameOf(container, 'b');
    expect(b.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-popups');
    expect(frameOf(container, 'a').getAttribute('sandbox')).to.equal('allow-scripts');
    expect(b.title).to.equal('Plugin b');
    expect(b.hidden).to.equal(true);
  });

  it('refuses a dangerous or unknown sandbox value with a problem naming the plugin, the value and the fix; the others load', async () => {
    makeHost();
    const [bad, unknown, good] = host!.load([
      { ...probe('nav'), sandboxValues: ['allow-top-navigation'] },
      { ...probe('typo'), sandboxValues: ['allow-popup'] },
      probe('good'),
    ]);
    expect(bad.status).to.equal('failed');
    expect(bad.problem?.message).to.equal(
      'Web App 3 plugin "nav": sandboxValues asks for "allow-top-navigation", which this host refuses: it would let the plugin navigate the whole app away from the call. ' +
        'Fix: remove "allow-top-navigation" from the plugin\'s sandboxValues in manifest.json (allowed: allow-same-origin, allow-popups, allow-popups-to-escape-sandbox, allow-forms, allow-modals, allow-downloads).',
    );
    expect(unknown.problem?.message).to.contain('"allow-popup", which this host does not know');
    expect(container.querySelectorAll('iframe').length).to.equal(1);
    await good.ready;
    expect(statuses.filter((s) => s.status === 'failed').map((s) => s.pluginId)).to.deep.equal(['nav', 'typo']);
  });

  it('loads the first of two entries with one id and fails the second, saying why', async () => {
    makeHost();
    const [first, second] = host!.load([probe('twin'), { ...probe('twin'), sandboxValues: ['allow-forms'] }]);
    expect(second.status).to.equal('failed');
    expect(second.problem?.message).to.equal(
      'Web App 3 plugin "twin": manifest.json lists a second plugin with this id; only the first is loaded. Fix: give each plugin its own id.',
    );
    expect(container.querySelectorAll('iframe').length).to.equal(1);
    await first.ready;
    expect(host!.plugin('twin')?.status).to.equal('ready');
    host!.unload('twin');
    expect(host!.idle).to.equal(true);
  });

  it('completes the handshake: registerPlugin resolves in the plugin and the host sees it ready', async () => {
    makeHost();
    const [plugin] = host!.load([probe('hello')]);
    expect(plugin.status).to.equal('loading');
    const meta = await plugin.ready;
    expect(meta).to.deep.equal({ id: 'hello', version: 0 });
    expect(plugin.status).to.equal('ready');
    await until(() => reports.of('hello', 'registered').length === 1, 'registerPlugin to resolve in the plugin');
    expect(statuses.map((s) => s.status)).to.deep.equal(['loading', 'ready']);
    expect(plugin.channelId).to.match(/^hello-/);
  });

  it("reads no frame's window before its page posts, and then only the frame of the plugin its handshake names", async () => {
    makeHost();
    const reads = countWindowReads();
    try {
      // `quiet` is listed first and its page never registers.
      const [, a, b] = host!.load([{ id: 'quiet', src: fixtureUrl('silent/index.html') }, probe('a'), probe('b')]);
      // Read now, each frame's window would cost it a script context for its first, empty document.
      expect(reads.total).to.equal(0);
      await Promise.all([a.ready, b.ready]);
      // One read each: a handshake is matched to the frame of the plugin it names first, and the
      // window found is kept for every later call and reply; the quiet frame's is never read.
      expect([reads.of(frameOf(container, 'quiet')), reads.of(frameOf(container, 'a')), reads.of(frameOf(container, 'b'))]).to.deep.equal([0, 1, 1]);
    } finally {
      reads.restore();
    }
  });

  it('matches a page that registers under another id than its entry by its window: the entry\'s plugin is ready', async () => {
    makeHost();
    const [plugin] = host!.load([{ id: 'listed', src: fixtureUrl('probe/index.html?id=other') }]);
    const meta = await plugin.ready;
    expect(meta).to.deep.equal({ id: 'other', version: 0 });
    expect(statuses.map((s) => [s.pluginId, s.status])).to.deep.equal([['listed', 'loading'], ['listed', 'ready']]);
  });

  it('answers the raw handshake with {ack: true} in the reply envelope', async () => {
    makeHost();
    host!.load([probe('raw', '&raw=1')]);
    await until(() => reports.of('raw', 'registered').length === 1, 'the raw handshake');
    expect(reports.of('raw', 'registered')[0].reply).to.deep.equal({ ack: true });
  });

  it('loads its frames while its UI handlers are on their way: the handshake does not wait, a call made meanwhile waits and is served', async () => {
    let arrive!: (handlers: RpcHandlers) => void;
    makeHost({ handlers: new Promise<RpcHandlers>((resolve) => (arrive = resolve)) });
    const [plugin] = host!.load([probe('early', '&raw=1')]);
    await plugin.ready;
    // The handlers arrive only once the call has reached this window (a task after it).
    const reached = callReached('ui:later');
    const outcome = probeCall(reports, frameOf(container, 'early'), 'early', { rpc: 'ui:later', payload: { n: 1 } });
    await reached;
    await new Promise((resolve) => setTimeout(resolve));
    arrive({ 'ui:later': (payload, { pluginId, callId }) => ({ status: 'ok', id: callId, data: { payload, pluginId } }) });
    expect((await outcome).value).to.deep.include({ status: 'ok', data: { payload: { n: 1 }, pluginId: 'early' } });
  });

  it('answers the calls as unsupported when its UI handlers never arrive', async () => {
    const failing = Promise.reject(new Error('the chunk did not load'));
    makeHost({ handlers: failing });
    const [plugin] = host!.load([probe('orphan', '&raw=1')]);
    await plugin.ready;
    const made = await probeCall(reports, frameOf(container, 'orphan'), 'orphan', { rpc: 'ui:later', payload: {} });
    expect(made.value).to.deep.include({ status: 'failed', reason: 'ui:later is not supported by this host.' });
  });

  it('answers an rpc it does not serve with failed, naming it', async () => {
    makeHost();
    const [plugin] = host!.load([probe('raw', '&raw=1')]);
    await plugin.ready;
    const frame = frameOf(container, 'raw');
    const made = await probeCall(reports, frame, 'raw', { rpc: 'made:up', payload: {} });
    expect(made.value).to.deep.include({ status: 'failed', reason: 'made:up is not supported by this host.' });
  });

  it('answers a package function it has no handler for with failed, naming the rpc', async () => {
    makeHost();
    const [plugin] = host!.load([probe('app')]);
    await plugin.ready;
    // This host was made without the UI's handlers (as a runtime without a page would be).
    const outcome = await probeCall(reports, frameOf(container, 'app'), 'app', { path: 'ui.showToast', payload: { message: 'Hi' } });
    // showToast rejects with the reply's reason.
    expect(outcome).to.deep.include({ kind: 'error', error: JSON.stringify({ reason: 'ui:toast:show is not supported by this host.' }) });
    expect(commands).to.deep.equal([]);
  });

  it('turns conference calls into the webapp2 commands and brings the answer back in the package shape', async () => {
    makeHost();
    const [plugin] = host!.load([probe('calls')]);
    await plugin.ready;
    const frame = frameOf(container, 'calls');
    const lock = await probeCall(reports, frame, 'calls', { path: 'conference.lock', payload: { lock: true } });
    expect(commands).to.deep.equal([{ command: { name: 'sendRequest', args: { path: 'lock', payload: undefined } }, pluginId: 'calls' }]);
    expect(lock.value).to.deep.equal({ status: 200, data: { status: 'success', result: true } });

    commands = [];
    await probeCall(reports, frame, 'calls', { path: 'conference.sendMessage', payload: { payload: 'hello' } });
    await probeCall(reports, frame, 'calls', { path: 'conference.mute', payload: { mute: true, participantUuid: 'u-2' } });
    await probeCall(reports, frame, 'calls', { path: 'conference.spotlight', payload: { enable: false, participantUuid: 'u-2' } });
    await probeCall(reports, frame, 'calls', { path: 'conference.disconnect', payload: { participantUuid: 'u-2' } });
    expect(commands.map((c) => c.command)).to.deep.equal([
      { name: 'sendChatMessage', args: { type: 'text/plain', payload: 'hello' } },
      { name: 'sendRequest', args: { path: 'participants/u-2/mute', payload: undefined } },
      { name: 'spotlightOffParticipant', args: { uuid: 'u-2' } },
      { name: 'disconnectParticipant', args: { uuid: 'u-2' } },
    ]);
  });

  it('sends messages, layouts, guests\' mute, a raised hand, a transfer as their commands', async () => {
    makeHost();
    const [plugin] = host!.load([probe('more')]);
    await plugin.ready;
    const frame = frameOf(container, 'more');
    await until(() => reports.of('more', 'event', 'me').length === 1, 'the user\'s own participant');
    const calls: [string, unknown][] = [
      ['conference.sendApplicationMessage', { payload: { kind: 'poll', answer: 2 } }],
      ['conference.sendMessage', { payload: 'psst', participantUuid: 'u-2' }],
      ['conference.setLayout', { transforms: { layout: '4:0' } }],
      ['conference.muteAllGuests', { mute: false }],
      ['conference.raiseHand', { raise: true }],
      ['conference.transfer', { participantUuid: 'u-2', destination: 'other-room', pin: '1234', role: 'guest' }],
      ['conference.setRole', { participantUuid: 'u-2', role: 'chair' }],
    ];
    for (const [path, payload] of calls) {
      const outcome = await probeCall(reports, frame, 'more', { path, payload });
      expect(outcome.value, path).to.deep.equal({ status: 200, data: { status: 'success', result: true } });
    }
    expect(commands.map((c) => c.command)).to.deep.equal([
      { name: 'sendChatMessage', args: { type: 'application/json', payload: '{"kind":"poll","answer":2}' } },
      { name: 'sendRequest', args: { path: 'participants/u-2/message', payload: { type: 'text/plain', payload: 'psst' } } },
      { name: 'transformConferenceLayout', args: { layout: { layout: '4:0' } } },
      { name: 'sendRequest', args: { path: 'unmuteguests', payload: undefined } },
      // The user's own hand: its uuid from event:me's source.
      { name: 'sendRequest', args: { path: 'participants/u-1/buzz', payload: undefined } },
      { name: 'sendRequest', args: { path: 'participants/u-2/transfer', payload: { conference_alias: 'other-room', role: 'guest', pin: '1234' } } },
      { name: 'sendRequest', args: { path: 'participants/u-2/role', payload: { role: 'chair' } } },
    ]);
    // A call with a wrong payload never reaches the conference.
    const wrong = await probeCall(reports, frame, 'more', { path: 'conference.lock', payload: {} });
    expect(wrong.value).to.deep.include({ status: 'failed', reason: 'conference:lock needs "lock" (true or false), not nothing.' });
    expect(commands.length).to.equal(calls.length);
  });

  it('takes more handlers by rpc name; a handler that throws is answered failed with its reason', async () => {
    makeHost({
      handlers: {
        'ui:toast:show': (payload) => ({ status: 'ok', id: 'toast-1', data: { shown: (payload as { message: string }).message } }),
        'ui:button:add': () => {
          throw new Error('the toolbar is full');
        },
      },
    });
    const [plugin] = host!.load([probe('ui')]);
    await plugin.ready;
    const frame = frameOf(container, 'ui');
    const toast = await probeCall(reports, frame, 'ui', { path: 'ui.showToast', payload: { message: 'Hi' } });
    expect(toast.kind).to.equal('result');
    const button = await probeCall(reports, frame, 'ui', { path: 'ui.addButton', payload: { position: 'toolbar', icon: 'star', tooltip: 'Star' } });
    // The package rejects addButton with the failed reply's reason.
    expect(button).to.deep.include({ kind: 'error', error: '{"reason":"ui:button:add failed: the toolbar is full"}' });
    expect(host!.router.names).to.include.members(['ui:toast:show', 'conference:lock', 'participant:mute']);
  });

  it('replies to a refused call with failed and the server\'s reason', async () => {
    answer = async () => {
      throw new CommandError('lock was refused', 403, 'Only a Host may lock the conference');
    };
    makeHost();
    const [plugin] = host!.load([probe('refused')]);
    await plugin.ready;
    const outcome = await probeCall(reports, frameOf(container, 'refused'), 'refused', { path: 'conference.lock', payload: { lock: true } });
    expect(outcome.value).to.deep.include({ status: 'failed', reason: 'Only a Host may lock the conference' });
  });

  it('answers breakout and media calls failed with why, never silence', async () => {
    makeHost();
    const [plugin] = host!.load([probe('nomedia')]);
    await plugin.ready;
    const frame = frameOf(container, 'nomedia');
    const breakout = await probeCall(reports, frame, 'nomedia', { path: 'conference.closeBreakouts' });
    expect(breakout.value).to.deep.include({ status: 'failed', reason: 'breakout rooms are not supported by this host: its conference has the main room only.' });
    const bandwidth = await probeCall(reports, frame, 'nomedia', { path: 'conference.setBandwidth', payload: 512 });
    expect((bandwidth.value as { reason: string }).reason).to.contain('conference:setBandwidth is not supported by this host');
    expect(commands).to.deep.equal([]);
  });

  it('dials out through the dialOut command; the plugin gets the new participant once it joins', async () => {
    answer = async (command) => (command.name === 'dialOut' ? ['u-9'] : true);
    makeHost();
    const [plugin] = host!.load([probe('dial')]);
    await plugin.ready;
    const frame = frameOf(container, 'dial');
    const pending = probeCall(reports, frame, 'dial', { path: 'conference.dialOut', payload: { destination: 'room@example.com', protocol: 'sip', role: 'GUEST' } });
    await until(() => commands.length === 1, 'the dialOut command');
    expect(commands[0].command).to.deep.equal({ name: 'dialOut', args: { alias: 'room@example.com', protocol: 'sip', role: 'guest', options: { streaming: false } } });
    store.setParticipants([...store.participants, participant('u-9', 'Room')]);
    const outcome = await pending;
    expect(outcome.kind).to.equal('result');
    expect((outcome.value as { uuid: string; displayName: string })).to.include({ uuid: 'u-9', displayName: 'Room' });
  });

  it('sends participants, me and the conference status right after the handshake, and each change after', async () => {
    makeHost();
    const [plugin] = host!.load([probe('events')]);
    await plugin.ready;
    await until(() => reports.of('events', 'event', 'conferenceStatus').length === 1, 'the initial events');
    const [initial] = reports.of('events', 'event', 'participants');
    const payload = initial.payload as { id: string; participants: { uuid: string; displayName: string; isHost: boolean; rawData: { display_name: string } }[] };
    expect(payload.id).to.equal('main');
    expect(payload.participants.map((p) => [p.uuid, p.displayName, p.isHost, p.rawData.display_name])).to.deep.equal([
      ['u-1', 'Alice', true, 'Alice'],
      ['u-2', 'Bob', false, 'Bob'],
    ]);
    expect(initial.startAtIsDate).to.equal(true);
    const [me] = reports.of('events', 'event', 'me');
    expect((me.payload as { participant: { uuid: string } }).participant.uuid).to.equal('u-1');
    const [status] = reports.of('events', 'event', 'conferenceStatus');
    expect((status.payload as { status: { locked: boolean; started: boolean } }).status).to.include({ locked: true, started: true });
    // The order the plugin saw them in: all three before anything else.
    expect(reports.of('events', 'event').map((r) => r.name)).to.deep.equal(['participants', 'me', 'conferenceStatus']);

    store.setParticipants([store.participants[0], participant('u-3', 'Carol')]);
    await until(() => reports.of('events', 'event', 'participants').length === 2, 'the changed roster');
    expect(reports.of('events', 'event', 'participantJoined').map((r) => (r.payload as { participant: { uuid: string } }).participant.uuid)).to.deep.equal(['u-3']);
    expect(reports.of('events', 'event', 'participantLeft').map((r) => (r.payload as { participant: { uuid: string } }).participant.uuid)).to.deep.equal(['u-2']);
    const latest = reports.of('events', 'event', 'participants')[1].payload as { participants: { uuid: string }[] };
    expect(latest.participants.map((p) => p.uuid)).to.deep.equal(['u-1', 'u-3']);

    store.setConference({ locked: false, started: true });
    await until(() => reports.of('events', 'event', 'conferenceStatus').length === 2, 'the changed status');
    expect((reports.of('events', 'event', 'conferenceStatus')[1].payload as { status: { locked: boolean } }).status.locked).to.equal(false);
  });

  it('gives a plugin loaded after another the present state at its handshake, and both the next change', async () => {
    makeHost();
    const [first] = host!.load([probe('first')]);
    await first.ready;
    await until(() => reports.of('first', 'event', 'conferenceStatus').length === 1, 'the first plugin\'s initial events');
    store.setParticipants([...store.participants, participant('u-4', 'Dave')]);
    await until(() => reports.of('first', 'event', 'participants').length === 2, 'the first plugin\'s second roster');
    const [second] = host!.load([probe('second')]);
    await second.ready;
    await until(() => reports.of('second', 'event', 'conferenceStatus').length === 1, 'the second plugin\'s initial events');
    expect(reports.of('second', 'event').map((r) => r.name)).to.deep.equal(['participants', 'me', 'conferenceStatus']);
    const roster = (report: { payload?: unknown }) => (report.payload as { participants: { uuid: string }[] }).participants.map((p) => p.uuid);
    expect(roster(reports.of('second', 'event', 'participants')[0])).to.deep.equal(['u-1', 'u-2', 'u-4']);
    store.setParticipants(store.participants.slice(0, 1));
    await until(() => reports.of('second', 'event', 'participants').length === 2 && reports.of('first', 'event', 'participants').length === 3, 'the change for both');
    expect(roster(reports.of('first', 'event', 'participants')[2])).to.deep.equal(['u-1']);
    expect(roster(reports.of('second', 'event', 'participants')[1])).to.deep.equal(['u-1']);
  });

  it('ignores a call from a frame that is not the plugin\'s, even on the plugin\'s channel, and counts it', async () => {
    makeHost();
    const [plugin] = host!.load([probe('victim')]);
    await plugin.ready;
    const intruder = document.createElement('iframe');
    intruder.setAttribute('sandbox', 'allow-scripts');
    intruder.src = fixtureUrl('intruder/index.html');
    container.append(intruder);
    await until(() => reports.intruder.some((r) => r.intruder === 'ready'), 'the intruder frame');
    const before = host!.ignoredCount;
    intruder.contentWindow!.postMessage({ intrude: { rpc: 'conference:lock', payload: { lock: true }, id: 'spoof-1', chanId: plugin.channelId } }, '*');
    await until(() => host!.ignoredCount === before + 1, 'the intruder\'s call to be ignored');
    // A round trip through the real plugin: anything the host had for the intruder would have come by now.
    await probeCall(reports, frameOf(container, 'victim'), 'victim', { path: 'conference.lock', payload: { lock: false } });
    expect(commands.map((c) => c.command)).to.deep.equal([{ name: 'sendRequest', args: { path: 'unlock', payload: undefined } }]);
    expect(reports.intruder.filter((r) => r.intruder === 'received')).to.deep.equal([]);
  });

  it('ignores a call from the plugin\'s own frame on a channel it did not open, and one from the app\'s window', async () => {
    const ignored: string[] = [];
    makeHost({ onIgnored: (message) => ignored.push(`${message.reason}:${message.pluginId ?? ''}:${message.rpc}`) });
    const [plugin] = host!.load([probe('own')]);
    await plugin.ready;
    frameOf(container, 'own').contentWindow!.postMessage({ probeSpoof: { rpc: 'conference:lock', payload: { lock: true }, id: 'x', chanId: 'another-channel' } }, '*');
    window.postMessage({ rpc: 'conference:lock', payload: { lock: true }, id: 'y', chanId: plugin.channelId }, '*');
    await until(() => ignored.length === 2, 'both calls to be ignored');
    expect(ignored.sort()).to.deep.equal(['unknown-source::conference:lock', 'wrong-channel:own:conference:lock']);
    expect(host!.ignoredCount).to.equal(2);
    expect(commands).to.deep.equal([]);
  });

  it('fails a plugin that never completes its handshake after the register timeout, with a problem that says so', async () => {
    makeHost({ registerTimeout: 300 });
    const [plugin] = host!.load([{ id: 'mute', src: fixtureUrl('silent/index.html') }]);
    let problem: unknown;
    await plugin.ready.catch((error: unknown) => (problem = error));
    expect(plugin.status).to.equal('failed');
    expect((problem as Error).message).to.equal(
      'Web App 3 plugin "mute": its page did not complete the syn handshake within 300 ms. ' +
        'Fix: make sure its page loads (its src in manifest.json is right) and calls registerPlugin({id, version}) from @pexip/plugin-api when it starts.',
    );
    expect(statuses.map((s) => s.status)).to.deep.equal(['loading', 'failed']);
    expect(container.querySelector('iframe')).to.equal(null);
    expect(host!.idle).to.equal(false);
    host!.unload('mute');
    expect(host!.idle).to.equal(true);
  });

  it('unloads without a trace: no frame, no message listener, no timer', async () => {
    // The register timers (4321 ms here, a delay nothing else in the test uses) set and cleared.
    const set = new Set<unknown>();
    const cleared = new Set<unknown>();
    const realSet = window.setTimeout;
    const realClear = window.clearTimeout;
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id = realSet(handler, delay, ...args);
      if (delay === 4321) set.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      cleared.add(id);
      realClear(id);
    }) as typeof window.clearTimeout;
    try {
      makeHost({ registerTimeout: 4321 });
      host!.load([probe('gone')]);
      host!.load([{ id: 'early', src: fixtureUrl('silent/index.html') }]);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    }
    expect(set.size).to.equal(2);
    window.clearTimeout = ((id?: number) => {
      cleared.add(id);
      realClear(id);
    }) as typeof window.clearTimeout;
    try {
      await host!.plugin('gone')!.ready;
      host!.unload('gone');
      host!.unload('early');
    } finally {
      window.clearTimeout = realClear;
    }
    expect([...set].every((id) => cleared.has(id))).to.equal(true);
    expect(container.querySelectorAll('iframe').length).to.equal(0);
    expect(host!.idle).to.equal(true);
    // The listener is gone: a call-shaped message is no longer even looked at.
    // Every listener of the window hears a message in the same dispatch: once the test's own has
    // it, the host's would have counted it.
    const before = host!.ignoredCount;
    let heard = false;
    const listener = (event: MessageEvent) => (heard ||= (event.data as { id?: string })?.id === 'after-unload');
    addEventListener('message', listener);
    window.postMessage({ rpc: 'conference:lock', payload: {}, id: 'after-unload', chanId: 'c' }, '*');
    await until(() => heard, 'the message to be dispatched');
    removeEventListener('message', listener);
    expect(host!.ignoredCount).to.equal(before);
    expect(statuses.filter((s) => s.pluginId === 'early').map((s) => s.status)).to.deep.equal(['loading']);
  });
});
