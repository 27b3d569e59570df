import { expect } from '@open-wc/testing';
import '../components/toasts.js';
import type { PexToasts } from '../components/toasts/toasts.js';
import { webapp3Ui } from '../components/shared/webapp3-ui.js';
import { Webapp3Host } from '../src/webapp3/index.js';
import { uiToasts } from '../src/webapp3/ui-toasts.js';
import { fixtureUrl, frameOf, probeCall, Stage, until } from './support/webapp3-harness.js';

/** The text of the toast showing in `toasts`' region of `role`, or undefined. */
function showing(toasts: PexToasts, role: 'status' | 'alert'): string | undefined {
  return toasts.shadowRoot!.querySelector(`[role="${role}"] [part~="message"]`)?.textContent ?? undefined;
}

describe('Web App 3 toasts: a live region, queued, timed, dismissable, themable', () => {
  let stage: Stage;
  let host: Webapp3Host | undefined;

  const start = async (id: string, src: string) => {
    host = new Webapp3Host({ container: stage.container, execute: async () => true, handlers: uiToasts({ place: { element: stage.place } }) });
    host.load([{ id, src }]);
    await until(() => stage.reports.of(id, 'registered').length === 1, `${id} registered`);
    return frameOf(stage.container, id);
  };

  const ownRegion = () => stage.place.shadowRoot!.querySelector<PexToasts>('pex-toasts');

  beforeEach(() => {
    stage = new Stage('<slot></slot>');
  });

  afterEach(() => {
    stage.dispose(host);
    host = undefined;
  });

  it("shows a plugin's toast in the host's own polite live region, then removes it after its timeout", async () => {
    const frame = await start('ui', fixtureUrl('ui/index.html?id=ui'));
    const outcome = await probeCall(stage.reports, frame, 'ui', { path: 'ui.showToast', payload: { message: 'Recording started', timeout: 400 } });
    const shownAt = performance.now();
    // showToast resolves to nothing once the host has taken the toast.
    expect(outcome).to.deep.include({ kind: 'result', value: undefined });
    const toasts = ownRegion()!;
    await until(() => showing(toasts, 'status') === 'Recording started', 'the toast in the polite region');
    const region = toasts.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(toasts.shadowRoot!.querySelector('[role="alert"]')!.getAttribute('aria-live')).to.equal('assertive');
    expect(showing(toasts, 'alert')).to.equal(undefined);
    // Not dismissable: no button.
    expect(toasts.shadowRoot!.querySelector('[part="dismiss-button"]')).to.equal(null);
    await expect(toasts).to.be.accessible();
    await until(() => showing(toasts, 'status') === undefined, 'the toast gone after its timeout', 3000);
    expect(performance.now() - shownAt).to.be.greaterThan(350);
    expect(toasts.current).to.equal(undefined);
  });

  it('replies ok to ui:toast:show and refuses a toast the types do not allow, naming the field', async () => {
    const frame = await start('raw', fixtureUrl('probe/index.html?id=raw&raw=1'));
    const ok = await probeCall(stage.reports, frame, 'raw', { rpc: 'ui:toast:show', payload: { message: 'Hi', timeout: 0 } });
    expect((ok.value as { status: string }).status).to.equal('ok');
    expect(ok.value).to.have.keys(['status', 'id', 'data']);
    const bad = await probeCall(stage.reports, frame, 'raw', { rpc: 'ui:toast:show', payload: { message: 'Hi', position: 'middle' } });
    expect(bad.value).to.deep.include({ status: 'failed', reason: 'ui:toast:show has "position" "middle" (known: topCenter, bottomCenter).' });
    const noMessage = await probeCall(stage.reports, frame, 'raw', { rpc: 'ui:toast:show', payload: { timeout: -1 } });
    expect(noMessage.value).to.deep.include({ reason: 'ui:toast:show needs "message" (a string).' });
    await until(() => showing(ownRegion()!, 'status') === 'Hi', 'the valid toast');
  });

  it('queues toasts in order, one at a time; a dismiss button takes the showing one away', async () => {
    const toasts = document.createElement('pex-toasts');
    stage.place.append(toasts);
    toasts.show({ message: 'first', timeout: 0, canDismiss: true });
    toasts.show({ message: 'second', timeout: 0, canDismiss: true });
    toasts.show({ message: 'third', timeout: 0 });
    await until(() => showing(toasts, 'status') === 'first', 'the first toast');
    expect(toasts.queued.map((t) => t.message)).to.deep.equal(['second', 'third']);
    const dismiss = toasts.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss-button"]')!;
    expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss');
    await expect(toasts).to.be.accessible();
    dismiss.click();
    await until(() => showing(toasts, 'status') === 'second', 'the second toast');
    toasts.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss-button"]')!.click();
    await until(() => showing(toasts, 'status') === 'third', 'the third toast');
    expect(toasts.queued).to.deep.equal([]);
  });

  it('lets an isInterrupt toast replace the showing one in the assertive region, unless that one has timeout 0', async () => {
    const toasts = document.createElement('pex-toasts');
    stage.place.append(toasts);
    toasts.show({ message: 'muted', timeout: 5000 });
    toasts.show({ message: 'queued', timeout: 5000 });
    await until(() => showing(toasts, 'status') === 'muted', 'the first toast');
    toasts.show({ message: 'unmuted', isInterrupt: true, timeout: 0, isDanger: true });
    await until(() => showing(toasts, 'alert') === 'unmuted', 'the interrupting toast in the alert region');
    expect(showing(toasts, 'status')).to.equal(undefined);
    expect(toasts.shadowRoot!.querySelector('[part~="toast"]')!.getAttribute('part')).to.equal('toast danger');
    // It stays until dismissed (timeout 0): another interrupting toast is dropped, not queued.
    toasts.show({ message: 'muted again', isInterrupt: true });
    expect(toasts.current?.message).to.equal('unmuted');
    expect(toasts.queued.map((t) => t.message)).to.deep.equal(['queued']);
    toasts.dismiss();
    await until(() => showing(toasts, 'status') === 'queued', 'the queued toast after the interrupting one');
  });

  it("honours position as CSS and takes the theme's custom properties and parts", async () => {
    const style = document.createElement('style');
    style.textContent = 'pex-toasts.themed { --pex-toast-background: rgb(1, 2, 3); --pex-toasts-offset: 40px; } pex-toasts.themed::part(message) { color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const toasts = document.createElement('pex-toasts');
      toasts.className = 'themed';
      stage.place.append(toasts);
      toasts.show({ message: 'below', position: 'bottomCenter', timeout: 0, canDismiss: true });
      await until(() => showing(toasts, 'status') === 'below', 'the bottom toast');
      const toast = toasts.shadowRoot!.querySelector<HTMLElement>('[part~="toast"]')!;
      const box = toast.getBoundingClientRect();
      expect(getComputedStyle(toast).position).to.equal('fixed');
      expect(Math.round(innerHeight - box.bottom)).to.equal(40);
      expect(Math.round(box.left + box.width / 2)).to.equal(Math.round(document.documentElement.clientWidth / 2));
      expect(getComputedStyle(toast).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(toasts.shadowRoot!.querySelector('[part="message"]')!).color).to.equal('rgb(4, 5, 6)');
      toasts.show({ message: 'above', position: 'topCenter', timeout: 0 });
      toasts.dismiss();
      await until(() => showing(toasts, 'status') === 'above', 'the top toast');
      expect(Math.round(toasts.shadowRoot!.querySelector('[part~="toast"]')!.getBoundingClientRect().top)).to.equal(40);
    } finally {
      style.remove();
    }
  });

  it("uses a <pex-toasts> the app placed inside the host instead of the host's own", async () => {
    const placed = document.createElement('pex-toasts');
    const wrapper = document.createElement('section');
    wrapper.append(placed);
    stage.place.append(wrapper);
    const frame = await start('ui', fixtureUrl('ui/index.html?id=ui'));
    await probeCall(stage.reports, frame, 'ui', { path: 'ui.showToast', payload: { message: 'In your region', timeout: 0 } });
    await until(() => showing(placed, 'status') === 'In your region', "the toast in the app's region");
    expect(ownRegion()).to.equal(null);
    await expect(placed).to.be.accessible();
  });

  it('serves forms, toasts and removals together through webapp3Ui, and removeAll closes an unloaded plugin\'s dialogs', async () => {
    const ui = webapp3Ui({ place: { element: stage.place }, send: (pluginId, event, payload) => host?.plugin(pluginId)?.send(event, payload) });
    expect(Object.keys(ui.handlers).sort()).to.deep.equal(['ui:form:open', 'ui:prompt:open', 'ui:removeElement', 'ui:toast:show', 'ui:widget:add', 'ui:widget:toggle']);
    host = new Webapp3Host({ container: stage.container, execute: async () => true, handlers: ui.handlers });
    host.load([{ id: 'both', src: fixtureUrl('ui/index.html?id=both') }]);
    await until(() => stage.reports.of('both', 'registered').length === 1, 'both registered');
    const frame = frameOf(stage.container, 'both');
    await probeCall(stage.reports, frame, 'both', { path: 'ui.showToast', payload: { message: 'Ready', timeout: 0 } });
    await until(() => !!ownRegion() && showing(ownRegion()!, 'status') === 'Ready', 'the toast');
    await probeCall(stage.reports, frame, 'both', { path: 'ui.addPrompt', payload: { title: 'Go?', prompt: { primaryAction: 'Go' } } });
    const prompt = stage.place.shadowRoot!.querySelector('pex-plugin-prompt')!;
    expect(prompt.isConnected).to.equal(true);
    host.unload('both');
    ui.elements.removeAll('both');
    expect(prompt.isConnected).to.equal(false);
  });

  it('ends its timers when it leaves the page', async () => {
    const toasts = document.createElement('pex-toasts');
    stage.place.append(toasts);
    toasts.show({ message: 'a', timeout: 200 });
    toasts.show({ message: 'b', timeout: 200 });
    await until(() => showing(toasts, 'status') === 'a', 'the first toast');
    toasts.remove();
    expect(toasts.current).to.equal(undefined);
    expect(toasts.queued).to.deep.equal([]);
  });
});
