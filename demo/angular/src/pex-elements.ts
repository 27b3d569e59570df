/**
 * The pex-* elements for this Angular app, and the types its templates' handlers use.
 *
 * The elements come from the project's drop-in build, `dist/pex-plugin-host.js` (`npm run
 * build`), the file a client app ships or installs: importing it defines every pex-* element
 * and installs `window.PEX`. It is imported before `bootstrapApplication`, so Angular creates
 * upgraded elements and its property bindings reach the elements' own setters.
 *
 * Types only (erased at build time) come from the sources: `components/events.ts` and
 * `src/conference/types.ts`.
 */
import '../../../dist/pex-plugin-host.js';
import type { PexEventDetails } from '../../../components/events.js';

export type { PexCommandDetail, PexEventDetails } from '../../../components/events.js';
export type { ConferenceDetails, Participant, PexAction } from '../../../src/conference/types.js';

/**
 * A pex-* event as an Angular handler receives it: `(pex-command)="onCommand($event)"` with
 * `onCommand(event: PexCommandEvent)`. Angular does not know these events' types (in JIT mode
 * templates are not type-checked at all), so the handler names them.
 */
export type PexElementEvent<K extends keyof PexEventDetails> = CustomEvent<PexEventDetails[K]>;
export type PexCommandEvent = PexElementEvent<'pex-command'>;
export type PexActionEvent = PexElementEvent<'pex-action'>;
export type PexPluginErrorEvent = PexElementEvent<'pex-plugin-error'>;
