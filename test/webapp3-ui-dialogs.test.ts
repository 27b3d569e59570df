import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../components/plugin-form.js';
import '../components/plugin-prompt.js';
import type { PexPluginForm } from '../components/plugin-form/plugin-form.js';
import type { PexPluginPrompt } from '../components/plugin-prompt/plugin-prompt.js';
import { Webapp3Host } from '../src/webapp3/index.js';
import { uiDialogs } from '../src/webapp3/ui-dialogs.js';
import { PluginElements } from '../src/webapp3/ui-elements.js';
import { fixtureUrl, frameOf, probeCall, Stage, until, type ProbeReport } from './support/webapp3-harness.js';

/** A form with every element type `@pexip/plugin-api` defines. */
const everyElement = {
  title: 'Join the quiz',
  description: 'Tell us about you.',
  form: {
    submitBtnTitle: 'Send answers',
    elements: {
      name: { name: 'Name', type: 'text', placeholder: 'Your name', autoComplete: 'name' },
      age: { name: 'Age', type: 'number' },
      secret: { name: 'Secret', type: 'password' },
      email: { name: 'Email', type: 'email' },
      phone: { name: 'Phone', type: 'tel' },
      site: { name: 'Website', type: 'url', isOptional: true },
      bio: { name: 'About you', type: 'textarea', value: 'Hi' },
      team: { name: 'Team', type: 'select', options: [{ id: 'red', label: 'Red' }, { id: 'blue', label: 'Blue' }] },
      topics: {
        name: 'Topics',
        type: 'checklist',
        options: [
          { id: 'music', label: 'Music' },
          { id: 'film', label: 'Film', checked: true },
          { id: 'rules', label: 'I accept the rules', required: true },
        ],
      },
      level: {
        name: 'Level',
        type: 'radio',
        groupName: 'level',
        options: [
          { id: 'l1', label: 'Beginner', value: 'beginner' },
          { id: 'l2', label: 'Expert', value: 'expert' },
          { id: 'l3', label: 'Judge', value: 'judge', isDisabled: true },
        ],
      },
      volume: { name: 'Volume', type: 'range', min: 0, max: 10, step: 1, selectedValue: 3 },
    },
  },
};

const shortForm = (submitBtnTitle = 'Save') => ({
  title: 'Rename',
  form: { submitBtnTitle, elements: { nick: { name: 'Nickname', type: 'text' }, note: { name: 'Note', type: 'text', isOptional: true } } },
});

const prompt = { title: 'Start recording?', description: 'Everyone will be told.', prompt: { primaryAction: 'Start', secondaryAction: 'Not now' } };

/** Sets a control's value as typing would, with its input and change events. */
function fill(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('Web App 3 forms and prompts: host-rendered dialogs', () => {
  let stage: Stage;
  let host: Webapp3Host | undefined;
  let elements: PluginElements;
  let sent: { pluginId: string; event: string; payload: unknown }[];

  const start = async (id = 'ui') => {
    elements = new PluginElements();
    host = new Webapp3Host({
      container: stage.container,
      execute: async () => true,
      handlers: {
        ...uiDialogs({
          place: { element: stage.place },
          send: (pluginId, event, payload) => {
            sent.push({ pluginId, event, payload });
            host?.plugin(pluginId)?.send(event, payload);
          },
          elements,
        }),
        ...elements.handlers(),
      },
    });
    host.load([{ id, src: fixtureUrl(`ui/index.html?id=${id}`) }]);
    await until(() => stage.reports.of(id, 'registered').length === 1, `${id} registered`);
    return frameOf(stage.container, id);
  };

  /** The dialog of `tag` in the place, once it shows. */
  const dialogOf = async <E extends HTMLElement>(tag: string): Promise<E> => {
    let found: E | null = null;
    await until(() => !!(found = stage.place.shadowRoot!.querySelector<E>(tag))?.shadowRoot?.querySelector('dialog[open]'), `<${tag}> open`);
    return found!;
  };

  const inside = (element: HTMLElement) => element.shadowRoot!;

  beforeEach(() => {
    stage = new Stage();
    sent = [];
  });

  afterEach(() => {
    stage.dispose(host);
    host = undefined;
  });

  it('renders every element type, labelled, focused and trapped; the plugin gets exactly the input it submitted', async () => {
    const frame = await start();
    const outcome = probeCall(stage.reports, frame, 'ui', { path: 'ui.showForm', payload: everyElement });
    const form = await dialogOf<PexPluginForm>('pex-plugin-form');
    const root = inside(form);
    const dialog = root.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(root.getElementById('title')!.textContent).to.equal('Join the quiz');
    expect(root.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.equal('Tell us about you.');
    expect(root.querySelector('[part="submit-button"]')!.textContent!.trim()).to.equal('Send answers');

    // Each control is named by its element's name: a label for inputs, a legend for groups.
    const byLabel = (text: string) => {
      const label = [...root.querySelectorAll('label[for]')].find((l) => l.textContent!.trim().startsWith(text));
      return root.getElementById(label!.getAttribute('for')!) as HTMLInputElement;
    };
    const types = ['Name', 'Age', 'Secret', 'Email', 'Phone', 'Website'].map((name) => byLabel(name).type);
    expect(types).to.deep.equal(['text', 'number', 'password', 'email', 'tel', 'url']);
    expect(byLabel('About you').localName).to.equal('textarea');
    expect(byLabel('Team').localName).to.equal('select');
    expect(byLabel('Volume').type).to.equal('range');
    expect(byLabel('Name').autocomplete).to.equal('name');
    expect(byLabel('Name').required).to.equal(true);
    expect(byLabel('Website').required).to.equal(false);
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent!.trim())).to.deep.equal(['Topics', 'Level']);
    expect((root.querySelector('input[value="judge"]') as HTMLInputElement).disabled).to.equal(true);
    expect(byLabel('Volume').value).to.equal('3');

    // Focus is in the first field, and Tab stays inside the dialog.
    expect(root.activeElement).to.equal(byLabel('Name'));
    (root.querySelector('[part="submit-button"]') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('[part="close-button"]'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root.activeElement).to.equal(root.querySelector('[part="submit-button"]'));
    await expect(form).to.be.accessible();

    byLabel('Name').focus();
    await sendKeys({ type: 'Ada' });
    fill(byLabel('Age'), '36');
    fill(byLabel('Secret'), 's3cret');
    fill(byLabel('Email'), 'ada@example.com');
    fill(byLabel('Phone'), '+44 1234');
    fill(byLabel('About you'), 'Hi there');
    fill(byLabel('Team'), 'blue');
    (root.querySelector('input[value="rules"]') as HTMLInputElement).click();
    (root.querySelector('input[value="expert"]') as HTMLInputElement).click();
    fill(byLabel('Volume'), '7');
    (root.querySelector('[part="submit-button"]') as HTMLElement).click();

    const result = await outcome;
    expect(result.kind).to.equal('result');
    expect(result.value).to.deep.equal({
      name: 'Ada',
      age: 36,
      secret: 's3cret',
      email: 'ada@example.com',
      phone: '+44 1234',
      site: '',
      bio: 'Hi there',
      team: 'blue',
      topics: { music: false, film: true, rules: true },
      level: 'expert',
      volume: '7',
    });
    expect(sent.map((s) => s.event)).to.deep.equal(['ui:form:input']);
    expect((sent[0].payload as { modalId: string }).modalId).to.equal(form.dataset.modalId);
    // Answered, the dialog went; showForm's own remove() afterwards was answered ok (it resolved).
    expect(form.isConnected).to.equal(false);
  });

  it('replies to ui:form:open with the modal id, and refuses a form the types do not allow, naming what is wrong', async () => {
    elements = new PluginElements();
    host = new Webapp3Host({
      container: stage.container,
      execute: async () => true,
      handlers: { ...uiDialogs({ place: { element: stage.place }, send: () => {}, elements }), ...elements.handlers() },
    });
    host.load([{ id: 'raw', src: fixtureUrl('probe/index.html?id=raw&raw=1') }]);
    await until(() => stage.reports.of('raw', 'registered').length === 1, 'the raw handshake');
    const frame = frameOf(stage.container, 'raw');
    const opened = await probeCall(stage.reports, frame, 'raw', { rpc: 'ui:form:open', payload: shortForm() });
    const form = stage.place.shadowRoot!.querySelector<PexPluginForm>('pex-plugin-form')!;
    expect(opened.value).to.deep.equal({ status: 'ok', id: form.dataset.modalId, data: undefined });
    expect(form.dataset.modalId).to.match(/^form-\d+$/);

    const removed = await probeCall(stage.reports, frame, 'raw', { rpc: 'ui:removeElement', payload: { id: form.dataset.modalId } });
    expect(removed.value).to.deep.equal({ status: 'ok', id: form.dataset.modalId, data: undefined });
    expect(form.isConnected).to.equal(false);

    const bad = await probeCall(stage.reports, frame, 'raw', {
      rpc: 'ui:form:open',
      payload: { title: 'x', form: { submitBtnTitle: 'Go', elements: { when: { name: 'When', type: 'date' } } } },
    });
    expect((bad.value as { status: string; reason: string }).reason).to.equal(
      'ui:form:open element "when" has type "date", which this host does not know (known: text, number, password, email, tel, url, textarea, select, checklist, radio, range).',
    );
    const unknown = await probeCall(stage.reports, frame, 'raw', { rpc: 'ui:removeElement', payload: { id: 'form-999' } });
    expect(unknown.value).to.deep.include({ status: 'failed', reason: 'ui:removeElement: this plugin has no element "form-999".' });
    expect(stage.place.shadowRoot!.querySelector('pex-plugin-form')).to.equal(null);
  });

  it('does not submit while a required field is empty: the message is tied to the field and focus goes to it', async () => {
    const frame = await start();
    const added = await probeCall(stage.reports, frame, 'ui', { path: 'ui.addForm', payload: { ...shortForm('Rename me'), form: { ...shortForm().form, submitBtnTitle: 'Rename me', elements: { ...shortForm().form.elements, rules: { name: 'Rules', type: 'checklist', options: [{ id: 'ok', label: 'I agree', required: true }] } } } } });
    expect(added.value).to.equal('added');
    const form = await dialogOf<PexPluginForm>('pex-plugin-form');
    const root = inside(form);
    const submit = root.querySelector<HTMLElement>('[part="submit-button"]')!;
    expect(submit.textContent!.trim()).to.equal('Rename me');
    submit.click();
    await form.updateComplete;
    // Submitting is synchronous: nothing was sent.
    expect(sent).to.deep.equal([]);
    const nick = root.getElementById('f0') as HTMLInputElement;
    expect(nick.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(nick.getAttribute('aria-describedby')!)!.textContent).to.equal('Fill in Nickname.');
    const rules = root.getElementById('f2')!;
    expect(root.getElementById(rules.getAttribute('aria-describedby')!)!.textContent).to.equal('Check “I agree”.');
    expect(root.getElementById('f1')!.hasAttribute('aria-invalid')).to.equal(false);
    await until(() => root.activeElement === nick, 'focus on the first field with a problem');
    await expect(form).to.be.accessible();

    await sendKeys({ type: 'Neo' });
    await form.updateComplete;
    expect(nick.hasAttribute('aria-invalid')).to.equal(false);
    (root.querySelector('input[value="ok"]') as HTMLInputElement).click();
    submit.click();
    await until(() => stage.reports.of('ui', 'event', 'input').length === 1, 'the input event');
    expect(stage.reports.of('ui', 'event', 'input')[0].payload).to.deep.equal({ nick: 'Neo', note: '', rules: { ok: true } });
  });

  it('closes on Escape without sending anything, gives focus back, and the plugin removes a form it added', async () => {
    const frame = await start();
    const opener = document.createElement('button');
    opener.textContent = 'Open';
    document.body.append(opener);
    opener.focus();
    try {
      await probeCall(stage.reports, frame, 'ui', { path: 'ui.addForm', payload: shortForm() });
      const form = await dialogOf<PexPluginForm>('pex-plugin-form');
      const closed = new Promise((resolve) => form.addEventListener('pex-dialog-close', resolve, { once: true }));
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(form.isConnected).to.equal(false);
      expect(sent).to.deep.equal([]);
      expect(document.activeElement).to.equal(opener);

      // Its remove() after the user closed it is answered ok; a second form is removed by the plugin.
      const first = stage.reports.probe.find((r) => r.kind === 'result' && r.value === 'added') as ProbeReport;
      expect((await probeCall(stage.reports, frame, 'ui', { path: 'remove', payload: { ref: first.ref } })).value).to.equal('removed');
      const second = await probeCall(stage.reports, frame, 'ui', { path: 'ui.addForm', payload: shortForm() });
      const again = await dialogOf<PexPluginForm>('pex-plugin-form');
      expect((await probeCall(stage.reports, frame, 'ui', { path: 'remove', payload: { ref: second.ref } })).value).to.equal('removed');
      expect(again.isConnected).to.equal(false);
    } finally {
      opener.remove();
    }
  });

  it("shows a prompt as an alert dialog; the choice goes back as ui:prompt:input, and Escape dismisses one", async () => {
    const frame = await start();
    const outcome = probeCall(stage.reports, frame, 'ui', { path: 'ui.showPrompt', payload: prompt });
    const element = await dialogOf<PexPluginPrompt>('pex-plugin-prompt');
    const root = inside(element);
    const dialog = root.querySelector('dialog')!;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal('Start recording?');
    expect(root.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.equal('Everyone will be told.');
    const primary = root.querySelector<HTMLElement>('[part="primary-button"]')!;
    const secondary = root.querySelector<HTMLElement>('[part="secondary-button"]')!;
    expect([primary.textContent!.trim(), secondary.textContent!.trim()]).to.deep.equal(['Start', 'Not now']);
    expect(root.activeElement).to.equal(primary);
    await expect(element).to.be.accessible();
    secondary.click();
    const result = await outcome;
    expect(result.value).to.equal('Not now');
    expect(sent).to.deep.equal([{ pluginId: 'ui', event: 'ui:prompt:input', payload: { modalId: element.dataset.modalId, input: 'Not now' } }]);
    expect(element.isConnected).to.equal(false);

    await probeCall(stage.reports, frame, 'ui', { path: 'ui.addPrompt', payload: { title: 'Leave?', prompt: { primaryAction: 'Leave' } } });
    const second = await dialogOf<PexPluginPrompt>('pex-plugin-prompt');
    expect(inside(second).querySelector('[part="secondary-button"]')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await until(() => !second.isConnected, 'the prompt gone on Escape');
    expect(sent.length).to.equal(1);
  });

  it("keeps one plugin's dialogs its own: another plugin cannot remove them; removeAll closes them on unload", async () => {
    const frame = await start();
    await probeCall(stage.reports, frame, 'ui', { path: 'ui.addPrompt', payload: prompt });
    const element = await dialogOf<PexPluginPrompt>('pex-plugin-prompt');
    const id = element.dataset.modalId!;
    expect(elements.remove('other', id)).to.equal(false);
    expect(element.isConnected).to.equal(true);
    expect(elements.showing('ui', id)).to.equal(true);
    elements.removeAll('ui');
    expect(element.isConnected).to.equal(false);
    expect(elements.has('ui', id)).to.equal(false);
  });
});
