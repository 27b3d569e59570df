/**
 * The files `pex-plugins new` writes for a plugin: its package file, its source (a classic
 * script that teaches the plugin contract in its comments) and its icon.
 */
import type { MenuLocation } from '../../../src/config/types.js';

export interface NewPlugin {
  /** The folder name and the plugin id: lowercase letters, digits and dashes. */
  name: string;
  location: MenuLocation;
}

/** `my-plugin` → `My plugin`: the plugin's name and its menu item's label. */
export function titleOf(name: string): string {
  const words = name.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `my-plugin` → `runMyPlugin`: the menu item's action, never a reserved word. */
export function actionOf(name: string): string {
  return `run${name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;
}

export const packageFileName = (name: string) => `${name}.plugin.package.json`;
export const sourceFileName = (name: string) => `${name}.plugin.js`;
export const iconFileName = (name: string) => `${name}.svg`;

export function packageFile({ name, location }: NewPlugin): string {
  const file = {
    id: name,
    name: titleOf(name),
    description: `${titleOf(name)}: made with pex-plugins new; say here what it does.`,
    version: '1.0.0',
    srcURL: sourceFileName(name),
    allowUnload: true,
    menuItems: {
      [location]: [{ icon: `${iconFileName(name)}#${name}`, label: titleOf(name), action: actionOf(name) }],
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What the menu item's action receives, by where the item is (the host's menus pass these). */
const ACTION_ARGUMENTS: Record<MenuLocation, { params: string; doc: string; body: string }> = {
  toolbar: {
    params: 'participants, conferenceDetails',
    doc: [
      ' * A toolbar button\'s action receives the participants and the conference details as they are',
      ' * when it is clicked.',
      ' * @param {readonly PEX.Participant[]} participants everyone in the conference ({uuid, name, role, buzzTime, ...})',
      ' * @param {PEX.ConferenceDetails} conferenceDetails {locked, guestsMuted, chatEnabled, mediaType, started}',
    ].join('\n'),
    body: [
      '    var raised = participants.filter(function (participant) {',
      '      return participant.buzzTime > 0;',
      '    }).length;',
      "    showInfo('There are ' + participants.length + ' participants; ' + raised + ' with a raised hand.' +",
      "      (conferenceDetails.locked ? ' The conference is locked.' : ''));",
    ].join('\n'),
  },
  conference: {
    params: 'conferenceDetails',
    doc: [
      ' * A conference menu item\'s action receives the conference details as they are when it is chosen.',
      ' * @param {PEX.ConferenceDetails} conferenceDetails {locked, guestsMuted, chatEnabled, mediaType, started}',
    ].join('\n'),
    body: [
      "    showInfo('The conference is ' + (conferenceDetails.locked ? 'locked' : 'not locked') +",
      "      ' and guests are ' + (conferenceDetails.guestsMuted ? 'muted.' : 'not muted.'));",
    ].join('\n'),
  },
  participants: {
    params: 'participant',
    doc: [
      ' * A participant menu item\'s action receives the participant whose menu it is.',
      ' * @param {PEX.Participant} participant {uuid, name, role, muted, buzzTime, ...}',
    ].join('\n'),
    body: [
      "    showInfo(participant.name + ' is a ' + participant.role + (participant.muted ? ' and is muted.' : '.'));",
    ].join('\n'),
  },
};

export function sourceFile({ name, location }: NewPlugin): string {
  const action = actionOf(name);
  const title = titleOf(name);
  const { params, doc, body } = ACTION_ARGUMENTS[location];
  return `// @ts-check
/// <reference types="pex-plugin-host/plugin-api" />
/*
 * ${title}: a plugin for the Pexip Connect app (webapp2), made with \`pex-plugins new\`.
 *
 * The app loads this file as a classic <script> (not a module), so everything lives inside a
 * function that runs at once: nothing leaks into the page's global scope. The file must call
 * PEX.pluginAPI.registerPlugin with the id of its package file (${packageFileName(name)}),
 * and with every function that the package file's menu items name as their "action".
 *
 * Try it: \`npx pex-plugins dev .\` in the branding folder runs it in the playground and reloads it
 * on every save; \`npx pex-plugins validate .\` checks the folder before it is uploaded.
 */
(function () {
  // The menu item's look. Whatever is put on state$ last ({label, icon}) is what the ${location}
  // shows; the package file's label and icon are used until then.
  var state$ = PEX.pluginAPI.createNewState({});

  // Every subscription made in load, so that unload can end them all.
  /** @type {PEX.Unsubscribable[]} */
  var subscriptions = [];

  /**
   * Called when the plugin is loaded (at start-up, or when the user turns it on in
   * Settings > Plugins), with the conference as two streams. Subscribe here; the streams
   * give their current value at once and then every change.
   * @param {PEX.ParticipantsObservable} participants$ the participants, an array each time anyone joins, leaves or changes
   * @param {PEX.ConferenceDetailsObservable} conferenceDetails$ the conference's details: {locked, guestsMuted, chatEnabled, mediaType, started}
   */
  function load(participants$, conferenceDetails$) {
    subscriptions.push(
      participants$.subscribe(function (participants) {
        state$.next({ label: '${title} (' + participants.length + ')' });
      }),
    );
    subscriptions.push(
      conferenceDetails$.subscribe(function (details) {
        // The guide's advice: act once the conference has started (it may already have).
        if (details.started) console.info('${name}: the conference has started');
      }),
    );
  }

  /**
   * Called when the plugin is unloaded (the user turned it off, or the app is leaving). Undo
   * what load did: the host also ends the subscriptions it handed out, but a plugin that
   * cleans up after itself can be loaded again safely.
   */
  function unload() {
    subscriptions.forEach(function (subscription) {
      subscription.unsubscribe();
    });
    subscriptions = [];
  }

  /**
   * The ${location} menu item's action (its "action" in the package file).
${doc}
   */
  function ${action}(${params}) {
${body}
  }

  /**
   * A dialog with a title and a body. The body is HTML: put only text you trust in it.
   * @param {string} text
   */
  function showInfo(text) {
    var body = document.createElement('p');
    body.textContent = text;
    PEX.pluginAPI.openTemplateDialog({ title: '${title}', body: body.outerHTML });
  }

  PEX.pluginAPI.registerPlugin({
    id: '${name}',
    load: load,
    unload: unload,
    ${action}: ${action},
    state$: state$,
  });
})();
`;
}

export function iconFile({ name }: NewPlugin): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" id="${name}" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2zm0-8h-2V7h2z"/></svg>\n`;
}
