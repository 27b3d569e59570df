/**
 * The demo client's markup: a conferencing page around `<pex-plugin-host>` (header with the
 * conference menu, stage, roster with the participant menu, chat, Settings > Plugins, the
 * toolbar) and the PIN dialog. The demo and the `pex-plugins dev` playground both draw it.
 * The two menus are native popovers (`popover`, opened by `popovertarget` buttons): the browser
 * closes them on an outside click or Escape and gives focus back to the button; the client
 * (conference-client.ts) places them by their button and moves focus into them.
 */
import { html, render } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface ClientMarkupOptions {
  /** The page's heading. */
  title: string;
  /** The branding folder, relative to the page; unset, the host's default: custom_configuration/ beside the page. */
  brandingUrl?: string;
}

export function renderClientMarkup(container: HTMLElement, { title, brandingUrl }: ClientMarkupOptions): void {
  render(
    html`
      <pex-plugin-host id="host" branding-url=${ifDefined(brandingUrl)} platform="web">
        <p id="connection-banner" class="connection-banner" role="status"></p>
        <header class="bar">
          <h1>${title}</h1>
          <p id="status" class="status" role="status"></p>
          <label class="role">
            Plugins for
            <select id="role">
              <option value="" selected>your role in the conference</option>
              <option value="chair">a host (chair)</option>
              <option value="guest">a guest</option>
            </select>
          </label>
          <button id="conference-menu-button" type="button" aria-haspopup="menu" popovertarget="conference-menu-panel">Conference ▾</button>
          <div id="conference-menu-panel" class="popover" popover role="group" aria-label="Conference" tabindex="-1">
            <pex-conference-menu label="Conference plugins"></pex-conference-menu>
          </div>
        </header>

        <main class="layout">
          <section class="stage" aria-label="Stage">
            <ul id="stage" class="tiles"></ul>
          </section>
          <aside class="sidebar">
            <h2 id="roster-title">Participants</h2>
            <ul id="roster" class="roster" aria-labelledby="roster-title"></ul>
            <div id="participant-menu-panel" class="popover" popover role="group" aria-labelledby="participant-menu-title" tabindex="-1">
              <p id="participant-menu-title" class="popover-title"></p>
              <pex-participant-menu label="Participant plugins"></pex-participant-menu>
            </div>
            <h2 id="chat-title">Chat</h2>
            <ul id="chat-log" class="chat-log" aria-labelledby="chat-title" aria-live="polite"></ul>
            <form id="chat-form" class="chat-form">
              <input id="chat-input" aria-label="Message" placeholder="Say something" autocomplete="off" />
              <button type="submit">Send</button>
            </form>
            <details class="plugin-settings">
              <summary>Plugins (Settings &gt; Plugins)</summary>
              <pex-plugin-settings label="Plugins"></pex-plugin-settings>
            </details>
          </aside>
        </main>

        <footer class="bar toolbar-row">
          <button id="raise-hand" type="button" class="own-button" aria-pressed="false">Raise your hand</button>
          <button id="lock" type="button" class="own-button" aria-pressed="false">Lock the conference</button>
          <pex-toolbar label="Plugin toolbar"></pex-toolbar>
          <button id="leave" type="button" class="own-button leave">Leave</button>
        </footer>
      </pex-plugin-host>

      <dialog id="pin-dialog" aria-labelledby="pin-dialog-title">
        <form method="dialog">
          <h2 id="pin-dialog-title">PIN</h2>
          <p id="pin-dialog-text"></p>
          <input id="pin-input" aria-label="PIN" inputmode="numeric" autocomplete="off" autofocus />
          <div class="pin-buttons">
            <button value="cancel" formnovalidate>Cancel</button>
            <button value="join">Join</button>
          </div>
        </form>
      </dialog>
      <div id="notices" class="notices" role="status" aria-live="polite"></div>
    `,
    container,
  );
}
