/**
 * `pex-plugins`: the plugin author's and the administrator's command.
 *
 *   pex-plugins validate <branding folder | branding .zip> [--json] [--previous <folder|zip>]
 *   pex-plugins dev <branding folder> [--port N]
 *   pex-plugins new <name> [--location toolbar|conference|participants]
 *
 * Each command lives in its own module, loaded only when it is asked for, and resolves to the
 * process's exit status: 0 done (warnings allowed), 1 problems found, 2 could not run.
 */
export const USAGE = `Usage: pex-plugins <command> [options]

Commands:
  validate <branding folder | .zip> [--json] [--previous <folder | .zip>]
                      check a webapp2 branding package before it is uploaded
  dev <branding folder> [--port N]
                      run the folder's plugins in the playground on the built-in simulator
  new <name> [--location toolbar|conference|participants]
                      add a plugin to the branding folder this is run in

Run pex-plugins <command> --help for a command's options.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate/command.js')).validateCommand,
  dev: async () => (await import('./dev/command.js')).devCommand,
  new: async () => (await import('./new/command.js')).newCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? console.error : console.log)(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(PACKAGE_VERSION);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`pex-plugins: there is no command "${name}".\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  return command(args);
}

/** Set by the build from package.json. */
declare const PACKAGE_VERSION: string;
