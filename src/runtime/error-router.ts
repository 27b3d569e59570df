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
    (event) => {
      if (!(event instanceof ErrorEvent)) return; // a resource failed to load: not an exception
      for (const claimant of claimants) {
        if (claimant.claimError(event)) {
          event.preventDefault();
          event.stopImmediatePropagation();
          return;
        }
      }
    },
    true,
  );
  window.addEventListener(
    'unhandledrejection',
    (event) => {
      for (const claimant of claimants) {
        if (claimant.claimRejection(event)) {
          event.preventDefault();
          event.stopImmediatePropagation();
          return;
        }
      }
    },
    true,
  );
}

export function addErrorClaimant(claimant: ErrorClaimant): void {
  installErrorRouter();
  claimants.add(claimant);
}

export function removeErrorClaimant(claimant: ErrorClaimant): void {
  claimants.delete(claimant);
}
