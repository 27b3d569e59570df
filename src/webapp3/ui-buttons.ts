/**
 * `ui:button:add`, `ui:button:update` and the buttons' `ui:removeElement`: a Web App 3 plugin's
 * buttons become menu items of the same toolbar, participant menu and conference (settings) menu
 * that webapp2 plugins' items are in. This module turns each button into a MenuItemView (the
 * runtime publishes them after the webapp2 plugins' items); a menu's click on one comes back
 * through `invoke`, which sends `ui:button:click` `{buttonId, input}` to that plugin alone, with
 * the input the package's types define for the button's position:
 * - `toolbar`: `{buttonId}` (its own id; a group's button opens its sub-buttons instead, and
 *   choosing one sends the sub-button's `id`);
 * - `participantActions`: `{participantUuid}` of the participant whose menu it was;
 * - `settingsMenu`: no input.
 * A button (or a group's sub-button) with `opensPopup` opens its popup in the click, just before
 * the click is sent (popups.ts); a participant action's guard gets `{participantUuid}`.
 *
 * Which buttons show: `roles` against the participant's role (unknown: all show, as the fit
 * policy lets plugins of either role run), `inMeetingOnly` while the conference has no
 * participants. A plugin's buttons are its own: another plugin's update or removal of one is
 * refused as for an id it never had, and unloading a plugin takes its buttons away (they are
 * in PluginElements).
 *
 * Framework-free: the group's menu is the element `<pex-button-group-menu>`, known here by its tag
 * name and the small contract below.
 */
import type { CustomIcon, RPCCallPayload } from '@pexip/plugin-api';
import type { MenuLocation } from '../config/types.js';
import { MAX_LABEL_LENGTH, type MenuItemView } from '../runtime/menu-items.js';
import { BUTTON_ICON_NAMES, customIconUrl, isButtonIconName, isSvgMarkup, namedIconUrl, type IconState } from './button-icons.js';
import { openPopup, popupProblem } from './popups.js';
import type { RpcContext, RpcHandlers } from './rpc-router.js';
import { failedReply, okReply, placeRoot, type PluginElements, type UiPlace, isObject, json } from './ui-elements.js';

export type ButtonPayload = RPCCallPayload<'ui:button:add'>;
export type ButtonRole = 'chair' | 'guest';
type Icon = string | { custom: CustomIcon };

/** The menu each position's buttons go in. */
export const BUTTON_LOCATIONS: Readonly<Record<ButtonPayload['position'], MenuLocation>> = {
  toolbar: 'toolbar',
  participantActions: 'participants',
  settingsMenu: 'conference',
};

export const GROUP_MENU_TAG = 'pex-button-group-menu';

/** One entry of a group's menu, as `<pex-button-group-menu>` shows it. */
export interface GroupMenuEntry {
  id: string;
  label: string;
  icon: string;
  /** isActive as the plugin gave it (undefined: not a toggle). */
  pressed: boolean | undefined;
  badge: boolean;
}

/**
 * `<pex-button-group-menu>`: given `label` and `entries`, `open(anchor)` shows it by the anchor
 * with focus on its first entry; choosing one emits `pex-button-group-choice` `{id}`; `close()`
 * (or Escape, or a click elsewhere) hides it, gives focus back to the anchor and takes it off
 * the page.
 */
export interface GroupMenuElement extends HTMLElement {
  label: string;
  entries: GroupMenuEntry[];
  open(anchor: HTMLElement | null): void;
  close(): void;
}

/** A subscribable list (the conference's participants): whether the user is in a meeting. */
interface Subscribable<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

export interface UiButtonOptions {
  place: UiPlace;
  /** Sends `ui:button:click` to the plugin `pluginId`. */
  send(pluginId: string, event: 'ui:button:click', payload: { buttonId: string; input: unknown }): void;
  /** The plugins' elements: each button is one, for `ui:removeElement` and unloading. */
  elements: PluginElements;
  /** Told the buttons' menu items whenever they change (and `invoke` for the menus' clicks). */
  publish(items: readonly MenuItemView[]): void;
  /** The participant's role; undefined: not known yet. */
  role?: () => ButtonRole | undefined;
  /** The conference's participants: while there are none, `inMeetingOnly` buttons hide. */
  participants$?: Subscribable<readonly unknown[]>;
}

interface Button {
  pluginId: string;
  id: string;
  payload: ButtonPayload;
  /** The page whose call added it: its popups open through that page's popup manager. */
  page: Window | undefined;
}

/** The start of the package's own reason for an unknown icon (ButtonRPCReply), kept so that a plugin matching on it still does. */
export const INVALID_ICON = 'Invalid Icon name';

/** Why `icon` is not an icon this host can draw, or undefined; an unknown name says which names there are. */
export function iconProblem(icon: unknown, where: string): string | undefined {
  if (typeof icon === 'string') {
    if (isButtonIconName(icon)) return undefined;
    return `${INVALID_ICON}: ${where}"icon" ${json(icon)} is not one this host has (known: ${BUTTON_ICON_NAMES.join(', ')}); or give {custom: {main, hover}} as SVG markup`;
  }
  const custom = isObject(icon) ? icon.custom : undefined;
  if (isObject(custom) && isSvgMarkup(custom.main) && (custom.hover === undefined || isSvgMarkup(custom.hover))) return undefined;
  return `${where}"icon" is ${json(icon)}: give an icon name (known: ${BUTTON_ICON_NAMES.join(', ')}) or {custom: {main, hover}} with SVG markup`;
}

function rolesProblem(roles: unknown, where = ''): string | undefined {
  if (roles === undefined) return undefined;
  if (Array.isArray(roles) && roles.every((role) => role === 'chair' || role === 'guest')) return undefined;
  return `${where}"roles" is ${json(roles)}: a list of "chair" and "guest" is needed`;
}

function booleanProblem(record: Record<string, unknown>, key: string, where = ''): string | undefined {
  return record[key] === undefined || typeof record[key] === 'boolean' ? undefined : `${where}"${key}" is ${json(record[key])}, not true or false`;
}

/** The parts a toolbar button and a group's sub-button share. */
function toolbarPartsProblem(record: Record<string, unknown>, where = ''): string | undefined {
  if (typeof record.tooltip !== 'string') return `${where}needs "tooltip" (a string)`;
  const badge = record.badge;
  if (badge !== undefined && !(isObject(badge) && typeof badge.isVisible === 'boolean')) return `${where}"badge" is ${json(badge)}: {isVisible: true or false} is needed`;
  return iconProblem(record.icon, where) ?? rolesProblem(record.roles, where) ?? booleanProblem(record, 'isActive', where) ?? popupProblem(record.opensPopup, where);
}

/** Why `payload` is not a button the types define, or undefined. */
export function buttonProblem(payload: unknown): string | undefined {
  if (!isObject(payload)) return `needs an object payload, not ${json(payload)}`;
  switch (payload.position) {
    case 'toolbar': {
      const problem = toolbarPartsProblem(payload);
      if (problem || payload.group === undefined) return problem;
      if (!Array.isArray(payload.group)) return `"group" is ${json(payload.group)}: a list of buttons is needed`;
      const ids = new Set<unknown>();
      for (const [index, entry] of payload.group.entries()) {
        const where = `group[${index}] `;
        if (!isObject(entry)) return `${where}is ${json(entry)}, not a button`;
        if (typeof entry.id !== 'string' || ids.has(entry.id)) return `${where}needs "id", a string no other button of the group has`;
        ids.add(entry.id);
        const entryProblem = toolbarPartsProblem(entry, where);
        if (entryProblem) return entryProblem;
      }
      return undefined;
    }
    case 'participantActions': {
      if (typeof payload.label !== 'string') return 'needs "label" (a string)';
      const ids = payload.participantIDs;
      if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) return `"participantIDs" is ${json(ids)}: a list of participant uuids is needed`;
      return (payload.icon === undefined ? undefined : iconProblem(payload.icon, '')) ?? booleanProblem(payload, 'isActive') ?? popupProblem(payload.opensPopup);
    }
    case 'settingsMenu':
      if (typeof payload.label !== 'string') return 'needs "label" (a string)';
      return booleanProblem(payload, 'inMeetingOnly') ?? rolesProblem(payload.roles) ?? popupProblem(payload.opensPopup);
    default:
      return `has "position" ${json(payload.position)} (known: ${Object.keys(BUTTON_LOCATIONS).join(', ')})`;
  }
}

/** The URL a menu draws `icon` from, in `state`. */
function iconUrl(icon: Icon, state: IconState): string {
  return typeof icon === 'string' ? namedIconUrl(icon, state) : customIconUrl(icon.custom.main, state);
}

/**
 * A button's name with its state in words, for the menus that have no other way to say it:
 * a menu item's name is its accessible name and its tooltip.
 */
export function nameWithState(label: string, state: IconState): string {
  // A menu item or a tooltip shows a few words, as for webapp2 plugins' labels.
  const name = label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label;
  const words = [state.active ? 'active' : '', state.badge ? 'new' : ''].filter(Boolean);
  return words.length ? `${name} (${words.join(', ')})` : name;
}

let buttons = 0;

/** The buttons of every Web App 3 plugin of one host, in the order they were added. */
export class PluginButtons {
  readonly #options: UiButtonOptions;
  readonly #buttons = new Map<string, Button>();
  readonly #subscription: { unsubscribe(): void } | undefined;
  #inMeeting = false;
  /** The open group menu and whose it is. */
  #menu: { buttonId: string; element: GroupMenuElement } | undefined;

  constructor(options: UiButtonOptions) {
    this.#options = options;
    this.#subscription = options.participants$?.subscribe((participants) => {
      const inMeeting = participants.length > 0;
      if (inMeeting === this.#inMeeting) return;
      this.#inMeeting = inMeeting;
      this.refresh();
    });
  }

  /** Publishes the buttons again (the participant's role changed). */
  refresh(): void {
    this.#options.publish(this.views());
  }

  /** Stops following the conference and takes every button away. */
  dispose(): void {
    this.#subscription?.unsubscribe();
    this.#closeMenu();
    this.#buttons.clear();
    this.refresh();
  }

  #fits(roles: readonly ButtonRole[] | undefined): boolean {
    const role = this.#options.role?.();
    return !roles || role === undefined || roles.includes(role);
  }

  /** The shown sub-buttons of a toolbar button's group (none when it has no group). */
  #group(payload: ButtonPayload) {
    return payload.position === 'toolbar' ? (payload.group ?? []).filter((entry) => this.#fits(entry.roles)) : [];
  }

  /** The menu items of the buttons that show now. */
  views(): MenuItemView[] {
    const views: MenuItemView[] = [];
    let index = 0;
    for (const { pluginId, id, payload } of this.#buttons.values()) {
      const location = BUTTON_LOCATIONS[payload.position];
      let icon: string | null = null;
      let name: string;
      let state: IconState = {};
      const extra: Partial<MenuItemView> = {};
      if (payload.position === 'toolbar') {
        if (!this.#fits(payload.roles)) continue;
        // Pressed or not is the toolbar button's aria-pressed, not words in its name.
        state = { active: payload.isActive === true, badge: payload.badge?.isVisible === true || this.#group(payload).some((entry) => entry.badge?.isVisible === true) };
        icon = iconUrl(payload.icon, state);
        name = payload.tooltip;
      } else if (payload.position === 'participantActions') {
        state = { active: payload.isActive === true };
        if (payload.icon !== undefined) icon = iconUrl(payload.icon, state);
        name = payload.label;
        if (payload.participantIDs) extra.participantIds = [...payload.participantIDs];
      } else {
        if (!this.#fits(payload.roles) || (payload.inMeetingOnly && !this.#inMeeting)) continue;
        name = payload.label;
      }
      if (payload.position !== 'settingsMenu' && payload.isActive !== undefined) extra.pressed = payload.isActive;
      if (state.badge) extra.badge = true;
      views.push({
        key: `${pluginId}/${location}/${id}`,
        pluginId,
        pluginName: pluginId,
        location,
        index: index++,
        action: 'ui:button:click',
        icon,
        label: nameWithState(name, payload.position === 'toolbar' ? { ...state, active: false } : state),
        participants: {},
        hidden: false,
        ...extra,
      });
    }
    return views;
  }

  /**
   * A menu's click on one of the buttons' items, with the arguments that menu gives (the
   * toolbar: participants and conference; the participant menu: the participant).
   */
  invoke(item: MenuItemView, args: readonly unknown[]): void {
    const id = item.key.slice(item.key.lastIndexOf('/') + 1);
    const button = this.#buttons.get(id);
    if (!button || button.pluginId !== item.pluginId) return;
    const { payload, pluginId, page } = button;
    // The popup first, still in the user's click; its guard gets the participant actions' input.
    const send = (input: unknown, guardInput?: unknown) => {
      openPopup(pluginId, page, payload.opensPopup, guardInput);
      this.#options.send(pluginId, 'ui:button:click', { buttonId: id, input });
    };
    if (payload.position === 'participantActions') {
      const uuid = (args[0] as { uuid?: unknown } | undefined)?.uuid;
      if (typeof uuid !== 'string' || (payload.participantIDs && !payload.participantIDs.includes(uuid as never))) return;
      send({ participantUuid: uuid }, { participantUuid: uuid });
    } else if (payload.position === 'settingsMenu') {
      send(undefined);
    } else if (this.#group(payload).length > 0) {
      this.#openMenu(button, item.key);
    } else {
      send({ buttonId: id });
    }
  }

  /** Opens the group of `button` by the toolbar button that was clicked (the focused one, else the first drawn). */
  #openMenu(button: Button, key: string): void {
    this.#closeMenu();
    if (!customElements.get(GROUP_MENU_TAG) || button.payload.position !== 'toolbar') return;
    const { place } = this.#options;
    const document = place.element.ownerDocument;
    const element = document.createElement(GROUP_MENU_TAG) as GroupMenuElement;
    element.dataset.pexPluginId = button.pluginId;
    element.label = button.payload.tooltip;
    element.entries = this.#entries(button);
    element.addEventListener('pex-button-group-choice', (event) => {
      const choice = (event as CustomEvent<{ id: string }>).detail.id;
      element.close();
      if (this.#buttons.get(button.id) !== button) return;
      openPopup(button.pluginId, button.page, this.#group(button.payload).find((entry) => entry.id === choice)?.opensPopup);
      this.#options.send(button.pluginId, 'ui:button:click', { buttonId: button.id, input: { buttonId: choice } });
    });
    element.addEventListener('pex-dialog-close', () => {
      if (this.#menu?.element === element) this.#menu = undefined;
    });
    this.#menu = { buttonId: button.id, element };
    placeRoot(place).append(element);
    element.open(anchorOf(document, place.element, key));
  }

  #entries(button: Button): GroupMenuEntry[] {
    return this.#group(button.payload).map((entry) => {
      const state = { active: entry.isActive === true, badge: entry.badge?.isVisible === true };
      return { id: entry.id, label: entry.tooltip, icon: iconUrl(entry.icon, state), pressed: entry.isActive, badge: state.badge };
    });
  }

  #closeMenu(buttonId?: string): void {
    const menu = this.#menu;
    if (!menu || (buttonId !== undefined && menu.buttonId !== buttonId)) return;
    this.#menu = undefined;
    menu.element.close();
  }

  #add(payload: ButtonPayload, { pluginId, window: page }: RpcContext): string {
    const id = `button-${(buttons += 1)}`;
    this.#buttons.set(id, { pluginId, id, payload, page });
    this.#options.elements.add(pluginId, id, () => {
      this.#buttons.delete(id);
      this.#closeMenu(id);
      this.refresh();
    });
    this.refresh();
    return id;
  }

  handlers(): RpcHandlers {
    return {
      'ui:button:add': (payload, context) => {
        const problem = buttonProblem(payload);
        if (problem) return failedReply(context.callId, problem.startsWith(INVALID_ICON) ? problem : `ui:button:add ${problem}.`);
        return okReply(this.#add(structuredClone(payload) as ButtonPayload, context));
      },
      'ui:button:update': (payload, { pluginId, callId }) => {
        const targetId = (payload as { targetId?: unknown } | null)?.targetId;
        const button = typeof targetId === 'string' ? this.#buttons.get(targetId) : undefined;
        if (!button || button.pluginId !== pluginId) return failedReply(callId, `ui:button:update: this plugin has no button ${json(targetId)}.`);
        const problem = buttonProblem(payload);
        if (problem) return failedReply(callId, problem.startsWith(INVALID_ICON) ? problem : `ui:button:update ${problem}.`);
        const next = structuredClone(payload) as Partial<ButtonPayload & { targetId: string }>;
        delete next.targetId;
        button.payload = next as ButtonPayload;
        const menu = this.#menu;
        if (menu?.buttonId === button.id) {
          if (this.#group(button.payload).length > 0) menu.element.entries = this.#entries(button);
          else this.#closeMenu();
        }
        this.refresh();
        return okReply(button.id);
      },
    };
  }
}

/** The toolbar button drawn for `key`: the focused one (the user just clicked or pressed it), else the first in the host. */
function anchorOf(document: Document, host: Element, key: string): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  if (active?.dataset.key === key) return active;
  const selector = `[data-key="${CSS.escape(key)}"]`;
  for (const toolbar of host.querySelectorAll('pex-toolbar')) {
    const button = toolbar.shadowRoot?.querySelector<HTMLElement>(selector);
    if (button) return button;
  }
  return null;
}
