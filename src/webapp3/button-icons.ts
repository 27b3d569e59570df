/**
 * The icons a Web App 3 plugin's button may name (`icon: 'IconSupport'`), drawn by this host as
 * SVG symbols of its own. Web App 3 names its icons after its component library's
 * (`Icon<Thing>`); the package's own docs and Pexip's published plugins use `IconPexipLogo` and
 * `IconSupport`; the rest are common ones under the same naming. An unknown name is refused with
 * the list below, so a plugin's author sees at once what to use instead (or a custom icon).
 *
 * Named icons are one sprite document made once per page as a `blob:` URL (same-origin, so
 * `<use>` may reference it and `currentColor` themes it); each is drawn with `<use href="…#Name">`.
 * Custom icons (`{custom: {main, hover}}`, SVG markup) become `data:` images: an `<img>` runs no
 * script from them and their markup never enters the page.
 *
 * A pressed button (`isActive`) gets a tinted plate behind its icon; a button with
 * `badge.isVisible` a dot at its top right, colored by `--pex-button-badge-color` (default red).
 */

/** Each name's drawing, on a 24×24 grid in `currentColor`. */
const DRAWINGS: Readonly<Record<string, string>> = {
  IconPexipLogo: '<circle cx="12" cy="12" r="9.5"/><path d="M9 17.5v-11h4a3.5 3.5 0 0 1 0 7H9"/>',
  IconSupport: '<circle cx="12" cy="12" r="9.5"/><circle cx="12" cy="12" r="4"/><path d="m5.3 5.3 3.9 3.9m5.6 5.6 3.9 3.9m0-13.4-3.9 3.9m-5.6 5.6-3.9 3.9"/>',
  IconShield: '<path d="M12 2.5 4.5 5.5v6c0 4.6 3.2 8.6 7.5 10 4.3-1.4 7.5-5.4 7.5-10v-6z"/>',
  IconInfoRound: '<circle cx="12" cy="12" r="9.5"/><path d="M12 11v6m0-10v.5"/>',
  IconSettings: '<circle cx="12" cy="12" r="3.5"/><path d="M12 2.5v3m0 13v3M2.5 12h3m13 0h3M5.3 5.3l2.1 2.1m9.2 9.2 2.1 2.1m0-13.4-2.1 2.1m-9.2 9.2-2.1 2.1"/>',
  IconChat: '<path d="M3.5 4.5h17v12H9l-5.5 4z"/>',
  IconPeople: '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5"/><path d="M15.5 4.8a3.5 3.5 0 0 1 0 6.4M18 13.9c2 .9 3.5 3 3.5 6.1"/>',
  IconLock: '<rect x="4.5" y="10.5" width="15" height="10" rx="1.5"/><path d="M8 10.5V7a4 4 0 0 1 8 0v3.5"/>',
  IconUnlock: '<rect x="4.5" y="10.5" width="15" height="10" rx="1.5"/><path d="M8 10.5V7a4 4 0 0 1 7.8-1.2"/>',
  IconMicrophoneOff: '<rect x="9" y="2.5" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5v4M3.5 3.5l17 17"/>',
  IconPlayRound: '<circle cx="12" cy="12" r="9.5"/><path d="m10 8 6 4-6 4z"/>',
  IconStopRound: '<circle cx="12" cy="12" r="9.5"/><rect x="8.5" y="8.5" width="7" height="7"/>',
  IconLink: '<path d="M10 14a4 4 0 0 0 5.7 0l3.5-3.5a4 4 0 0 0-5.7-5.7L12 6.3"/><path d="M14 10a4 4 0 0 0-5.7 0l-3.5 3.5a4 4 0 0 0 5.7 5.7l1.5-1.5"/>',
};

/** The icon names this host ships, in the order its docs list them. */
export const BUTTON_ICON_NAMES: readonly string[] = Object.keys(DRAWINGS);

export function isButtonIconName(name: string): boolean {
  return Object.hasOwn(DRAWINGS, name);
}

/** How a button is shown beside its icon. */
export interface IconState {
  active?: boolean;
  badge?: boolean;
}

const PLATE = '<rect width="24" height="24" rx="5" fill="currentColor" opacity=".22"/>';
const BADGE = '<circle cx="20" cy="4" r="3.5" style="fill:var(--pex-button-badge-color,#d93025);stroke:var(--pex-button-badge-outline,#fff)"/>';
const STATES: readonly [suffix: string, state: Required<IconState>][] = [
  ['', { active: false, badge: false }],
  ['-active', { active: true, badge: false }],
  ['-badge', { active: false, badge: true }],
  ['-active-badge', { active: true, badge: true }],
];

/** The suffix of a symbol drawn in `state`. */
const suffixOf = (state: IconState) => `${state.active ? '-active' : ''}${state.badge ? '-badge' : ''}`;

let sprite: string | undefined;

/** The sprite's URL: every name in every state, a symbol each. Made on first use, kept for the page's life. */
function spriteUrl(): string {
  if (sprite) return sprite;
  const art = BUTTON_ICON_NAMES.map(
    (name) => `<g id="${name}-art" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${DRAWINGS[name]}</g>`,
  );
  const symbols = BUTTON_ICON_NAMES.flatMap((name) =>
    STATES.map(([suffix, state]) => `<symbol id="${name}${suffix}" viewBox="0 0 24 24">${state.active ? PLATE : ''}<use href="#${name}-art"/>${state.badge ? BADGE : ''}</symbol>`),
  );
  const text = `<svg xmlns="http://www.w3.org/2000/svg"><defs>${art.join('')}${symbols.join('')}</defs></svg>`;
  sprite = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  return sprite;
}

/** The menu icon URL (`…#Name`, drawn with `<use>`) of a known name in `state`. */
export function namedIconUrl(name: string, state: IconState = {}): string {
  return `${spriteUrl()}#${name}${suffixOf(state)}`;
}

const svgData = (markup: string) => `data:image/svg+xml,${encodeURIComponent(markup)}`;

/** Whether `markup` is an SVG document's text (what a custom icon's `main` and `hover` are). */
export function isSvgMarkup(markup: unknown): markup is string {
  return typeof markup === 'string' && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(markup);
}

/**
 * The menu icon URL (a `data:` image) of a custom icon's `main` SVG in `state`: the plugin's SVG
 * as it is, or nested as an image under the plate and badge.
 */
export function customIconUrl(main: string, state: IconState = {}): string {
  if (!state.active && !state.badge) return svgData(main);
  const nested = `<image href="${svgData(main).replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" width="24" height="24"/>`;
  const badge = state.badge ? '<circle cx="20" cy="4" r="3.5" fill="#d93025" stroke="#fff"/>' : '';
  return svgData(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${state.active ? PLATE.replace('currentColor', '#808080') : ''}${nested}${badge}</svg>`);
}
