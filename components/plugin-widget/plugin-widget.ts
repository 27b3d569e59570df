import type { FloatingWidgetDimensions, FloatingWidgetPosition } from '@pexip/plugin-api';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { deepActiveElement } from '../shared/deep-active-element.js';
import { pluginWidgetStyles } from './plugin-widget.styles.js';
import { createPexWidgetCloseEvent } from './widget-events.js';
import { dimensionAt, followsViewport } from './widget-dimensions.js';

/** How far one arrow key moves a movable floating widget, in CSS pixels; with Shift, `LARGE`. */
const KEY_STEP = { SMALL: 10, LARGE: 50 } as const;
const KEY_DIRECTIONS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Where a widget shows: `@pexip/plugin-api`'s widget types. */
export type PluginWidgetType = 'sidePanel' | 'floating';

/**
 * A Web App 3 plugin's widget (`ui:widget:add`): a side panel at the page's edge or a floating
 * box, titled, with a close button, showing the widget's page (the frame given as its child).
 * It shows while `open`. The close button (its accessible name says which widget it closes)
 * and, on a floating one, Escape ask it to close with `pex-widget-close`; it closes unless a
 * listener prevents that (the host does, and decides as the plugin asked). Focus that was in
 * it when it closes goes back to where it was before it opened.
 *
 * Its frame stays in it while it is closed: the widget's page keeps running, as its plugin
 * expects, and shows again as it was.
 *
 * @tagname pex-plugin-widget
 * @summary A plugin's widget: a side panel or a floating box showing the widget's page.
 *
 * @slot - The widget's frame.
 *
 * @attr type - `sidePanel` or `floating`.
 * @attr position - A floating widget's place: `topLeft`, `topRight`, `bottomLeft`, `bottomRight` (the default) or `center`.
 * @attr open - Present while it shows.
 * @attr movable - A floating widget the user may move: by dragging its header, or with the arrow keys on its move button (Shift: larger steps).
 *
 * @event pex-widget-close - The user asked it to close (its close button, or Escape on a floating one). Cancelable. `detail: {trigger: 'headerCloseButton'}`
 *
 * @csspart panel - The box: the side panel or the floating widget.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart move-button - A movable floating widget's move button: the arrow keys on it move the box.
 * @csspart close-button - The close button.
 * @csspart body - Where the widget's frame shows.
 *
 * @cssprop --pex-widget-background - Background (default the dialogs' `--pex-color-dialog`, else white).
 * @cssprop --pex-widget-color - Text color of the header.
 * @cssprop --pex-widget-border - Border.
 * @cssprop --pex-widget-shadow - Box shadow.
 * @cssprop --pex-widget-header-background - The title row's background.
 * @cssprop --pex-widget-header-color - The title row's text color.
 * @cssprop --pex-widget-frame-background - Behind the widget's page.
 * @cssprop --pex-widget-position - CSS `position` of the box (default `fixed`, over the page).
 * @cssprop --pex-widget-z-index - Its stacking order.
 * @cssprop --pex-widget-panel-width - A side panel's width.
 * @cssprop --pex-widget-panel-top - A side panel's distance from the top (below an app's header).
 * @cssprop --pex-widget-panel-bottom - A side panel's distance from the bottom (above an app's toolbar).
 * @cssprop --pex-widget-panel-radius - A side panel's corner radius.
 * @cssprop --pex-widget-width - A floating widget's width when its plugin gives none.
 * @cssprop --pex-widget-height - A floating widget's height when its plugin gives none.
 * @cssprop --pex-widget-offset - A floating widget's distance from the edges at its position.
 * @cssprop --pex-widget-radius - A floating widget's corner radius.
 * @cssprop --pex-focus-ring - Outline of the focused close button.
 */
export class PexPluginWidget extends LitElement {
  static override styles = pluginWidgetStyles;

  static override properties = {
    heading: { type: String },
    type: { type: String, reflect: true },
    position: { type: String, reflect: true },
    open: { type: Boolean, reflect: true },
    movable: { type: Boolean, reflect: true },
    dimensions: { attribute: false },
  };

  /** Its title (the widget's `title`): the header's text and the box's accessible name. */
  declare heading: string;
  declare type: PluginWidgetType;
  declare position: FloatingWidgetPosition;
  declare open: boolean;
  declare movable: boolean;
  /** A floating widget's width and height (CSS lengths, or by breakpoint, as `@pexip/plugin-api` gives them). */
  declare dimensions: FloatingWidgetDimensions | undefined;

  /** Where focus was before it opened, to go back to when it closes with focus inside. */
  #returnFocus: HTMLElement | null = null;
  /** How far the user moved it from its position, in CSS pixels. */
  #moved = { x: 0, y: 0 };
  #drag: { pointerId: number; startX: number; startY: number; from: { x: number; y: number } } | undefined;
  #followingViewport = false;

  readonly #onResize = () => this.requestUpdate();

  constructor() {
    super();
    this.heading = '';
    this.type = 'sidePanel';
    this.position = 'bottomRight';
    this.open = false;
    this.movable = false;
    this.dimensions = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#followViewport(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open')) {
      if (this.open) {
        const active = deepActiveElement(this.ownerDocument);
        this.#returnFocus = active && !this.#holds(active) ? active : null;
      } else if (changed.get('open') === true) {
        this.#giveFocusBack();
      }
    }
    if (changed.has('dimensions') || changed.has('type')) this.#followViewport(this.type === 'floating' && followsViewport(this.dimensions));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#followViewport(this.type === 'floating' && followsViewport(this.dimensions));
  }

  /** Asks it to close, as its close button does. */
  requestClose(): void {
    if (this.dispatchEvent(createPexWidgetCloseEvent())) this.open = false;
  }

  #holds(element: Element): boolean {
    return this.contains(element) || this.renderRoot.contains(element);
  }

  #giveFocusBack(): void {
    const active = deepActiveElement(this.ownerDocument);
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (active && this.#holds(active) && target?.isConnected) target.focus();
  }

  /** A breakpoint map's lengths change with the viewport: the widget listens to resizes only while it has one. */
  #followViewport(follow: boolean): void {
    const view = this.ownerDocument.defaultView;
    if (!view || follow === this.#followingViewport) return;
    this.#followingViewport = follow;
    if (follow) view.addEventListener('resize', this.#onResize);
    else view.removeEventListener('resize', this.#onResize);
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || this.type !== 'floating') return;
    event.preventDefault();
    event.stopPropagation();
    this.requestClose();
  };

  readonly #onPointerDown = (event: PointerEvent) => {
    if (!this.movable || this.type !== 'floating' || event.button !== 0) return;
    // The close button is for clicking; the move button may also be dragged.
    if ((event.target as Element).closest('button:not(.move)')) return;
    const header = event.currentTarget as HTMLElement;
    header.setPointerCapture(event.pointerId);
    this.#drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, from: { ...this.#moved } };
  };

  readonly #onPointerMove = (event: PointerEvent) => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.#moved = { x: drag.from.x + event.clientX - drag.startX, y: drag.from.y + event.clientY - drag.startY };
    this.requestUpdate();
  };

  readonly #onPointerUp = (event: PointerEvent) => {
    if (this.#drag?.pointerId === event.pointerId) this.#drag = undefined;
  };

  /** The move button's keys: what a drag does, for those who do not use a pointer. */
  readonly #onMoveKey = (event: KeyboardEvent) => {
    const direction = KEY_DIRECTIONS[event.key];
    if (!direction || !this.movable || this.type !== 'floating') return;
    event.preventDefault();
    const step = event.shiftKey ? KEY_STEP.LARGE : KEY_STEP.SMALL;
    this.#moved = { x: this.#moved.x + direction[0] * step, y: this.#moved.y + direction[1] * step };
    this.requestUpdate();
  };

  #boxStyle(): string | typeof nothing {
    if (this.type !== 'floating') return nothing;
    const view = this.ownerDocument.defaultView;
    const viewport = { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
    const width = dimensionAt(this.dimensions?.width, viewport);
    const height = dimensionAt(this.dimensions?.height, viewport);
    const rules = [width && `width: ${width}`, height && `height: ${height}`, (this.#moved.x || this.#moved.y) && `translate: ${this.#moved.x}px ${this.#moved.y}px`];
    const style = rules.filter(Boolean).join('; ');
    return style || nothing;
  }

  protected override render() {
    const floating = this.type === 'floating';
    return html`<section
      part="panel"
      class="panel"
      role=${floating ? 'dialog' : 'region'}
      aria-labelledby="title"
      style=${this.#boxStyle()}
      @keydown=${this.#onKeyDown}
    >
      <header
        part="header"
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerUp}
      >
        <h2 id="title" part="title">${this.heading}</h2>
        ${floating && this.movable
          ? html`<button part="move-button" class="move" type="button" aria-label=${`Move ${this.heading}`} aria-describedby="move-hint" @keydown=${this.#onMoveKey}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v18M3 12h18M12 3l-3 3M12 3l3 3M12 21l-3-3M12 21l3-3M3 12l3-3M3 12l3 3M21 12l-3-3M21 12l-3 3" /></svg>
            </button>
            <span id="move-hint" hidden>Arrow keys move it; Shift and an arrow key move it further.</span>`
          : nothing}
        <button part="close-button" class="close" type="button" aria-label=${`Close ${this.heading}`} @click=${() => this.requestClose()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </header>
      <div part="body" class="body"><slot></slot></div>
    </section>`;
  }
}
