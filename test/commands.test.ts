import { expect } from '@open-wc/testing';
import { BehaviorSubject, Subject } from 'rxjs';
import type { PexCommandDetail } from '../components/events.js';
import { CommandError, type PluginCommand } from '../src/conference/commands.js';
import type { ConferenceConnection } from '../src/conference/connection.js';
import type { ConferenceDetails, Participant, PexAction } from '../src/conference/types.js';
import { flush, mountHost, participant } from './support/host-fixture.js';
import { until } from './support/menu-helpers.js';

type Commands = Record<string, (...args: unknown[]) => Promise<unknown>>;
const commands = () => window.pexTest.commands as Commands;
const logOf = (fn: string) => window.pexTest.calls.filter((c) => c.plugin === 'commands-plugin' && c.fn === fn);


/** Answers every pex-command with `answer(detail)`; returns what it saw (name, args, pluginId). */
function answerCommands(target: HTMLElement, answer: (detail: PexCommandDetail) => void) {
  const seen: Array<{ name: string; args: unknown; pluginId: string }> = [];
  target.addEventListener('pex-command', (event) => {
    const { name, args, pluginId } = event.detail;
    seen.push({ name, args, pluginId });
    answer(event.detail);
  });
  return seen;
}

/** An app that answers every command `true` (dialOut, whose answer is uuids, with one). */
const answerTrue = (detail: PexCommandDetail) => (detail.name === 'dialOut' ? detail.resolve(['dialled']) : detail.resolve(true));

describe('conference commands, app-driven', () => {
  it('emits each command as a bubbling, composed, cancelable pex-command with its arguments by name', async () => {
    const { host } = await mountHost('commands');
    const events: Array<{ bubbles: boolean; composed: boolean; cancelable: boolean }> = [];
    document.addEventListener('pex-command', (e) => events.push({ bubbles: e.bubbles, composed: e.composed, cancelable: e.cancelable }));
    const seen = answerCommands(host, (detail) => (detail.name === 'dialOut' ? detail.resolve(['new-uuid']) : detail.resolve(true)));
    await commands().sendRequest('/participants/p1/mute', undefined, true);
    await commands().sendRequest('muteguests', { extra: 1 }, true);
    await commands().dialOut('sip:alice@example.com', 'sip', 'host', { streaming: false });
    await commands().disconnectParticipant('p2');
    await commands().spotlightOnParticipant('p3');
    await commands().spotlightOffParticipant('p3');
    await commands().transformConferenceLayout({ layout: '4:0', enable_overlay_text: true });
    await commands().sendChatMessage('Hello all');
    await commands().sendChatMessage({ type: 'application/json', payload: '{"a":1}' });
    expect(seen).to.deep.equal([
      { name: 'sendRequest', args: { path: 'participants/p1/mute', payload: undefined }, pluginId: 'commands-plugin' },
      { name: 'sendRequest', args: { path: 'muteguests', payload: { extra: 1 } }, pluginId: 'commands-plugin' },
      { name: 'dialOut', args: { alias: 'sip:alice@example.com', protocol: 'sip', role: 'host', options: { streaming: false } }, pluginId: 'commands-plugin' },
      { name: 'disconnectParticipant', args: { uuid: 'p2' }, pluginId: 'commands-plugin' },
      { name: 'spotlightOnParticipant', args: { uuid: 'p3' }, pluginId: 'commands-plugin' },
      { name: 'spotlightOffParticipant', args: { uuid: 'p3' }, pluginId: 'commands-plugin' },
      { name: 'transformConferenceLayout', args: { layout: { layout: '4:0', enable_overlay_text: true } }, pluginId: 'commands-plugin' },
      { name: 'sendChatMessage', args: { type: 'text/plain', payload: 'Hello all' }, pluginId: 'commands-plugin' },
      { name: 'sendChatMessage', args: { type: 'application/json', payload: '{"a":1}' }, pluginId: 'commands-plugin' },
    ]);
    expect(events.every((e) => e.bubbles && e.composed && e.cancelable)).to.equal(true);
    expect(events).to.have.length(9);
  });

  it('gives the answer to the plugin\'s callback and promise', async () => {
    const { host } = await mountHost('commands');
    answerCommands(host, (detail) => (detail.name === 'dialOut' ? detail.resolve(['uuid-1', 'uuid-2']) : detail.resolve({ ok: 1 })));
    await commands().sendRequest('lock', undefined, true);
    expect(logOf('sendRequest:callback')[0]!.answer).to.deep.equal({ status: 'success', result: { ok: 1 } });
    expect(logOf('sendRequest:resolved')[0]!.value).to.deep.equal({ status: 'success', result: { ok: 1 } });
    await commands().dialOut('rtmp://x', 'rtmp', 'guest', { streaming: true });
    expect(logOf('dialOut:callback')[0]!.answer).to.deep.equal({ result: ['uuid-1', 'uuid-2'] });
  });

  it('gives dialOut\'s callback {result: []} and sendRequest\'s the reason when the app refuses', async () => {
    const { host } = await mountHost('commands');
    answerCommands(host, (detail) => detail.reject(new CommandError('refused', 403, 'Insufficient privileges')));
    await commands().dialOut('sip:bob@example.com', 'auto', 'guest', {}).catch(() => {});
    expect(logOf('dialOut:callback')[0]!.answer).to.deep.equal({ result: [] });
    expect(logOf('dialOut:rejected')[0]).to.include({ reason: 'Insufficient privileges' });
    await commands().sendRequest('lock', undefined, true).catch(() => {});
    expect(logOf('sendRequest:callback')[0]!.answer).to.deep.equal({ status: 'failed', result: 'Insufficient privileges' });
  });

  it('the toolbar action of a recording plugin reaches the app as dialOut with streaming', async () => {
    const { host } = await mountHost('commands');
    const seen = answerCommands(host, (detail) => detail.resolve(['stream-uuid']));
    await flush();
    document.querySelector('pex-toolbar')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-key="commands-plugin/toolbar/0"]')!.click();
    await until(() => logOf('record:callback').length === 1, 'the record callback');
    expect(seen[0]).to.deep.include({ name: 'dialOut', args: { alias: 'rtmp://stream.example/live', protocol: 'rtmp', role: 'guest', options: { streaming: true } } });
    expect(logOf('record:callback')[0]!.answer).to.deep.equal({ result: ['stream-uuid'] });
  });

  it('refuses sendRequest paths that would leave the conference, before anything is sent', async () => {
    const { host } = await mountHost('commands');
    const seen = answerCommands(host, answerTrue);
    const bad = ['https://evil.example/api', '//evil.example/x', '../other/lock', 'participants/../../x', 'lock?token=1', 'lock#x', '%2e%2e/lock', 'a%2fb', '', 'participants//mute', 'c:\\x', '%2e%2e/%2E.', '%252e%252e/x'];
    for (const path of bad) {
      const error = await commands().sendRequest(path, undefined, true).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message, path).to.match(/sendRequest\(.*\): .* Fix: pass the part after the conference/);
    }
    expect(seen).to.deep.equal([]);
    expect(logOf('sendRequest:callback')).to.have.length(bad.length);
    expect((logOf('sendRequest:callback')[0]!.answer as { status: string }).status).to.equal('failed');
    await commands().sendRequest('/participants/abc/dtmf', { digits: '1234' }, true);
    expect(seen).to.deep.equal([{ name: 'sendRequest', args: { path: 'participants/abc/dtmf', payload: { digits: '1234' } }, pluginId: 'commands-plugin' }]);
  });

  it('maps the deprecated changeConferenceLayout, warning once', async () => {
    const { host } = await mountHost('commands');
    const seen = answerCommands(host, answerTrue);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      await commands().changeConferenceLayout({ layouts: [{ layout: '1:7', actors: ['a'], audience: [], plus_n: false, vad_backfill: true }] });
      await commands().changeConferenceLayout('4:0');
    } finally {
      console.warn = original;
    }
    expect(seen.map((s) => [s.name, s.args])).to.deep.equal([
      ['sendRequest', { path: 'override_layout', payload: { layouts: [{ layout: '1:7', actors: ['a'], audience: [], plus_n: false, vad_backfill: true }] } }],
      ['transformConferenceLayout', { layout: { layout: '4:0' } }],
    ]);
    // Warned once, however often it is called: no other test of this page calls it first.
    expect(warnings.filter((w) => w.includes('changeConferenceLayout is deprecated'))).to.deep.equal([
      '[pex-plugin-host] changeConferenceLayout is deprecated: use transformConferenceLayout.',
    ]);
  });

  it('tells the plugins a chat message the app sent for a plugin (SEND_CHAT_MESSAGE)', async () => {
    const { host } = await mountHost('commands');
    answerCommands(host, answerTrue);
    await commands().sendChatMessage('Hi there');
    expect(logOf('action').filter((a) => a.type === window.PEX.actions.SEND_CHAT_MESSAGE).map((a) => a.payload)).to.deep.equal(['Hi there']);
  });

  it('fails an unanswered command after command-timeout, saying what to do', async () => {
    const { host } = await mountHost('commands');
    host.commandTimeout = 100;
    const started = Date.now();
    await commands().disconnectParticipant('p1').catch(() => {});
    expect(Date.now() - started).to.be.within(90, 1000);
    expect(logOf('disconnectParticipant:rejected')[0]!.message).to.match(/nobody answered within 100 ms.*pex-command.*host\.connection/);

    host.addEventListener('pex-command', (event) => event.preventDefault(), { once: true });
    await commands().spotlightOnParticipant('p1').catch(() => {});
    expect(logOf('spotlightOnParticipant:rejected')[0]!.message).to.match(/the app took the command but did not answer within 100 ms/);
  });

  it('lets a listener answer later after taking the command with preventDefault', async () => {
    const { host } = await mountHost('commands');
    host.addEventListener('pex-command', (event) => {
      event.preventDefault();
      setTimeout(() => event.detail.resolve('later'), 30);
    });
    await commands().sendRequest('unlock', undefined, true);
    expect(logOf('sendRequest:callback')[0]!.answer).to.deep.equal({ status: 'success', result: 'later' });
  });
});

/** An app's own connection: the ConferenceConnection shape, driven by the test. */
class FakeConnection implements ConferenceConnection {
  readonly participants$ = new BehaviorSubject<readonly Participant[]>([]);
  readonly conference$ = new BehaviorSubject<ConferenceDetails>({ locked: false, guestsMuted: false, chatEnabled: true, mediaType: 'video', started: true });
  readonly actions$ = new Subject<PexAction>();
  readonly role$ = new BehaviorSubject<'chair' | 'guest' | undefined>(undefined);
  readonly selfUUID$ = new BehaviorSubject<string | undefined>(undefined);
  readonly executed: PluginCommand[] = [];
  readonly dispatched: PexAction[] = [];
  failWith: CommandError | undefined;
  /** Takes the commands and never answers them. */
  silent = false;

  execute(command: PluginCommand): Promise<never> {
    this.executed.push(command);
    if (this.silent) return new Promise<never>(() => {});
    if (this.failWith) return Promise.reject(this.failWith);
    return Promise.resolve((command.name === 'dialOut' ? ['dialled'] : true) as never);
  }

  dispatch(action: PexAction): void {
    this.dispatched.push(action);
  }

  async leave(): Promise<void> {}
}

describe('conference commands, connected mode (an app\'s own connection)', () => {
  it('feeds the roster, actions, role and self uuid from the connection', async () => {
    const { host } = await mountHost('commands');
    const connection = new FakeConnection();
    host.connection = connection;
    await host.updateComplete;
    connection.participants$.next([participant('a', { name: 'Ann' }), participant('b', { name: 'Bo' })]);
    expect(window.pexTest.roster).to.deep.equal(['Ann', 'Bo']);
    connection.actions$.next({ type: '[Conference] Connect Success', payload: { alias: 'meet', displayName: 'Me', joinRole: 'GUEST', serviceType: 'conference' } });
    expect(logOf('action').map((a) => a.type)).to.include('[Conference] Connect Success');
    connection.selfUUID$.next('self-9');
    expect(window.PEX.selfUUID).to.equal('self-9');

    // The role comes from the connection while the role attribute is unset.
    connection.role$.next('guest');
    expect(host.plugins.find((p) => p.id === 'chair-only-commands')?.status).to.equal('filtered-out');
    connection.role$.next('chair');
    await until(() => host.plugins.find((p) => p.id === 'chair-only-commands')?.status === 'loaded', 'the chair plugin to load');
  });

  it('executes what the app does not take, and the app\'s answer wins when it does', async () => {
    const { host } = await mountHost('commands');
    const connection = new FakeConnection();
    host.connection = connection;
    await host.updateComplete;
    await commands().dialOut('sip:x@example.com', 'sip', 'guest', {});
    expect(connection.executed.map((c) => c.name)).to.deep.equal(['dialOut']);
    expect(logOf('dialOut:callback')[0]!.answer).to.deep.equal({ result: ['dialled'] });

    const listener = (event: GlobalEventHandlersEventMap['pex-command']) => event.detail.resolve('from the app');
    host.addEventListener('pex-command', listener);
    await commands().sendRequest('lock', undefined, true);
    host.removeEventListener('pex-command', listener);
    expect(connection.executed).to.have.length(1);
    expect(logOf('sendRequest:callback')[0]!.answer).to.deep.equal({ status: 'success', result: 'from the app' });
  });

  it('gives the connection\'s error reason to the plugin, and forwards plugin-dispatched client actions', async () => {
    const { host } = await mountHost('commands');
    const connection = new FakeConnection();
    connection.failWith = new CommandError('Request failed (502)', 502, 'Gateway dial out failed');
    host.connection = connection;
    await host.updateComplete;
    await commands().dialOut('sip:x@example.com', 'sip', 'guest', {}).catch(() => {});
    expect(logOf('dialOut:callback')[0]!.answer).to.deep.equal({ result: [] });
    expect(logOf('dialOut:rejected')[0]).to.include({ reason: 'Gateway dial out failed' });

    commands().dispatch({ type: '[Conference] Mute Camera' });
    expect(connection.dispatched).to.deep.equal([{ type: '[Conference] Mute Camera' }]);
  });

  it('fails a command the connection never answers after command-timeout', async () => {
    const { host } = await mountHost('commands');
    const connection = new FakeConnection();
    connection.silent = true;
    host.connection = connection;
    host.commandTimeout = 100;
    await host.updateComplete;
    const started = Date.now();
    await commands().disconnectParticipant('p1').catch(() => {});
    expect(Date.now() - started).to.be.within(90, 1000);
    expect(connection.executed.map((c) => c.name)).to.deep.equal(['disconnectParticipant']);
    expect(logOf('disconnectParticipant:rejected')[0]!.message).to.equal('disconnectParticipant: the connection did not answer within 100 ms.');
  });
});
