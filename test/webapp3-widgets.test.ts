import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../components/plugin-widget.js';
import type { PexPluginWidget } from '../components/plugin-widget/plugin-widget.js';
import type { PluginCommand } from '../src/conference/commands.js';
import { ConferenceStore } from '../src/conference/conference-store.js';
import { participant } from '../testing/participants.js';
import { Webapp3Host } from '../src/webapp3/index.js';
import { PluginElements } from '../src/webapp3/ui-elements.js';
import { uiWidgets } from '../src/webapp3/ui-widgets.js';
import { fixtureUrl, frameOf, probeCall, Stage, until, type ProbeReport } from './support/webapp3-harness.js';

const PLUGIN = 'widgets';

const sidePanel = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'sidePanel', title: `Notes ${name}`, src: `widget.html?parent=${PLUGIN}&name=${name}`, ...extra });

/** Counts the listeners added to and removed from `target`, by event type, while it is installed. */
class ListenerCount {
  readonly net = new Map<string, number>();

  constructor(readonly target: EventTarget) {
    const { net } = this;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    target.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      net.set(args[0], (net.get(args[0]) ?? 0) + 1);
      return add.apply(this, args);
    };
    target.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
      net.set(args[0], (net.get(args[0]) ?? 0) - 1);
      return remove.apply(this, args);
    };
  }

  /** The types with more listeners than when counting began. */
  get left(): Record<string, number> {
    return Object.fromEntries([...this.net].filter(([, n]) => n > 0));
  }

  dispose(): void {
    delete (this.target as Partial<EventTarget>).addEventListener;
    delete (this.target as Partial<EventTarget>).removeEventListener;
  }
}

describe('Web App 3 widgets: a panel or floating frame showing the widget\'s page', () => {
  let stage: Stage;
  let host: Webapp3Host | undefined;
  let elements: PluginElements;
  let commands: { command: PluginCommand; pluginId: string }[];
  let ignored: string[];
  let pluginFrame: HTMLIFrameElement;
  let store: ConferenceStore | undefined;

  const start = async (sandboxValues?: string[], withConference = false) => {
    elements = new PluginElements();
    host = new Webapp3Host({
      container: stage.container,
      execute: async (command, pluginId) => {
        commands.push({ command, pluginId });
        return true;
      },
      handlers: { ...uiWidgets({ place: { element: stage.place }, elements }), ...elements.handlers() },
      ...(withConference && store ? { conference: { participants$: store.participants$, conference$: store.conference$ } } : {}),
      onIgnored: (message) => ignored.push(`${message.reason}:${message.pluginId ?? ''}:${message.rpc}`),
    });
    host.load([{ id: PLUGIN, src: fixtureUrl(`widgets/index.html?id=${PLUGIN}`), ...(sandboxValues ? { sandboxValues } : {}) }]);
    await until(() => stage.reports.of(PLUGIN, 'registered').length === 1, 'the plugin registered');
    pluginFrame = frameOf(stage.container, PLUGIN);
  };

  /** Asks the plugin to call `path`; the outcome's value, or a failure with its error. */
  const plugin = async (path: string, payload?: unknown): Promise<ProbeReport> => probeCall(stage.reports, pluginFrame, PLUGIN, { path, payload });

  /** Adds a widget through the plugin: its ref (for toggle/remove), id and element. */
  const addWidget = async (payload: Record<string, unknown>) => {
    const outcome = await plugin('addWidget', payload);
    expect(outcome.kind, outcome.error).to.equal('result');
    const widgetId = outcome.value as string;
    const element = stage.place.shadowRoot!.querySelector<PexPluginWidget>(`pex-plugin-widget[data-widget-id="${widgetId}"]`);
    expect(element, `<pex-plugin-widget> of ${widgetId}`).to.not.equal(null);
    await element!.updateComplete;
    return { ref: outcome.ref!, widgetId, element: element!, frame: element!.querySelector('iframe')! };
  };

  const toggles = (ref: string) => stage.reports.of(PLUGIN, 'event', 'onToggle').filter((r) => r.ref === ref).map((r) => r.payload);
  const shown = (element: HTMLElement) => getComputedStyle(element).display !== 'none' && element.shadowRoot!.querySelector('[part="panel"]')!.getBoundingClientRect().width > 0;
  const closeButton = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!;

  beforeEach(() => {
    stage = new Stage();
    commands = [];
    ignored = [];
    store = new ConferenceStore();
  });

  afterEach(() => {
    stage.dispose(host);
    host = undefined;
  });

  it('adds a side panel whose frame shows the widget\'s page, sandboxed as its plugin; onLoad tells the plugin; the plugin toggles it', async () => {
    await start(['allow-forms']);
    const { ref, widgetId, element, frame } = await addWidget(sidePanel('side'));
    expect(widgetId).to.match(/^widget-\d+$/);
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts allow-forms');
    expect(frame.src).to.equal(fixtureUrl(`widgets/widget.html?parent=${PLUGIN}&name=side`));
    expect(frame.title).to.equal('Notes side');
    await until(() => stage.reports.of(PLUGIN, 'event', 'onLoad').length === 1, 'onLoad');
    expect(stage.reports.of(PLUGIN, 'event', 'onLoad')[0]).to.deep.include({ ref, payload: widgetId });
    await until(() => stage.reports.of('widget:side', 'registered').length === 1, 'the widget page registered');
    // A side panel starts hidden: its plugin opens it.
    expect(element.open).to.equal(false);
    expect(shown(element)).to.equal(false);

    expect((await plugin('toggle', { ref })).value).to.equal('toggled');
    await until(() => toggles(ref).length === 1, 'onToggle');
    expect(toggles(ref)).to.deep.equal([{ widgetId, isVisible: true, isRequest: false, trigger: 'self' }]);
    await element.updateComplete;
    expect(shown(element)).to.equal(true);
    expect(element.getAttribute('type')).to.equal('sidePanel');
    expect(element.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('Notes side');
    const panel = element.shadowRoot!.querySelector('[part="panel"]')!;
    expect(panel.getAttribute('role')).to.equal('region');
    expect(frame.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(element).to.be.accessible();

    await plugin('toggle', { ref });
    await until(() => toggles(ref).length === 2, 'the second onToggle');
    expect(toggles(ref)[1]).to.deep.equal({ widgetId, isVisible: false, isRequest: false, trigger: 'self' });
    await element.updateComplete;
    expect(shown(element)).to.equal(false);
    // Hidden, the page runs on: no second load.
    expect(stage.reports.of(PLUGIN, 'event', 'onLoad').length).to.equal(1);
  });

  it('is closed by the user from the keyboard: its close button, named by the title, and Escape on a floating one; focus goes back', async () => {
    await start();
    const opener = document.createElement('button');
    opener.textContent = 'Open notes';
    document.body.append(opener);
    try {
      const side = await addWidget(sidePanel('side'));
      opener.focus();
      await plugin('toggle', { ref: side.ref });
      await until(() => side.element.open, 'the panel open');
      await side.element.updateComplete;
      const close = closeButton(side.element);
      expect(close.getAttribute('aria-label')).to.equal('Close Notes side');
      close.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => toggles(side.ref).length === 2, 'onToggle from the close button');
      expect(toggles(side.ref)[1]).to.deep.equal({ widgetId: side.widgetId, isVisible: false, isRequest: false, trigger: 'headerCloseButton' });
      await side.element.updateComplete;
      expect(shown(side.element)).to.equal(false);
      // Compared as a name: a failing comparison of two elements would serialize the page.
      expect(document.activeElement?.textContent).to.equal('Open notes');

      const floating = await addWidget({ type: 'floating', title: 'Poll', src: 'widget.html?parent=widgets&name=float', isVisible: true, position: 'topLeft', dimensions: { width: '300px', height: { xs: '180px', xl: '400px' } } });
      expect(floating.element.open).to.equal(true);
      expect(shown(floating.element)).to.equal(true);
      const box = floating.element.shadowRoot!.querySelector('[part="panel"]')!;
      expect(box.getAttribute('role')).to.equal('dialog');
      expect(box.getBoundingClientRect()).to.deep.include({ width: 300, height: 180 });
      expect(floating.element.getAttribute('position')).to.equal('topLeft');
      closeButton(floating.element).focus();
      await sendKeys({ press: 'Escape' });
      await until(() => toggles(floating.ref).length === 1, 'onToggle from Escape');
      expect(toggles(floating.ref)).to.deep.equal([{ widgetId: floating.widgetId, isVisible: false, isRequest: false, trigger: 'headerCloseButton' }]);
      await floating.element.updateComplete;
      expect(shown(floating.element)).to.equal(false);
    } finally {
      opener.remove();
    }
  });

  it('leaves it to the plugin when it asked so (avoidAutoToggle), and shows one side panel at a time', async () => {
    await start();
    const kept = await addWidget(sidePanel('kept', { avoidAutoToggle: { headerCloseButton: true } }));
    await plugin('toggle', { ref: kept.ref });
    await until(() => kept.element.open, 'the first panel open');
    await kept.element.updateComplete;
    closeButton(kept.element).focus();
    await sendKeys({ press: 'Space' });
    await until(() => toggles(kept.ref).length === 2, 'the close request');
    expect(toggles(kept.ref)[1]).to.deep.equal({ widgetId: kept.widgetId, isVisible: true, isRequest: true, trigger: 'headerCloseButton' });
    expect(kept.element.open).to.equal(true);

    const other = await addWidget(sidePanel('other'));
    await plugin('toggle', { ref: other.ref });
    await until(() => toggles(kept.ref).length === 3, 'the first panel told it gave way');
    expect(toggles(kept.ref)[2]).to.deep.equal({ widgetId: kept.widgetId, isVisible: false, isRequest: false, trigger: 'anotherSidePanel' });
    expect(toggles(other.ref)).to.deep.equal([{ widgetId: other.widgetId, isVisible: true, isRequest: false, trigger: 'self' }]);
    expect([kept.element.open, other.element.open]).to.deep.equal([false, true]);
  });

  it('refuses a widget the types do not allow, naming what is wrong', async () => {
    await start();
    const outcomes = await Promise.all([
      plugin('addWidget', { type: 'drawer', title: 'x', src: 'widget.html' }),
      plugin('addWidget', { type: 'sidePanel', title: 'x', src: 'javascript:alert(1)' }),
      plugin('addWidget', { type: 'floating', title: 'x', src: 'widget.html', position: 'middle' }),
      plugin('toggle', { ref: 'nothing' }),
    ]);
    expect(outcomes.map((o) => o.error)).to.deep.equal([
      '{"reason":"ui:widget:add has \\"type\\" \\"drawer\\" (known: sidePanel, floating)."}',
      '{"reason":"ui:widget:add \\"src\\" \\"javascript:alert(1)\\" is a javascript: URL; a widget\'s page must be an http: or https: page."}',
      '{"reason":"ui:widget:add has \\"position\\" \\"middle\\" (known: topLeft, topRight, bottomLeft, bottomRight, center)."}',
      'no widget nothing',
    ]);
    expect(stage.place.shadowRoot!.querySelectorAll('pex-plugin-widget').length).to.equal(0);
    expect(host!.frameCount).to.equal(1);
  });

  it('serves the widget page\'s calls as its plugin\'s, from its own frame on its own channel', async () => {
    await start();
    const { frame } = await addWidget(sidePanel('calls'));
    await until(() => stage.reports.of('widget:calls', 'registered').length === 1, 'the widget page registered');
    const lock = await probeCall(stage.reports, frame, 'widget:calls', { path: 'conference.lock', payload: { lock: true } });
    expect(commands).to.deep.equal([{ command: { name: 'sendRequest', args: { path: 'lock', payload: undefined } }, pluginId: PLUGIN }]);
    expect(lock.value).to.deep.equal({ status: 200, data: { status: 'success', result: true } });
  });

  it('tells the widget\'s page the conference\'s changes, as its plugin', async () => {
    store!.setParticipants([participant({ uuid: 'u-1', name: 'Alice' })]);
    await start(undefined, true);
    await addWidget(sidePanel('roster'));
    await until(() => stage.reports.of('widget:roster', 'registered').length === 1, 'the widget page registered');
    store!.setParticipants([participant({ uuid: 'u-1', name: 'Alice' }), participant({ uuid: 'u-2', name: 'Bob' })]);
    await until(() => stage.reports.of('widget:roster', 'event', 'participants').some((r) => (r.payload as string[]).length === 2), 'the widget told of Bob');
    expect(stage.reports.of('widget:roster', 'event', 'participants').at(-1)!.payload).to.deep.equal(['Alice', 'Bob']);
  });

  it('moves a draggable floating widget by its header', async () => {
    await start();
    const { element } = await addWidget({ type: 'floating', title: 'Drag me', src: 'widget.html?parent=widgets&name=drag', isVisible: true, draggable: true, position: 'topLeft' });
    expect(element.movable).to.equal(true);
    const box = element.shadowRoot!.querySelector('[part="panel"]')!;
    const title = element.shadowRoot!.querySelector('[part="title"]')!.getBoundingClientRect();
    const before = box.getBoundingClientRect();
    const [x, y] = [Math.round(title.left + 10), Math.round(title.top + title.height / 2)];
    try {
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + 40, y + 30] });
      await sendMouse({ type: 'up' });
    } finally {
      await resetMouse();
    }
    await element.updateComplete;
    const after = box.getBoundingClientRect();
    expect([after.left - before.left, after.top - before.top]).to.deep.equal([40, 30]);
  });

  it('moves a draggable floating widget with the arrow keys on its move button, and has no move button when not draggable', async () => {
    await start();
    const fixed = await addWidget({ type: 'floating', title: 'Stay', src: 'widget.html?parent=widgets&name=stay', isVisible: true, position: 'topRight' });
    expect(fixed.element.shadowRoot!.querySelector('[part="move-button"]')).to.equal(null);
    const { element } = await addWidget({ type: 'floating', title: 'Keys', src: 'widget.html?parent=widgets&name=keys', isVisible: true, draggable: true, position: 'topLeft' });
    const move = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="move-button"]')!;
    expect(move.getAttribute('aria-label')).to.equal('Move Keys');
    expect(element.getAttribute('exportparts')).to.contain('move-button: widget-move-button');
    const hint = element.shadowRoot!.getElementById(move.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.equal('Arrow keys move it; Shift and an arrow key move it further.');
    const box = element.shadowRoot!.querySelector('[part="panel"]')!;
    const before = box.getBoundingClientRect();
    move.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    const after = box.getBoundingClientRect();
    // 10 px a key, 50 with Shift: right 2, left 1, down 1 and 5.
    expect([after.left - before.left, after.top - before.top]).to.deep.equal([10, 60]);
    expect(element.open, 'an arrow key does not close it').to.equal(true);
  });

  it('ignores another frame posting as the widget, and the plugin\'s frame on the widget\'s channel', async () => {
    await start();
    let widgetChannel: string | undefined;
    const { frame } = await addWidget(sidePanel('guarded'));
    const watch = (event: MessageEvent) => {
      const data = event.data as { rpc?: string; chanId?: string };
      if (event.source === frame.contentWindow && data?.rpc === 'syn:widget') widgetChannel = data.chanId;
    };
    addEventListener('message', watch);
    try {
      await until(() => stage.reports.of('widget:guarded', 'registered').length === 1, 'the widget page registered');
      expect(widgetChannel).to.match(/^widgets:widget-/);
      const intruder = document.createElement('iframe');
      intruder.setAttribute('sandbox', 'allow-scripts');
      intruder.src = fixtureUrl('intruder/index.html');
      stage.container.append(intruder);
      await until(() => stage.reports.intruder.some((r) => r.intruder === 'ready'), 'the intruder frame');
      intruder.contentWindow!.postMessage({ intrude: { rpc: 'conference:lock', payload: { lock: true }, id: 'spoof-1', chanId: widgetChannel } }, '*');
      pluginFrame.contentWindow!.postMessage({ probeSpoof: { rpc: 'conference:lock', payload: { lock: true }, id: 'spoof-2', chanId: widgetChannel } }, '*');
      frame.contentWindow!.postMessage({ probeSpoof: { rpc: 'conference:lock', payload: { lock: true }, id: 'spoof-3', chanId: host!.plugin(PLUGIN)!.channelId } }, '*');
      await until(() => ignored.length === 3, 'the three calls to be ignored');
      expect(ignored.sort()).to.deep.equal(['unknown-source::conference:lock', 'wrong-channel:widgets:conference:lock', 'wrong-channel:widgets:conference:lock']);
      // A round trip through the real widget: anything the host had for the others would have come by now.
      await probeCall(stage.reports, frame, 'widget:guarded', { path: 'conference.lock', payload: { lock: false } });
      expect(commands.map((c) => c.command.args)).to.deep.equal([{ path: 'unlock', payload: undefined }]);
      expect(stage.reports.intruder.filter((r) => r.intruder === 'received')).to.deep.equal([]);
    } finally {
      removeEventListener('message', watch);
    }
  });

  it('removes a widget and its frame on ui:removeElement', async () => {
    await start();
    const { ref, widgetId, element, frame } = await addWidget(sidePanel('gone'));
    await until(() => stage.reports.of('widget:gone', 'registered').length === 1, 'the widget page registered');
    expect(host!.frameCount).to.equal(2);
    expect((await plugin('remove', { ref })).value).to.equal('removed');
    expect(element.isConnected).to.equal(false);
    expect(frame.isConnected).to.equal(false);
    expect(host!.frameCount).to.equal(1);
    expect(elements.has(PLUGIN, widgetId)).to.equal(true);
    expect(elements.showing(PLUGIN, widgetId)).to.equal(false);
    // Its id is known, its toggle is not: the widget is gone.
    const toggle = await plugin('toggle', { ref });
    expect(toggle.error).to.equal(`{"reason":"ui:widget:toggle: this plugin has no widget \\"${widgetId}\\"."}`);
  });

  it('leaves nothing when the plugin is unloaded: no widget, no frame, no listener', async () => {
    const listeners = new ListenerCount(window);
    try {
      await start();
      const side = await addWidget(sidePanel('one'));
      const floating = await addWidget({ type: 'floating', title: 'Two', src: 'widget.html?parent=widgets&name=two', isVisible: true, dimensions: { width: { xs: '200px', lg: '320px' } } });
      await until(() => stage.reports.of('widget:one', 'registered').length === 1 && stage.reports.of('widget:two', 'registered').length === 1, 'both widget pages registered');
      expect(host!.frameCount).to.equal(3);
      // The host's one message listener, and the floating widget's, whose width follows the viewport.
      expect(listeners.left).to.deep.equal({ message: 1, resize: 1 });
      host!.unload(PLUGIN);
      // The host takes the widgets away with their frames, before the UI is told to remove the plugin's elements.
      expect([side.element.isConnected, floating.element.isConnected, side.frame.isConnected, floating.frame.isConnected]).to.deep.equal([false, false, false, false]);
      elements.removeAll(PLUGIN);
      expect(stage.place.shadowRoot!.querySelectorAll('pex-plugin-widget, iframe').length).to.equal(0);
      expect(stage.container.querySelectorAll('iframe').length).to.equal(0);
      expect(host!.frameCount).to.equal(0);
      expect(host!.idle).to.equal(true);
      expect(listeners.left).to.deep.equal({});
    } finally {
      listeners.dispose();
    }
  });
});
