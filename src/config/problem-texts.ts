/**
 * The words for the problems the host reports on rare paths: a file or an icon it refuses, a
 * branding file too big, a plugin that misuses the API, floods it, or gives its state$ values
 * the menus cannot use, storage that refuses the user's choices, a PexRTC member the facade
 * does not offer, a branding file that is missing, wrong or odd. They are loaded on first use (like the explanation of broken JSON), so a
 * page whose plugins behave never fetches them; the checks that find the problems are where
 * the problems happen.
 */
import { MAX_BRANDING_FILE_BYTES, type Diagnostic, type UrlRefusal } from './diagnostics.js';

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/** A branding file over the limit: how big (0: not known, it was read only up to the limit), and what to do. */
export function tooLargeText(what: string, bytes: number): Pick<Diagnostic, 'message' | 'fix'> {
  return {
    message: `${what} is ${bytes ? `${kb(bytes)}, over` : 'more than'} the ${kb(MAX_BRANDING_FILE_BYTES)} a branding file may be, so it is not used`,
    fix: 'keep it to its settings (a package file is a few KB): put large data in a file of its own that the plugin fetches',
  };
}

/** Why a URL is refused, and what to do, in words. */
export function refusalText(url: string, refusal: UrlRefusal): { why: string; fix: string } {
  if (refusal === 'invalid') return { why: `"${url}" is not a URL`, fix: 'give a path inside the branding folder' };
  const { protocol, origin } = new URL(url);
  if (refusal === 'scheme') {
    return { why: `it is a ${protocol} URL, which the host never loads`, fix: 'use a file of the plugin, e.g. "icon.svg#icon"' };
  }
  return {
    why: `it is on ${origin}, which is neither this page's origin nor the branding folder's`,
    fix: `put the file in the branding folder, or name the origin on the host if it is trusted: <pex-plugin-host allowed-origins="${origin}">`,
  };
}

/** How a value is named in a message: "a number", "an object", "null", "nothing". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** What each checked argument of the pluginAPI must be, by `<function> <argument>`. */
const EXPECTED: Record<string, string> = {
  'sendRequest path': 'the path must be a string such as "participants/<uuid>/mute"',
  'sendRequest payload': 'the payload must be an object such as {digits: "1234"}, or left out',
  'dialOut alias': 'the alias must be a string such as "sip:rec@example.com"',
  'disconnectParticipant uuid': "the uuid must be a participant's uuid (a string)",
  'spotlightOnParticipant uuid': "the uuid must be a participant's uuid (a string)",
  'spotlightOffParticipant uuid': "the uuid must be a participant's uuid (a string)",
  'transformConferenceLayout layout': 'the layout must be an object such as {layout: "4:0"}',
  'openTemplateDialog options': 'the options must be an object {title, body}',
  'openTemplateDialog title': 'the title must be a string',
  'openTemplateDialog body': 'the body must be a string of HTML',
  'getPluginMenuItem ids': 'the plugin id and the menu item id must be strings',
};

/** The problems a plugin is reported for, by kind; each names the plugin and the fix. */
export const pluginProblems = {
  misuse: (pluginId: string, call: string, argument: string, value: unknown) =>
    `PEX.pluginAPI.${call}: ${EXPECTED[`${call} ${argument}`] ?? `${argument} is of the wrong kind`}; plugin "${pluginId}" passed ${kindOf(value)}.`,
  dialogs: (pluginId: string, max: number) =>
    `openTemplateDialog: plugin "${pluginId}" has ${max} dialogs open, so this one does not open. Fix: close one (ref.close()) before opening the next.`,
  dialogScript: (pluginId: string) =>
    `openTemplateDialog: the body of plugin "${pluginId}" has a <script>, which does not run (the body is inserted as HTML). ` +
    'Fix: run that code from the plugin source, in openTemplateDialog(...).then(ref => ...).',
  commands: (pluginId: string, command: string, max: number) =>
    `${command}: plugin "${pluginId}" has ${max} commands waiting for an answer, so this one is not sent. ` +
    'Fix: wait for answers (the promise or the callback) before sending more.',
  removedDialog: (pluginId: string, owner: string) =>
    `Plugin "${pluginId}" removed the dialog of plugin "${owner}" from the page, so it closed. Fix: close only your own dialogs, with ref.close().`,
  loadTimeout: (ms: number) =>
    `The promise its load returned did not settle within ${ms} ms. Fix: resolve it once the plugin is ready (or return nothing).`,
  state: (pluginId: string, problem: StateProblem) => `Plugin "${pluginId}": its state$ ${stateText(problem)}`,
};

/** What is wrong with a value a plugin's state$ emitted (see readPluginState). */
export type StateProblem =
  | { kind: 'shape' | 'icon type' | 'label type'; value: unknown }
  | { kind: 'label length'; length: number; max: number }
  | { kind: 'icon'; url: string; refusal: UrlRefusal };

function stateText(problem: StateProblem): string {
  switch (problem.kind) {
    case 'shape':
      return `emitted ${kindOf(problem.value)}, not a state. Fix: emit {icon, label} or {[uuid]: {icon, label}}.`;
    case 'icon type':
      return `gave an icon that is ${kindOf(problem.value)}. Fix: give a file name such as "icon.svg#icon", or null.`;
    case 'label type':
      return `gave a label that is ${kindOf(problem.value)}. Fix: give text, or null.`;
    case 'label length':
      return `gave a label of ${problem.length.toLocaleString('en')} characters, cut to ${problem.max}. Fix: keep labels to a few words.`;
    case 'icon': {
      const { why, fix } = refusalText(problem.url, problem.refusal);
      return `gave the icon ${problem.url.slice(0, 100)}, which is not shown: ${why}. Fix: ${fix}`;
    }
  }
}

/** Why a storage call threw, in words: the two reasons browsers give, else the error's own name. */
function storageReason(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : String(error);
  if (name === 'QuotaExceededError') return 'it is full (QuotaExceededError)';
  if (name === 'SecurityError') return 'it is turned off for this page (SecurityError)';
  return name;
}

/** The console's words when the user's plugin choices cannot be kept, or were not choices. */
export const storageProblems = {
  refused: (error: unknown) =>
    `The choices made in Settings > Plugins cannot be kept: the browser's storage refused them, ${storageReason(error)}. ` +
    'They apply until the page closes.',
  garbage: (key: string, raw: string) =>
    `The stored plugin choices (localStorage "${key}") were not choices (${raw.slice(0, 60)}); ` +
    "what was not a plugin's on or off is dropped, and those plugins start from the branding's defaults.",
};

// window.PEX.pexrtc: what is reported of a member the facade does not offer.

/** The callbacks connected mode dispatches as actions, by PexRTC's name for them. */
const CALLBACK_ACTIONS: Readonly<Record<string, string>> = {
  onParticipantCreate: 'PexRTC: participant_create',
  onParticipantUpdate: 'PexRTC: participant_update',
  onParticipantDelete: 'PexRTC: participant_delete',
  onConferenceUpdate: 'PexRTC: conference_update',
  onChatMessage: 'PexRTC: chat_message',
};

const WHY = 'this host has no media call of its own (webapp2\'s PexRTC call object is a view of the conference here)';

/** What is reported of a member the facade does not offer: read, or set. */
export function describeUnsupported(pluginId: string, member: string, how: 'read' | 'set', known: boolean): { message: string; fix: string } {
  const who = pluginId ? `Plugin "${pluginId}"` : 'Code outside any plugin';
  const name = `${who} ${how === 'read' ? 'read' : 'set'} window.PEX.pexrtc.${member}`;
  if (/^on[A-Z]/.test(member)) {
    const action = CALLBACK_ACTIONS[member];
    return {
      message: `${name}, a PexRTC callback: ${WHY}, so its callbacks are never called; setting one is accepted and ignored, and reading one gives undefined.`,
      fix: action
        ? `Listen for the action instead: PEX.actions$.ofType('${action}').subscribe(action => ...), with the raw object as action.payload.`
        : 'Use PEX.actions$ and the participants$ and conferenceDetails$ that load() receives.',
    };
  }
  if (member === 'token' && how === 'read') {
    return {
      message: `${name}, PexRTC's conference token: the host keeps the token from plugins (SECURITY.md), so it reads as undefined.`,
      fix: 'Send the request with PEX.pluginAPI.sendRequest(path, payload): the host adds the token, and sends it to the conference only.',
    };
  }
  if (how === 'set') {
    return {
      message: known
        ? `${name}, which follows the conference and cannot be changed here: the assignment is ignored.`
        : `${name}: ${WHY}, so the assignment is ignored.`,
      fix: 'Leave PexRTC\'s settings to the client; for a media call of the plugin\'s own, load the Conferencing Node\'s pexrtc.js and use new PexRTC().',
    };
  }
  return {
    message: `${name}, which is not offered: ${WHY}, so it reads as undefined.`,
    fix:
      'Use what window.PEX.pexrtc offers (node, conference, conference_name, display_name, uuid, role, pin, chat_enabled, ' +
      'current_service_type, version and the conference commands) or PEX.pluginAPI; for a media call of the plugin\'s own, ' +
      'load the Conferencing Node\'s pexrtc.js and use new PexRTC().',
  };
}

// Branding files: what is wrong with one that is read, and what to do.

type Words = Pick<Diagnostic, 'message' | 'fix'>;

/** The fix for a branding file the server does not have (a 404), by file. */
const MISSING_FILE_FIXES = {
  manifest: 'put a manifest.json with "isSettingsBranded": true and a "brandingID" in the branding folder; without it no plugin is used',
  settings: 'put a settings.json with a "plugins" list in the branding folder',
} as const;

/** Fields of a package whose text the host cuts, and what to do about a long one. */
const TEXT_FIXES = {
  name: 'keep the name to a few words, and say more in "description"',
  label: 'keep the label to a few words',
  version: 'give a version number such as "1.2.3"',
  description: 'keep the description to a few sentences',
} as const;

export const brandingProblems = {
  /** `file`: a branding file by its role, or the package file of a plugin (its entry in settings.json). */
  notLoaded: (what: string, status: string, url: string, file: keyof typeof MISSING_FILE_FIXES | { id: string; srcURL: string; settingsUrl: string }): Words => ({
    message: `${what} could not be loaded: ${status} from ${url}`,
    fix:
      typeof file === 'string'
        ? MISSING_FILE_FIXES[file]
        : `check "srcURL": "${file.srcURL}" of plugin "${file.id}" in ${file.settingsUrl}; it is relative to the branding folder`,
  }),
  unreachable: (where: string, url: string, reason: string): Words => ({
    message: `${where} could not be reached: fetching ${url} failed (${reason})`,
    fix: 'check that the server is up and the URL is right; a server on another origin must allow this page with CORS',
  }),
  notSettingsBranded: (current: string): Words => ({
    message: `isSettingsBranded is ${current}, so the plugins in settings.json are not used`,
    fix: 'set "isSettingsBranded": true and change "brandingID" to a new value, so that clients pick up the new settings',
  }),
  noBrandingID: (): Words => ({
    message: 'there is no brandingID, so clients cannot tell this branding from an earlier one and may run cached plugin files',
    fix: 'add "brandingID" with a new value (the branding portal writes a timestamp) every time the branding is uploaded',
  }),
  notEnabled: (message: string) => `${message}; the plugin is treated as not enabled`,
  noPluginsList: (): Words => ({
    message: 'settings.json has no "plugins" list, so there are no plugins to load',
    fix: 'add "plugins": [{"id": ..., "srcURL": ..., "enabled": true}] to list the plugins',
  }),
  duplicateId: (id: string, first: number): Words => ({
    message: `the id "${id}" is already used by plugins[${first}], so this entry is skipped`,
    fix: 'give each plugin its own id, the one its package file and its registerPlugin call use',
  }),
  packageNotRead: (packageUrl: string, pluginId: string, why: string) => `the package file ${packageUrl} of plugin "${pluginId}" is not read: ${why}`,
  idMismatch: (packageId: string, settingsId: string, settingsUrl: string, packageUrl: string): Words => ({
    message: `the package id "${packageId}" differs from the id "${settingsId}" that ${settingsUrl} gives it`,
    fix: `use one id in settings.json, in ${packageUrl} and in the plugin's registerPlugin call`,
  }),
  sourceNotLoaded: (scriptUrl: string, why: string) => `the plugin source ${scriptUrl} is not loaded: ${why}`,
  iconNotUsed: (icon: string, why: string) => `the icon ${icon.slice(0, 100)} is not used: ${why}`,
  textCut: (field: keyof typeof TEXT_FIXES, length: number, limit: number): Words => ({
    message: `the ${field} is ${length.toLocaleString('en')} characters long, so only its first ${limit.toLocaleString('en')} are shown`,
    fix: TEXT_FIXES[field],
  }),
  menuLocations: (used: readonly string[]): Words => ({
    message: `the package has menu items in ${used.length} locations (${used.join(', ')}), but the plugin guide allows one; this host shows them all, the Connect app would not work with this package`,
    fix: `keep the items of one location (${used.join(' or ')}) and move the others to a package of their own`,
  }),
};

// The plugin runtime: a plugin that breaks the contract of its load, its menu items or its switch.

export const runtimeProblems = {
  registrationTimeout: (scriptUrl: string, ms: number, pluginId: string) =>
    `The plugin source ${scriptUrl} ran but did not call PEX.pluginAPI.registerPlugin within ` +
    `${ms} ms. Fix: call registerPlugin({id: '${pluginId}', load, unload, ...}) in the source.`,
  noAction: (pluginId: string, action: string, location: string) =>
    `Plugin "${pluginId}" has no function "${action}" for its ${location} menu item. ` +
    `Fix: pass it to registerPlugin, e.g. registerPlugin({id, load, unload, ${action}: ${action}}).`,
  cannotUnload: (pluginId: string) => `plugin "${pluginId}" cannot be unloaded: its package file says "allowUnload": false.`,
};
