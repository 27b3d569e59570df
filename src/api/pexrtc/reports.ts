import type { PluginSandbox } from '../../runtime/plugin-sandbox.js';
import { problemTexts } from '../../config/diagnostics.js';
import { callingPlugin } from '../calling-plugin.js';

/** What has been reported, per plugin (per load of it) and member. */
const reported = new WeakMap<PluginSandbox | object, Set<string>>();
/** Stands for code no plugin can be named for (the page's own, the console). */
const unnamed = {};

/**
 * Reports once per plugin and member that the facade does not offer it: a `pex-diagnostic`
 * from the plugin's host and a console warning.
 */
export function reportUnsupported(member: string, how: 'read' | 'set', known = false): void {
  const { sandbox, runtime } = callingPlugin();
  const key = sandbox ?? unnamed;
  let members = reported.get(key);
  if (!members) reported.set(key, (members = new Set()));
  if (members.has(member)) return;
  members.add(member);
  const pluginId = sandbox?.pluginId ?? '';
  // The words are in the chunk of rare problems' texts, fetched the first time one is needed.
  void problemTexts().then(({ describeUnsupported }) => {
    const problem = describeUnsupported(pluginId, member, how, known);
    if (runtime) runtime.reportPluginProblem(pluginId, problem);
    else console.warn(`[pex-plugin-host] ${problem.message} Fix: ${problem.fix}`);
  });
}
