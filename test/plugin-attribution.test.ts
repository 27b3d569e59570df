import { expect } from '@open-wc/testing';
import { recordByScript, setRecordScript } from '../src/runtime/plugin-attribution.js';
import { PluginRecord } from '../src/runtime/plugin-record.js';
import { PluginRuntime } from '../src/runtime/plugin-runtime.js';
import { ConferenceStore } from '../src/conference/conference-store.js';
import { fixtureUrl } from './support/host-fixture.js';

const recordOf = (id: string) => new PluginRecord({ id, srcURL: `plugins/${id}/${id}.plugin.package.json`, enabled: true });

/** What the lookup found, by id and whether it is `expected` itself (a record holds DOM nodes, which make a poor failure message). */
const found = (record: PluginRecord | undefined, expected?: PluginRecord) => (record ? `${record.id}${record === expected ? '' : ' (another record)'}` : 'none');

/**
 * The running `<script>` names the plugin that calls `registerPlugin` or `createNewState`
 * (the call's stack is only looked at when it does not), so the lookup must find exactly its
 * record, and nothing for a script that is no longer the record's or a record that is gone.
 */
describe('recordByScript', () => {
  it('finds the record whose source runs in the element, and no other', () => {
    const records = new Map(['a', 'b', 'c'].map((id) => [id, recordOf(id)]));
    const scripts = new Map([...records.keys()].map((id) => [id, document.createElement('script')]));
    for (const [id, record] of records) setRecordScript(record, scripts.get(id)!);
    for (const [id, record] of records) expect(found(recordByScript(records, scripts.get(id)!), record), id).to.equal(id);
    expect(found(recordByScript(records, document.createElement('script'))), 'an element no plugin runs in').to.equal('none');
    expect(found(recordByScript(records, null)), 'no running script').to.equal('none');
  });

  it('finds nothing once the record has another script, or is not among the records', () => {
    const records = new Map([['a', recordOf('a')]]);
    const record = records.get('a')!;
    const first = document.createElement('script');
    setRecordScript(record, first);
    const second = document.createElement('script');
    setRecordScript(record, second);
    expect(found(recordByScript(records, first)), 'the script of an earlier load').to.equal('none');
    expect(found(recordByScript(records, second), record)).to.equal('a');
    record.script = undefined;
    expect(found(recordByScript(records, second)), 'unloaded: its script is gone').to.equal('none');
    setRecordScript(record, second);
    expect(found(recordByScript(new Map([['a', recordOf('a')]]), second)), 'a record of another start').to.equal('none');
  });
});

describe('attribution of a plugin script\'s own calls', () => {
  it('makes no call stack for registerPlugin and createNewState while the plugin\'s script names it', async () => {
    // V8 calls Error.prepareStackTrace when a stack is put into words: counted for stacks
    // made while a plugin's script runs (a plugin that registers from a timer, as one of
    // these does, is found by its stack, and rightly).
    type Prepare = (error: Error, frames: { getFileName(): string | null; toString(): string }[]) => string;
    const withPrepare = Error as unknown as { prepareStackTrace?: Prepare };
    const original = withPrepare.prepareStackTrace;
    let pluginStacks = 0;
    withPrepare.prepareStackTrace = (error, frames) => {
      const running = document.currentScript as HTMLScriptElement | null;
      if (running?.src.includes('/runtime/good/plugins/')) pluginStacks += 1;
      return [String(error), ...frames.map((frame) => `    at ${frame.toString()}`)].join('\n');
    };
    const runtime = new PluginRuntime(new ConferenceStore());
    try {
      await runtime.start(fixtureUrl('good'));
      const loaded = runtime.plugins.filter((plugin) => plugin.status === 'loaded').map((plugin) => plugin.id);
      expect(loaded, 'plugins that call createNewState and registerPlugin in their scripts').to.include.members(['toolbar-plugin', 'participants-plugin']);
      expect(pluginStacks, 'stacks made while their scripts ran').to.equal(0);
    } finally {
      withPrepare.prepareStackTrace = original;
      runtime.stop();
    }
  });
});
