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
        tile.textContent = p.name + (p.uuid === selfUUID ? ' (you)' : '');
        return tile;
      }),
    );
    $('roster').replaceChildren(...participants.map(rosterRow));
    const self = participants.find((p) => p.uuid === selfUUID);
    $('raise-hand').textContent = self?.buzzTime ? 'Lower your hand' : 'Raise your hand';
    $('raise-hand').setAttribute('aria-pressed', String(!!self?.buzzTime));
    // Keep an open participant menu in step with that participant's latest state.
    const menu = document.querySelector('pex-participant-menu')!;
    if (menu.participant) menu.participant = participants.find((p) => p.uuid === menu.participant!.uuid);
  }

  function rosterRow(p: Participant): HTMLLIElement {
    const row = document.createElement('li');
    const dot = document.createElement('span');
    dot.className = `speaking-dot${p.vad > 0 ? ' on' : ''}`;
    dot.setAttribute('aria-hidden', 'true');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = `${p.name}${p.uuid === selfUUID ? ' (you)' : ''}${p.vad > 0 ? ' (speaking)' : ''}${p.isStreaming ? ' (recording)' : ''}`;
    row.append(dot, name);
    if (p.buzzTime > 0) {
      const hand = document.createElement('span');
      hand.className = 'hand';
      hand.textContent = '✋';
      hand.setAttribute('role', 'img');
      hand.setAttribute('aria-label', 'hand raised');
      row.append(hand);
    }
    const more = document.createElement('button');
    more.type = 'button';
    more.textContent = '⋯';
    more.setAttribute('aria-label', `Actions for ${p.name}`);
    more.setAttribute('aria-haspopup', 'menu');
    more.addEventListener('click', () => openParticipantMenu(p.uuid, more));
    row.append(more);
    return row;
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

  function openParticipantMenu(uuid: string, anchor: HTMLElement): void {
    const panel = $('participant-menu-panel');
    const menu = panel.querySelector('pex-participant-menu')!;
    menu.participant = participants.find((p) => p.uuid === uuid);
    $('participant-menu-title').textContent = menu.participant?.name ?? '';
    panel.style.top = `${anchor.offsetTop + anchor.offsetHeight}px`;
    panel.style.right = '0.75rem';
    panel.hidden = false;
  }

  function closePopovers(): void {
    $('participant-menu-panel').hidden = true;
    $('conference-menu-panel').hidden = true;
    $('conference-menu-button').setAttribute('aria-expanded', 'false');
  }

  $('conference-menu-button').addEventListener('click', () => {
    const panel = $('conference-menu-panel');
    panel.hidden = !panel.hidden;
    $('conference-menu-button').setAttribute('aria-expanded', String(!panel.hidden));
  });
  // A chosen menu item closes its menu (the plugin's action has run by then).
  for (const panel of ['conference-menu-panel', 'participant-menu-panel']) {
    $(panel).addEventListener('click', () => closePopovers());
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePopovers();
  });

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
