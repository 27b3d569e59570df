import '../components/index.js';
import type { ConferenceConnection, ConferenceDetails, Participant } from '../components/index.js';
import type { ParticipantRole, Platform } from '../src/config/types.js';
import { onCleanUp } from './cleanup.js';
import type { AutoAnswer } from './commands.js';
import { PluginHostHarness } from './harness.js';

/** How to mount a host for a test. */
export interface MountOptions {
  /**
   * The branding folder (holding manifest.json and settings.json), relative to the page:
   * `'/branding/'`. Unset: the host's default, `custom_configuration/` beside the page, where the
   * Connect app serves it (serve your folder at `/custom_configuration/` for plugins that fetch
   * their own files page-relative).
   */
  brandingUrl?: string;
  /** The user's role: plugins whose `participantRoles` leave it out do not load. Unset: either role (or the connection's). */
  role?: ParticipantRole;
  /** `web` (default), `electron`, `ios` or `android`: plugins whose `platforms` leave it out do not load. */
  platform?: Platform;
  /** App-driven mode: the roster plugins get on `participants$` (see `participant()`). */
  participants?: readonly Participant[];
  /** App-driven mode: the conference details plugins get on `conferenceDetails$`. */
  conference?: Partial<ConferenceDetails>;
  /** The user's own participant uuid (`PEX.selfUUID`). */
  selfUUID?: string;
  /** Connected mode: a conference connection, such as `await joinSimulator()`; it carries out the commands. */
  connection?: ConferenceConnection;
  /**
   * Answers every command at once with what it returns (a value or a promise; a throw or
   * rejection refuses with its message): `autoAnswer: (c) => (c.name === 'dialOut' ? ['uuid-1'] : null)`.
   * Without it (and without a connection) commands wait for `answer` / `refuse`.
   */
  autoAnswer?: AutoAnswer;
  /** How long a plugin's script may take to call registerPlugin, in ms (the host's default: 5000). */
  registerTimeout?: number;
  /** How long a command waits for an answer before it fails, in ms (the host's default: 10000). */
  commandTimeout?: number;
  /** Keep the user's plugin choices (Settings > Plugins) from earlier tests; by default each mount starts from settings.json. */
  keepChoices?: boolean;
  /** Wait until every enabled plugin has loaded or failed (default true). */
  settle?: boolean;
}

/**
 * Mounts `<pex-plugin-host>` on the test page with a `<pex-toolbar>`, a
 * `<pex-conference-menu>` and a `<pex-participant-menu>` inside, recording its events from
 * before it starts, and (unless `settle: false`) waits until its plugins have loaded or
 * failed. The host goes after the test (see cleanUp).
 *
 * ```js
 * const harness = await mountPluginHost({ brandingUrl: '/branding/', role: 'chair' });
 * (await harness.menuItem('Invite someone')).click();
 * ```
 */
export async function mountPluginHost(options: MountOptions = {}): Promise<PluginHostHarness> {
  if (!options.keepChoices) {
    for (const key of Object.keys(localStorage)) if (key.startsWith('pex-plugin-host:')) localStorage.removeItem(key);
  }
  const container = document.createElement('div');
  container.dataset.pexTestHarness = '';
  const host = document.createElement('pex-plugin-host');
  const harness = new PluginHostHarness(host, container, options.autoAnswer);
  onCleanUp(() => harness.remove());

  if (options.platform) host.setAttribute('platform', options.platform);
  if (options.role) host.setAttribute('participant-role', options.role);
  if (options.registerTimeout !== undefined) host.registerTimeout = options.registerTimeout;
  if (options.commandTimeout !== undefined) host.commandTimeout = options.commandTimeout;
  if (options.participants) host.participants = options.participants;
  if (options.conference) host.conference = options.conference;
  if (options.selfUUID !== undefined) host.selfUUID = options.selfUUID;
  if (options.connection) host.connection = options.connection;
  // Resolved as the host resolves it; '' stays '' (a host that reads no folder).
  if (options.brandingUrl !== undefined) {
    host.setAttribute('branding-url', options.brandingUrl && new URL(options.brandingUrl, document.baseURI).href);
  }
  host.innerHTML = '<pex-toolbar></pex-toolbar><pex-conference-menu></pex-conference-menu><pex-participant-menu></pex-participant-menu>';
  container.append(host);
  document.body.append(container);
  await host.updateComplete;
  if (options.settle !== false) await host.settled;
  return harness;
}
