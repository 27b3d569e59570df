/**
 * A small conferencing client in app-driven mode: it owns a (simulated) roster, hands it to
 * <pex-plugin-host>, and carries out what plugins ask for through `pex-action` events.
 */
import '../components/index.js';
import type { Participant } from '../components/index.js';

const host = document.querySelector('pex-plugin-host')!;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const NAMES = ['Alice Lindqvist', 'Bjørn Haugen', 'Chidi Okafor', 'Dana Kowalski', 'Emeka Nwosu', 'Fatima Zahra'];
const now = () => Math.floor(Date.now() / 1000);

function makeParticipant(index: number): Participant {
  const name = NAMES[index % NAMES.length]!;
  return {
    uuid: `demo-${index}`,
    name,
    role: index === 0 ? 'chair' : 'guest',
    uri: `sip:${name.split(' ')[0]!.toLowerCase()}@example.com`,
    startTime: now() - 60 * (index + 1),
    protocol: 'webrtc',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: index === 0,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: index,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
  };
}

let participants: Participant[] = NAMES.map((_, i) => makeParticipant(i));
host.selfUUID = participants[0]!.uuid;
host.conference = { locked: false, guestsMuted: false, chatEnabled: true, mediaType: 'video', started: true };

function update(change: (p: Participant) => Participant | undefined): void {
  participants = participants.map((p) => change(p) ?? p);
  host.participants = participants;
  render();
}

function notice(text: string, kind: 'info' | 'error' = 'info'): void {
  const item = document.createElement('div');
  item.className = `notice ${kind}`;
  item.textContent = text;
  $('notices').append(item);
  setTimeout(() => item.remove(), 6000);
}

// ---- what plugins ask the client to do ---------------------------------------------
host.addEventListener('pex-action', (event) => {
  const { type, payload } = event.detail.action;
  switch (type) {
    case '[Demo] Lower hand':
      update((p) => (p.uuid === payload ? { ...p, buzzTime: 0 } : undefined));
      notice('A plugin lowered a hand.');
      break;
    case '[Demo] Spotlight on':
      update((p) => (p.uuid === payload ? { ...p, spotlight: now() } : undefined));
      break;
    case '[Demo] Spotlight off':
      update((p) => (p.uuid === payload ? { ...p, spotlight: 0 } : undefined));
      break;
    case '[Demo] Notice':
      notice(String(payload));
      break;
    default:
      notice(`A plugin asked for ${type}.`);
  }
  closePopovers();
});
host.addEventListener('pex-plugin-error', (event) => notice(`Plugin ${event.detail.id} failed (${event.detail.phase}); the others go on.`, 'error'));

// ---- rendering the client's own UI (text only: names are untrusted) -----------------
function render(): void {
  const stage = $('stage');
  stage.replaceChildren(
    ...participants.map((p) => {
      const tile = document.createElement('li');
      tile.className = `tile${p.vad > 0 ? ' speaking' : ''}${p.spotlight ? ' spotlight' : ''}`;
      tile.textContent = p.name;
      return tile;
    }),
  );
  const roster = $('roster');
  roster.replaceChildren(
    ...participants.map((p) => {
      const row = document.createElement('li');
      const dot = document.createElement('span');
      dot.className = `speaking-dot${p.vad > 0 ? ' on' : ''}`;
      dot.setAttribute('aria-hidden', 'true');
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = p.name + (p.vad > 0 ? ' (speaking)' : '');
      row.append(dot, name);
      if (p.buzzTime > 0) {
        const hand = document.createElement('span');
        hand.className = 'hand';
        hand.textContent = '✋';
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
    }),
  );
}

let participantMenuFor: string | undefined;
function openParticipantMenu(uuid: string, anchor: HTMLElement): void {
  const panel = $('participant-menu-panel');
  const menu = panel.querySelector('pex-participant-menu')!;
  participantMenuFor = uuid;
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
  participantMenuFor = undefined;
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
  host.setAttribute('role', (event.target as HTMLSelectElement).value);
});

$('raise-hand').addEventListener('click', () => {
  const candidates = participants.filter((p) => p.buzzTime === 0);
  const someone = candidates[Math.floor(Math.random() * candidates.length)];
  if (someone) update((p) => (p.uuid === someone.uuid ? { ...p, buzzTime: now() } : undefined));
});

// Someone speaks every couple of seconds, so the stage looks alive.
setInterval(() => {
  const speaker = Math.floor(Math.random() * participants.length);
  update((p) => {
    const vad = participants.indexOf(p) === speaker ? 100 : 0;
    return p.vad === vad ? undefined : { ...p, vad };
  });
  // Keep an open participant menu in step with that participant's latest state.
  if (participantMenuFor) {
    const menu = document.querySelector('pex-participant-menu')!;
    menu.participant = participants.find((p) => p.uuid === participantMenuFor);
  }
}, 2000);

host.participants = participants;
render();
