import { expect } from '@open-wc/testing';
import { BehaviorSubject, Subject } from 'rxjs';
import { commandOutcomes$, type CommandOutcome } from '../components/plugin-host/command-router.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import type { PluginCommand } from '../src/conference/commands.js';
import type { ConferenceConnection } from '../src/conference/connection.js';
import type { ConferenceDetails, Participant, PexAction } from '../src/conference/types.js';
import { mountHost } from './support/host-fixture.js';

/** The fixture plugin's calls (test/fixtures/runtime/command-answers/plugins/answers/answers.plugin.js). */
interface Answers {
  record(alias: string): Promise<void>;
  dialWithoutCallback(alias: string): Promise<void>;
  request(path: string, payload?: unknown): Promise<void>;
  requestWithoutCallback(path: string): Promise<void>;
  disconnect(uuid: string): Promise<void>;
}
const plugin = () => window.pexTest.answers as Answers;
/** What the plugin logged, without the `plugin` field. */
const logged = () => window.pexTest.calls.map(({ plugin: _plugin, ...entry }) => entry);

const DIAL_OUT_SHAPES =
  'Understood: the new participants\' uuids (["uuid", …]; [] when the call failed), one "uuid", ' +
  'the callback\'s {result: ["uuid", …]}, or the REST reply {status: "success", result: ["uuid", …]}. ' +
  'Fix: resolve dialOut with the new participants\' uuids, e.g. resolve([uuid]), or reject(error) when the call failed.';

/** console.warn lines, while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}
const shapeWarnings = (warnings: string[]) => warnings.filter((w) => w.includes('does not understand'));

/**
 * The app answers the next command with `answer` as it is: an app written in JavaScript may
 * answer anything, so the value goes past resolve's per-command type on purpose.
 */
function appAnswers(host: PexPluginHost, answer: unknown, how: 'resolve' | 'reject' = 'resolve'): void {
  host.addEventListener(
    'pex-command',
    (event) => {
      const detail = event.detail as { resolve(value: unknown): void; reject(error: unknown): void };
      if (how === 'resolve') detail.resolve(answer);
      else detail.reject(answer);
    },
    { once: true },
  );
}

const recorded = (uuid: string) => [
  { fn: 'dialOut:callback', answer: { result: [uuid] }, verdict: `recording ${uuid}` },
  { fn: 'dialOut:resolved', value: { result: [uuid] } },
];

describe('an app\'s answer to dialOut, in each shape', () => {
  const understood: Array<[string, unknown, string]> = [
    ['the documented uuids', ['uuid-1'], 'uuid-1'],
    ['the callback\'s shape {result: [uuid]}', { result: ['uuid-2'] }, 'uuid-2'],
    ['the REST reply {status: "success", result: [uuid]}', { status: 'success', result: ['uuid-3'] }, 'uuid-3'],
    ['one bare uuid', 'uuid-4', 'uuid-4'],
    ['the REST reply of one uuid', { status: 'success', result: 'uuid-5' }, 'uuid-5'],
  ];
  for (const [shape, answer, uuid] of understood) {
    it(`understands ${shape}: the callback and the promise get {result: ["${uuid}"]}, no warning`, async () => {
      const { host } = await mountHost('command-answers');
      appAnswers(host, answer);
      const warnings = await warningsDuring(() => plugin().record('rtmp://stream.example/live'));
      expect(logged()).to.deep.equal(recorded(uuid));
      expect(shapeWarnings(warnings)).to.deep.equal([]);
    });
  }

  it('keeps [] (and {result: []}) the guide\'s failed call: the plugin says "check alias and retry", the promise resolves', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, []);
    await plugin().record('rtmp://nowhere');
    appAnswers(host, { result: [] });
    const warnings = await warningsDuring(() => plugin().record('rtmp://nowhere'));
    const failed = [
      { fn: 'dialOut:callback', answer: { result: [] }, verdict: 'check alias and retry' },
      { fn: 'dialOut:resolved', value: { result: [] } },
    ];
    expect(logged()).to.deep.equal([...failed, ...failed]);
    expect(shapeWarnings(warnings)).to.deep.equal([]);
  });

  it('reads a failed REST reply as a refusal: the callback gets {result: []}, the promise rejects with the reason', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { status: 'failed', result: 'Gateway dial out failed' });
    await plugin().record('rtmp://stream.example/live');
    appAnswers(host, { status: 'error', result: 'Invalid protocol' });
    await plugin().dialWithoutCallback('sip:bob@example.com');
    expect(logged()).to.deep.equal([
      { fn: 'dialOut:callback', answer: { result: [] }, verdict: 'check alias and retry' },
      { fn: 'dialOut:rejected', message: 'dialOut was refused: Gateway dial out failed', reason: 'Gateway dial out failed' },
      { fn: 'dialOut:rejected', message: 'dialOut was refused: Invalid protocol', reason: 'Invalid protocol' },
    ]);
  });

  it('reads a rejection with the REST reply for its reason', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { status: 'failed', result: 'Insufficient privileges' }, 'reject');
    await plugin().record('rtmp://stream.example/live');
    expect(logged()).to.deep.equal([
      { fn: 'dialOut:callback', answer: { result: [] }, verdict: 'check alias and retry' },
      { fn: 'dialOut:rejected', message: 'dialOut was refused: Insufficient privileges', reason: 'Insufficient privileges' },
    ]);
  });

  it('passes a value of no shape on as the result, warning once per answer with the command, the plugin and the shapes', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { uuid: 'uuid-6' });
    const first = await warningsDuring(() => plugin().record('rtmp://stream.example/live'));
    appAnswers(host, { status: 'success', result: 42 });
    const second = await warningsDuring(() => plugin().dialWithoutCallback('sip:bob@example.com'));
    expect(logged()).to.deep.equal([
      // Not turned into the failure {result: []}: the plugin sees what the app gave.
      { fn: 'dialOut:callback', answer: { result: { uuid: 'uuid-6' } }, verdict: 'recording undefined' },
      { fn: 'dialOut:resolved', value: { result: { uuid: 'uuid-6' } } },
      { fn: 'dialOut:resolved', value: { result: 42 } },
    ]);
    expect(shapeWarnings(first)).to.deep.equal([
      '[pex-plugin-host] dialOut from plugin "answers-plugin": the app resolved it with {"uuid":"uuid-6"}, a shape dialOut ' +
        `does not understand; the plugin gets it as the result. ${DIAL_OUT_SHAPES}`,
    ]);
    expect(shapeWarnings(second)).to.deep.equal([
      '[pex-plugin-host] dialOut from plugin "answers-plugin": the app resolved it with {"status":"success","result":42}, ' +
        `a shape dialOut does not understand; the plugin gets 42 (the reply's result) as the result. ${DIAL_OUT_SHAPES}`,
    ]);
  });
});

describe('an app\'s answer to sendRequest, in each shape', () => {
  it('wraps the bare result once and takes the REST reply as it is, for the callback and the promise', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { locked: true });
    await plugin().request('lock');
    appAnswers(host, { status: 'success', result: true });
    await plugin().request('participants/p1/mute');
    appAnswers(host, { status: 'success', result: { status: 'success', result: 1 } });
    const warnings = await warningsDuring(() => plugin().requestWithoutCallback('conference_status'));
    expect(logged()).to.deep.equal([
      { fn: 'sendRequest:callback', answer: { status: 'success', result: { locked: true } } },
      { fn: 'sendRequest:resolved', value: { status: 'success', result: { locked: true } } },
      { fn: 'sendRequest:callback', answer: { status: 'success', result: true } },
      { fn: 'sendRequest:resolved', value: { status: 'success', result: true } },
      // One reply is read, once: a result that looks like a reply is the server's result.
      { fn: 'sendRequest:resolved', value: { status: 'success', result: { status: 'success', result: 1 } } },
    ]);
    expect(shapeWarnings(warnings)).to.deep.equal([]);
  });

  it('reads a failed or error REST reply as a refusal: the callback gets {status: "failed", result: reason}, the promise rejects', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { status: 'failed', result: 'Insufficient privileges' });
    await plugin().request('lock');
    appAnswers(host, { status: 'error', result: { code: 7 } });
    await plugin().request('participants/p1/dtmf', { digits: '1' });
    expect(logged()).to.deep.equal([
      { fn: 'sendRequest:callback', answer: { status: 'failed', result: 'Insufficient privileges' } },
      { fn: 'sendRequest:rejected', message: 'sendRequest was refused: Insufficient privileges', reason: 'Insufficient privileges' },
      { fn: 'sendRequest:callback', answer: { status: 'failed', result: '{"code":7}' } },
      { fn: 'sendRequest:rejected', message: 'sendRequest was refused: {"code":7}', reason: '{"code":7}' },
    ]);
  });

  it('passes any other value on as the result without a warning (the server\'s result may be anything)', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { status: 'pending' });
    const first = await warningsDuring(() => plugin().request('lock'));
    appAnswers(host, undefined);
    const second = await warningsDuring(() => plugin().request('unlock'));
    expect(logged()).to.deep.equal([
      { fn: 'sendRequest:callback', answer: { status: 'success', result: { status: 'pending' } } },
      { fn: 'sendRequest:resolved', value: { status: 'success', result: { status: 'pending' } } },
      { fn: 'sendRequest:callback', answer: { status: 'success', result: undefined } },
      { fn: 'sendRequest:resolved', value: { status: 'success', result: undefined } },
    ]);
    expect(shapeWarnings([...first, ...second])).to.deep.equal([]);
  });
});

describe('an app\'s answer to the other commands', () => {
  it('takes the REST reply as the result and a failed one as a refusal; any other value is the result', async () => {
    const { host } = await mountHost('command-answers');
    appAnswers(host, { status: 'success', result: true });
    await plugin().disconnect('p1');
    appAnswers(host, { status: 'failed', result: 'Participant not found' });
    await plugin().disconnect('p2');
    appAnswers(host, 'done');
    const warnings = await warningsDuring(() => plugin().disconnect('p3'));
    expect(logged()).to.deep.equal([
      { fn: 'disconnectParticipant:resolved', value: true },
      { fn: 'disconnectParticipant:rejected', message: 'disconnectParticipant was refused: Participant not found', reason: 'Participant not found' },
      { fn: 'disconnectParticipant:resolved', value: 'done' },
    ]);
    expect(shapeWarnings(warnings)).to.deep.equal([]);
  });
});

/** An app's own connection as a plain object: `execute` resolves to the next answer given. */
function plainConnection(answers: unknown[]): ConferenceConnection & { executed: PluginCommand[] } {
  const executed: PluginCommand[] = [];
  return {
    participants$: new BehaviorSubject<readonly Participant[]>([]),
    conference$: new BehaviorSubject<ConferenceDetails>({ locked: false, guestsMuted: false, chatEnabled: true, mediaType: 'video', started: true }),
    actions$: new Subject<PexAction>(),
    role$: new BehaviorSubject<'chair' | 'guest' | undefined>('chair'),
    selfUUID$: new BehaviorSubject<string | undefined>('self'),
    executed,
    execute(command) {
      executed.push(command);
      return Promise.resolve(answers.shift() as never);
    },
    async leave() {},
  };
}

describe('an app\'s own connection.execute, answering in each shape', () => {
  it('is read as an app\'s answer is: the same shapes, the same refusal, the same warning', async () => {
    const { host } = await mountHost('command-answers');
    const connection = plainConnection([
      ['uuid-1'],
      { result: ['uuid-2'] },
      { status: 'success', result: ['uuid-3'] },
      'uuid-4',
      { status: 'failed', result: 'Gateway dial out failed' },
      { uuid: 'uuid-5' },
      { status: 'success', result: true },
      { locked: true },
      { status: 'failed', result: 'Conference locked' },
    ]);
    host.connection = connection;
    await host.updateComplete;
    const outcomes: CommandOutcome[] = [];
    const subscription = commandOutcomes$.subscribe((outcome) => outcomes.push(outcome));
    let warnings: string[];
    try {
      warnings = await warningsDuring(async () => {
        for (let i = 0; i < 6; i++) await plugin().record('rtmp://stream.example/live');
        for (let i = 0; i < 3; i++) await plugin().request('lock');
      });
    } finally {
      subscription.unsubscribe();
    }
    expect(connection.executed.map((c) => c.name)).to.deep.equal([...Array(6).fill('dialOut'), ...Array(3).fill('sendRequest')]);
    expect(logged()).to.deep.equal([
      ...recorded('uuid-1'),
      ...recorded('uuid-2'),
      ...recorded('uuid-3'),
      ...recorded('uuid-4'),
      { fn: 'dialOut:callback', answer: { result: [] }, verdict: 'check alias and retry' },
      { fn: 'dialOut:rejected', message: 'dialOut was refused: Gateway dial out failed', reason: 'Gateway dial out failed' },
      { fn: 'dialOut:callback', answer: { result: { uuid: 'uuid-5' } }, verdict: 'recording undefined' },
      { fn: 'dialOut:resolved', value: { result: { uuid: 'uuid-5' } } },
      { fn: 'sendRequest:callback', answer: { status: 'success', result: true } },
      { fn: 'sendRequest:resolved', value: { status: 'success', result: true } },
      { fn: 'sendRequest:callback', answer: { status: 'success', result: { locked: true } } },
      { fn: 'sendRequest:resolved', value: { status: 'success', result: { locked: true } } },
      { fn: 'sendRequest:callback', answer: { status: 'failed', result: 'Conference locked' } },
      { fn: 'sendRequest:rejected', message: 'sendRequest was refused: Conference locked', reason: 'Conference locked' },
    ]);
    expect(shapeWarnings(warnings)).to.deep.equal([
      '[pex-plugin-host] dialOut from plugin "answers-plugin": the connection\'s execute resolved with {"uuid":"uuid-5"}, ' +
        `a shape dialOut does not understand; the plugin gets it as the result. ${DIAL_OUT_SHAPES}`,
    ]);
    // What tools such as the playground's inspector see: the answer as read, by whom.
    expect(outcomes.map((o) => (o.ok ? { value: o.value, by: o.answeredBy } : { refused: (o.error as Error).message }))).to.deep.equal([
      { value: ['uuid-1'], by: 'connection' },
      { value: ['uuid-2'], by: 'connection' },
      { value: ['uuid-3'], by: 'connection' },
      { value: ['uuid-4'], by: 'connection' },
      { refused: 'dialOut was refused: Gateway dial out failed' },
      { value: { uuid: 'uuid-5' }, by: 'connection' },
      { value: true, by: 'connection' },
      { value: { locked: true }, by: 'connection' },
      { refused: 'sendRequest was refused: Conference locked' },
    ]);
  });
});
