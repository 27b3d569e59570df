/**
 * Compile-time check (run by `npm run typecheck`) that an app's answer is typed by the command:
 * `resolve` takes each command's answer (`CommandAnswers`), and so do a connection's `execute`
 * and the testing kit's `answer`. Each `@ts-expect-error` fails the check when the line it
 * guards starts to compile.
 */
import type { PexCommandDetail } from '../../components/events.js';
import type { ConferenceConnection } from '../../src/conference/connection.js';
import type { PluginHostHarness, RecordedCommand } from '../../testing/index.js';

export function answerEachShape(detail: PexCommandDetail): void {
  if (detail.name === 'dialOut') {
    detail.resolve(['uuid-1', 'uuid-2']);
    detail.resolve([]);
    detail.resolve('uuid-1');
    detail.resolve({ result: ['uuid-1'] });
    detail.resolve({ status: 'success', result: ['uuid-1'] });
    detail.resolve({ status: 'failed', result: 'Gateway dial out failed' });
    // @ts-expect-error dialOut's answer is the new participants' uuids, not a number
    detail.resolve(42);
    // @ts-expect-error nor a participant object
    detail.resolve({ uuid: 'uuid-1' });
    // @ts-expect-error dialOut needs an answer
    detail.resolve();
  } else if (detail.name === 'sendRequest') {
    // The server's result may be anything, or nothing.
    detail.resolve({ locked: true });
    detail.resolve({ status: 'success', result: true });
    detail.resolve();
  }
  // @ts-expect-error un-narrowed, resolve takes only what every command takes
  detail.resolve(true);
}

export async function connectionAnswers(connection: ConferenceConnection): Promise<void> {
  const uuids = await connection.execute({ name: 'dialOut', args: { alias: 'sip:a@example.com', protocol: 'sip', role: 'guest', options: {} } });
  // @ts-expect-error an app's connection may answer dialOut with one uuid or a reply: read it through the host
  uuids.map((uuid) => uuid.length);
}

export function kitAnswers(harness: PluginHostHarness, dial: RecordedCommand<'dialOut'>, any: RecordedCommand): void {
  harness.answer(dial, ['uuid-1']);
  // @ts-expect-error the kit's answer is typed by the command too
  harness.answer(dial, 42);
  harness.answer(any, 42);
}
