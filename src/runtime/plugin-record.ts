import type { PluginSettingsEntry, ResolvedPluginPackage } from '../config/types.js';
import { EMPTY_MENU_STATE, type PluginMenuState } from './menu-items.js';
import type { PluginPhase } from './plugin-error.js';
import type { PluginSandbox } from './plugin-sandbox.js';

/**
 * Where a plugin stands:
 * - `fetching`: its package file is on the way;
 * - `filtered-out`: it is not for this platform or role;
 * - `not-loaded`: available, not running (disabled by default, or unloaded);
 * - `loading` / `loaded`;
 * - `failed`: its package, script, registration or load went wrong (see `error`).
 */
export type PluginStatus = 'fetching' | 'filtered-out' | 'not-loaded' | 'loading' | 'loaded' | 'failed';

/** The object a plugin passes to `registerPlugin`. */
export interface RegisteredPlugin {
  id?: unknown;
  load?: unknown;
  unload?: unknown;
  state$?: unknown;
  [member: string]: unknown;
}

/**
 * One plugin of a started branding, as the runtime keeps it: what its package file said, where
 * it stands, and what it has while it runs. The runtime's modules (the loader, the menus, the
 * attribution of errors) all read and write these, so it is a plain record, not a class with
 * rules of its own: the rules are the runtime's.
 */
export class PluginRecord {
  pkg: ResolvedPluginPackage | null = null;
  status: PluginStatus = 'fetching';
  error: { phase: PluginPhase; message: string } | undefined;
  problem: { phase: PluginPhase; message: string } | undefined;
  registered: RegisteredPlugin | undefined;
  script: HTMLScriptElement | undefined;
  sandbox: PluginSandbox | undefined;
  scriptError: unknown;
  /** The source has run (its top-level errors are behind us). */
  scriptRan = false;
  state: PluginMenuState = EMPTY_MENU_STATE;
  readonly hiddenMenuIds = new Set<string>();
  /** Bumped on every load and unload, so a stale async step knows to stop. */
  generation = 0;
  /** Bumped by every reloadPlugin: part of the source's URL, and a reload overtaken by another stops. */
  reloads = 0;
  onRegister: (() => void) | undefined;

  constructor(readonly entry: PluginSettingsEntry) {}

  get id(): string {
    return this.entry.id;
  }
}
