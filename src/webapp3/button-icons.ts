/**
 * The icons a Web App 3 plugin's button may name (`icon: 'IconSupport'`), drawn by this host
 * from shapes of its own. Web App 3 names its icons after its component library's
 * (`Icon<Thing>`); the package's own docs and Pexip's published plugins use `IconPexipLogo` and
 * `IconSupport`; the rest are common ones under the same naming. An unknown name is refused with
 * the list below, so a plugin's author sees at once what to use instead (or a custom icon).
 *
 * A named icon's menu item carries a `data:` SVG image as its icon (what an app drawing
 * `runtime.menuItems$` itself can show as an `<img>`); the host's own menus draw it inline
 * instead (src/runtime/drawn-icons.ts), as an `<svg data-icon="Name">` in `currentColor`, so it
 * themes like the text around it and nothing is fetched for it. Custom icons
 * (`{custom: {main, hover}}`, SVG markup) become `data:` images: an `<img>` runs no script from
 * them and their markup never enters the page.
 *
 * A pressed button (`isActive`) gets a tinted plate behind its icon; a button with
 * `badge.isVisible` a dot at its top right, colored by `--pex-button-badge-color` (default red).
 */
import { drawIconAs } from '../runtime/drawn-icons.js';

/** An SVG element of a drawing: its tag, its attributes (the host's own constants), its children. */
type Shape = readonly [tag: string, attributes: Readonly<Record<string, string>>, children?: readonly Shape[]];

/** Each name's drawing, on a 24×24 grid, stroked in `currentColor` (see ART). */
const DRAWINGS: Readonly<Record<string, readonly Shape[]>> = {
  IconPexipLogo: [['circle', { cx: '12', cy: '12', r: '9.5' }], ['path', { d: 'M9 17.5v-11h4a3.5 3.5 0 0 1 0 7H9' }]],
  IconSupport: [['circle', { cx: '12', cy: '12', r: '9.5' }], ['circle', { cx: '12', cy: '12', r: '4' }], ['path', { d: 'm5.3 5.3 3.9 3.9m5.6 5.6 3.9 3.9m0-13.4-3.9 3.9m-5.6 5.6-3.9 3.9' }]],
  IconShield: [['path', { d: 'M12 2.5 4.5 5.5v6c0 4.6 3.2 8.6 7.5 10 4.3-1.4 7.5-5.4 7.5-10v-6z' }]],
  IconInfoRound: [['circle', { cx: '12', cy: '12', r: '9.5' }], ['path', { d: 'M12 11v6m0-10v.5' }]],
  IconSettings: [['circle', { cx: '12', cy: '12', r: '3.5' }], ['path', { d: 'M12 2.5v3m0 13v3M2.5 12h3m13 0h3M5.3 5.3l2.1 2.1m9.2 9.2 2.1 2.1m0-13.4-2.1 2.1m-9.2 9.2-2.1 2.1' }]],
  IconChat: [['path', { d: 'M3.5 4.5h17v12H9l-5.5 4z' }]],
  IconPeople: [['circle', { cx: '9', cy: '8', r: '3.5' }], ['path', { d: 'M2.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5' }], ['path', { d: 'M15.5 4.8a3.5 3.5 0 0 1 0 6.4M18 13.9c2 .9 3.5 3 3.5 6.1' }]],
  IconLock: [['rect', { x: '4.5', y: '10.5', width: '15', height: '10', rx: '1.5' }], ['path', { d: 'M8 10.5V7a4 4 0 0 1 8 0v3.5' }]],
  IconUnlock: [['rect', { x: '4.5', y: '10.5', width: '15', height: '10', rx: '1.5' }], ['path', { d: 'M8 10.5V7a4 4 0 0 1 7.8-1.2' }]],
  IconMicrophoneOff: [['rect', { x: '9', y: '2.5', width: '6', height: '11', rx: '3' }], ['path', { d: 'M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5v4M3.5 3.5l17 17' }]],
  IconPlayRound: [['circle', { cx: '12', cy: '12', r: '9.5' }], ['path', { d: 'm10 8 6 4-6 4z' }]],
  IconStopRound: [['circle', { cx: '12', cy: '12', r: '9.5' }], ['rect', { x: '8.5', y: '8.5', width: '7', height: '7' }]],
  IconLink: [['path', { d: 'M10 14a4 4 0 0 0 5.7 0l3.5-3.5a4 4 0 0 0-5.7-5.7L12 6.3' }], ['path', { d: 'M14 10a4 4 0 0 0-5.7 0l-3.5 3.5a4 4 0 0 0 5.7 5.7l1.5-1.5' }]],
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

const SVG_NS = 'http://www.w3.org/2000/svg';
const ART = { fill: 'none', stroke: 'currentColor', 'stroke-width': '1.8', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
const PLATE: Shape = ['rect', { width: '24', height: '24', rx: '5', fill: 'currentColor', opacity: '.22' }];
const BADGE: Shape = ['circle', { cx: '20', cy: '4', r: '3.5', style: 'fill:var(--pex-button-badge-color,#d93025);stroke:var(--pex-button-badge-outline,#fff)' }];

/** The suffix of an icon drawn in `state`. */
const suffixOf = (state: IconState) => `${state.active ? '-active' : ''}${state.badge ? '-badge' : ''}`;

/** A named icon in `state`, as a whole SVG with the attributes of a menu icon (components/shared/menu-icon.ts). */
function iconShape(name: string, state: IconState): Shape {
  const children: Shape[] = [...(state.active ? [PLATE] : []), ['g', ART, DRAWINGS[name]], ...(state.badge ? [BADGE] : [])];
  const attributes = { xmlns: SVG_NS, viewBox: '0 0 24 24', 'data-icon': `${name}${suffixOf(state)}`, part: 'icon', class: 'icon', 'aria-hidden': 'true', focusable: 'false' };
  return ['svg', attributes, children];
}

/** Markup of a shape (an image's text): the attributes are the host's own, with no quote or markup in them. */
function markupOf([tag, attributes, children = []]: Shape): string {
  const attrs = Object.entries(attributes).map(([name, value]) => ` ${name}="${value}"`).join('');
  return children.length ? `<${tag}${attrs}>${children.map(markupOf).join('')}</${tag}>` : `<${tag}${attrs}/>`;
}

/** The element of a shape, made with the DOM (no markup is parsed: a Trusted Types policy has nothing to say). */
function elementOf([tag, attributes, children = []]: Shape): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) if (name !== 'xmlns') element.setAttribute(name, value);
  for (const child of children) element.append(elementOf(child));
  return element;
}

/** The URL of each named icon in each state handed out so far, by name and suffix. */
const urls = new Map<string, string>();

/**
 * The menu icon URL of a known name in `state`: a `data:` SVG image, which the host's menus
 * draw inline (the same shapes, in the page).
 */
export function namedIconUrl(name: string, state: IconState = {}): string {
  const key = `${name}${suffixOf(state)}`;
  let url = urls.get(key);
  if (url) return url;
  const shape = iconShape(name, state);
  url = svgData(markupOf(shape));
  urls.set(key, url);
  drawIconAs(url, () => elementOf(shape) as SVGSVGElement);
  return url;
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
  return svgData(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">${state.active ? markupOf([PLATE[0], { ...PLATE[1], fill: '#808080' }]) : ''}${nested}${badge}</svg>`);
}
