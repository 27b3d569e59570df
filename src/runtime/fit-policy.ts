import type { ParticipantRole, Platform, ResolvedPluginPackage } from '../config/types.js';

/**
 * Which plugins run: a plugin must fit the audience (the platform and the participant's role
 * its package file names) and be wanted (the user's choice, else settings.json's `enabled`).
 * Pure functions, so that every kind of plugin is decided by the same rules; the user's
 * choices themselves are kept by plugin-choices.ts.
 */

/**
 * Whether a package is for this platform and role (a list it leaves out allows all). `role`
 * undefined: not known yet, so plugins of either role fit.
 */
export function fitsAudience(
  pkg: Pick<ResolvedPluginPackage, 'platforms' | 'participantRoles'>,
  platform: Platform,
  role: ParticipantRole | undefined,
): boolean {
  if (pkg.platforms && !pkg.platforms.includes(platform)) return false;
  if (pkg.participantRoles && role !== undefined && !pkg.participantRoles.includes(role)) return false;
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
