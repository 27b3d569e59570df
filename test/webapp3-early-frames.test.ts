import { expect } from '@open-wc/testing';
import { ConferenceStore } from '../src/conference/conference-store.js';
import type { Webapp3Entry } from '../src/config/types.js';
import { makeEarlyFrames } from '../src/runtime/webapp3-early-frames.js';
import { Webapp3Plugins } from '../src/runtime/webapp3-plugins.js';
import { Webapp3Host } from '../src/webapp3/index.js';
import { countWindowReads, fixtureUrl, until } from './support/webapp3-harness.js';

/**
 * The frames of a branding's Web App 3 plugins are made by the runtime as soon as they load,
 * while the frame host's chunk is still on its way (src/runtime/webapp3-early-frames.ts); the
 * frame host takes them, and the handshakes their pages posted before it listened.
 */
describe('Web App 3 frames made before the frame host arrives', () => {
  let container: HTMLElement;

  const entry = (id: string, sandboxValues: string[] = []): Webapp3Entry => ({ id, index: 0, src: fixtureUrl(`probe/index.html?id=${id}&raw=1`), sandboxValues });

  /** Resolves once the page in `frame` has posted its handshake to this window. */
  const synPosted = (frame: HTMLIFrameElement) => {
    let seen = false;
    const see = (event: MessageEvent) => {
      if (event.source === frame.contentWindow && (event.data as { rpc?: unknown } | null)?.rpc === 'syn') seen = true;
    };
    addEventListener('message', see);
    return until(() => seen, 'the page to post its syn').finally(() => removeEventListener('message', see));
  };

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => container.remove());

  it('makes, in one insertion, the frames the frame host would make the same way: allowed sandbox values, the first of a repeated id', () => {
    let insertions = 0;
    const observer = new MutationObserver((records) => (insertions += records.filter((r) => r.addedNodes.length > 0).length));
    observer.observe(container, { childList: true });
    const early = makeEarlyFrames(container, [
      entry('plain'),
      entry('popups', ['allow-popups', 'allow-scripts', 'allow-popups']),
      entry('top', ['allow-top-navigation']),
      entry('plain', ['allow-forms']),
    ]);
    observer.takeRecords().forEach((r) => (insertions += r.addedNodes.length > 0 ? 1 : 0));
    observer.disconnect();
    expect([...early.frames.keys()]).to.deep.equal(['plain', 'popups']);
    expect(insertions).to.equal(1);
    const frames = [...container.querySelectorAll('iframe')];
    expect(frames.length).to.equal(2);
    const [plain, popups] = frames;
    expect(plain.getAttribute('sandbox')).to.equal('allow-scripts');
    expect(popups.getAttribute('sandbox')).to.equal('allow-scripts allow-popups');
    expect(plain.dataset.webapp3Plugin).to.equal('plain');
    expect(plain.title).to.equal('Plugin plain');
    expect(plain.hidden).to.equal(true);
    expect(plain.getAttribute('aria-hidden')).to.equal('true');
    expect(plain.tabIndex).to.equal(-1);
    expect(plain.src).to.equal(entry('plain').src);
    early.remove();
    expect(container.querySelectorAll('iframe').length).to.equal(0);
  });

  it("reads none of the frames' windows when it makes them: what their pages post is matched to them later", () => {
    const reads = countWindowReads();
    let early: ReturnType<typeof makeEarlyFrames> | undefined;
    try {
      early = makeEarlyFrames(container, [entry('one'), entry('two')]);
      expect(reads.total).to.equal(0);
    } finally {
      reads.restore();
      early?.remove();
    }
  });

  it('keeps no message from no window (a port\'s), nor any while its frames are out of any document', () => {
    const detached = document.createElement('div');
    const early = makeEarlyFrames(detached, [entry('nowhere')]);
    try {
      expect(early.frames.get('nowhere')?.contentWindow).to.equal(null);
      dispatchEvent(new MessageEvent('message', { data: { rpc: 'syn', id: '1', chanId: 'c' }, source: null }));
      expect(early.take()).to.deep.equal([]);
    } finally {
      early.remove();
    }
  });

  it('hands the frame host the handshake a page posted before the host listened: the plugin registers in the same frame', async () => {
    const early = makeEarlyFrames(container, [entry('first')]);
    const frame = early.frames.get('first')!;
    await synPosted(frame);
    const host = new Webapp3Host({ container, execute: async () => true, registerTimeout: 2000 });
    try {
      const [plugin] = host.load([{ id: 'first', src: entry('first').src, sandboxValues: [] }], early);
      await plugin.ready;
      expect(plugin.status).to.equal('ready');
      expect([...container.querySelectorAll('iframe')]).to.deep.equal([frame]);
      // Kept no longer: the host's own listener takes what comes next.
      expect(early.take()).to.deep.equal([]);
    } finally {
      host.dispose();
    }
    expect(container.querySelectorAll('iframe').length).to.equal(0);
  });

  it("makes the frame host make what it did not (a refused sandbox value) and report it; the others' frames are taken", async () => {
    const early = makeEarlyFrames(container, [entry('ok'), entry('top', ['allow-top-navigation'])]);
    const host = new Webapp3Host({ container, execute: async () => true, registerTimeout: 4000 });
    try {
      const [ok, top] = host.load([entry('ok'), entry('top', ['allow-top-navigation'])], early);
      expect(top.status).to.equal('failed');
      expect(top.problem?.message).to.contain('allow-top-navigation');
      await ok.ready;
      expect([...container.querySelectorAll('iframe')]).to.deep.equal([early.frames.get('ok')]);
    } finally {
      host.dispose();
    }
  });

  describe('in the runtime', () => {
    let plugins: Webapp3Plugins;
    beforeEach(() => {
      plugins = new Webapp3Plugins({
        container: () => container,
        conference: new ConferenceStore(),
        execute: async () => true,
        registerTimeout: () => 4000,
        menuItems: () => {},
        role: () => undefined,
        changed: () => {},
        loaded: () => {},
        failed: () => {},
      });
    });
    afterEach(() => plugins.stop());

    it('puts the frames in the document when the plugins load, before the frame host is in; they register in those frames', async () => {
      plugins.begin([entry('a'), entry('b')]);
      const loading = plugins.load(['a', 'b']);
      const made = [...container.querySelectorAll('iframe')];
      expect(made.map((frame) => frame.dataset.webapp3Plugin)).to.deep.equal(['a', 'b']);
      await loading;
      expect([plugins.status('a'), plugins.status('b')]).to.deep.equal(['loaded', 'loaded']);
      expect([...container.querySelectorAll('iframe')]).to.deep.equal(made);
    });

    it("fails the plugins, saying why, when the frame host's code does not load; their frames and its UI go, and a retry asks for it again", async () => {
      let attempts = 0;
      let disposed = 0;
      const failures: string[] = [];
      plugins.stop();
      plugins = new Webapp3Plugins({
        container: () => container,
        conference: new ConferenceStore(),
        execute: async () => true,
        registerTimeout: () => 4000,
        loadFrameHost: () => {
          attempts += 1;
          return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/webapp3-x.js')) : import('../src/webapp3/index.js');
        },
        ui: async () => ({ handlers: {}, removeAll: () => {}, dispose: () => (disposed += 1) }),
        menuItems: () => {},
        role: () => undefined,
        changed: () => {},
        loaded: () => {},
        failed: (id, message) => failures.push(`${id}: ${message}`),
      });
      plugins.begin([entry('a')]);
      await plugins.load(['a']);
      expect(plugins.status('a')).to.equal('failed');
      expect(failures).to.have.length(1);
      expect(failures[0]).to.contain("a: its frame host's code did not load (Failed to fetch dynamically imported module: /dist/webapp3-x.js)");
      expect(failures[0]).to.contain("serve all of the package's files");
      expect(container.querySelectorAll('iframe').length).to.equal(0);
      await until(() => disposed === 1, 'the UI made for the frame host to go');
      await plugins.load(['a']);
      expect(attempts).to.equal(2);
      expect(plugins.status('a')).to.equal('loaded');
      expect(container.querySelectorAll('iframe').length).to.equal(1);
    });

    it('takes the frames away again when the plugins are stopped before the frame host is in', async () => {
      plugins.begin([entry('a')]);
      const loading = plugins.load(['a']);
      expect(container.querySelectorAll('iframe').length).to.equal(1);
      plugins.stop();
      await loading;
      expect(container.querySelectorAll('iframe').length).to.equal(0);
    });
  });
});
