/* global window, document, crossOriginIsolated */
/**
 * In-page side of bench/roster.mjs: window.benchApi, driven through puppeteer.
 * Times are performance.now() (5 µs resolution: the page is cross-origin isolated).
 */
import { connectInfinity } from '/dist/pex-plugin-host.js';

const host = document.querySelector('pex-plugin-host');
const menu = document.querySelector('pex-participant-menu');
const log = window.benchRoster;

function participant(i, overrides = {}) {
  const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    uuid,
    name: `Person ${i}`,
    role: i % 50 === 0 ? 'chair' : 'guest',
    uri: `sip:person${i}@example.com`,
    startTime: 1700000000 + i,
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
    stageIndex: -1,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
    ...overrides,
  };
}

const snapshot = () => ({ ...log.counts });
function deltas(before) {
  const out = {};
  for (const id of Object.keys(log.counts)) out[id] = log.counts[id] - (before[id] || 0);
  return out;
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The events stream's chunks are timestamped as they come off the network. */
const chunks = { count: 0, lastAt: 0 };
async function timedFetch(input, init) {
  const response = await window.fetch(input, init);
  if (!String(input).includes('/events') || !response.body) return response;
  const reader = response.body.getReader();
  const body = new window.ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      chunks.count += 1;
      chunks.lastAt = performance.now();
      stream.callbacksThisChunk = 0;
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new window.Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The update stream: per events-stream chunk that reached every plugin, the main-thread time
 * from the chunk coming off the network to the last plugin callback, and to the open
 * participant menu rendered; frames (requestAnimationFrame deltas) and long tasks meanwhile.
 */
const stream = {
  on: false,
  plugins: 0,
  callbacksThisChunk: 0,
  toCallbacks: [],
  toMenu: [],
  frames: [],
  longTasks: [],
  chunks: 0,
  callbacks: 0,
};
log.onCallback = () => {
  if (!stream.on) return;
  stream.callbacks += 1;
  stream.callbacksThisChunk += 1;
  if (stream.callbacksThisChunk !== stream.plugins) return;
  const chunkAt = chunks.lastAt;
  stream.toCallbacks.push(performance.now() - chunkAt);
  // The menu's update was requested in this task (the page sets its participant on each roster
  // emission, as an app does); it renders in a microtask of the same task.
  queueMicrotask(() => {
    menu.updateComplete.then(() => stream.toMenu.push(performance.now() - chunkAt));
  });
};
new window.PerformanceObserver((list) => {
  if (stream.on) for (const e of list.getEntries()) stream.longTasks.push({ start: e.startTime, ms: e.duration });
}).observe({ type: 'longtask' });
function frameLoop(last) {
  if (!stream.on) return;
  window.requestAnimationFrame((now) => {
    if (!stream.on) return;
    stream.frames.push(now - last);
    frameLoop(now);
  });
}

let connection;
let connectionEmissions = 0;
let round;

window.benchApi = {
  async ready() {
    await host.updateComplete;
    await host.settled;
    return {
      loaded: host.plugins.filter((p) => p.status === 'loaded').length,
      isolated: crossOriginIsolated,
      subscriptions: host.runtime.subscriptionCount,
    };
  },

  /** (a) app-driven: one assignment of n participants; emissions per plugin. */
  async appDrivenSync(n) {
    host.participants = [];
    await tick();
    const roster = Array.from({ length: n }, (_, i) => participant(i));
    const before = snapshot();
    const t0 = performance.now();
    host.participants = roster;
    const t1 = performance.now();
    await sleep(100);
    return { emissions: deltas(before), lengths: { ...log.lengths }, setMs: t1 - t0 };
  },

  /** (b) connected: joins `meet` through the drop-in's connectInfinity (the sync comes before it resolves). */
  async connect() {
    host.participants = [];
    await tick();
    const t0 = performance.now();
    connection = await connectInfinity({ node: '', alias: 'meet', displayName: 'Bench', fetch: timedFetch, syncTimeout: 30000 });
    const tJoined = performance.now();
    let menuFor;
    connection.participants$.subscribe((list) => {
      if (list.length > 0) connectionEmissions += 1;
      // The open participant menu follows its participant (one on stage), as an app re-renders it from the roster.
      if (!menuFor && list[1]) menuFor = list[1].uuid;
      menu.participant = list.find((p) => p.uuid === menuFor);
    });
    const before = snapshot();
    host.connection = connection;
    await host.updateComplete;
    await sleep(200);
    return {
      joinMs: tJoined - t0,
      rosterLength: host.participants.length,
      emissions: deltas(before),
      lengths: { ...log.lengths },
    };
  },

  /** Arms the count for a resync; `resyncDone()` waits for it. */
  armResync() {
    this.resyncBefore = snapshot();
    this.resyncConnectionBefore = connectionEmissions;
    this.resyncChunksBefore = chunks.count;
    this.resyncStartedAt = performance.now();
  },

  /** Waits until every plugin has had an emission, then 500 ms more for any that trickle in. */
  async resyncDone(expectedLength) {
    const ids = Object.keys(log.counts);
    const deadline = performance.now() + 60000;
    while (!ids.every((id) => log.counts[id] > this.resyncBefore[id] && log.lengths[id] >= expectedLength)) {
      if (performance.now() > deadline) throw new Error('no resync within 60 s');
      await sleep(20);
    }
    const emittedAt = log.lastCallbackAt;
    const lastChunkAt = chunks.lastAt;
    await sleep(500);
    return {
      emissions: deltas(this.resyncBefore),
      connectionEmissions: connectionEmissions - this.resyncConnectionBefore,
      chunks: chunks.count - this.resyncChunksBefore,
      lengths: { ...log.lengths },
      syncMs: emittedAt - this.resyncStartedAt,
      lastChunkToAllPluginsMs: emittedAt - lastChunkAt,
    };
  },

  /** A few uuids of the connection's roster, for stage events. */
  uuids(k) {
    return host.participants.slice(1, 1 + k).map((p) => p.uuid);
  },

  /** Arms a wait for the next round: every plugin called once more (checked per plugin once it is done). */
  armRound() {
    const before = snapshot();
    round = new Promise((resolve) => {
      log.roundTarget = log.calls + Object.keys(log.counts).length;
      log.onRound = () => {
        log.roundTarget = -1;
        // The rest of this task may still call plugins: look once the task is over.
        setTimeout(() => resolve({ chunkAt: chunks.lastAt, lastCallbackAt: log.lastCallbackAt, emissions: deltas(before) }), 0);
      };
    });
  },

  /** The round armed last: from the stage event's chunk off the network to the last plugin callback. */
  async roundDone() {
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no emission within 10 s')), 10000));
    const r = await Promise.race([round, timeout]);
    return { ms: r.lastCallbackAt - r.chunkAt, emissionsPerPlugin: [...new Set(Object.values(r.emissions))] };
  },

  /** Starts recording the update stream (per chunk, frames, long tasks). */
  startStream() {
    Object.assign(stream, { plugins: Object.keys(log.counts).length, toCallbacks: [], toMenu: [], frames: [], longTasks: [], callbacks: 0 });
    stream.chunksBefore = chunks.count;
    stream.countsBefore = snapshot();
    stream.on = true;
    stream.startedAt = performance.now();
    frameLoop(performance.now());
    return { plugins: stream.plugins, menuItems: menu.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0 };
  },

  /** Stops recording, after the last updates had time to arrive; what was recorded. */
  async stopStream(settleMs = 300) {
    await sleep(settleMs);
    stream.on = false;
    return {
      seconds: (performance.now() - stream.startedAt) / 1000,
      chunks: chunks.count - stream.chunksBefore,
      emissionsPerPlugin: [...new Set(Object.values(deltas(stream.countsBefore)))],
      toCallbacks: stream.toCallbacks,
      toMenu: stream.toMenu,
      frames: stream.frames,
      longTasks: stream.longTasks,
      menuItems: menu.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0,
    };
  },

  /** performance.memory after forced collections (when the browser exposes gc). */
  async heap() {
    if (typeof window.gc !== 'function') return null;
    for (let i = 0; i < 3; i++) {
      window.gc();
      await tick();
    }
    return window.performance.memory.usedJSHeapSize;
  },

  async leave() {
    if (!connection) return;
    host.connection = undefined;
    await connection.leave();
    connection = undefined;
    host.participants = [];
    await tick();
  },
};

window.benchReady = true;
