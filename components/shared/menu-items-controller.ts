import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { map } from 'rxjs';
import type { MenuLocation } from '../../src/config/types.js';
import type { MenuItemView } from '../../src/runtime/menu-items.js';
import { pluginHostContext, type PluginHostContext } from '../context.js';
import { ObserveController } from './observe-controller.js';

/**
 * The visible menu items of one location, from the nearest `<pex-plugin-host>`, kept up
 * to date while the element is connected.
 */
export class MenuItemsController {
  readonly #items: ObserveController<readonly MenuItemView[]>;
  #host: PluginHostContext | undefined;

  constructor(element: ReactiveControllerHost & HTMLElement, location: MenuLocation) {
    this.#items = new ObserveController<readonly MenuItemView[]>(element, []);
    new ContextConsumer(element, {
      context: pluginHostContext,
      subscribe: true,
      callback: (host) => {
        this.#host = host;
        this.#items.observe(
          host?.runtime.menuItems$.pipe(map((items) => items.filter((item) => item.location === location && !item.hidden))),
          [],
        );
      },
    });
  }

  get items(): readonly MenuItemView[] {
    return this.#items.value;
  }

  get host(): PluginHostContext | undefined {
    return this.#host;
  }

  invoke(item: MenuItemView, args: unknown[]): void {
    this.#host?.runtime.invokeMenuItem(item.key, args);
  }
}
