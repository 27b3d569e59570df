/**
 * The connection banner: what the host's `pex-connection-state` says, in words, in a live
 * region (role="status") above the page. It stays in the page and is only emptied when the
 * connection is up, so a screen reader announces each new state as the text changes (a region
 * shown and filled at the same moment is often not read).
 */
import type { PexEventDetails } from '../../components/index.js';

type ConnectionStateDetail = PexEventDetails['pex-connection-state'];

/** The banner's words for a state; '' when there is nothing to say. */
export function connectionBannerText(detail: ConnectionStateDetail): string {
  switch (detail.state) {
    case 'reconnecting':
      return 'Reconnecting…';
    case 'offline':
      return 'Offline: waiting for the network';
    case 'disconnected':
      return `Disconnected: ${detail.reason ?? 'the call ended'}`;
    default:
      return '';
  }
}

/** Shows the host's connection state in `banner` from now on. */
export function showConnectionState(host: HTMLElement, banner: HTMLElement): void {
  host.addEventListener('pex-connection-state', (event) => {
    const { detail } = event;
    banner.textContent = connectionBannerText(detail);
    banner.dataset.state = detail.state;
  });
}
