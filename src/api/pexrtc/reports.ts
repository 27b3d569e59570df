import type { PluginSandbox } from '../../runtime/plugin-sandbox.js';
import { callingPlugin } from '../calling-plugin.js';

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

/** What has been reported, per plugin (per load of it) and member. */
const reported = new WeakMap<PluginSandbox | object, Set<string>>();
/** Stands for code no plugin can be named for (the page's own, the console). */
const unnamed = {};

/**
 * Reports once per plugin and member that the facade does not offer it: a `pex-diagnostic`
 * from the plugin's host and a console warning.
 */
export function reportUnsupported(member: string, how: 'read' | 'set', known = false): void {
  const { sandbox, runtime } = callingPlugin();
  const key = sandbox ?? unnamed;
  let members = reported.get(key);
  if (!members) reported.set(key, (members = new Set()));
  if (members.has(member)) return;
  members.add(member);
  const pluginId = sandbox?.pluginId ?? '';
  const problem = describeUnsupported(pluginId, member, how, known);
  if (runtime) runtime.reportPluginProblem(pluginId, problem);
  else console.warn(`[pex-plugin-host] ${problem.message} Fix: ${problem.fix}`);
}
