import { expect } from '@open-wc/testing';
import { ConferenceStore } from '../src/conference/conference-store.js';
import type { Webapp3Entry } from '../src/config/types.js';
import { Webapp3Plugins, type Webapp3Ui, type Webapp3UiLink } from '../src/runtime/webapp3-plugins.js';
import type { RpcHandlers } from '../src/webapp3/index.js';
import { callReached, fixtureUrl, frameOf, probeCall, Reports, until } from './support/webapp3-harness.js';

/**
 * The runtime's Web App 3 plugins (src/runtime/webapp3-plugins.ts): when the frame host and the
 * UI's handlers are asked for, and that the frames do not wait for the UI's chunk.
 */
describe("the runtime's Web App 3 plugins: the frame host and the UI, fetched side by side", () => {
  let container: HTMLElement;
  let reports: Reports;
  let plugins: Webapp3Plugins | undefined;
  let uiAsked: number;
  /** How many frames were in the container when the UI (asked for with the frame host) was asked for. */
  let framesWhenAsked: number | undefined;
  let arrive: (ui: Webapp3Ui) => void;
  let loaded: string[];

  const entry = (id: string): Webapp3Entry => ({ id, index: 0, src: fixtureUrl(`probe/index.html?id=${id}&raw=1`), sandboxValues: [] });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    reports = new Reports();
    uiAsked = 0;
    framesWhenAsked = undefined;
    loaded = [];
    const ui = new Promise<Webapp3Ui>((resolve) => (arrive = resolve));
    plugins = new Webapp3Plugins({
      container: () => container,
      conference: new ConferenceStore(),
      execute: async () => true,
      registerTimeout: () => 4000,
      ui: (_link: Webapp3UiLink) => {
        uiAsked += 1;
        framesWhenAsked = container.querySelectorAll('iframe').length;
        return ui;
      },
      menuItems: () => {},
      role: () => undefined,
      changed: () => {},
      loaded: (id) => loaded.push(id),
      failed: () => {},
    });
  });

  afterEach(() => {
    plugins?.stop();
    plugins = undefined;
    reports.dispose();
    container.remove();
  });

  it('asks for the UI (and the frame host) once, when Web App 3 plugins load, right after their frames went in; not for a branding that only lists them, nor for one without them', async () => {
    plugins!.begin([]);
    await plugins!.load([]);
    expect(uiAsked).to.equal(0);
    plugins!.begin([entry('a'), entry('b')]);
    expect(uiAsked).to.equal(0);
    expect(container.querySelectorAll('iframe').length).to.equal(0);
    const loading = plugins!.load(['a', 'b']);
    // In the same task as the frames' insertion, after it.
    expect(uiAsked).to.equal(1);
    expect(framesWhenAsked).to.equal(2);
    await loading;
    expect(loaded.sort()).to.deep.equal(['a', 'b']);
    expect(uiAsked).to.equal(1);
  });

  it('loads the frames and completes their handshakes while the UI is on its way; a UI call made meanwhile is served once it arrives', async () => {
    plugins!.begin([entry('early')]);
    await plugins!.load(['early']);
    expect(loaded).to.deep.equal(['early']);
    expect(plugins!.status('early')).to.equal('loaded');
    const reached = callReached('ui:later');
    const outcome = probeCall(reports, frameOf(container, 'early'), 'early', { rpc: 'ui:later', payload: { n: 2 } });
    await reached;
    const handlers: RpcHandlers = { 'ui:later': (payload, { callId }) => ({ status: 'ok', id: callId, data: payload }) };
    arrive({ handlers, removeAll: () => {} });
    expect((await outcome).value).to.deep.include({ status: 'ok', data: { n: 2 } });
    expect(uiAsked).to.equal(1);
  });

  it('lets go of a UI that arrives after the plugins were stopped', async () => {
    plugins!.begin([entry('gone')]);
    await plugins!.load(['gone']);
    plugins!.stop();
    let disposed = 0;
    arrive({ handlers: {}, removeAll: () => {}, dispose: () => (disposed += 1) });
    await until(() => disposed === 1, 'the late UI to be disposed');
    expect(container.querySelectorAll('iframe').length).to.equal(0);
  });
});
