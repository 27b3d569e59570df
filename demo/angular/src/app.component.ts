import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { PEX_DIRECTIVES } from './pex-directives.js';
import type {
  ConferenceDetails,
  Participant,
  PexActionEvent,
  PexCommandDetail,
  PexCommandEvent,
  PexPluginErrorEvent,
} from './pex-elements.js';

/** The main demo's branding folder (demo/branding/webapp2/, served at /webapp2/ by `npm start`). */
export const DEFAULT_BRANDING = '/webapp2/';

/**
 * The branding folder from `?branding=`, else {@link DEFAULT_BRANDING}. Only this page's
 * origin is accepted: a branding folder's plugins run as scripts in the page, and a link must
 * not be able to bring in scripts from elsewhere.
 */
export function brandingFromQuery(search: string = location.search): string {
  const asked = new URLSearchParams(search).get('branding');
  if (!asked) return DEFAULT_BRANDING;
  const url = new URL(asked, location.href);
  if (url.origin !== location.origin) {
    console.warn(`[angular demo] ?branding=${asked} is not on this origin; using ${DEFAULT_BRANDING}`);
    return DEFAULT_BRANDING;
  }
  return url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
}

/** A participant with the guide's properties; `extra` overrides the defaults. */
export function makeParticipant(uuid: string, name: string, extra: Partial<Participant> = {}): Participant {
  return {
    uuid,
    name,
    role: 'guest',
    uri: `sip:${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    startTime: Math.floor(Date.now() / 1000),
    protocol: 'webrtc',
    isExternal: false,
    presenting: false,
    muted: false,
    canControl: true,
    canDisconnect: true,
    canTransfer: true,
    canMute: true,
    serviceType: 'conference',
    callType: 'video',
    spotlight: 0,
    isStreaming: false,
    vad: 0,
    stageIndex: 0,
    rxPresentation: true,
    feccSupported: false,
    buzzTime: 0,
    isVideoMuted: false,
    ...extra,
  };
}

/** crypto.randomUUID needs a secure context; a demo opened over plain http on a LAN has none. */
function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A refusal as the host passes it on: the plugin's callback gets `reason`. */
function refusal(reason: string): Error {
  return Object.assign(new Error(reason), { reason });
}

export interface LogEntry {
  id: number;
  kind: 'command' | 'action' | 'error';
  /** The command's name, the action's type, or the failing plugin's id. */
  name: string;
  text: string;
  /** `pending`, then what the app answered (`resolved […]`, `rejected: …`). */
  outcome: string;
}

/** How long a dial-out "rings" before the new participant joins: answers may come later. */
const DIAL_DELAY_MS = 50;

/**
 * A small conferencing client that owns its conference (app-driven mode): the roster and the
 * conference details are Angular signals bound as properties of `<pex-plugin-host>`; every
 * plugin command arrives as a `pex-command` event and is carried out here.
 */
@Component({
  selector: 'app-root',
  // The pex-* elements' typed inputs and outputs: strictTemplates checks the bindings below.
  imports: [PEX_DIRECTIVES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pex-plugin-host
      [brandingUrl]="brandingUrl"
      platform="web"
      [participantRole]="'chair'"
      [participants]="participants()"
      [conference]="conference()"
      (pexCommand)="onCommand($event)"
      (pexAction)="onAction($event)"
      (pexPluginError)="onPluginError($event)"
    >
      <header class="bar">
        <h1>Angular client</h1>
        <span class="branding">branding: <code>{{ brandingUrl }}</code></span>
        <button type="button" class="lock" (click)="toggleLock()" [attr.aria-pressed]="conference().locked">
          {{ conference().locked ? 'Unlock' : 'Lock' }} conference
        </button>
      </header>
      <pex-toolbar label="Plugin toolbar"></pex-toolbar>
      <main class="columns">
        <section aria-labelledby="roster-title">
          <h2 id="roster-title">Participants ({{ participants().length }})</h2>
          <ul class="roster" data-testid="roster">
            @for (p of participants(); track p.uuid) {
              <li [class.selected]="p.uuid === selectedUuid()">
                <button type="button" (click)="selectedUuid.set(p.uuid)" [attr.aria-pressed]="p.uuid === selectedUuid()">
                  {{ p.name }}
                </button>
                <span class="facts">{{ p.role }}{{ p.isStreaming ? ', streaming' : '' }}{{ p.spotlight ? ', spotlight' : '' }}{{ p.buzzTime ? ', hand raised' : '' }}</span>
              </li>
            }
          </ul>
          @if (selected(); as who) {
            <h3>Plugins for {{ who.name }}</h3>
          }
          <pex-participant-menu label="Participant plugins" [participant]="selected()"></pex-participant-menu>
          <h2>Conference plugins</h2>
          <pex-conference-menu label="Conference plugins"></pex-conference-menu>
        </section>
        <section aria-labelledby="log-title">
          <h2 id="log-title">What the plugins asked for</h2>
          <ol class="log" data-testid="command-log" aria-live="polite">
            @for (entry of log(); track entry.id) {
              <li [attr.data-kind]="entry.kind" [attr.data-name]="entry.name" [attr.data-outcome]="entry.outcome">
                <strong>{{ entry.name }}</strong> {{ entry.text }} → <span class="outcome">{{ entry.outcome }}</span>
              </li>
            } @empty {
              <li class="empty">Nothing yet: click a plugin's button.</li>
            }
          </ol>
          <pex-plugin-settings label="Plugins"><h2 slot="heading">Plugins</h2></pex-plugin-settings>
        </section>
      </main>
    </pex-plugin-host>
  `,
  styles: `
    :host { display: block; font: 15px/1.4 system-ui, sans-serif; color: #1d1d1f; max-width: 1100px; margin: 0 auto; padding: 12px; }
    .bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
    .bar h1 { font-size: 20px; margin: 0; }
    .branding { color: #555; }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr); gap: 24px; }
    h2 { font-size: 16px; margin: 16px 0 6px; }
    h3 { font-size: 14px; margin: 10px 0 4px; }
    .roster { list-style: none; padding: 0; margin: 0; }
    .roster li { display: flex; gap: 8px; align-items: baseline; padding: 2px 0; }
    .roster li.selected button { font-weight: 600; }
    .facts { color: #666; font-size: 13px; }
    .log { font: 13px/1.4 ui-monospace, monospace; padding-left: 22px; overflow-wrap: anywhere; }
    .log .empty { list-style: none; color: #666; font-family: system-ui, sans-serif; }
    pex-toolbar { margin: 12px 0; }
  `,
})
export class AppComponent {
  readonly brandingUrl = brandingFromQuery();

  /** The roster, bound as the host's `participants` property (a new array on each change). */
  readonly participants = signal<Participant[]>([
    makeParticipant('6f1c2a7e-0001-4b7e-9d8a-111111111111', 'Alice Host', { role: 'chair' }),
    makeParticipant('6f1c2a7e-0002-4b7e-9d8a-222222222222', 'Bob Guest'),
    makeParticipant('6f1c2a7e-0003-4b7e-9d8a-333333333333', 'Carol Guest', { buzzTime: Math.floor(Date.now() / 1000) }),
  ]);

  /** The conference details, bound as the host's `conference` property. */
  readonly conference = signal<ConferenceDetails>({ locked: false, guestsMuted: false, chatEnabled: true, mediaType: 'video', started: true });

  readonly selectedUuid = signal<string | undefined>(undefined);
  readonly selected = computed(() => this.participants().find((p) => p.uuid === this.selectedUuid()) ?? this.participants()[0]);

  readonly log = signal<LogEntry[]>([]);
  #nextId = 1;

  /** `(pexCommand)="onCommand($event)"`: a plugin's conference command, carried out here. */
  onCommand(event: PexCommandEvent): void {
    // Taken: this app answers every command (some after a while), none goes elsewhere.
    event.preventDefault();
    const detail = event.detail;
    const id = this.#append('command', detail.name, `from ${detail.pluginId || 'a plugin'} ${JSON.stringify(detail.args)}`);
    const resolve = (value: unknown) => {
      // #carryOut answers each command as its name says (dialOut: the new uuids); this one
      // path for all of them takes detail.resolve at its widest.
      (detail as { resolve(value: unknown): void }).resolve(value);
      this.#settle(id, `resolved ${JSON.stringify(value)}`);
    };
    const reject = (reason: string) => {
      detail.reject(refusal(reason));
      this.#settle(id, `rejected: ${reason}`);
    };
    this.#carryOut(detail, resolve, reject);
  }

  onAction(event: PexActionEvent): void {
    const { action } = event.detail;
    this.#append('action', action.type, action.payload === undefined ? '' : JSON.stringify(action.payload), 'noted');
  }

  onPluginError(event: PexPluginErrorEvent): void {
    const { id, phase, error } = event.detail;
    this.#append('error', id, `${phase}: ${error instanceof Error ? error.message : String(error)}`, 'reported');
  }

  toggleLock(): void {
    this.conference.update((c) => ({ ...c, locked: !c.locked }));
  }

  #carryOut(detail: PexCommandDetail, resolve: (value: unknown) => void, reject: (reason: string) => void): void {
    switch (detail.name) {
      case 'dialOut': {
        const { alias, protocol, role, options } = detail.args;
        const uuid = newUuid();
        // A real client asks the conference to dial; here the call "connects" a moment later.
        setTimeout(() => {
          const joined = makeParticipant(uuid, alias, {
            protocol,
            role: role === 'host' ? 'chair' : 'guest',
            uri: alias,
            isStreaming: options.streaming === true,
            callType: options.streaming ? 'api' : 'video',
          });
          this.participants.update((list) => [...list, joined]);
          resolve([uuid]);
        }, DIAL_DELAY_MS);
        return;
      }
      case 'disconnectParticipant':
        if (!this.#has(detail.args.uuid)) return reject('Participant not found');
        this.participants.update((list) => list.filter((p) => p.uuid !== detail.args.uuid));
        return resolve(true);
      case 'spotlightOnParticipant':
      case 'spotlightOffParticipant': {
        if (!this.#has(detail.args.uuid)) return reject('Participant not found');
        const spotlight = detail.name === 'spotlightOnParticipant' ? Math.floor(Date.now() / 1000) : 0;
        this.#updateParticipant(detail.args.uuid, { spotlight });
        return resolve(true);
      }
      case 'transformConferenceLayout':
      case 'sendChatMessage':
        // Nothing to show for them in this small client: noted in the log, and done.
        return resolve(true);
      case 'sendRequest':
        return this.#request(detail.args.path, resolve, reject);
    }
  }

  /** The few client REST requests the sample plugins send (paths are relative to the conference). */
  #request(path: string, resolve: (value: unknown) => void, reject: (reason: string) => void): void {
    const conferenceFlags: Record<string, Partial<ConferenceDetails>> = {
      lock: { locked: true },
      unlock: { locked: false },
      muteguests: { guestsMuted: true },
      unmuteguests: { guestsMuted: false },
    };
    if (conferenceFlags[path]) {
      this.conference.update((c) => ({ ...c, ...conferenceFlags[path] }));
      return resolve(true);
    }
    const match = /^participants\/([^/]+)\/(clearbuzz|mute|unmute|spotlighton|spotlightoff|disconnect)$/.exec(path);
    if (!match) return reject(`This example does not carry out ${path}`);
    const [, uuid, what] = match as unknown as [string, string, string];
    if (!this.#has(uuid)) return reject('Participant not found');
    if (what === 'disconnect') this.participants.update((list) => list.filter((p) => p.uuid !== uuid));
    else if (what === 'clearbuzz') this.#updateParticipant(uuid, { buzzTime: 0 });
    else if (what === 'mute' || what === 'unmute') this.#updateParticipant(uuid, { muted: what === 'mute' });
    else this.#updateParticipant(uuid, { spotlight: what === 'spotlighton' ? Math.floor(Date.now() / 1000) : 0 });
    resolve(true);
  }

  #has(uuid: string): boolean {
    return this.participants().some((p) => p.uuid === uuid);
  }

  #updateParticipant(uuid: string, change: Partial<Participant>): void {
    this.participants.update((list) => list.map((p) => (p.uuid === uuid ? { ...p, ...change } : p)));
  }

  #append(kind: LogEntry['kind'], name: string, text: string, outcome = 'pending'): number {
    const id = this.#nextId++;
    this.log.update((entries) => [...entries, { id, kind, name, text, outcome }]);
    return id;
  }

  #settle(id: number, outcome: string): void {
    this.log.update((entries) => entries.map((e) => (e.id === id ? { ...e, outcome } : e)));
  }
}
