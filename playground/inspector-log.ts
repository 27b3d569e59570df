/**
 * What the inspector shows, gathered from the host as it happens: each plugin's diagnostics,
 * the commands it sent with their answers, the actions it dispatched, and the actions the app
 * put on `PEX.actions$` for the plugins. Commands are heard as `pex-command` events (never
 * taken: they go on to the connection) and their answers on `commandOutcomes$`.
 */
import { Subject, type Observable, type Subscription } from 'rxjs';
import { commandOutcomes$ } from '../components/plugin-host/command-router.js';
import type { PexCommandDetail } from '../components/events.js';
import type { PexPluginHost } from '../components/plugin-host/plugin-host.js';
import { dispatchedActions$ } from '../src/api/action-bus.js';
import { formatDiagnostic, type Diagnostic } from '../src/config/diagnostics.js';
import { findCallingSandbox } from '../src/runtime/plugin-runtime.js';

/** The newest entries of each list are kept, the older ones dropped. */
const KEEP = 50;

export interface CommandEntry {
  name: string;
  args: unknown;
  at: Date;
  answer: { state: 'waiting' } | { state: 'answered'; value: unknown; by: 'app' | 'connection' } | { state: 'failed'; error: string };
}

export interface ActionEntry {
  type: string;
  payload: unknown;
  at: Date;
}

export interface PluginLog {
  diagnostics: Diagnostic[];
  commands: CommandEntry[];
  dispatched: ActionEntry[];
}

/** One new entry, in words, for the page's live region. */
export type Announcement = string;

export class InspectorLog {
  readonly #plugins = new Map<string, PluginLog>();
  /** Diagnostics no plugin is named for (manifest.json, settings.json). */
  readonly branding: Diagnostic[] = [];
  /** What the app told the plugins on PEX.actions$. */
  readonly received: ActionEntry[] = [];
  readonly #changes = new Subject<Announcement>();
  readonly #commands = new Map<PexCommandDetail, { pluginId: string; entry: CommandEntry }>();
  readonly #subscriptions: Subscription[] = [];
  readonly #stopListening: () => void;

  /** Fires on every new entry, with the entry in words. */
  readonly changes$: Observable<Announcement> = this.#changes.asObservable();

  constructor(host: PexPluginHost) {
    const onDiagnostic = (event: CustomEvent<{ diagnostic: Diagnostic }>) => this.#diagnostic(event.detail.diagnostic);
    const onCommand = (event: CustomEvent<PexCommandDetail>) => this.#command(event.detail);
    host.addEventListener('pex-diagnostic', onDiagnostic);
    host.addEventListener('pex-command', onCommand);
    this.#stopListening = () => {
      host.removeEventListener('pex-diagnostic', onDiagnostic);
      host.removeEventListener('pex-command', onCommand);
    };
    this.#subscriptions.push(
      commandOutcomes$.subscribe((outcome) => {
        const sent = this.#commands.get(outcome.detail);
        if (!sent) return;
        this.#commands.delete(outcome.detail);
        sent.entry.answer = outcome.ok
          ? { state: 'answered', value: outcome.value, by: outcome.answeredBy }
          : { state: 'failed', error: describe(outcome.error) };
        this.#changes.next(`${sent.pluginId}: ${sent.entry.name} ${outcome.ok ? 'answered' : 'failed'}`);
      }),
      dispatchedActions$.subscribe(({ action, source }) => {
        const entry = { type: action.type, payload: action.payload, at: new Date() };
        if (source === 'app') {
          push(this.received, entry);
          this.#changes.next(`action for the plugins: ${action.type}`);
          return;
        }
        // Dispatched from plugin code: the plugin is the one whose code is running now.
        const pluginId = findCallingSandbox()?.pluginId ?? '';
        push(this.of(pluginId).dispatched, entry);
        this.#changes.next(`${pluginId || 'a plugin'} dispatched ${action.type}`);
      }),
    );
  }

  /** The log of one plugin, by its settings.json id ('' for calls no plugin could be named for). */
  of(pluginId: string): PluginLog {
    let log = this.#plugins.get(pluginId);
    if (!log) this.#plugins.set(pluginId, (log = { diagnostics: [], commands: [], dispatched: [] }));
    return log;
  }

  /** A branding restart: the old diagnostics no longer hold; commands and actions stay as history. */
  clearDiagnostics(): void {
    this.branding.length = 0;
    for (const log of this.#plugins.values()) log.diagnostics.length = 0;
  }

  /** A plugin reload: its diagnostics are read again. */
  clearPluginDiagnostics(pluginId: string): void {
    this.of(pluginId).diagnostics.length = 0;
  }

  dispose(): void {
    this.#stopListening();
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
  }

  #diagnostic(diagnostic: Diagnostic): void {
    push(diagnostic.pluginId ? this.of(diagnostic.pluginId).diagnostics : this.branding, diagnostic);
    this.#changes.next(`${diagnostic.severity}: ${formatDiagnostic(diagnostic)}`);
  }

  #command(detail: PexCommandDetail): void {
    const entry: CommandEntry = { name: detail.name, args: detail.args, at: new Date(), answer: { state: 'waiting' } };
    this.#commands.set(detail, { pluginId: detail.pluginId, entry });
    push(this.of(detail.pluginId).commands, entry);
    this.#changes.next(`${detail.pluginId || 'a plugin'} sent ${detail.name}`);
  }
}

function push<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'reason' in error && typeof error.reason === 'string' && error.reason) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
