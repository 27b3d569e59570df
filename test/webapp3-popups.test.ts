import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { flush, mountHost, participant, type MountedHost } from './support/host-fixture.js';
import { menuItems, toolbarButtons } from './support/menu-helpers.js';
import { Reports, probeCall, until } from './support/webapp3-harness.js';

type PopupWindow = Window & { plugin: { popupManager: { add(id: string, guard: (input: unknown) => boolean): void; get(id: string): Window | null | undefined } } };

/**
 * `opensPopup` (written with the real @pexip/plugin-api): the host opens a plugin's popup from
 * the user's click, through the popup manager in the plugin's own page, with the input the
 * plugin's guard expects; a page the host cannot reach gets its click and a warning, no popup.
 */
describe('Web App 3 popups (opensPopup)', () => {
  let reports: Reports;
  let m: MountedHost;
  const opened: Window[] = [];
  let warnings: string[];
  const warn = console.warn;
  beforeEach(async () => {
    reports = new Reports();
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    m = await mountHost('webapp3-popups', { registerTimeout: 4000 });
    await until(() => ['pop-buttons', 'pop-ui', 'pop-opaque'].every((id) => reports.of(id, 'registered').length === 1), 'the three plugins registered');
  });
  afterEach(() => {
    console.warn = warn;
    for (const popup of opened.splice(0)) popup.close();
    reports.dispose();
  });

  const frame = (id: string) => m.host.shadowRoot!.querySelector<HTMLIFrameElement>(`iframe[data-webapp3-plugin="${id}"]`)!;
  const page = (id: string) => frame(id).contentWindow as PopupWindow;
  const call = async (id: string, path: string, payload?: unknown) => {
    const outcome = await probeCall(reports, frame(id), id, { path, payload });
    expect(outcome.kind, outcome.error).to.equal('result');
    return outcome;
  };
  const clicks = (id: string, ref: string) => reports.of(id, 'event', 'click').filter((r) => r.ref === ref).map((r) => r.payload);
  /** The popup the plugin's page holds under `id`, once it is open. */
  const popupOf = (id: string, popupId: string) => {
    const popup = page(id).plugin.popupManager.get(popupId);
    if (popup && !opened.includes(popup)) opened.push(popup);
    return popup;
  };
  /** A real click (the user's gesture, which a popup needs) in the middle of `element`. */
  const userClick = async (element: Element) => {
    const box = element.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
  };
  const request = (popupId: string) => ({ id: popupId, openParams: [`about:blank#${popupId}`, '_blank', 'width=320,height=240'] });

  it('opens a toolbar button\'s popup through the plugin\'s own popup manager in the click, then sends the click', async () => {
    const ref = (await call('pop-buttons', 'ui.addButton', { position: 'toolbar', icon: 'IconLink', tooltip: 'Docs', opensPopup: request('docs') })).ref!;
    await until(() => toolbarButtons(m.host).some((b) => b.getAttribute('aria-label') === 'Docs'), 'the button in the toolbar');
    expect(popupOf('pop-buttons', 'docs')).to.equal(undefined);

    await userClick(toolbarButtons(m.host).find((b) => b.getAttribute('aria-label') === 'Docs')!);
    await until(() => clicks('pop-buttons', ref).length === 1, 'the click reaching the plugin');
    const popup = popupOf('pop-buttons', 'docs');
    expect(popup, 'the popup the plugin page holds').to.be.ok;
    expect(popup!.closed).to.equal(false);
    expect(popup!.location.href).to.equal('about:blank#docs');

    // A group's sub-button: its own popup, when it is chosen in the group's menu.
    const group = [{ id: 'guide', icon: 'IconInfoRound', tooltip: 'Guide', opensPopup: request('guide') }, { id: 'faq', icon: 'IconSupport', tooltip: 'FAQ' }];
    const groupRef = (await call('pop-buttons', 'ui.addButton', { position: 'toolbar', icon: 'IconInfoRound', tooltip: 'Help', group })).ref!;
    await until(() => toolbarButtons(m.host).some((b) => b.getAttribute('aria-label') === 'Help'), 'the group in the toolbar');
    await userClick(toolbarButtons(m.host).find((b) => b.getAttribute('aria-label') === 'Help')!);
    const entries = () => [...(m.host.shadowRoot!.querySelector('pex-button-group-menu')?.shadowRoot?.querySelectorAll<HTMLElement>('[part="item"]') ?? [])];
    await until(() => entries().length === 2, 'the group menu open');
    await userClick(entries()[0]!);
    await until(() => clicks('pop-buttons', groupRef).length === 1, 'the choice reaching the plugin');
    expect(clicks('pop-buttons', groupRef)).to.deep.equal([{ buttonId: 'guide' }]);
    expect(popupOf('pop-buttons', 'guide')?.location.href).to.equal('about:blank#guide');
    expect(warnings).to.deep.equal([]);
  });

  it("gives a participant action's guard {participantUuid} and opens only when it says so", async () => {
    m.host.participants = [participant('p1', { name: 'Alice' }), participant('p2', { name: 'Bob' })];
    const seen: unknown[] = [];
    page('pop-buttons').plugin.popupManager.add('profile', (input) => {
      seen.push(input);
      return (input as { participantUuid?: string }).participantUuid === 'p2';
    });
    const ref = (await call('pop-buttons', 'ui.addButton', { position: 'participantActions', label: 'Profile', opensPopup: request('profile') })).ref!;
    const menu = m.host.querySelector('pex-participant-menu') as HTMLElement & { participant: unknown };
    menu.participant = m.host.participants[0];
    await until(() => menuItems('pex-participant-menu', m.host).length === 1, "the action in Alice's menu");
    await userClick(menuItems('pex-participant-menu', m.host)[0]!);
    await until(() => clicks('pop-buttons', ref).length === 1, "the click for Alice");
    expect(seen).to.deep.equal([{ participantUuid: 'p1' }]);
    expect(popupOf('pop-buttons', 'profile')).to.equal(null);

    menu.participant = m.host.participants[1];
    await flush();
    await until(() => menuItems('pex-participant-menu', m.host).length === 1, "the action in Bob's menu");
    await userClick(menuItems('pex-participant-menu', m.host)[0]!);
    await until(() => clicks('pop-buttons', ref).length === 2, 'the click for Bob');
    expect(seen).to.deep.equal([{ participantUuid: 'p1' }, { participantUuid: 'p2' }]);
    expect(popupOf('pop-buttons', 'profile')?.location.href).to.equal('about:blank#profile');
    expect(clicks('pop-buttons', ref)).to.deep.equal([{ participantUuid: 'p1' }, { participantUuid: 'p2' }]);
  });

  it("opens a prompt's popup on its answer, the guard given {action}, and a form's with the form's input", async () => {
    const seen: unknown[] = [];
    page('pop-ui').plugin.popupManager.add('prompted', (input) => {
      seen.push(input);
      return (input as { action?: string }).action === 'Open it';
    });
    const prompt = probeCall(reports, frame('pop-ui'), 'pop-ui', {
      path: 'ui.showPrompt',
      payload: { title: 'Open the guide?', prompt: { primaryAction: 'Open it', secondaryAction: 'Later' }, opensPopup: request('prompted') },
    });
    await until(() => m.host.shadowRoot!.querySelector('pex-plugin-prompt')?.shadowRoot?.querySelector('[part="primary-button"]') != null, 'the prompt shown');
    await userClick(m.host.shadowRoot!.querySelector('pex-plugin-prompt')!.shadowRoot!.querySelector('[part="primary-button"]')!);
    expect((await prompt).value).to.equal('Open it');
    expect(seen).to.deep.equal([{ action: 'Open it' }]);
    expect(popupOf('pop-ui', 'prompted')?.location.href).to.equal('about:blank#prompted');

    const form = probeCall(reports, frame('pop-ui'), 'pop-ui', {
      path: 'ui.showForm',
      payload: { title: 'Where to?', form: { submitBtnTitle: 'Go', elements: { place: { name: 'Place', type: 'text', value: 'Oslo' } } }, opensPopup: request('formed') },
    });
    page('pop-ui').plugin.popupManager.add('formed', (input) => {
      seen.push(input);
      return true;
    });
    await until(() => m.host.shadowRoot!.querySelector('pex-plugin-form')?.shadowRoot?.querySelector('button[type="submit"]') != null, 'the form shown');
    await userClick(m.host.shadowRoot!.querySelector('pex-plugin-form')!.shadowRoot!.querySelector('button[type="submit"]')!);
    expect((await form).value).to.deep.equal({ place: 'Oslo' });
    expect(seen.at(-1)).to.deep.equal({ place: 'Oslo' });
    expect(popupOf('pop-ui', 'formed')?.location.href).to.equal('about:blank#formed');
  });

  it('sends the click of a plugin whose page it cannot reach, opens nothing, and warns once with the fix', async () => {
    const ref = (await call('pop-opaque', 'ui.addButton', { position: 'toolbar', icon: 'IconLink', tooltip: 'Away', opensPopup: request('away') })).ref!;
    await until(() => toolbarButtons(m.host).some((b) => b.getAttribute('aria-label') === 'Away'), 'the button in the toolbar');
    const button = () => toolbarButtons(m.host).find((b) => b.getAttribute('aria-label') === 'Away')!;
    await userClick(button());
    await userClick(button());
    await until(() => clicks('pop-opaque', ref).length === 2, 'both clicks reaching the plugin');
    expect(clicks('pop-opaque', ref)).to.have.length(2);
    expect(warnings).to.deep.equal([
      'Web App 3 plugin "pop-opaque": popup "away" (opensPopup) was not opened: its page is of another origin than the app, so the host cannot reach its popup manager. ' +
        'Fix: serve the plugin from the app\'s own origin and give it "allow-same-origin" and "allow-popups" in its sandboxValues in manifest.json, or open the popup from the plugin\'s own code.',
    ]);
  });

  it('refuses an opensPopup that is not {id, openParams} with a failed reply saying what is needed', async () => {
    const outcome = await probeCall(reports, frame('pop-buttons'), 'pop-buttons', {
      path: 'ui.addButton',
      payload: { position: 'toolbar', icon: 'IconLink', tooltip: 'Bad', opensPopup: { id: 'x', openParams: 'https://example.com' } },
    });
    expect(outcome.kind).to.equal('error');
    expect((JSON.parse(outcome.error!) as { reason: string }).reason).to.equal(
      'ui:button:add "opensPopup" is {"id":"x","openParams":"https://example.com"}: {id, openParams} is needed, openParams being window.open\'s arguments ([url, target, features]).',
    );
  });
});
