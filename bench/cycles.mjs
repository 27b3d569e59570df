/**
 * 1,000 load/unload cycles of a plugin that subscribes to participants$, conferenceDetails$
 * and PEX.actions$ (and never unsubscribes: the host must), has a toolbar item with a state$,
 * and opens a dialog that is still open when it is unloaded. Subscriptions, live event
 * listeners, plugin script elements and dialog nodes must end where they started, and the JS
 * heap after forced GC must grow by less than 1 MB. Subscriptions are counted where the host
 * hands out its streams (liveSubscriptionCount), so one that unload forgot stays counted.
 */
import path from 'node:path';
import { launchBrowser, freshPage } from './lib/browser.mjs';
import { tempFolder, writeBrandingFolder } from './lib/branding.mjs';
import { BENCH_DIR, REPO_DIR, table, verdict } from './lib/results.mjs';
import { startServer } from './lib/server.mjs';
import { heapGrowth, heapSummary } from './lib/heap.mjs';

export const name = 'cycles';
export const title = '1,000 load/unload cycles (budget: subscriptions, listeners, scripts and dialogs back where they started; heap growth < 1 MB)';

/** 1 MB read as 1,000,000 bytes. */
const HEAP_BUDGET_BYTES = 1_000_000;

const SOURCE = `(function () {
  var state$ = window.PEX.pluginAPI.createNewState({ label: 'Cycle' });
  function load(participants$, conferenceDetails$) {
    window.benchCycles.loads++;
    // Never unsubscribed by the plugin, as in many real plugins: unloading must end them.
    participants$.subscribe(function (participants) { state$.next({ label: 'Cycle (' + participants.length + ')' }); });
    conferenceDetails$.subscribe(function () {});
    window.PEX.actions$.ofType('[Bench] Ping').subscribe(function () { window.benchCycles.pings++; });
  }
  function unload() {}
  function openDialog() {
    window.PEX.pluginAPI.openTemplateDialog({
      title: 'Cycle',
      body: '<p id="cycleBody" class="pex-dialog-content-message">Cycle</p><button id="cycleOk" class="dialog-button green-action-button">OK</button>'
    }).then(function (dialogRef) {
      window.benchCycles.dialogsOpened++;
      document.getElementById('cycleOk').addEventListener('click', function () { dialogRef.close('ok'); });
      dialogRef.close$.subscribe(function () { window.benchCycles.dialogsClosed++; });
    });
  }
  PEX.pluginAPI.registerPlugin({ id: 'cycle-plugin', load: load, unload: unload, openDialog: openDialog, state$: state$ });
})();
`;

const COUNTED = ['subscriptions', 'listeners', 'scripts', 'dialogs'];

export async function run({ cycles = 1000, log = console.log } = {}) {
  const fixtures = await tempFolder();
  await writeBrandingFolder(path.join(fixtures.dir, 'cycles'), [
    { id: 'cycle-plugin', name: 'Cycle plugin', source: SOURCE, menuItems: { toolbar: [{ label: 'Cycle', icon: null, action: 'openDialog' }] } },
  ]);
  // The subscription counter is the drop-in's own export: the build every other benchmark measures.
  const dropIn = { source: 'dist/pex-plugin-host.js (its export liveSubscriptionCount)' };
  const server = await startServer({
    mounts: {
      '/dist/': path.join(REPO_DIR, 'dist'),
      '/branding/': fixtures.dir,
      '/pages/': path.join(BENCH_DIR, 'pages'),
    },
  });
  // Without the DevTools Network domain (puppeteer enables it by default), which would keep a
  // record of every request (about 290 bytes each, one per cycle) in the heap being measured.
  const browser = await launchBrowser({ args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'], network: false });
  const { page, errors, close } = await freshPage(browser, { cache: true });
  page.setDefaultTimeout(110_000);
  let result;
  try {
    await page.goto(`${server.origin}/pages/cycles.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => globalThis.benchReady === true);
    const ready = await page.evaluate(() => globalThis.benchApi.ready());
    if (!ready.hasGc) throw new Error('gc() is not exposed');
    if (!ready.hasCounter) throw new Error('liveSubscriptionCount is not exported by the drop-in loaded');
    const start = await page.evaluate(() => globalThis.benchApi.start());
    // Cycles in phases, each ending with a checkpoint (counts and heap); heap snapshots after
    // the warm-up phase and at the end show what kind of object any growth is.
    const checkpoints = [1, 10, 100, 500, cycles].filter((c, i, all) => c <= cycles && all.indexOf(c) === i).sort((a, b) => a - b);
    const snapshotAt = checkpoints.includes(100) && cycles > 100 ? 100 : checkpoints[0];
    const cdp = await page.createCDPSession();
    const marks = [];
    let ms = 0;
    let done;
    let before;
    let after;
    for (let i = 0, at = 0; i < checkpoints.length; i++) {
      done = await page.evaluate((n) => globalThis.benchApi.cycles(n, [n]), checkpoints[i] - at);
      at = checkpoints[i];
      ms += done.ms;
      marks.push({ ...done.marks[0], cycle: at });
      if (at === snapshotAt) before = await heapSummary(cdp);
    }
    after = await heapSummary(cdp);
    await cdp.detach();
    const end = marks.at(-1);
    const same = COUNTED.every((k) => end.counts[k] === start.counts[k]);
    const heapDelta = end.heap - start.heap;
    result = {
      cycles,
      dropIn,
      ms: Number(ms.toFixed(0)),
      start: start.counts,
      whileLoaded: done.whileLoaded,
      end: end.counts,
      heapBudgetBytes: HEAP_BUDGET_BYTES,
      heapPass: heapDelta < HEAP_BUDGET_BYTES,
      pass: same && heapDelta < HEAP_BUDGET_BYTES && errors.length === 0,
      pluginLog: done.log,
      heap: {
        startBytes: start.heap,
        endBytes: end.heap,
        deltaBytes: end.heap - start.heap,
        perCycleBytes: Number(((end.heap - start.heap) / cycles).toFixed(1)),
        marks: marks.map((m) => ({ cycle: m.cycle, bytes: m.heap, counts: Object.fromEntries(COUNTED.map((k) => [k, m.counts[k]])) })),
        growth: { from: snapshotAt, to: cycles, ...heapGrowth(before, after) },
      },
      ...(errors.length ? { pageErrors: errors.slice(0, 20) } : {}),
    };
    log(`cycles: ${cycles} cycles in ${result.ms} ms; start ${JSON.stringify(start.counts)} end ${JSON.stringify(end.counts)}; heap ${start.heap} -> ${end.heap}`);
  } finally {
    await close();
    await browser.close();
    await server.close();
    await fixtures.remove();
  }
  return result;
}

const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;

export function markdown(r) {
  const g = r.heap.growth;
  const loaded = r.whileLoaded ?? {};
  const rows = [...COUNTED, 'sandboxSubscriptions', 'toolbarButtons'].map((k) => {
    const info = k === 'toolbarButtons' || k === 'sandboxSubscriptions';
    const label = { subscriptions: 'subscriptions (liveSubscriptionCount(), all handed-out streams)', sandboxSubscriptions: 'sandbox-tracked subscriptions (host.runtime.subscriptionCount; info: cannot see what unload forgot)', toolbarButtons: 'toolbar buttons (info)' }[k] ?? k;
    return [label, r.start[k], loaded[k] ?? '—', r.end[k], info ? '—' : 'equal', info ? 'info' : verdict(r.start[k] === r.end[k])];
  });
  const streams = Object.keys(r.start.subscriptionsByStream ?? {});
  const streamRows = streams.map((st) => [`\`${st}\``, r.start.subscriptionsByStream[st], loaded.subscriptionsByStream?.[st] ?? '—', r.end.subscriptionsByStream[st]]);
  const heapRows = [['start (plugin unloaded)', r.heap.startBytes.toLocaleString('en'), mb(r.heap.startBytes), '']].concat(
    r.heap.marks.map((m) => [
      `after ${m.cycle} cycle(s)`,
      m.bytes.toLocaleString('en'),
      mb(m.bytes),
      `${m.bytes - r.heap.startBytes >= 0 ? '+' : ''}${(m.bytes - r.heap.startBytes).toLocaleString('en')}`,
    ]),
  );
  return [
    `${r.cycles} cycles in ${(r.ms / 1000).toFixed(1)} s: load the plugin, click its toolbar button (it opens a dialog), dispatch an action its \`actions$\` ` +
      'subscription hears, unload with the dialog open. The plugin never unsubscribes itself. Listeners are counted as in test/unload-leaks.test.ts ' +
      '(targets held weakly so the count keeps nothing alive).' +
      ` The plugin loaded ${r.pluginLog.loads}×, opened ${r.pluginLog.dialogsOpened} dialogs (${r.pluginLog.dialogsClosed} close$ notifications), heard ${r.pluginLog.pings} actions.`,
    '',
    `Drop-in measured: ${r.dropIn?.source ?? 'dist/pex-plugin-host.js'}${r.dropIn?.command ? ` (\`${r.dropIn.command}\`)` : ''}.`,
    '',
    table(['count', 'start (plugin unloaded)', 'cycle 1, plugin loaded, dialog open', `after ${r.cycles} cycles`, 'budget', 'result'], rows),
    '',
    ...(streamRows.length ? ['Subscriptions by stream, counted where the host hands the stream out:', '', table(['stream', 'start', 'loaded, dialog open', `after ${r.cycles}`], streamRows), ''] : []),
    `JS heap, \`performance.memory.usedJSHeapSize\` after \`gc()\` ×3 (Chromium with \`--js-flags=--expose-gc --enable-precise-memory-info\`); budget: growth from start to end under ${(r.heapBudgetBytes ?? 1e6).toLocaleString('en')} bytes: ${verdict(r.heapPass)}.`,
    '',
    table(['when', 'bytes', '', 'Δ from start'], heapRows),
    '',
    `Per cycle over all ${r.cycles}: ${r.heap.perCycleBytes} bytes.` + (r.pageErrors ? ` Page errors: ${r.pageErrors.join('; ')}` : ''),
    '',
    `What grew between cycle ${g.from} and cycle ${g.to} (heap snapshots, summed by node type and name; ${g.totalBytes.toLocaleString('en')} bytes in all, ` +
      `JS objects proper ${g.jsObjects.bytes.toLocaleString('en')} bytes):`,
    '',
    table(['kind (snapshot type: name)', 'count', 'bytes'], g.top.map((row) => [`\`${row.kind}\``, row.count, row.bytes.toLocaleString('en')])),
  ].join('\n');
}
