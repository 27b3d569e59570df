/**
 * Adds a plugin's entry to settings.json as an edit of its text (jsonc-parser's `modify`), so
 * the file keeps its indentation, its line endings and everything else in it.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';

export interface SettingsEntry {
  id: string;
  srcURL: string;
  enabled: boolean;
}

/** settings.json cannot take the entry; `message` says why and what to do. */
export class SettingsProblem extends Error {
  override name = 'SettingsProblem';
}

/** The ids of settings.json's plugin entries; throws SettingsProblem when the file cannot be read as settings. */
export function settingsIds(text: string): string[] {
  const plugins = pluginsNode(text);
  if (!plugins) return [];
  return (plugins.children ?? []).flatMap((entry) => {
    const id = findNodeAtLocation(entry, ['id']);
    return typeof id?.value === 'string' ? [id.value] : [];
  });
}

/** settings.json's text with `entry` appended to its `plugins` (made when there is none). */
export function withEntry(text: string, entry: SettingsEntry): string {
  const plugins = pluginsNode(text);
  const formattingOptions = { ...indentationOf(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
  const edits = plugins
    ? modify(text, ['plugins', plugins.children?.length ?? 0], entry, { isArrayInsertion: true, formattingOptions })
    : modify(text, ['plugins'], [entry], { formattingOptions });
  return applyEdits(text, edits);
}

function pluginsNode(text: string) {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const where = first ? ` (${printParseErrorCode(first.error)} at offset ${first.offset})` : '';
    throw new SettingsProblem(
      `settings.json is not valid JSON${where}. Fix: run \`pex-plugins validate .\` to see where, correct it, and run this again.`,
    );
  }
  if (root.type !== 'object') throw new SettingsProblem('settings.json is not a JSON object. Fix: make it {"plugins": [...]}.');
  const plugins = findNodeAtLocation(root, ['plugins']);
  if (plugins && plugins.type !== 'array') {
    throw new SettingsProblem('settings.json#/plugins is not an array. Fix: make it a list of {"id", "srcURL", "enabled"} entries.');
  }
  return plugins;
}

/** The file's own indentation: the first indented line's, else two spaces. */
function indentationOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (!indent) return { insertSpaces: true, tabSize: 2 };
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: indent.length };
}
