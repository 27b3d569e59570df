import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Roving tabindex: one item of a toolbar or menu is in the tab order, the arrow keys (and
 * Home/End) move focus among the items, as the ARIA practices describe for both.
 */
export class RovingFocus implements ReactiveController {
  #active = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly orientation: 'horizontal' | 'vertical',
    private readonly items: () => HTMLElement[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** 0 for the item that takes focus from Tab, -1 for the rest. */
  tabIndexFor(index: number, count: number): 0 | -1 {
    return index === Math.min(this.#active, Math.max(count - 1, 0)) ? 0 : -1;
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    const index = this.items().indexOf(event.target as HTMLElement);
    if (index >= 0 && index !== this.#active) {
      this.#active = index;
      this.host.requestUpdate();
    }
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const items = this.items();
    if (items.length === 0) return;
    const current = Math.min(this.#active, items.length - 1);
    const [back, forward] = this.orientation === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    let next: number;
    switch (event.key) {
      case back:
        next = (current - 1 + items.length) % items.length;
        break;
      case forward:
        next = (current + 1) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.#active = next;
    this.host.requestUpdate();
    items[next]?.focus();
  };
}
