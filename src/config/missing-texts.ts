import { notLoaded, SERVE_ALL_FILES } from './missing-chunk.js';
import type * as ProblemTextsModule from './problem-texts.js';

type ProblemTexts = typeof ProblemTextsModule;

/** The names of the texts' functions that return an object (`{message, fix}`, `{why, fix}`), at any depth. */
type WordsFunctionName<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => string
    ? never
    : T[K] extends (...args: never[]) => object
      ? K
      : T[K] extends object
        ? WordsFunctionName<T[K]>
        : never;
}[keyof T];

/**
 * The functions whose words are an object, spread into a diagnostic or taken apart; every other
 * one gives a string (the words of an Error or a console line). Checked against the texts' own
 * types both ways, so a function added there that returns an object fails the build until it
 * is named here.
 */
const WORDS_FUNCTIONS = [
  'tooLargeText',
  'refusalText',
  'describeUnsupported',
  'notLoaded',
  'unreachable',
  'notSettingsBranded',
  'noBrandingID',
  'noPluginsList',
  'duplicateId',
  'idMismatch',
  'textCut',
  'menuLocations',
] as const satisfies readonly WordsFunctionName<ProblemTexts>[];
type Unnamed = Exclude<WordsFunctionName<ProblemTexts>, (typeof WORDS_FUNCTIONS)[number]>;
// An error here names a function of problem-texts.ts that returns an object and is not in WORDS_FUNCTIONS.
const everyWordsFunctionNamed: [Unnamed] extends [never] ? true : Unnamed = true;
void everyWordsFunctionNamed;

const WORDS = new Set<string>(WORDS_FUNCTIONS);

/** An argument as the message shows it: a string quoted, an error by its message. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value instanceof Error ? value.message : value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The texts' module, whatever it holds: every member a path further on, every call the words of
 * that path. A call says the problem by its name and facts (`pluginProblems.loadTimeout(10000)`)
 * and what to serve, in the shape that function's words come in.
 */
function textsAt(path: string, name: string): unknown {
  return new Proxy(() => undefined, {
    // Not a thenable: a promise resolves to it.
    get: (_, key) => (typeof key !== 'string' || key === 'then' ? undefined : textsAt(path ? `${path}.${key}` : key, key)),
    apply: (_, __, args: unknown[]) => {
      const message = `${path}(${args.map(shown).join(', ')}) (the words for this problem did not load)`;
      return WORDS.has(name) ? { message, why: message, fix: SERVE_ALL_FILES } : `${message}. Fix: ${SERVE_ALL_FILES}.`;
    },
  });
}

let said = false;

/**
 * Stands in for the problem texts' module when its chunk did not load (see `problemTexts` in
 * diagnostics.ts), and says so on the console once per page. The problem is still reported
 * where it belongs: a plugin still fails when its load times out, a diagnostic still names its
 * file; none is lost, or left waiting, for want of its words. The next problem asks for the
 * chunk again.
 */
export function missingTexts(error: unknown): ProblemTexts {
  if (!said) console.error(`[pex-plugin-host] ${notLoaded('the words for problems', error)}: ${SERVE_ALL_FILES}.`);
  said = true;
  return textsAt('', '') as ProblemTexts;
}
