/**
 * What goes wrong with a Web App 3 plugin, in words an administrator can act on: which plugin,
 * what happened, and the fix. The host shows these where it shows a webapp2 plugin's errors.
 */

/** Where in a Web App 3 plugin's life the problem arose. */
export type Webapp3ProblemKind =
  /** Its manifest entry asks for a sandbox value the host refuses. */
  | 'sandbox'
  /** Its page never completed the `syn` handshake within the register timeout. */
  | 'handshake-timeout'
  /** Its entry cannot be turned into a frame (no id, no src). */
  | 'entry';

export class Webapp3Problem extends Error {
  constructor(
    /** The plugin's id, as its manifest entry names it. */
    readonly pluginId: string,
    readonly kind: Webapp3ProblemKind,
    /** What happened, without the plugin's name (the message adds it). */
    readonly what: string,
    /** What to change so that it works. */
    readonly fix: string,
  ) {
    super(`Web App 3 plugin "${pluginId}": ${what} Fix: ${fix}`);
    this.name = 'Webapp3Problem';
  }
}

/** A readable sentence for any thrown value, for a `failed` reply's reason: the one the runtime words plugin errors with. */
export { describeError as reasonOf } from '../runtime/plugin-error.js';
