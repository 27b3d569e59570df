/**
 * The testing kit for plugin authors (`pex-plugin-host/testing`): browser tests of a branding
 * folder's plugins in a real `<pex-plugin-host>`, for @web/test-runner and @open-wc/testing.
 *
 * Mount a host on a branding folder, click a plugin's menu item by its label, fill and submit
 * its dialog, read the commands it sent and answer them, dispatch actions, wait for its state;
 * or join the Infinity simulator (`pex-plugin-host/testing/server`) and let the real connection
 * carry the commands out. Hosts and connections go after each test by themselves.
 */
export { mountPluginHost, type MountOptions } from './mount.js';
export { PluginHostHarness, type PluginState } from './harness.js';
export type { MenuItemHandle, MenuLocation, MenuOptions } from './menus.js';
export { DialogHandle, openDialogs, type DialogOptions } from './dialog.js';
export type { AutoAnswer, CommandHandler, RecordedCommand } from './commands.js';
export { joinSimulator, simulator, type JoinOptions, type SimulatedConference, type SimulatedParticipant } from './simulator.js';
export { participant } from './participants.js';
export { cleanUp } from './cleanup.js';
export { waitFor, defaultTimeout, type WaitOptions } from './wait.js';
