import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BUTTON_ICON_NAMES } from '../src/webapp3/button-icons.js';
import { flush, mountHost, participant, type MountedHost } from './support/host-fixture.js';
import { menuItems, toolbarButtons } from './support/menu-helpers.js';
import { Reports, probeCall, until } from './support/webapp3-harness.js';

/**
 * Web App 3 plugins' buttons (written with the real @pexip/plugin-api) in the host's own
 * toolbar, participant menu and conference menu, after a webapp2 plugin's toolbar items.
 */
describe('Web App 3 buttons in the host menus', () => {
  let reports: Reports;
  let m: MountedHost;
  beforeEach(async () => {
    reports = new Reports();
    m = await mountHost('webapp3-buttons', { registerTimeout: 4000 });
    await until(() => reports.of('buttons-a', 'registered').length === 1 && reports.of('buttons-b', 'registered').length === 1, 'both plugins registered');
  });
  afterEach(() => reports.dispose());

  const frame = (id: string) => m.host.shadowRoot!.querySelector<HTMLIFrameElement>(`iframe[data-webapp3-plugin="${id}"]`)!;
  const call = (id: string, path: string, payload?: unknown) => probeCall(reports, frame(id), id, { path, payload });
  /** Adds a button through `plugin.ui.addButton`; resolves with the ref its clicks are reported under. */
  const add = async (id: string, payload: unknown) => {
    const outcome = await call(id, 'ui.addButton', payload);
    expect(outcome.kind, outcome.error).to.equal('result');
    return outcome.ref!;
  };
  const clicks = (id: string, ref: string) => reports.of(id, 'event', 'click').filter((r) => r.ref === ref).map((r) => r.payload);
  const webapp3Buttons = () => toolbarButtons(m.host).filter((b) => /^buttons-[ab]\//.test(b.dataset.key ?? ''));
  const names = (buttons: HTMLElement[]) => buttons.map((b) => b.getAttribute('aria-label'));
  /** The named icon a button or item draws inline (its `data-icon`: the name and state). */
  const drawnIcon = (button: Element) => button.querySelector('svg[data-icon]')?.getAttribute('data-icon') ?? '';
  /** The id the host gave a button: the last part of its menu item's key. */
  const idOf = (button: HTMLElement) => button.dataset.key!.split('/').at(-1)!;

  it('puts a toolbar button with a named icon after the webapp2 items, draws the icon, and sends its click (mouse and keyboard)', async () => {
    const ref = await add('buttons-a', { position: 'toolbar', icon: 'IconSupport', tooltip: 'Support' });
    await until(() => webapp3Buttons().length === 1, 'the button in the toolbar');
    expect(names(toolbarButtons(m.host))).to.deep.equal(['Settings gear', 'Plain picture', 'Text only', 'Support']);
    const button = webapp3Buttons()[0]!;
    expect(button.getAttribute('title')).to.equal('Support');
    // Drawn inline from the host's own shapes: nothing fetched, nothing referenced.
    expect(drawnIcon(button)).to.equal('IconSupport');
    expect(button.querySelector('use, img')).to.equal(null);
    const drawn = button.querySelector<SVGSVGElement>('svg[data-icon]')!;
    expect(drawn.getAttribute('part')).to.equal('icon');
    expect(drawn.getBBox().width).to.be.greaterThan(0);
    // Its menu item carries a data: image of the same icon, for an app that draws the items itself.
    const itemIcon = m.host.runtime.menuItems.find((item) => item.label === 'Support')!.icon!;
    expect(itemIcon).to.match(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(itemIcon)).to.contain('data-icon="IconSupport"');
    const asImage = document.createElement('img');
    asImage.src = itemIcon;
    await until(() => asImage.complete && asImage.naturalWidth > 0, 'the item\'s icon as an image');
    const buttonId = idOf(button);

    button.click();
    await until(() => clicks('buttons-a', ref).length === 1, 'the click reaching the plugin');
    expect(clicks('buttons-a', ref)).to.deep.equal([{ buttonId }]);

    // Keyboard: Tab into the toolbar, End to the last button, Enter.
    toolbarButtons(m.host)[0]!.focus();
    await sendKeys({ press: 'End' });
    await flush();
    expect(m.host.querySelector('pex-toolbar')!.shadowRoot!.activeElement).to.equal(webapp3Buttons()[0]);
    await sendKeys({ press: 'Enter' });
    await until(() => clicks('buttons-a', ref).length === 2, 'the keyboard click reaching the plugin');
    expect(clicks('buttons-a', ref)).to.deep.equal([{ buttonId }, { buttonId }]);
    // Only the plugin that added it hears it.
    expect(reports.of('buttons-b', 'event', 'click')).to.deep.equal([]);
  });

  it('refuses an unknown icon name with a failed reply naming it and the known names', async () => {
    const outcome = await call('buttons-a', 'ui.addButton', { position: 'toolbar', icon: 'IconNoSuchThing', tooltip: 'Nope' });
    expect(outcome.kind).to.equal('error');
    const reason = (JSON.parse(outcome.error!) as { reason: string }).reason;
    expect(reason).to.equal(
      `Invalid Icon name: "icon" "IconNoSuchThing" is not one this host has (known: ${BUTTON_ICON_NAMES.join(', ')}); or give {custom: {main, hover}} as SVG markup`,
    );
    expect(reason).to.contain('IconPexipLogo, IconSupport');
    await flush();
    expect(webapp3Buttons()).to.deep.equal([]);
  });

  it('draws a custom icon as an image, and updates tooltip, icon, isActive and badge', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" fill="#123456"/></svg>';
    const ref = await add('buttons-a', { position: 'toolbar', icon: { custom: { main: svg, hover: svg } }, tooltip: 'Board' });
    await until(() => webapp3Buttons().length === 1, 'the button in the toolbar');
    const img = webapp3Buttons()[0]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(`data:image/svg+xml,${encodeURIComponent(svg)}`);
    await until(() => img.complete && img.naturalWidth > 0, 'the custom icon loaded');

    const updated = await call('buttons-a', 'update', { ref, payload: { position: 'toolbar', icon: 'IconLock', tooltip: 'Locked', isActive: true, badge: { isVisible: true } } });
    expect(updated.kind, updated.error).to.equal('result');
    await until(() => names(webapp3Buttons())[0] === 'Locked (new)', 'the update shown');
    // Pressed is the button's state, as a screen reader tells a toggle: not words in its name.
    expect(webapp3Buttons()[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(drawnIcon(webapp3Buttons()[0]!)).to.equal('IconLock-active-badge');
    expect(m.host.runtime.menuItems.filter((item) => item.pluginId === 'buttons-a').map(({ pressed, badge }) => ({ pressed, badge }))).to.deep.equal([{ pressed: true, badge: true }]);

    // A custom icon pressed: the plugin's SVG nested under the plate, still an image.
    await call('buttons-a', 'update', { ref, payload: { position: 'toolbar', icon: { custom: { main: svg, hover: svg } }, tooltip: 'Board', isActive: true } });
    await until(() => names(webapp3Buttons())[0] === 'Board', 'the pressed custom icon');
    expect(webapp3Buttons()[0]!.getAttribute('aria-pressed')).to.equal('true');
    const pressed = webapp3Buttons()[0]!.querySelector('img')!;
    expect(decodeURIComponent(pressed.getAttribute('src')!)).to.contain('<image href="data:image/svg+xml,');
    await until(() => pressed.complete && pressed.naturalWidth > 0, 'the pressed custom icon loaded');

    await call('buttons-a', 'update', { ref, payload: { position: 'toolbar', icon: 'IconUnlock', tooltip: 'Unlocked', isActive: false } });
    await until(() => names(webapp3Buttons())[0] === 'Unlocked', 'the second update shown');
    expect(webapp3Buttons()[0]!.getAttribute('aria-pressed')).to.equal('false');
    expect(drawnIcon(webapp3Buttons()[0]!)).to.equal('IconUnlock');
    // The same item all along: the button keeps its place and id.
    webapp3Buttons()[0]!.click();
    await until(() => clicks('buttons-a', ref).length === 1, 'the click after updates');
  });

  it('opens a group button as a menu of its sub-buttons and sends the chosen one', async () => {
    const ref = await add('buttons-a', {
      position: 'toolbar',
      icon: 'IconPlayRound',
      tooltip: 'Recording',
      group: [
        { id: 'record', icon: 'IconPlayRound', tooltip: 'Record', isActive: false },
        { id: 'manage', icon: 'IconSettings', tooltip: 'Manage recordings', badge: { isVisible: true } },
      ],
    });
    await until(() => webapp3Buttons().length === 1, 'the group button in the toolbar');
    const parentButton = webapp3Buttons()[0]!;
    // A sub-button's badge shows on the group's button.
    expect(parentButton.getAttribute('aria-label')).to.equal('Recording (new)');
    parentButton.focus();
    await sendKeys({ press: 'Enter' });
    const menu = () => m.host.shadowRoot!.querySelector('pex-button-group-menu');
    await until(() => menu()?.shadowRoot?.querySelector('[part="item"]') != null, 'the group menu open');
    const items = () => [...menu()!.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
    expect(menu()!.shadowRoot!.querySelector('[role="menu"]')!.getAttribute('aria-label')).to.equal('Recording');
    expect(items().map((item) => [item.getAttribute('role'), item.getAttribute('aria-checked'), item.textContent!.replace(/\s+/g, ' ').trim()])).to.deep.equal([
      ['menuitemcheckbox', 'false', 'Record'],
      ['menuitem', null, 'Manage recordings, new'],
    ]);
    // Opening the group is not a click of the plugin's button.
    expect(clicks('buttons-a', ref)).to.deep.equal([]);
    await until(() => menu()!.shadowRoot!.activeElement === items()[0], 'focus on the first entry');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => clicks('buttons-a', ref).length === 1, 'the chosen entry reaching the plugin');
    expect(clicks('buttons-a', ref)).to.deep.equal([{ buttonId: 'manage' }]);
    await until(() => menu() === null, 'the menu closed');
    expect(m.host.querySelector('pex-toolbar')!.shadowRoot!.activeElement).to.equal(parentButton);

    // Escape closes it without a choice, focus back on the group's button.
    parentButton.click();
    await until(() => menu()?.shadowRoot?.querySelector('[part="item"]') != null, 'the group menu open again');
    await until(() => menu()!.shadowRoot!.activeElement != null, 'focus in the menu');
    await sendKeys({ press: 'Escape' });
    await until(() => menu() === null, 'the menu closed by Escape');
    expect(m.host.querySelector('pex-toolbar')!.shadowRoot!.activeElement).to.equal(parentButton);
    expect(clicks('buttons-a', ref)).to.have.length(1);
  });

  it('puts participant actions in the participant menu, for all or for the given participants, with the participant uuid as input', async () => {
    m.host.participants = [participant('p1', { name: 'Alice' }), participant('p2', { name: 'Bob' })];
    const all = await add('buttons-a', { position: 'participantActions', label: 'Spotlight them' });
    const some = await add('buttons-a', { position: 'participantActions', label: 'Only Bob', icon: 'IconShield', participantIDs: ['p2'] });
    const menu = m.host.querySelector('pex-participant-menu') as HTMLElement & { participant: unknown; updateComplete: Promise<unknown> };
    menu.participant = m.host.participants[1];
    await until(() => menuItems('pex-participant-menu', m.host).length === 2, 'both actions in the menu');
    const items = menuItems('pex-participant-menu', m.host);
    expect(items.map((item) => item.textContent!.trim())).to.deep.equal(['Spotlight them', 'Only Bob']);
    expect(drawnIcon(items[1]!)).to.equal('IconShield');
    const item = m.host.runtime.menuItems.find((view) => view.label === 'Only Bob')!;
    expect(item.participantIds).to.deep.equal(['p2']);

    items[0]!.focus();
    await sendKeys({ press: 'Enter' });
    items[1]!.click();
    await until(() => clicks('buttons-a', all).length === 1 && clicks('buttons-a', some).length === 1, 'both clicks reaching the plugin');
    expect([clicks('buttons-a', all), clicks('buttons-a', some)]).to.deep.equal([[{ participantUuid: 'p2' }], [{ participantUuid: 'p2' }]]);

    // For Alice, the action for Bob only does nothing: the plugin never hears of it.
    m.host.runtime.invokeMenuItem(item.key, [m.host.participants[0]]);
    m.host.runtime.invokeMenuItem(m.host.runtime.menuItems.find((view) => view.label === 'Spotlight them')!.key, [m.host.participants[0]]);
    await until(() => clicks('buttons-a', all).length === 2, 'the click for Alice');
    expect(clicks('buttons-a', all)[1]).to.deep.equal({ participantUuid: 'p1' });
    expect(clicks('buttons-a', some)).to.have.length(1);

    // Alice's menu lists the action for everyone only.
    menu.participant = m.host.participants[0];
    await until(() => menuItems('pex-participant-menu', m.host).length === 1, "Alice's menu without Bob's action");
    expect(menuItems('pex-participant-menu', m.host).map((entry) => entry.textContent!.trim())).to.deep.equal(['Spotlight them']);
  });

  it('puts settings-menu buttons in the conference menu, inMeetingOnly ones while in a meeting, with no input', async () => {
    const always = await add('buttons-a', { position: 'settingsMenu', label: 'Send feedback', inMeetingOnly: false });
    await add('buttons-a', { position: 'settingsMenu', label: 'Set overlay', inMeetingOnly: true });
    await until(() => menuItems('pex-conference-menu', m.host).length === 1, 'the always-shown item');
    expect(menuItems('pex-conference-menu', m.host).map((item) => item.textContent!.trim())).to.deep.equal(['Send feedback']);
    m.host.participants = [participant('p1')];
    await until(() => menuItems('pex-conference-menu', m.host).length === 2, 'the in-meeting item');
    expect(menuItems('pex-conference-menu', m.host).map((item) => item.textContent!.trim())).to.deep.equal(['Send feedback', 'Set overlay']);
    menuItems('pex-conference-menu', m.host)[0]!.click();
    await until(() => clicks('buttons-a', always).length === 1, 'the click reaching the plugin');
    expect(clicks('buttons-a', always)).to.deep.equal(['undefined']);
    m.host.participants = [];
    await until(() => menuItems('pex-conference-menu', m.host).length === 1, 'the in-meeting item gone after the meeting');
  });

  it("shows buttons by the participant's role", async () => {
    await add('buttons-a', { position: 'toolbar', icon: 'IconLock', tooltip: 'Chairs only', roles: ['chair'] });
    await add('buttons-a', { position: 'toolbar', icon: 'IconChat', tooltip: 'Guests only', roles: ['guest'] });
    await add('buttons-a', { position: 'settingsMenu', label: 'Chair settings', inMeetingOnly: false, roles: ['chair'] });
    // Role not known yet: all show.
    await until(() => webapp3Buttons().length === 2 && menuItems('pex-conference-menu', m.host).length === 1, 'all buttons while the role is unknown');
    m.host.setAttribute('participant-role', 'guest');
    await until(() => names(webapp3Buttons()).join() === 'Guests only', 'the guest buttons only');
    await until(() => menuItems('pex-conference-menu', m.host).length === 0, 'no chair settings for a guest');
    m.host.setAttribute('participant-role', 'chair');
    await until(() => names(webapp3Buttons()).join() === 'Chairs only', 'the chair buttons only');
    await until(() => menuItems('pex-conference-menu', m.host).length === 1, 'the chair settings for a chair');
  });

  it('removes a button on remove(), and all of a plugin\'s buttons when it is unloaded', async () => {
    const ref = await add('buttons-a', { position: 'toolbar', icon: 'IconLink', tooltip: 'Link' });
    await add('buttons-a', { position: 'settingsMenu', label: 'A settings', inMeetingOnly: false });
    await add('buttons-b', { position: 'toolbar', icon: 'IconChat', tooltip: 'B chat' });
    await until(() => webapp3Buttons().length === 2, 'both toolbar buttons');
    expect((await call('buttons-a', 'remove', { ref })).kind).to.equal('result');
    await until(() => names(webapp3Buttons()).join() === 'B chat', 'the removed button gone');
    await add('buttons-a', { position: 'toolbar', icon: 'IconLink', tooltip: 'Link again' });
    await until(() => webapp3Buttons().length === 2, 'a new button of the first plugin');
    m.host.runtime.unloadPlugin('buttons-a');
    await until(() => names(webapp3Buttons()).join() === 'B chat', "the unloaded plugin's buttons gone");
    await until(() => menuItems('pex-conference-menu', m.host).length === 0, "the unloaded plugin's settings item gone");
    // The webapp2 plugin's buttons stay.
    expect(names(toolbarButtons(m.host))).to.deep.equal(['Settings gear', 'Plain picture', 'Text only', 'B chat']);
  });

  it("does not let one plugin update or remove another's button", async () => {
    const ref = await add('buttons-a', { position: 'toolbar', icon: 'IconLink', tooltip: 'Mine' });
    await until(() => webapp3Buttons().length === 1, 'the button');
    const id = idOf(webapp3Buttons()[0]!);
    const removal = await call('buttons-b', 'rpc', { rpc: 'ui:removeElement', payload: { id } });
    expect(removal.value).to.deep.include({ status: 'failed', reason: `ui:removeElement: this plugin has no element "${id}".` });
    const update = await call('buttons-b', 'rpc', { rpc: 'ui:button:update', payload: { position: 'toolbar', icon: 'IconLink', tooltip: 'Stolen', targetId: id } });
    expect(update.value).to.deep.include({ status: 'failed', reason: `ui:button:update: this plugin has no button "${id}".` });
    await flush();
    expect(names(webapp3Buttons())).to.deep.equal(['Mine']);
    // Its owner still can.
    expect((await call('buttons-a', 'remove', { ref })).kind).to.equal('result');
    await until(() => webapp3Buttons().length === 0, 'the owner removing it');
  });

  it('refuses a payload the types do not allow, naming the field', async () => {
    const outcome = await call('buttons-a', 'rpc', { rpc: 'ui:button:add', payload: { position: 'toolbar', icon: 'IconLink' } });
    expect(outcome.value).to.deep.include({ status: 'failed', reason: 'ui:button:add needs "tooltip" (a string).' });
    const position = await call('buttons-a', 'rpc', { rpc: 'ui:button:add', payload: { position: 'sidebar', label: 'x' } });
    expect(position.value).to.deep.include({ status: 'failed', reason: 'ui:button:add has "position" "sidebar" (known: toolbar, participantActions, settingsMenu).' });
  });
});
