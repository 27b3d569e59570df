/**
 * `ui:widget:add` and `ui:widget:toggle`: a plugin's widget, a side panel or a floating box in
 * the UI place showing the widget's page in a frame of its own. The reply to `ui:widget:add` is
 * GenericRPCReply's `ok` with the widget's id as `id` (the package keeps it to toggle and to
 * remove the widget); `ui:removeElement` with that id takes the widget and its frame away, and
 * so does unloading its plugin.
 *
 * The plugin hears `ui:widget:onLoad` `{widgetId}` each time the widget's page has loaded, and
 * `ui:widget:onToggle` `{widgetId, isVisible, isRequest, trigger}` each time it shows or hides:
 * `trigger` is `self` when the plugin toggled it, `headerCloseButton` when the user closed it
 * (its close button, Escape on a floating one), `anotherSidePanel` when another side panel took
 * its place (one side panel shows at a time). A widget whose `avoidAutoToggle.headerCloseButton`
 * is set stays open when the user asks it to close: the plugin is told the request
 * (`isRequest: true`, `isVisible` still true) and decides.
 *
 * A side panel starts hidden (a plugin opens it with `toggle()`, usually from a button); a
 * floating one shows at once when its `isVisible` is true.
 *
 * The frames are the host's (Webapp3Host): sandboxed as the plugin's own frame, their calls taken
 * only from that frame on the channel its `syn:widget` opened, and served as the plugin's calls.
 * This module knows the element by tag name and by the small contract below, not by its code
 * (components/plugin-widget); the handlers say so plainly when it is not defined.
 */
import type { FloatingWidgetPosition, RPCCallReply, WidgetPayload } from '@pexip/plugin-api';
import type { RpcContext, RpcHandlers } from './rpc-router.js';
import { failedReply, okReply, placeRoot, type PluginElements, type UiPlace, isObject, json } from './ui-elements.js';
import type { PluginCaller, WidgetFrame, Webapp3RpcContext } from './webapp3-host.js';
import { describeError as reasonOf } from '../runtime/plugin-error.js';

export const WIDGET_TAG = 'pex-plugin-widget';

/** What `<pex-plugin-widget>` does for these handlers. */
export interface WidgetElement extends HTMLElement {
  heading: string;
  type: WidgetPayload['type'];
  position: FloatingWidgetPosition;
  open: boolean;
  movable: boolean;
  dimensions: Extract<WidgetPayload, { type: 'floating' }>['dimensions'];
}

export interface UiWidgetOptions {
  place: UiPlace;
  /** The plugins' elements, which `ui:removeElement` removes from (`elements.handlers()`). */
  elements: PluginElements;
}

export type WidgetToggleTrigger = 'anotherSidePanel' | 'headerCloseButton' | 'self';

export const WIDGET_TYPES = ['sidePanel', 'floating'] as const;
export const WIDGET_POSITIONS: readonly FloatingWidgetPosition[] = ['topLeft', 'topRight', 'bottomLeft', 'bottomRight', 'center'];
const DIMENSION_KEYS = ['xs', 'sm', 'md', 'lg', 'xl', 'mobilePortrait', 'mobileLandscape'];

/**
 * The widget's parts, forwarded under `widget-…` names: the host's shadow root is where widgets
 * are, so an app styles them as `pex-plugin-host::part(widget-header)`.
 */
const EXPORTED_PARTS = ['panel', 'header', 'title', 'move-button', 'close-button', 'body'].map((part) => `${part}: widget-${part}`).join(', ');

/** Why `value` is not a width or height the types allow (a CSS length, or lengths by breakpoint), or undefined. */
function dimensionProblem(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  if (!isObject(value)) return `has "dimensions.${name}" ${json(value)}: a CSS length or lengths by breakpoint are needed`;
  const bad = Object.entries(value).find(([key, length]) => !DIMENSION_KEYS.includes(key) || typeof length !== 'string');
  if (bad) return `has "dimensions.${name}.${bad[0]}" ${json(bad[1])} (breakpoints: ${DIMENSION_KEYS.join(', ')}; each a CSS length)`;
  return undefined;
}

/** Why `payload` is not a widget the types define, or undefined. */
export function widgetProblem(payload: unknown): string | undefined {
  if (!isObject(payload)) return `needs an object payload, not ${json(payload)}`;
  if (!WIDGET_TYPES.includes(payload.type as 'floating')) return `has "type" ${json(payload.type)} (known: ${WIDGET_TYPES.join(', ')})`;
  if (typeof payload.src !== 'string' || !payload.src) return 'needs "src" (its page, relative to the plugin\'s page)';
  if (typeof payload.title !== 'string') return 'needs "title" (a string)';
  const avoid = payload.avoidAutoToggle;
  if (avoid !== undefined && !(isObject(avoid) && (avoid.headerCloseButton === undefined || typeof avoid.headerCloseButton === 'boolean'))) {
    return `has "avoidAutoToggle" ${json(avoid)}: {headerCloseButton?: boolean} is needed`;
  }
  if (payload.type === 'floating') {
    const notBoolean = (['draggable', 'isVisible'] as const).find((key) => payload[key] !== undefined && typeof payload[key] !== 'boolean');
    if (notBoolean) return `has "${notBoolean}" ${json(payload[notBoolean])}, not true or false`;
    if (payload.position !== undefined && !WIDGET_POSITIONS.includes(payload.position as 'center')) {
      return `has "position" ${json(payload.position)} (known: ${WIDGET_POSITIONS.join(', ')})`;
    }
    const dimensions = payload.dimensions;
    if (dimensions !== undefined && !isObject(dimensions)) return `has "dimensions" ${json(dimensions)}: {width?, height?} is needed`;
    if (dimensions) return dimensionProblem('width', dimensions.width) ?? dimensionProblem('height', dimensions.height);
  }
  return undefined;
}

/** One widget on screen. */
interface ShownWidget {
  pluginId: string;
  widgetId: string;
  payload: WidgetPayload;
  element: WidgetElement;
  frame: WidgetFrame;
  caller: PluginCaller;
}

let widgetCount = 0;

/** The handlers of `ui:widget:add` and `ui:widget:toggle`. Add `options.elements.handlers()` for `ui:removeElement`. */
export function uiWidgets(options: UiWidgetOptions): RpcHandlers {
  const { place, elements } = options;
  /** By plugin, then by widget id: ids are the plugin's own, as for its other elements. */
  const shown = new Map<string, Map<string, ShownWidget>>();

  const find = (pluginId: string, widgetId: string) => shown.get(pluginId)?.get(widgetId);

  const forget = (widget: ShownWidget) => {
    const ofPlugin = shown.get(widget.pluginId);
    ofPlugin?.delete(widget.widgetId);
    if (ofPlugin?.size === 0) shown.delete(widget.pluginId);
  };

  const tellToggle = (widget: ShownWidget, isVisible: boolean, isRequest: boolean, trigger: WidgetToggleTrigger) =>
    widget.caller.send('ui:widget:onToggle', { widgetId: widget.widgetId, isVisible, isRequest, trigger });

  const setVisible = (widget: ShownWidget, visible: boolean, trigger: WidgetToggleTrigger) => {
    if (widget.element.open === visible) return;
    if (visible && widget.payload.type === 'sidePanel') {
      // One side panel at a time, as in Web App 3: the one showing gives way, and its plugin is told why.
      for (const ofPlugin of shown.values()) {
        for (const other of ofPlugin.values()) {
          if (other !== widget && other.payload.type === 'sidePanel' && other.element.open) setVisible(other, false, 'anotherSidePanel');
        }
      }
    }
    widget.element.open = visible;
    tellToggle(widget, visible, false, trigger);
  };

  const add = (payload: unknown, context: RpcContext): RPCCallReply<'ui:widget:add'> => {
    const { pluginId, callId } = context;
    const problem = widgetProblem(payload);
    if (problem) return failedReply(callId, `ui:widget:add ${problem}.`);
    const caller = (context as Webapp3RpcContext).caller;
    if (!caller) return failedReply(callId, 'ui:widget:add cannot be shown: this host gives its handlers no frames for widgets (add the handlers to a Webapp3Host).');
    if (!customElements.get(WIDGET_TAG)) return failedReply(callId, `ui:widget:add cannot be shown: <${WIDGET_TAG}> is not defined in this page (import the element's module with the Web App 3 host).`);
    const widget = payload as WidgetPayload;
    const widgetId = `widget-${(widgetCount += 1)}`;
    const element = place.element.ownerDocument.createElement(WIDGET_TAG) as WidgetElement;
    element.dataset.pexPluginId = pluginId;
    element.dataset.widgetId = widgetId;
    element.setAttribute('exportparts', EXPORTED_PARTS);
    element.heading = widget.title;
    element.type = widget.type;
    if (widget.type === 'floating') {
      element.position = widget.position ?? 'bottomRight';
      element.movable = widget.draggable === true;
      element.dimensions = widget.dimensions;
    }
    placeRoot(place).append(element);
    let frame: WidgetFrame;
    try {
      frame = caller.openWidgetFrame({
        widgetId,
        src: widget.src,
        title: widget.title,
        place: (iframe) => {
          // Each load of the widget's page: the plugin's onLoad.
          iframe.addEventListener('load', () => caller.send('ui:widget:onLoad', { widgetId }));
          element.append(iframe);
        },
        onClosed: () => {
          forget(entry);
          element.remove();
        },
      });
    } catch (error) {
      element.remove();
      return failedReply(callId, `ui:widget:add ${reasonOf(error)}.`);
    }
    const entry: ShownWidget = { pluginId, widgetId, payload: widget, element, frame, caller };
    let ofPlugin = shown.get(pluginId);
    if (!ofPlugin) shown.set(pluginId, (ofPlugin = new Map()));
    ofPlugin.set(widgetId, entry);
    element.addEventListener('pex-widget-close', (event) => {
      event.preventDefault();
      if (widget.avoidAutoToggle?.headerCloseButton) tellToggle(entry, element.open, true, 'headerCloseButton');
      else setVisible(entry, false, 'headerCloseButton');
    });
    elements.add(pluginId, widgetId, () => {
      forget(entry);
      frame.close();
      element.remove();
    });
    if (widget.type === 'floating' && widget.isVisible) element.open = true;
    return okReply(widgetId);
  };

  return {
    'ui:widget:add': add,
    'ui:widget:toggle': (payload, { pluginId, callId }) => {
      const id = (payload as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return failedReply(callId, `ui:widget:toggle needs "id" (a string), not ${json(id)}.`);
      const widget = find(pluginId, id);
      if (!widget) return failedReply(callId, `ui:widget:toggle: this plugin has no widget "${id}".`);
      setVisible(widget, !widget.element.open, 'self');
      return okReply(id);
    },
  };
}
