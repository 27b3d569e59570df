/**
 * Web App 3 plugins (`@pexip/plugin-api`) in this host: the parent side of their protocol.
 * A chunk of its own, loaded only when a branding lists Web App 3 plugins.
 */
export { Webapp3Host, type Webapp3HostOptions, type Webapp3Plugin, type Webapp3PluginStatus, type Webapp3StatusChange } from './webapp3-host.js';
export type { Webapp3PluginEntry } from './frame-host.js';
export type { ConferenceSource } from './conference-events.js';
export type { ExecuteCommand } from './conference-calls.js';
export type { IgnoredMessage, IgnoredReason } from './channel.js';
export { RpcRouter, failedReply, type RpcHandler, type RpcHandlers, type RpcContext } from './rpc-router.js';
export { Webapp3Problem, type Webapp3ProblemKind } from './problems.js';
export { ALLOWED_SANDBOX_VALUES } from './sandbox.js';
export { DEFAULT_REGISTER_TIMEOUT } from './handshake.js';
