import { expect } from '@open-wc/testing';
import { mountHost } from './support/host-fixture.js';

/**
 * The looks of `<pex-template-dialog>` and `<pex-plugin-settings>` are chunks fetched when the
 * first one renders. These tests run in a page of their own, in order: the first one meets a
 * dialog whose look is not in yet.
 */
describe('elements whose look is fetched on first use', () => {
  it('a plugin unloaded while its first dialog is on the way hears nothing more, and nothing fails', async () => {
    const m = await mountHost('dialogs');
    (window.pexTest.dialogs as { openRecordDialog(): void }).openRecordDialog();
    const dialog = document.querySelector('pex-template-dialog')!;
    // The body is in the page at once (plugins look for it), the look not yet.
    expect(document.getElementById('recordAlias')).to.not.equal(null);
    expect(dialog.shadowRoot?.querySelector('dialog') ?? null).to.equal(null);
    m.host.runtime.unloadPlugin('dialog-plugin');
    expect(document.querySelectorAll('pex-template-dialog')).to.have.length(0);
    await import('../components/template-dialog/template-dialog-view.js');
    await dialog.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.pexTest.calls.filter((call) => call.fn === 'then' || call.fn === 'close$')).to.deep.equal([]);
    expect(m.errors).to.deep.equal([]);
  });

  it('shows a dialog once its look is in, with the body, focus inside and the plugin told', async () => {
    await mountHost('dialogs');
    (window.pexTest.dialogs as { openRecordDialog(): void }).openRecordDialog();
    const dialog = document.querySelector('pex-template-dialog')!;
    await dialog.updateComplete;
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.pexTest.calls.filter((call) => call.fn === 'then')).to.deep.equal([{ plugin: 'dialog-plugin', fn: 'then', found: true, activeIsInput: true }]);
  });

  it('renders the settings page once its look is in: updateComplete means rendered', async () => {
    const m = await mountHost('dialogs');
    const settings = document.createElement('pex-plugin-settings');
    m.host.append(settings);
    await settings.updateComplete;
    expect([...settings.shadowRoot!.querySelectorAll('[part="name"]')].map((el) => el.textContent)).to.deep.equal(['Dialogs']);
    expect(getComputedStyle(settings.shadowRoot!.querySelector('[part="list"]')!).listStyleType).to.equal('none');
  });
});
