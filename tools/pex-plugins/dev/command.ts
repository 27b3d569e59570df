/**
 * `pex-plugins dev <branding folder> [--port N]`: the playground. Serves the folder in the demo
 * client on the built-in Infinity simulator, and on every change reloads only the plugin whose
 * files changed, in the open page, without reloading it (the conference stays joined). A
 * change to settings.json or manifest.json restarts the plugin runtime: every plugin anew,
 * still without a page reload.
 */
import { resolve } from 'node:path';
import { readArgs, UsageError } from '../args.js';
import { brandingFolderProblem } from '../branding-folder.js';
import { changeOf } from './plugin-files.js';
import { playgroundFolder } from './playground-files.js';
import { PortBusy, startPlaygroundServer } from './server.js';
import { watchFolder } from './watch.js';

const USAGE = `Usage: pex-plugins dev <branding folder> [--port N]

Runs the folder's plugins in the playground: the demo conferencing client on the built-in
simulator, with an inspector. Saving a plugin's file reloads that plugin in the open page.

  <branding folder>   the webapp2 folder, holding manifest.json and settings.json
  --port N            the port to serve on (default: the first free one from 5174)`;

const DEFAULT_PORT = 5174;
/** Without --port, how many ports after the default are tried. */
const PORT_RANGE = 25;

export async function devCommand(args: string[]): Promise<number> {
  let folder: string;
  let port: number | undefined;
  try {
    const { positionals, values } = readArgs(args, { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the branding folder' : 'give one branding folder');
    folder = positionals[0] as string;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw new UsageError(`--port ${values.port}: give a port number from 1 to 65535`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`pex-plugins dev: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }

  const notBranding = brandingFolderProblem(folder);
  if (notBranding) {
    console.error(`pex-plugins dev: ${notBranding}.\nGive the webapp2 folder of a branding package, the one holding manifest.json and settings.json.`);
    return 2;
  }
  const page = playgroundFolder();
  if (!page) {
    console.error('pex-plugins dev: the playground page is missing from this installation (dist/playground/). Fix: reinstall pex-plugin-host.');
    return 2;
  }

  const brandingFolder = resolve(folder);
  let server;
  try {
    server = await startPlaygroundServer({
      brandingFolder,
      playgroundFolder: page,
      port: port ?? DEFAULT_PORT,
      tryNext: port === undefined ? PORT_RANGE : 0,
    });
  } catch (error) {
    if (error instanceof PortBusy) {
      console.error(`pex-plugins dev: ${error.message}.`);
      return 2;
    }
    throw error;
  }
  const playground = server;

  const watch = watchFolder(brandingFolder, (paths) => {
    const change = changeOf(brandingFolder, paths);
    const files = paths.join(', ');
    if (change.kind === 'branding') {
      console.log(`Changed ${files}: reloading the branding (every plugin).`);
      playground.notify('branding', { files: paths });
    } else if (change.kind === 'plugins') {
      console.log(`Changed ${files}: reloading ${change.ids.join(', ')}.`);
      playground.notify('plugins', { ids: change.ids, files: paths });
    } else {
      console.log(`Changed ${files}: no plugin's folder holds it; reload the page if it matters.`);
    }
  });

  console.log(`Playground: http://127.0.0.1:${playground.port}/`);
  console.log(`Watching:   ${brandingFolder} (served as custom_configuration/)`);
  console.log('            a plugin\'s file reloads that plugin; settings.json or manifest.json reloads every plugin.');
  console.log('Press Ctrl-C to stop.');

  return new Promise((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      watch.close();
      void playground.close().then(() => {
        console.log('Stopped.');
        done(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
