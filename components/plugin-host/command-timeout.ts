/** How long a plugin's command waits for its answer unless the host's `command-timeout` says otherwise. */
export const DEFAULT_COMMAND_TIMEOUT = 10_000;
