/** The shapes of a webapp2 branding folder's files, as the plugin guide and real packages have them. */

/** `manifest.json` at the root of the branding folder. */
export interface Manifest {
  brandingID?: string | number;
  isSettingsBranded?: boolean;
  /** Web App 3 plugins, beside settings.json's webapp2 ones. */
  plugins?: Array<{ id: string; src: string; sandboxValues?: string[] }>;
  [field: string]: unknown;
}

/** A Web App 3 plugin of manifest.json, ready for its frame: `src` absolute, with the cache key. */
export interface Webapp3Entry {
  id: string;
  /** Its place in manifest.json's `plugins`, for what is said about it. */
  index: number;
  /** The plugin's page: absolute, resolved against manifest.json, with the branding's cache key. */
  src: string;
  /** As the entry gives them (checked against the allowed ones where the frame is made). */
  sandboxValues: string[];
}

/** One entry of `settings.json`'s `plugins` block. */
export interface PluginSettingsEntry {
  id: string;
  /** The package file, relative to the branding folder. */
  srcURL: string;
  /** Loaded by default. */
  enabled: boolean;
}

/** `settings.json` at the root of the branding folder (only `plugins` concerns the host). */
export interface BrandingSettings {
  plugins?: PluginSettingsEntry[];
  [field: string]: unknown;
}

export type MenuLocation = 'toolbar' | 'conference' | 'participants';
export const MENU_LOCATIONS: readonly MenuLocation[] = ['toolbar', 'conference', 'participants'];

export type Platform = 'web' | 'electron' | 'ios' | 'android';
export type ParticipantRole = 'chair' | 'guest';
export const PLATFORMS: readonly Platform[] = ['web', 'electron', 'ios', 'android'];
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = ['chair', 'guest'];

/** A menu item as written in the package file. */
export interface PackageMenuItem {
  /** Optional id, for `getPluginMenuItem(pluginId, id)`. */
  id?: string;
  /** Icon path relative to the package file (`file.svg#id` or a plain `.svg`), or null. */
  icon?: string | null;
  label?: string | null;
  /** Name of the function on the registered plugin object. */
  action: string;
}

/** The plugin package file (`*.plugin.package.json`) as written. */
export interface PluginPackageFile {
  id: string;
  name: string;
  description?: string;
  version?: string | number;
  srcURL: string;
  allowUnload?: boolean;
  platforms?: Platform[];
  participantRoles?: ParticipantRole[];
  menuItems?: Partial<Record<MenuLocation, PackageMenuItem[]>>;
  /** Plugin-private settings the plugin fetches itself. */
  configuration?: unknown;
  [field: string]: unknown;
}

/** A package file made ready for the runtime: URLs resolved, defaults filled in. */
export interface ResolvedPluginPackage {
  /** The package file's own URL (icons and the source resolve against it). */
  packageUrl: string;
  id: string;
  name: string;
  description: string;
  version: string;
  /** Absolute URL of the plugin source, with the branding cache key applied. */
  scriptUrl: string;
  allowUnload: boolean;
  platforms: Platform[] | undefined;
  participantRoles: ParticipantRole[] | undefined;
  menuItems: Record<MenuLocation, ResolvedMenuItem[]>;
  raw: PluginPackageFile;
}

export interface ResolvedMenuItem {
  id?: string;
  /** Absolute icon URL (fragment kept), or null. */
  icon: string | null;
  label: string | null;
  action: string;
}
