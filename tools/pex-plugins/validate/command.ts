/**
 * `pex-plugins validate <branding folder | branding .zip> [--json] [--previous <folder|zip>]`:
 * checks a webapp2 branding package before it is uploaded.
 */
import { readArgs, UsageError } from '../args.js';
import { CannotCheck, openBranding } from './branding-source.js';
import { checkPackage, type PackageCheck } from './check-package.js';
import { checkPrevious } from './previous.js';
import { countOf, jsonReport, textReport } from './report.js';

export const VALIDATE_USAGE = `Usage: pex-plugins validate <branding folder | branding .zip> [--json] [--previous <folder | .zip>]

Checks a webapp2 branding package before it is uploaded: the folder that holds manifest.json
and settings.json, or the .zip the branding portal or the Management Node makes (its webapp2/
folder at the top or one level down).

It applies the rules the plugin host applies when it loads the package (manifest.json,
settings.json, every plugin package file), then reads each plugin source without running it:
it must parse as a classic script, call PEX.pluginAPI.registerPlugin with the package's id, and
define the functions the menu items' actions name. Icons must be in the package, be SVG and
hold the #id they are referenced by. Files a source loads relative to the page
(custom_configuration/plugins/<folder>/...) should be in that plugin's folder (a warning).

Options:
  --json               print one JSON document on stdout instead of the text report
  --previous <path>    the package uploaded before (a folder or a .zip): an error when plugin
                       files changed but manifest.json's brandingID did not
  -h, --help           print this help

The report goes to stdout, one problem per line: the place (file:line:column, or
file#/json/pointer, relative to the package's webapp2 folder), the severity (error, warning,
info), what is wrong, and below it the fix; then "<path>: N errors, N warnings".
Only a package that cannot be checked at all is reported on stderr.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 could not check (no such path,
not a branding package, an unreadable zip, wrong options).`;

export async function validateCommand(args: string[]): Promise<number> {
  let options;
  try {
    options = readArgs(args, {
      json: { type: 'boolean' },
      previous: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`pex-plugins validate: ${error.message}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  if (options.values.help) {
    console.log(VALIDATE_USAGE);
    return 0;
  }
  const [path, ...extra] = options.positionals;
  if (path === undefined || extra.length > 0) {
    const problem = path === undefined ? 'give the branding folder or .zip to check' : `give one package to check, not ${options.positionals.length}`;
    console.error(`pex-plugins validate: ${problem}\n\n${VALIDATE_USAGE}`);
    return 2;
  }

  let check: PackageCheck;
  let previous: PackageCheck | null = null;
  try {
    check = await checkPackage(await openBranding(path));
    if (options.values.previous !== undefined) previous = await checkPackage(await openBranding(options.values.previous));
  } catch (error) {
    if (!(error instanceof CannotCheck)) throw error;
    console.error(`pex-plugins validate: ${error.message}`);
    return 2;
  }

  const diagnostics = [...check.diagnostics];
  if (previous) diagnostics.unshift(...(await checkPrevious(check, previous)));
  if (options.values.json) console.log(JSON.stringify(jsonReport(check, diagnostics, previous), null, 2));
  else console.log(textReport(check, diagnostics));
  return countOf(diagnostics).errors > 0 ? 1 : 0;
}
