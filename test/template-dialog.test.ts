import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PexTemplateDialog } from '../components/template-dialog/template-dialog.js';
import { liveSubscriptionCount } from '../src/runtime/live-subscriptions.js';
import { mountHost } from './support/host-fixture.js';
import { until } from './support/menu-helpers.js';

type DialogWays = Record<
  | 'openRecordDialog'
  | 'openObservableStyle'
  | 'openBareSubscribe'
  | 'openLateViewInit'
  | 'openLocked'
  | 'openInline'
  | 'openOddOptions'
  | 'openTitleOnly'
  | 'openFocusDialog',
  () => unknown
>;

interface Ref {
  close(value?: unknown): void;
}

const ways = () => window.pexTest.dialogs as DialogWays;
const calls = (fn: string) => window.pexTest.calls.filter((c) => c.plugin === 'dialog-plugin' && c.fn === fn);
const dialogs = () => [...document.querySelectorAll<PexTemplateDialog>('pex-template-dialog')];
const headings = () => dialogs().map((d) => d.shadowRoot?.querySelector('[part="title"]')?.textContent ?? null);

/** The focused element, through shadow roots, named for assertions (never the node itself). */
function focusedName(): string {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return '(none)';
  return active.id || active.getAttribute('part') || active.tagName.toLowerCase();
}


function nativeDialog(dialog: PexTemplateDialog): HTMLDialogElement {
  return dialog.shadowRoot!.querySelector('dialog')!;
}

describe('openTemplateDialog and <pex-template-dialog>', () => {
  it('opens a modal dialog with the title and the plugin\'s body in the light DOM, promise style', async () => {
    const { host } = await mountHost('dialogs');
    ways().openRecordDialog();
    await until(() => calls('then').length === 1, 'the promise');
    expect(calls('then')[0]).to.include({ found: true, activeIsInput: true });
    const [dialog] = dialogs();
    expect(dialog!.parentElement === host, 'the dialog lives in its plugin\'s host').to.equal(true);
    expect(dialog!.dataset.pexPluginId).to.equal('dialog-plugin');
    expect(headings()).to.deep.equal(['Record alias']);
    expect(nativeDialog(dialog!).open).to.equal(true);
    expect(nativeDialog(dialog!).matches(':modal')).to.equal(true);
    expect(nativeDialog(dialog!).getAttribute('aria-labelledby')).to.equal('title');
    expect(document.getElementById('recordAlias')?.closest('pex-template-dialog') === dialog).to.equal(true);
  });

  it('closes with a value: close$ emits it once and completes, the dialog leaves the page, focus goes back', async () => {
    await mountHost('dialogs');
    const opener = document.createElement('button');
    opener.id = 'opener';
    document.body.append(opener);
    opener.focus();
    try {
      ways().openRecordDialog();
      await until(() => calls('then').length === 1, 'the promise');
      (document.getElementById('recordAlias') as HTMLInputElement).value = 'rtmp://stream';
      document.getElementById('recordStart')!.click();
      await until(() => calls('close$-complete').length === 1, 'close$ to complete');
      expect(calls('close$').map((c) => c.value)).to.deep.equal(['rtmp://stream']);
      expect(dialogs()).to.have.length(0);
      expect(document.getElementById('recordAlias')).to.equal(null);
      expect(focusedName()).to.equal('opener');
    } finally {
      opener.remove();
    }
  });

  it('works observable style, and with a bare subscribe()', async () => {
    await mountHost('dialogs');
    ways().openObservableStyle();
    await until(() => calls('subscribe').length === 1, 'the subscription');
    expect(calls('subscribe')[0]).to.include({ found: true });
    ways().openBareSubscribe();
    await until(() => document.getElementById('bareBody') !== null, 'the bare dialog');
    expect(headings()).to.deep.equal(['Observable', 'Bare']);
  });

  it('gives viewInit$ to a late subscriber', async () => {
    await mountHost('dialogs');
    ways().openLateViewInit();
    await until(() => calls('viewInit$').length === 1, 'viewInit$');
    expect(calls('viewInit$')[0]).to.include({ found: true });
  });

  it('closes on Escape and on the close button, and close$ then emits undefined', async () => {
    await mountHost('dialogs');
    ways().openRecordDialog();
    await until(() => calls('then').length === 1, 'the promise');
    await sendKeys({ press: 'Escape' });
    await until(() => calls('close$').length === 1, 'close$ after Escape');
    expect(calls('close$')[0]!.value).to.equal(undefined);
    expect(dialogs()).to.have.length(0);

    ways().openRecordDialog();
    await until(() => calls('then').length === 2, 'the second dialog');
    dialogs()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    await until(() => calls('close$').length === 2, 'close$ after the close button');
    expect(dialogs()).to.have.length(0);
  });

  it('closes on a backdrop click', async () => {
    await mountHost('dialogs');
    ways().openRecordDialog();
    await until(() => calls('then').length === 1, 'the promise');
    nativeDialog(dialogs()[0]!).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await until(() => calls('close$').length === 1, 'close$ after a backdrop click');
    expect(dialogs()).to.have.length(0);
  });

  it('with isCloseDisabled has no close button and ignores Escape and the backdrop; ref.close still closes it', async () => {
    await mountHost('dialogs');
    ways().openLocked();
    await until(() => (window.pexTest as { lockedRef?: Ref }).lockedRef !== undefined, 'the locked dialog');
    const [dialog] = dialogs();
    expect(dialog!.shadowRoot!.querySelector('[part="close-button"]')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    nativeDialog(dialog!).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    // A close would have happened in those handlers (close() is synchronous): no time to wait for.
    await dialog!.updateComplete;
    expect(dialogs()).to.have.length(1);
    expect(nativeDialog(dialog!).open).to.equal(true);
    document.getElementById('lockedDone')!.click();
    await until(() => calls('locked-close$').length === 1, 'close$');
    expect(calls('locked-close$')[0]!.value).to.equal('done');
    expect(dialogs()).to.have.length(0);
  });

  it('runs inline onclick handlers that call window.PEX.pluginAPI, and dialogs opened from a dialog are independent', async () => {
    await mountHost('dialogs');
    ways().openInline();
    await until(() => document.getElementById('inlineOpen') !== null, 'the first dialog');
    document.getElementById('inlineLog')!.click();
    expect(calls('inline')).to.deep.equal([{ plugin: 'dialog-plugin', fn: 'inline', pex: 'function' }]);
    document.getElementById('inlineOpen')!.click();
    await until(() => document.getElementById('secondBody') !== null, 'the second dialog');
    expect(headings()).to.deep.equal(['Layout control', 'Second']);
    // The second belongs to the plugin whose dialog it was opened from.
    expect(dialogs()[1]!.dataset.pexPluginId).to.equal('dialog-plugin');
    await sendKeys({ press: 'Escape' });
    await until(() => dialogs().length === 1, 'the second dialog to close');
    expect(headings()).to.deep.equal(['Layout control']);
    expect(nativeDialog(dialogs()[0]!).open).to.equal(true);
  });

  it('takes {title: null} with extra arguments, and {title} without a body', async () => {
    await mountHost('dialogs');
    ways().openOddOptions();
    await until(() => document.getElementById('untitledBody') !== null, 'the untitled dialog');
    const untitled = nativeDialog(dialogs()[0]!);
    expect(untitled.getAttribute('aria-label')).to.equal('Plugin dialog');
    expect(untitled.hasAttribute('aria-labelledby')).to.equal(false);
    await (ways().openTitleOnly() as Promise<void>);
    expect(headings()).to.deep.equal([null, 'Only a title']);
  });

  it('moves focus in (honouring autofocus), keeps Tab inside, and is accessible', async () => {
    await mountHost('dialogs');
    ways().openFocusDialog();
    await until(() => document.getElementById('focusC') !== null, 'the focus dialog');
    expect(focusedName()).to.equal('focusA');
    await sendKeys({ press: 'Tab' });
    expect(focusedName()).to.equal('focusB');
    await sendKeys({ press: 'Tab' });
    expect(focusedName()).to.equal('focusC');
    await sendKeys({ press: 'Tab' });
    expect(focusedName()).to.equal('close-button');
    await sendKeys({ press: 'Tab' });
    expect(focusedName()).to.equal('focusA');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusedName()).to.equal('close-button');
    await expect(dialogs()[0]!).to.be.accessible();
  });

  it('styles the classes plugins use in bodies', async () => {
    await mountHost('dialogs');
    ways().openRecordDialog();
    await until(() => calls('then').length === 1, 'the promise');
    const start = getComputedStyle(document.getElementById('recordStart')!);
    expect(start.backgroundColor).to.equal('rgb(15, 157, 88)');
    expect(start.color).to.equal('rgb(255, 255, 255)');
    const input = getComputedStyle(document.getElementById('recordAlias')!);
    expect(input.borderTopStyle).to.equal('solid');
    // pex-text-input fills the line, as in webapp2: the input is as wide as its form, not its own default size.
    const inputBox = document.getElementById('recordAlias')!.getBoundingClientRect();
    const formBox = document.getElementById('recordForm')!.getBoundingClientRect();
    expect(formBox.width).to.be.greaterThan(300);
    expect(inputBox.width).to.be.closeTo(formBox.width, 0.5);
  });

  it('closes a plugin\'s open dialogs when it unloads, and leaves no dialog behind', async () => {
    const { host } = await mountHost('dialogs');
    ways().openRecordDialog();
    ways().openObservableStyle();
    await until(() => dialogs().length === 2 && calls('subscribe').length === 1 && calls('then').length === 1, 'two dialogs');
    // The record dialog's close$ handler, counted at close$ itself (unload throws the plugin's sandbox away).
    expect(liveSubscriptionCount('close$')).to.equal(1);
    host.runtime.unloadPlugin('dialog-plugin');
    expect(dialogs()).to.have.length(0);
    // Its close$ handler heard the close before its unload ran.
    expect(window.pexTest.calls.filter((c) => c.plugin === 'dialog-plugin').map((c) => c.fn).slice(-3)).to.deep.equal([
      'close$',
      'close$-complete',
      'unload',
    ]);
    expect(liveSubscriptionCount('close$', 'viewInit$')).to.equal(0);
  });
});
