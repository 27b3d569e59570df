import { Subject, type Observable } from 'rxjs';
import type { PexAction } from '../conference/types.js';
import { findCallingSandbox } from '../runtime/plugin-runtime.js';
import { GuardedObservable } from '../runtime/guarded-observable.js';
import { countedStream } from '../runtime/live-subscriptions.js';

/** Who put an action on the bus: the app (or connection) telling plugins, or a plugin asking the app. */
export type ActionSource = 'app' | 'plugin';

const bus = new Subject<{ action: PexAction; source: ActionSource }>();
const actionSubject = new Subject<PexAction>();

/**
 * `window.PEX.actions$`: every action, app's and plugins' alike, hot. Each subscription is
 * attributed to the plugin that makes it (found when it subscribes), guarded, and ended
 * when that plugin unloads.
 */
export const pluginActions$ = new GuardedObservable<PexAction>(countedStream(actionSubject.asObservable(), 'actions$'), findCallingSandbox);

/** Actions as they are dispatched, with where they came from (for the host's `pex-action` event). */
export const dispatchedActions$: Observable<{ action: PexAction; source: ActionSource }> = bus.asObservable();

export function dispatch(action: PexAction, source: ActionSource): void {
  if (typeof action !== 'object' || action === null || typeof action.type !== 'string') {
    throw new TypeError(`dispatchAction expects an action {type: string, payload?}; got ${JSON.stringify(action)}.`);
  }
  bus.next({ action, source });
  actionSubject.next(action);
}
