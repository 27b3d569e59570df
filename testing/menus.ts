import type { Participant, PexParticipantMenu, PexPluginHost } from '../components/index.js';
import { waitFor, type WaitOptions } from './wait.js';

/** Where a plugin's menu item shows: the package file's `menuItems` keys. */
export type MenuLocation = 'toolbar' | 'conference' | 'participants';

const LOCATIONS: readonly MenuLocation[] = ['toolbar', 'conference', 'participants'];
const MENU_TAG: Record<MenuLocation, string> = {
  toolbar: 'pex-toolbar',
  conference: 'pex-conference-menu',
  participants: 'pex-participant-menu',
};

/** Which menu to look in, and for whom. */
export interface MenuOptions extends WaitOptions {
  /** One location only (default: the toolbar, then the conference menu, then the participant menu). */
  location?: MenuLocation;
  /**
   * The participant the participant menu is for: a uuid (the host's latest roster entry for it,
   * waited for) or a participant. Implies `location: 'participants'`.
   */
  participant?: string | Participant;
}

/** A rendered menu item (a toolbar button or a menu's item) of a plugin. */
export interface MenuItemHandle {
  /** `<pluginId>/<location>/<index>`: the same item whatever its state$ makes it look like. */
  readonly key: string;
  readonly pluginId: string;
  readonly location: MenuLocation;
  /** The rendered button. */
  readonly element: HTMLButtonElement;
  /** Its accessible name as rendered now: the state$ label, else the package's. */
  readonly label: string;
  /**
   * Its icon as rendered now: the URL (`file.svg#id` for a `<use>`, the file of an `<img>`); for
   * an icon the host draws itself (a Web App 3 button's named icon), its name and state
   * (`IconLock`, `IconLock-active-badge`); null for none.
   */
  readonly icon: string | null;
  /** Clicks it as a user would: the plugin's action runs with what its menu hands over. */
  click(): void;
}

function labelOf(button: HTMLButtonElement): string {
  const text = button.getAttribute('aria-label') ?? button.querySelector('[part="label"]')?.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

function iconOf(button: HTMLButtonElement): string | null {
  const drawn = button.querySelector('svg[data-icon]');
  if (drawn) return drawn.getAttribute('data-icon');
  const use = button.querySelector('use');
  if (use) return use.getAttribute('href');
  return button.querySelector('img')?.getAttribute('src') ?? null;
}

function handleFor(button: HTMLButtonElement, location: MenuLocation): MenuItemHandle {
  const key = button.dataset.key ?? '';
  return {
    key,
    pluginId: key.split('/').slice(0, -2).join('/'),
    location,
    element: button,
    get label() {
      return labelOf(button);
    },
    get icon() {
      return iconOf(button);
    },
    click: () => {
      if (!button.isConnected) throw new Error(`the menu item "${labelOf(button)}" (${key}) is no longer on the page`);
      button.click();
    },
  };
}

/** The menus a harness renders inside its host, and how to read them. */
export class HarnessMenus {
  constructor(private readonly host: PexPluginHost) {}

  /** The menu element for a location (inside the host). */
  element(location: MenuLocation): HTMLElement & { updateComplete: Promise<unknown> } {
    const el = this.host.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(MENU_TAG[location]);
    if (!el) throw new Error(`<${MENU_TAG[location]}> is not inside the host`);
    return el;
  }

  /** The items rendered now in one location, in order. */
  items(location: MenuLocation): MenuItemHandle[] {
    const root = this.element(location).shadowRoot;
    if (!root) return [];
    return [...root.querySelectorAll<HTMLButtonElement>('[part="button"], [part="item"]')].map((b) => handleFor(b, location));
  }

  /** Points the participant menu at a participant (by uuid: the host's roster entry, waited for). */
  async showParticipant(who: string | Participant, options: WaitOptions = {}): Promise<Participant> {
    const menu = this.element('participants') as unknown as PexParticipantMenu;
    const person =
      typeof who === 'string'
        ? await waitFor(() => this.host.participants.find((p) => p.uuid === who), `the participant ${who} in the host's roster`, {
            ...options,
            seen: () => `the roster has ${this.host.participants.map((p) => `${p.name} (${p.uuid})`).join(', ') || 'nobody'}`,
          })
        : who;
    menu.participant = person;
    await menu.updateComplete;
    return person;
  }

  /** Lets queued menu updates reach the menus and their renders finish. */
  async rendered(): Promise<void> {
    for (const location of LOCATIONS) await this.element(location).updateComplete;
  }

  /** Waits for the item labelled `label` (see MenuOptions for where it looks). */
  async find(label: string, options: MenuOptions = {}): Promise<MenuItemHandle> {
    const locations = this.#locations(options);
    if (options.participant !== undefined) await this.showParticipant(options.participant, options);
    return waitFor(
      async () => {
        await this.rendered();
        for (const location of locations) {
          const found = this.items(location).find((item) => item.label === label);
          if (found) return found;
        }
        return undefined;
      },
      `a menu item labelled "${label}"${options.location || options.participant ? ` in ${locations.join(', ')}` : ''}`,
      { ...options, seen: () => this.#describe(locations) },
    );
  }

  /** Waits until one location's labels are exactly `labels`, in order. */
  async waitForLabels(location: MenuLocation, labels: readonly string[], options: Omit<MenuOptions, 'location'> = {}): Promise<void> {
    if (options.participant !== undefined) await this.showParticipant(options.participant, options);
    const wanted = JSON.stringify(labels);
    await waitFor(
      async () => {
        await this.rendered();
        return JSON.stringify(this.items(location).map((item) => item.label)) === wanted;
      },
      `the ${location} labels ${wanted}`,
      { ...options, seen: () => this.#describe([location]) },
    );
  }

  #locations(options: MenuOptions): readonly MenuLocation[] {
    if (options.participant !== undefined) {
      if (options.location && options.location !== 'participants') throw new Error(`a participant's items are in the participants menu, not ${options.location}`);
      return ['participants'];
    }
    return options.location ? [options.location] : LOCATIONS;
  }

  #describe(locations: readonly MenuLocation[]): string {
    return locations.map((location) => `${location}: [${this.items(location).map((item) => JSON.stringify(item.label)).join(', ')}]`).join('; ');
  }
}
