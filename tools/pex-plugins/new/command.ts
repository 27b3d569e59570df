/**
 * `pex-plugins new <name> [--location toolbar|conference|participants]`: adds a plugin to the
 * branding folder it is run in: `plugins/<name>/` with its package file, source and icon, and
 * its entry in settings.json. It writes nothing when anything stands in the way.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_LOCATIONS, type MenuLocation } from '../../../src/config/types.js';
import { readArgs, UsageError } from '../args.js';
import { brandingFolderProblem } from '../branding-folder.js';
import { SettingsProblem, settingsIds, withEntry } from './settings-entry.js';
import { actionOf, iconFile, iconFileName, packageFile, packageFileName, sourceFile, sourceFileName, titleOf } from './templates.js';

const USAGE = `Usage: pex-plugins new <name> [--location toolbar|conference|participants]

Run in a branding folder (the webapp2 folder, holding manifest.json and settings.json). Writes
plugins/<name>/ (package file, source, icon) and adds the plugin to settings.json.

  <name>        the plugin's folder and id: lowercase letters, digits and dashes, starting with a letter
  --location    where its menu item goes: toolbar (default), conference or participants`;

/** A safe folder name and plugin id, the same on every file system and in a URL. */
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 64;

class Refusal extends Error {}

export async function newCommand(args: string[]): Promise<number> {
  try {
    const { positionals, values } = readArgs(args, { location: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'give the new plugin a name' : `one name only, not ${positionals.length}`);
    const [name] = positionals as [string];
    const location = values.location ?? 'toolbar';
    if (!(MENU_LOCATIONS as readonly string[]).includes(location)) {
      throw new UsageError(`--location ${location}: use one of ${MENU_LOCATIONS.join(', ')}`);
    }
    createPlugin(process.cwd(), name, location as MenuLocation);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`pex-plugins new: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Refusal || error instanceof SettingsProblem) {
      console.error(`pex-plugins new: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

function createPlugin(folder: string, name: string, location: MenuLocation): void {
  const notBranding = brandingFolderProblem(folder);
  if (notBranding) {
    throw new Refusal(
      `${notBranding}.\nRun it in the webapp2 folder of a branding package, the one holding manifest.json and settings.json:\n` +
        `  cd path/to/webapp2 && npx pex-plugins new ${NAME.test(name) ? name : 'my-plugin'}`,
    );
  }
  if (!NAME.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new Refusal(
      `"${name}" cannot be a plugin name: use lowercase letters (a-z), digits and single dashes between them, starting with a letter, ` +
        `at most ${MAX_NAME_LENGTH} characters (e.g. "raise-hand-2"). It is the plugin's folder and id.`,
    );
  }
  const pluginFolder = join(folder, 'plugins', name);
  if (existsSync(pluginFolder)) throw new Refusal(`plugins/${name} exists already. Pick another name, or remove that folder first.`);
  const settingsPath = join(folder, 'settings.json');
  const settingsText = readFileSync(settingsPath, 'utf8');
  if (settingsIds(settingsText).includes(name)) {
    throw new Refusal(`settings.json has a plugin with the id "${name}" already. Pick another name, or remove that entry first.`);
  }
  const entry = { id: name, srcURL: `plugins/${name}/${packageFileName(name)}`, enabled: true };
  const newSettings = withEntry(settingsText, entry);

  const plugin = { name, location };
  mkdirSync(pluginFolder, { recursive: true });
  try {
    writeFileSync(join(pluginFolder, packageFileName(name)), packageFile(plugin));
    writeFileSync(join(pluginFolder, sourceFileName(name)), sourceFile(plugin));
    writeFileSync(join(pluginFolder, iconFileName(name)), iconFile(plugin));
    writeFileSync(settingsPath, newSettings);
  } catch (error) {
    // Half a plugin is worse than none: take back what was written.
    rmSync(pluginFolder, { recursive: true, force: true });
    writeFileSync(settingsPath, settingsText);
    throw error;
  }
  console.log(`Wrote plugins/${name}/ (${packageFileName(name)}, ${sourceFileName(name)}, ${iconFileName(name)}) and added "${name}" to settings.json.
Its ${location} menu item "${titleOf(name)}" calls ${actionOf(name)} in ${sourceFileName(name)}. Edit it and see it live:
  npx pex-plugins dev .
Check the folder before it is uploaded:
  npx pex-plugins validate .`);
}
