/**
 * The demo's conferencing client in connected mode: it joins a conference through the real
 * Infinity connection (the built-in simulator by default, or a Pexip Infinity node given in
 * the page's URL), hands the connection to <pex-plugin-host>, and draws the roster, the stage
 * and the chat from the same connection, in the markup of `renderClientMarkup`.
 *
 * As the Connect app does, the host loads its plugins before the call is joined: it gets the
 * connection only once its plugins have loaded (or failed), so they see `started: false` first
 * and then the conference start (see README, "webapp2's deployment layout").
 *
 *   ?node=https://node.example&alias=meet&name=Ann&pin=1234
 *
 * Resolves to the connection once joined (undefined when joining failed).
 */
import { connectInfinity, type InfinityConnection, type Participant, type PinRequest } from '../../components/index.js';
import type { PexPluginHost } from '../../components/plugin-host/plugin-host.js';
import { showConnectionState } from './connection-banner.js';

export function startConferenceClient(host: PexPluginHost): Promise<InfinityConnection | undefined> {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  // Plugins subscribe to conferenceDetails$ in load and act on the first started: true with the
  // files they appended to the page in load; joined first, they would get started: true at once,
  // before those files arrive. The host starts reading its branding in its first update.
  const pluginsLoaded = host.updateComplete.then(() => host.settled);

  const query = new URLSearchParams(location.search);
  const options = {
    node: query.get('node') ?? location.origin,
    alias: query.get('alias') ?? 'meet',
    displayName: query.get('name') ?? 'Demo user',
    ...(query.get('pin') ? { pin: query.get('pin')! } : {}),
  };

  let connection: InfinityConnection | undefined;
  let participants: readonly Participant[] = [];
  let selfUUID: string | undefined;

  function notice(text: string, kind: 'info' | 'error' = 'info'): void {
    const item = document.createElement('div');
    item.className = `notice ${kind}`;
    item.textContent = text;
    $('notices').append(item);
    setTimeout(() => item.remove(), 6000);
  }

  /** A request the client itself makes (the plugins' go through the host). */
  async function request(path: string, payload?: Record<string, unknown>): Promise<void> {
    try {
      await connection?.execute({ name: 'sendRequest', args: { path, payload } });
    } catch (error) {
      notice(`${path}: ${(error as { reason?: string }).reason ?? (error as Error).message}`, 'error');
    }
  }

  /** Asks the user for a PIN in a native dialog; resolves to what they typed, or null. */
  function askForPin(pinRequest: PinRequest): Promise<string | null> {
    const dialog = $<HTMLDialogElement>('pin-dialog');
    $('pin-dialog-text').textContent = pinRequest.guestPinRequired
      ? `"${pinRequest.alias}" asks for a PIN.`
      : `"${pinRequest.alias}" asks for a host PIN; leave it empty to join as a guest.`;
    const input = $<HTMLInputElement>('pin-input');
    input.value = '';
    dialog.showModal();
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'join' ? input.value : null), { once: true });
    });
  }

  async function join(): Promise<InfinityConnection | undefined> {
    $('status').textContent = `Joining ${options.alias} on ${options.node === location.origin ? 'the built-in simulator' : options.node}…`;
    try {
      connection = await connectInfinity({ ...options, requestPin: askForPin });
    } catch (error) {
      $('status').textContent = `Could not join: ${(error as Error).message}`;
      notice((error as Error).message, 'error');
      return undefined;
    }
    await pluginsLoaded;
    host.connection = connection;
    $('status').textContent = `In ${options.alias} as ${options.displayName}`;
    connection.participants$.subscribe((list) => {
      participants = list;
      render();
    });
    connection.selfUUID$.subscribe((uuid) => (selfUUID = uuid));
    connection.conference$.subscribe((details) => {
      $('lock').textContent = details.locked ? 'Unlock the conference' : 'Lock the conference';
      $('lock').setAttribute('aria-pressed', String(details.locked));
    });
    connection.actions$.subscribe((action) => {
      if (action.type === window.PEX.actions.RECEIVE_CHAT_MESSAGE) {
        const message = action.payload as { origin: string; payload: string };
        addChat(message.origin, message.payload);
      }
      // What this client sends — from the chat form or from a plugin (the chat bot's answers).
      if (action.type === window.PEX.actions.SEND_CHAT_MESSAGE) addChat(`${options.displayName} (you)`, String(action.payload));
      if (action.type === window.PEX.actions.DISCONNECT_SUCCESS) $('status').textContent = 'You left the conference.';
    });
    return connection;
  }

  // Reconnecting, offline, disconnected: said in the banner, from the host's pex-connection-state.
  showConnectionState(host, $('connection-banner'));

  // ---- what plugins ask the client to do (besides conference commands) ---------------
  host.addEventListener('pex-action', (event) => {
    const { type, payload } = event.detail.action;
    if (type === '[Demo] Notice') notice(String(payload));
    else notice(`A plugin asked for ${type}.`);
  });
  host.addEventListener('pex-plugin-error', (event) => notice(`Plugin ${event.detail.id} failed (${event.detail.phase}); the others go on.`, 'error'));

  // ---- the client's own UI (text only: names and chat are untrusted) ------------------
  function render(): void {
    const onStage = [...participants].sort((a, b) => (a.stageIndex < 0 ? 1 : b.stageIndex < 0 ? -1 : a.stageIndex - b.stageIndex));
    $('stage').replaceChildren(
      ...onStage.slice(0, 9).map((p) => {
        const tile = document.createElement('li');
        tile.className = `tile${p.vad > 0 ? ' speaking' : ''}${p.spotlight ? ' spotlight' : ''}`;
        tile.append(nameLabel(p.name, 'tile-name'));
        if (p.uuid === selfUUID) tile.append(suffix(' (you)'));
        return tile;
      }),
    );
    renderRoster();
    const self = participants.find((p) => p.uuid === selfUUID);
    $('raise-hand').textContent = self?.buzzTime ? 'Lower your hand' : 'Raise your hand';
    $('raise-hand').setAttribute('aria-pressed', String(!!self?.buzzTime));
    // Keep an open participant menu in step with that participant's latest state; it closes when they leave.
    const menu = document.querySelector('pex-participant-menu')!;
    if (menu.participant) menu.participant = participants.find((p) => p.uuid === menu.participant!.uuid);
    if (!menu.participant && $('participant-menu-panel').matches(':popover-open')) $('participant-menu-panel').hidePopover();
  }

  /**
   * The roster, updated in place: a row and its ⋯ button stay the same elements while their
   * participant is there, so focus on a button, or a menu opened from it, survives the updates
   * that come with every word someone says.
   */
  const rosterRows = new Map<string, { row: HTMLLIElement; about: HTMLSpanElement; more: HTMLButtonElement }>();

  function renderRoster(): void {
    const list = $('roster');
    const present = new Set(participants.map((p) => p.uuid));
    for (const [uuid, { row }] of rosterRows) {
      if (present.has(uuid)) continue;
      row.remove();
      rosterRows.delete(uuid);
    }
    participants.forEach((p, index) => {
      let entry = rosterRows.get(p.uuid);
      if (!entry) rosterRows.set(p.uuid, (entry = rosterRow(p.uuid)));
      fillRosterRow(entry, p);
      const there = list.children[index] ?? null;
      if (there !== entry.row) list.insertBefore(entry.row, there);
    });
  }

  function rosterRow(uuid: string): { row: HTMLLIElement; about: HTMLSpanElement; more: HTMLButtonElement } {
    const row = document.createElement('li');
    const about = document.createElement('span');
    about.className = 'about';
    const more = document.createElement('button');
    more.type = 'button';
    more.textContent = '⋯';
    more.setAttribute('aria-haspopup', 'menu');
    more.setAttribute('popovertarget', 'participant-menu-panel');
    more.addEventListener('click', (event) => {
      const panel = $('participant-menu-panel');
      const forSomeoneElse = panel.matches(':popover-open') && menuParticipantUuid() !== uuid;
      setMenuParticipant(uuid);
      // Open for someone else: it stays open, now for this participant, by this button.
      if (forSomeoneElse) {
        event.preventDefault();
        placeBelow(panel, more);
      }
    });
    row.append(about, more);
    return { row, about, more };
  }

  function fillRosterRow({ about, more }: { about: HTMLSpanElement; more: HTMLButtonElement }, p: Participant): void {
    const dot = document.createElement('span');
    dot.className = `speaking-dot${p.vad > 0 ? ' on' : ''}`;
    dot.setAttribute('aria-hidden', 'true');
    const notes = `${p.uuid === selfUUID ? ' (you)' : ''}${p.vad > 0 ? ' (speaking)' : ''}${p.isStreaming ? ' (recording)' : ''}`;
    const parts: HTMLElement[] = [dot, nameLabel(p.name, 'name')];
    if (notes) parts.push(suffix(notes));
    if (p.buzzTime > 0) {
      const hand = document.createElement('span');
      hand.className = 'hand';
      hand.textContent = '✋';
      hand.setAttribute('role', 'img');
      hand.setAttribute('aria-label', 'hand raised');
      parts.push(hand);
    }
    about.replaceChildren(...parts);
    more.setAttribute('aria-label', `Actions for ${p.name}`);
  }

  /**
   * A name on one line that never overflows its box: cut with an ellipsis (demo.css), the whole
   * name in the text (what a screen reader reads) and in the title (what a pointer shows).
   */
  function nameLabel(name: string, className: string): HTMLSpanElement {
    const label = document.createElement('span');
    label.className = className;
    label.textContent = name;
    label.title = name;
    return label;
  }

  /** What follows a name ("(you)", "(speaking)"): kept visible however long the name. */
  function suffix(text: string): HTMLSpanElement {
    const note = document.createElement('span');
    note.className = 'name-suffix';
    note.textContent = text;
    return note;
  }

  function addChat(from: string, text: string): void {
    const item = document.createElement('li');
    const who = document.createElement('strong');
    who.textContent = `${from}: `;
    item.append(who, text);
    const log = $('chat-log');
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function menuParticipantUuid(): string | undefined {
    return document.querySelector('pex-participant-menu')!.participant?.uuid;
  }

  function setMenuParticipant(uuid: string): void {
    const menu = document.querySelector('pex-participant-menu')!;
    menu.participant = participants.find((p) => p.uuid === uuid);
    $('participant-menu-title').textContent = menu.participant?.name ?? '';
  }

  /** Puts an open(ing) popover under its button, right edges aligned, inside the window. */
  function placeBelow(panel: HTMLElement, button: HTMLElement): void {
    const box = button.getBoundingClientRect();
    panel.style.top = `${box.bottom + 4}px`;
    panel.style.right = `${Math.max(8, document.documentElement.clientWidth - box.right)}px`;
  }

  // The menus are native popovers: the browser opens them from their popovertarget buttons,
  // closes them on an outside click or Escape, and then gives focus back to the button. What it
  // does not do: place them by their button, and move focus into them. The button that opens a
  // popover is the one last clicked with a popovertarget for it (mouse, Enter or Space all click).
  let invoker: HTMLElement | undefined;
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('[popovertarget]');
      if (button instanceof HTMLElement) invoker = button;
    },
    { capture: true },
  );
  for (const id of ['conference-menu-panel', 'participant-menu-panel']) {
    const panel = $(id);
    panel.addEventListener('beforetoggle', (event) => {
      const target = invoker?.getAttribute('popovertarget') === id ? invoker : document.querySelector<HTMLElement>(`[popovertarget="${id}"]`);
      if ((event as ToggleEvent).newState === 'open' && target) placeBelow(panel, target);
    });
    panel.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState !== 'open') return;
      // Into the first menu item; while the plugins load (no items yet), onto the panel, whose
      // placeholder then says what is coming.
      const menu = panel.querySelector<HTMLElement>('pex-conference-menu, pex-participant-menu')!;
      menu.focus();
      if (!menu.matches(':focus-within')) panel.focus();
    });
    // A chosen menu item closes its menu (the plugin's action has run by then); focus goes back.
    panel.addEventListener('click', (event) => {
      if (event.composedPath().some((node) => node instanceof HTMLElement && node.getAttribute('part') === 'item')) panel.hidePopover();
    });
  }

  $<HTMLSelectElement>('role').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (value) host.setAttribute('participant-role', value);
    else host.removeAttribute('participant-role');
  });

  $('raise-hand').addEventListener('click', () => {
    const self = participants.find((p) => p.uuid === selfUUID);
    if (self) void request(`participants/${self.uuid}/${self.buzzTime ? 'clearbuzz' : 'buzz'}`);
  });
  $('lock').addEventListener('click', () => void request($('lock').getAttribute('aria-pressed') === 'true' ? 'unlock' : 'lock'));
  $('leave').addEventListener('click', () => void connection?.leave());

  $<HTMLFormElement>('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $<HTMLInputElement>('chat-input');
    const text = input.value.trim();
    if (!text || !connection) return;
    input.value = '';
    connection
      .execute({ name: 'sendChatMessage', args: { type: 'text/plain', payload: text } })
      .catch((error: { reason?: string; message: string }) => notice(`Chat: ${error.reason ?? error.message}`, 'error'));
  });

  return join();
}
