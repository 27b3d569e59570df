/**
 * One page-wide listener for errors thrown by plugin code outside a host call: a plugin
 * source's top level (a syntax error included), its timers, its listeners, its unhandled
 * promise rejections. Each is offered to the runtimes, which claim the ones whose script
 * URL is theirs; a claimed error is the host's to report, so it is kept from the page's
 * later listeners (`window.onerror`, error trackers): the app did not crash.
 *
 * The browser calls window's error listeners in the order they were added, capture or
 * not, so this listener is installed as early as possible: when the library is imported.
 */
export interface ErrorClaimant {
  claimError(event: ErrorEvent): boolean;
  claimRejection(event: PromiseRejectionEvent): boolean;
}

const claimants = new Set<ErrorClaimant>();
let installed = false;

export function installErrorRouter(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener(
    'error',
    // A resource that failed to load also fires `error` here: only exceptions are claimed.
    claimWith<Event>((claimant, event) => event instanceof ErrorEvent && claimant.claimError(event)),
    true,
  );
  window.addEventListener(
    'unhandledrejection',
    claimWith<PromiseRejectionEvent>((claimant, event) => claimant.claimRejection(event)),
    true,
  );
}

/** A listener that offers the event to each claimant; a claimed one goes no further. */
function claimWith<E extends Event>(claim: (claimant: ErrorClaimant, event: E) => boolean): (event: E) => void {
  return (event) => {
    for (const claimant of claimants) {
      if (claim(claimant, event)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
    }
  };
}

export function addErrorClaimant(claimant: ErrorClaimant): void {
  installErrorRouter();
  claimants.add(claimant);
}

export function removeErrorClaimant(claimant: ErrorClaimant): void {
  claimants.delete(claimant);
}
