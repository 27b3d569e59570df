import type { StateProblem } from '../config/problem-texts.js';
import { MENU_LOCATIONS, type MenuLocation, type ResolvedPluginPackage } from '../config/types.js';

/** What a plugin's state$ may say about its menu items (per the guide and real plugins). */
export interface MenuItemLook {
  icon?: string | null;
  label?: string | null;
}

/**
 * A plugin state value, split into the part for the whole menu item and the parts for
 * single participants (`{[uuid]: {icon, label}}`). `null` or a missing key means "use the
 * package default".
 */
export interface PluginMenuState {
  item: MenuItemLook;
  participants: Record<string, MenuItemLook>;
}

export const EMPTY_MENU_STATE: PluginMenuState = Object.freeze({ item: {}, participants: {} }) as PluginMenuState;

/** Labels longer than this are cut: a menu item or a tooltip shows a few words. */
export const MAX_LABEL_LENGTH = 200;

/** Says what is wrong with a state value (problem-texts.ts words it). */
export type StateComplaint = (problem: StateProblem) => void;

/**
 * Reads a value emitted on a plugin's state$. `null` or `undefined` is no state; anything
 * else that is not an object is no state either, and complained of. `icon`/`label` go to the
 * item; any other key whose value is an object is a participant. Icons are resolved with
 * `resolveIcon` (state icons have their own resolution rules), which refuses one by returning
 * undefined; a label that is not text, or too long to show, is complained of too.
 */
export function readPluginState(
  value: unknown,
  resolveIcon: (icon: string) => string | undefined,
  complain: StateComplaint = () => {},
): PluginMenuState {
  if (value === null || value === undefined) return EMPTY_MENU_STATE;
  if (typeof value !== 'object' || Array.isArray(value)) {
    complain({ kind: 'shape', value });
    return EMPTY_MENU_STATE;
  }
  const record = value as Record<string, unknown>;
  const item = readLook(record, resolveIcon, complain);
  const participants: Record<string, MenuItemLook> = {};
  for (const [key, entry] of Object.entries(record)) {
    if (key === 'icon' || key === 'label') continue;
    if (typeof entry === 'object' && entry !== null) participants[key] = readLook(entry as Record<string, unknown>, resolveIcon, complain);
  }
  return { item, participants };
}

function readLook(record: Record<string, unknown>, resolveIcon: (icon: string) => string | undefined, complain: StateComplaint): MenuItemLook {
  const look: MenuItemLook = {};
  const { icon, label } = record;
  if (typeof icon === 'string' && icon !== '') {
    const url = resolveIcon(icon);
    if (url !== undefined) look.icon = url;
  } else if (icon !== undefined && icon !== null && icon !== '') {
    complain({ kind: 'icon type', value: icon });
  }
  if (typeof label === 'string') {
    look.label = label;
    if (label.length > MAX_LABEL_LENGTH) {
      look.label = `${label.slice(0, MAX_LABEL_LENGTH - 1)}…`;
      complain({ kind: 'label length', length: label.length, max: MAX_LABEL_LENGTH });
    }
  } else if (typeof label === 'number') look.label = String(label);
  else if (label !== undefined && label !== null) {
    complain({ kind: 'label type', value: label });
  }
  return look;
}

/** One menu item as the menus render it. */
export interface MenuItemView {
  /** Stable across state changes: `<pluginId>/<location>/<index>`. */
  key: string;
  pluginId: string;
  /** The plugin's name from its package: the item's name of last resort. */
  pluginName: string;
  location: MenuLocation;
  index: number;
  /** The `id` the package file gives the item, if any. */
  id?: string;
  action: string;
  /** Absolute icon URL (with `#fragment` when the SVG is referenced by id), or null. */
  icon: string | null;
  label: string | null;
  /** Per-participant looks from state$, already merged over the item's look (participants menu). */
  participants: Readonly<Record<string, MenuItemLook>>;
  hidden: boolean;
  /** A participant-menu item for these participants only (a Web App 3 button's `participantIDs`); none: for all. */
  participantIds?: readonly string[];
  /** A toggle's state (a Web App 3 button's `isActive`); none: not a toggle. */
  pressed?: boolean;
  /** Shows a notification badge (a Web App 3 button's `badge.isVisible`). */
  badge?: boolean;
}

/** The menu items of one loaded plugin, with its current state applied over the package defaults. */
export function menuItemsOf(
  pluginId: string,
  pkg: ResolvedPluginPackage,
  state: PluginMenuState,
  hiddenIds: ReadonlySet<string>,
): MenuItemView[] {
  const views: MenuItemView[] = [];
  for (const location of MENU_LOCATIONS) {
    pkg.menuItems[location].forEach((item, index) => {
      views.push({
        key: `${pluginId}/${location}/${index}`,
        pluginId,
        pluginName: pkg.name,
        location,
        index,
        ...(item.id !== undefined ? { id: item.id } : {}),
        action: item.action,
        icon: state.item.icon ?? item.icon,
        label: state.item.label ?? item.label,
        participants: state.participants,
        hidden: item.id !== undefined && hiddenIds.has(item.id),
      });
    });
  }
  return views;
}

/** The look of an item for one participant: the participant's state, else the item's. */
export function lookForParticipant(item: MenuItemView, uuid: string | undefined): { icon: string | null; label: string | null } {
  const own = uuid !== undefined ? item.participants[uuid] : undefined;
  return { icon: own?.icon ?? item.icon, label: own?.label ?? item.label };
}

/** Whether a participant-menu item is for the participant `uuid` (see `participantIds`). */
export function shownForParticipant(item: MenuItemView, uuid: string | undefined): boolean {
  return !item.participantIds || (uuid !== undefined && item.participantIds.includes(uuid));
}
