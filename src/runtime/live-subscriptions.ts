import { Observable } from 'rxjs';

/** The streams the host hands out, by the name plugins and menus know them by. */
export type HandedOutStream =
  | 'participants$'
  | 'conferenceDetails$'
  | 'actions$'
  | 'state$'
  | 'close$'
  | 'viewInit$'
  | 'menuItems$'
  | 'plugins$'
  | 'loading$';

const live: Partial<Record<HandedOutStream, number>> = {};

/**
 * Subscriptions open on the host's streams right now, counted at the stream itself (not in a
 * plugin's sandbox, which unload discards): a subscription that unload forgot stays counted.
 * These streams, or all together. For leak checks.
 */
export function liveSubscriptionCount(...streams: HandedOutStream[]): number {
  let total = 0;
  for (const [stream, count] of Object.entries(live)) if (streams.length === 0 || streams.includes(stream as HandedOutStream)) total += count;
  return total;
}

/** Notes one subscription to `stream` opening; the returned function notes it ending (once). */
export function openSubscription(stream: HandedOutStream): () => void {
  live[stream] = (live[stream] ?? 0) + 1;
  let open = true;
  return () => {
    if (open) live[stream]! -= 1;
    open = false;
  };
}

/** `source`, with every subscription to it counted as `stream` while it lasts. */
export function countedStream<T>(source: Observable<T>, stream: HandedOutStream): Observable<T> {
  return new Observable<T>((subscriber) => {
    const close = openSubscription(stream);
    const inner = source.subscribe(subscriber);
    return () => {
      close();
      inner.unsubscribe();
    };
  });
}
