import type { ErrorClaimant } from './error-router.js';
import { handlerEventPluginId } from './handler-events.js';
import type { PluginPhase } from './plugin-error.js';
import type { PluginRecord } from './plugin-record.js';

/**
 * Which plugin a call or a page error belongs to, when no host call is running to say so.
 * A classic script leaves three traces: the `<script>` element that is running
 * (`document.currentScript`, during its top level only), its URL in a call's stack, and its
 * URL as an error event's `filename`. Only plugins whose script is in the page count: an
 * unloaded plugin's URL may still be in a stray timer's stack, and must not be blamed.
 */

/**
 * Each plugin `<script>` element's record, set as the element is made: the running script is
 * looked up on every `registerPlugin` and `createNewState`, and a walk over every record for
 * each of them made a start cost the square of its plugins' number.
 */
const scriptOwners = new WeakMap<Element, PluginRecord>();

/** Notes that `script` is the element `record`'s source runs in. */
export function setRecordScript(record: PluginRecord, script: HTMLScriptElement): void {
  record.script = script;
  scriptOwners.set(script, record);
}

/** The plugin whose `<script>` element this is, among `records` (and still its script). */
export function recordByScript(records: ReadonlyMap<string, PluginRecord>, script: Element | null): PluginRecord | undefined {
  const record = script ? scriptOwners.get(script) : undefined;
  return record && record.script === script && records.get(record.id) === record ? record : undefined;
}

/** The plugin whose source URL is in this call stack. */
export function recordByStack(records: ReadonlyMap<string, PluginRecord>, stack: string): PluginRecord | undefined {
  if (!stack) return undefined;
  for (const record of records.values()) {
    if (record.script && record.pkg && stack.includes(record.pkg.scriptUrl)) return record;
  }
  return undefined;
}

/** The plugin whose source is this URL (an error event's `filename`). */
export function recordByUrl(records: ReadonlyMap<string, PluginRecord>, url: string): PluginRecord | undefined {
  if (!url) return undefined;
  for (const record of records.values()) if (record.script && record.pkg?.scriptUrl === url) return record;
  return undefined;
}

/** The plugin that registered with this id: `getPluginMenuItem` names plugins by the id their code gives. */
export function recordByRegisteredId(records: ReadonlyMap<string, PluginRecord>, id: string): PluginRecord | undefined {
  for (const record of records.values()) if (record.registered?.id === id) return record;
  return undefined;
}

/**
 * Claims the errors thrown by a plugin's own code outside a host call (its top level, timers,
 * listeners) for the runtime that loaded it. An error in a source's top level, before the
 * source has run, is kept on the record: the load fails on it, and it is reported once then.
 */
export function pluginErrorClaimant(
  records: ReadonlyMap<string, PluginRecord>,
  report: (record: PluginRecord, phase: PluginPhase, error: unknown) => void,
): ErrorClaimant {
  return {
    claimError: (event) => {
      // An inline handler in a plugin's dialog throws as the page's code: the dialog noted whose it is.
      const handlerPlugin = handlerEventPluginId();
      const record =
        recordByUrl(records, event.filename) ??
        (handlerPlugin !== undefined && event.filename === document.URL ? records.get(handlerPlugin) : undefined);
      if (!record?.sandbox) return false;
      const error: unknown = event.error ?? new Error(event.message);
      if (record.status === 'loading' && !record.scriptRan) {
        record.scriptError ??= error; // reported once, when the load fails on it
      } else {
        report(record, 'async', error);
      }
      return true;
    },
    claimRejection: (event) => {
      const stack = event.reason instanceof Error ? (event.reason.stack ?? '') : '';
      const record = recordByStack(records, stack);
      if (!record) return false;
      report(record, 'async', event.reason);
      return true;
    },
  };
}
