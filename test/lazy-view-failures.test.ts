import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { LazyView } from '../components/shared/lazy-view.js';
import { templateDialogLook } from '../components/template-dialog/template-dialog.js';
import '../components/template-dialog.js';
import type { PexTemplateDialog } from '../components/template-dialog/template-dialog.js';

/** console.error calls while `run` runs, the real console.error restored after. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const real = console.error;
  console.error = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = real;
  }
  return seen;
}

const missing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/look-x.js'));

/**
 * An element's look that is a chunk of its own (components/shared/lazy-view.ts), when the chunk
 * does not load: the element updates without it and says why once, and its next update asks
 * for the chunk again. The template dialog's opening fails instead of showing nothing.
 */
describe('a lazily loaded look whose chunk does not load', () => {
  it('lets the element update without it, says why once, and asks again on the next update', async () => {
    let asked = 0;
    let fail = true;
    const look = new LazyView(() => {
      asked += 1;
      return fail ? missing() : Promise.resolve({ styles: css`b { color: rgb(1, 2, 3); }`, text: 'the look' });
    });
    class LookElement extends LitElement {
      protected override scheduleUpdate(): void | Promise<unknown> {
        return look.schedule(this, () => super.scheduleUpdate());
      }
      protected override render() {
        return look.current ? html`<b>${look.current.text}</b>` : html`<i>no look</i>`;
      }
    }
    customElements.define('lazy-view-probe', LookElement);
    let element!: LookElement;
    const errors = await consoleErrors(async () => {
      element = await fixture<LookElement>(fixtureHtml`<lazy-view-probe></lazy-view-probe>`);
      expect(await element.updateComplete).to.equal(true);
      element.requestUpdate();
      await element.updateComplete;
    });
    expect(element.shadowRoot!.querySelector('i')?.textContent).to.equal('no look');
    expect(asked).to.equal(2);
    expect(errors).to.deep.equal([
      "[pex-plugin-host] <lazy-view-probe> could not load its look (Failed to fetch dynamically imported module: /dist/look-x.js): serve all of the package's files, not only pex-plugin-host.js.",
    ]);
    expect(look.failure?.message).to.equal('<lazy-view-probe> could not load its look (Failed to fetch dynamically imported module: /dist/look-x.js)');
    fail = false;
    element.requestUpdate();
    await element.updateComplete;
    expect(asked).to.equal(3);
    const bold = element.shadowRoot!.querySelector('b')!;
    expect(bold.textContent).to.equal('the look');
    expect(getComputedStyle(bold).color).to.equal('rgb(1, 2, 3)');
    expect(look.failure).to.equal(undefined);
  });

  it("fails a template dialog's opening and takes the dialog away; the next dialog loads its look", async () => {
    const real = templateDialogLook.load;
    templateDialogLook.load = missing;
    const dialog = document.createElement('pex-template-dialog') as PexTemplateDialog;
    dialog.innerHTML = '<p id="lazy-body">body</p>';
    let closed = 0;
    dialog.addEventListener('pex-dialog-close', () => (closed += 1));
    document.body.append(dialog);
    let failure: unknown;
    const errors = await consoleErrors(async () => {
      try {
        await dialog.show();
      } catch (error) {
        failure = error;
      }
    });
    templateDialogLook.load = real;
    expect(String(failure)).to.contain('<pex-template-dialog> could not load its look (Failed to fetch dynamically imported module: /dist/look-x.js)');
    expect(errors).to.have.length(1);
    expect(dialog.isConnected).to.equal(false);
    expect(closed).to.equal(1);
    const next = document.createElement('pex-template-dialog') as PexTemplateDialog;
    document.body.append(next);
    await next.show();
    expect(next.shadowRoot!.querySelector('dialog')?.open).to.equal(true);
    next.close();
  });
});
