import type { ParticipantRole, Platform, ResolvedPluginPackage } from '../config/types.js';
import type { PluginStatus } from './plugin-record.js';

/**
 * Which plugins run: a plugin must fit the audience (the platform and the participant's role
 * its package file names) and be wanted (the user's choice, else settings.json's `enabled`).
 * Pure functions, so that every kind of plugin is decided by the same rules; the user's
 * choices themselves are kept by plugin-choices.ts.
 */

/** Who the client is: the platform it runs on and, once known, the participant's role. */
export interface Audience {
  platform: Platform;
  /** Undefined: not known yet, so plugins of either role fit. */
  role: ParticipantRole | undefined;
}

/** Whether a package is for this platform and role (a list it leaves out allows all). */
export function fitsAudience(pkg: Pick<ResolvedPluginPackage, 'platforms' | 'participantRoles'>, audience: Audience): boolean {
  if (pkg.platforms && !pkg.platforms.includes(audience.platform)) return false;
  if (pkg.participantRoles && audience.role !== undefined && !pkg.participantRoles.includes(audience.role)) return false;
  return true;
}

/**
 * Meant to run: always when it cannot be unloaded, else the user's choice, else settings.json's
 * `enabled`. The choice is asked for only when it counts (it may be read from storage).
 */
export function isWanted(
  pkg: Pick<ResolvedPluginPackage, 'allowUnload'> | null,
  enabledByDefault: boolean,
  usersChoice: () => boolean | undefined,
): boolean {
  if (pkg?.allowUnload === false) return true;
  return usersChoice() ?? enabledByDefault;
}

/**
 * What a new platform or role does to a plugin: one that no longer fits is unloaded and
 * filtered out, one filtered out that fits again is back to not loaded (and loads if wanted).
 * A plugin still fetching, or failed, waits: its package decides once it is read or retried.
 */
export function audienceMove(status: PluginStatus, fits: boolean): 'filter-out' | 'restore' | 'stay' {
  if (status === 'fetching' || status === 'failed') return 'stay';
  if (!fits && status !== 'filtered-out') return 'filter-out';
  if (fits && status === 'filtered-out') return 'restore';
  return 'stay';
}
