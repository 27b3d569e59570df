/**
 * The types this Angular app's handlers and state use, from the package's entry as a client app
 * installs it (`pex-plugin-host`: the declarations in dist/esm/; erased at build time, nothing
 * here reaches the bundle). The elements themselves are the drop-in build, imported by main.ts;
 * their Angular bindings are the directives in pex-directives.ts.
 */
import type { PexEvent } from 'pex-plugin-host';

export type { ConferenceDetails, Participant, PexAction, PexCommandDetail, PexEventDetails } from 'pex-plugin-host';

/**
 * A pex-* event as an Angular handler receives it from a directive's output:
 * `(pexCommand)="onCommand($event)"` with `onCommand(event: PexCommandEvent)`. strictTemplates
 * checks that the output's type fits the handler's parameter.
 */
export type PexCommandEvent = PexEvent<'pex-command'>;
export type PexActionEvent = PexEvent<'pex-action'>;
export type PexPluginErrorEvent = PexEvent<'pex-plugin-error'>;
