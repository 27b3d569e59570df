/**
 * When a chunk of the package does not load. The drop-in fetches the code of its rare paths
 * from the files beside it; a page that serves `pex-plugin-host.js` alone (or a network that
 * drops a request) leaves them out, and every place that imports one says so in these words.
 */

/** What to do about it. */
export const SERVE_ALL_FILES = "serve all of the package's files, not only pex-plugin-host.js";

/** An error's message, or the thrown value in words. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** "`what` did not load (the browser's reason)". */
export const notLoaded = (what: string, error: unknown): string => `${what} did not load (${reasonOf(error)})`;
