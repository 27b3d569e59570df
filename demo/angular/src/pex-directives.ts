/**
 * Typed Angular directives for the pex-* elements, one per element: each selects its element and
 * gives Angular the element's public properties as `input()`s and its pex- events as `output()`s.
 * With them, `strictTemplates` checks every binding in a template against the element's own types
 * (a roster that is not `Participant[]`, a handler that takes the wrong event, a misspelt
 * property), and no `CUSTOM_ELEMENTS_SCHEMA` is needed.
 *
 * The directives hold no state: an input, once bound, writes its value to the element's property
 * of the same name; an output re-emits the element's DOM event as it was dispatched (the same
 * `CustomEvent`, so `preventDefault()` and `detail.resolve()` act on the real one).
 *
 * Outputs are camelCase (`(pexCommand)`), not the DOM names: Angular's `(pex-command)` listens to
 * the DOM event and to any output of that name at once, so an output named like the event would
 * call the handler twice.
 *
 * Types only come from the package's entry, `pex-plugin-host` (its declarations; erased from the
 * bundle); the elements themselves are the drop-in build, imported by main.ts.
 */
import { DestroyRef, Directive, ElementRef, effect, inject, input, output, type OutputEmitterRef, type Signal } from '@angular/core';
import type {
  ConferenceDetails,
  PexConferenceMenu,
  PexEvent,
  PexEventName,
  PexParticipantMenu,
  PexPluginHost,
  PexPluginSettings,
  PexTemplateDialog,
  PexToolbar,
} from 'pex-plugin-host';

/**
 * Writes `value` to `element[name]` whenever it changes, from the first value the template binds
 * on. An unbound input (still `undefined`) leaves the element's own default, or a static attribute,
 * alone; a bound value that later becomes `undefined` is written like any other.
 */
function writeToElement<E extends HTMLElement, K extends keyof E>(element: E, name: K, value: Signal<E[K] | undefined>): void {
  let written = false;
  effect(() => {
    const next = value();
    if (next === undefined && !written) return;
    written = true;
    element[name] = next as E[K];
  });
}

/** Re-emits the element's `name` events (its own and those bubbling up through it) on `to`. */
function relayEvent<K extends PexEventName>(element: HTMLElement, name: K, to: OutputEmitterRef<PexEvent<K>>): void {
  const listener = (event: Event) => to.emit(event as PexEvent<K>);
  element.addEventListener(name, listener);
  inject(DestroyRef).onDestroy(() => element.removeEventListener(name, listener));
}

/** `pex-plugin-error` → `pexPluginError`: the output's name for a pex- event. */
type OutputName<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<OutputName<Tail>>}` : Name;

/**
 * An output for every pex- event, typed with its detail: the host directive `implements` it, so
 * a new event in `PexEventDetails` is a compile error here until the directive relays it.
 */
type EveryPexEventOutput = { readonly [Name in PexEventName as OutputName<Name>]: OutputEmitterRef<PexEvent<Name>> };

function hostElement<E extends HTMLElement>(): E {
  return inject<ElementRef<E>>(ElementRef).nativeElement;
}

/**
 * `<pex-plugin-host>`: the string settings, the roster and the details of app-driven mode, a
 * connection for connected mode; every pex- event the host dispatches (a plugin dialog's
 * `pex-dialog-close` bubbles up to it too).
 */
@Directive({ selector: 'pex-plugin-host', standalone: true })
export class PexPluginHostDirective implements EveryPexEventOutput {
  readonly brandingUrl = input<PexPluginHost['brandingUrl']>();
  readonly platform = input<PexPluginHost['platform']>();
  readonly participantRole = input<PexPluginHost['participantRole']>();
  readonly registerTimeout = input<PexPluginHost['registerTimeout']>();
  readonly commandTimeout = input<PexPluginHost['commandTimeout']>();
  readonly connection = input<PexPluginHost['connection']>();
  /** A new array on each change: the host hands each array it is given to every plugin. */
  readonly participants = input<PexPluginHost['participants']>();
  /** Part of the details is enough (the setter takes a Partial): the rest keep their values. */
  readonly conference = input<Partial<ConferenceDetails>>();
  readonly selfUUID = input<PexPluginHost['selfUUID']>();
  readonly callInfo = input<PexPluginHost['callInfo']>();

  /** A plugin's conference command, cancelable: `preventDefault()` takes it, `detail.resolve/reject` answer it. */
  readonly pexCommand = output<PexEvent<'pex-command'>>();
  readonly pexPluginLoaded = output<PexEvent<'pex-plugin-loaded'>>();
  readonly pexPluginUnloaded = output<PexEvent<'pex-plugin-unloaded'>>();
  readonly pexPluginError = output<PexEvent<'pex-plugin-error'>>();
  readonly pexDiagnostic = output<PexEvent<'pex-diagnostic'>>();
  readonly pexBrandingLoaded = output<PexEvent<'pex-branding-loaded'>>();
  /** Every plugin the branding enables has loaded or failed (once per branding load). */
  readonly pexPluginsSettled = output<PexEvent<'pex-plugins-settled'>>();
  readonly pexAction = output<PexEvent<'pex-action'>>();
  readonly pexDialogClose = output<PexEvent<'pex-dialog-close'>>();
  /** The bound connection's state: `{state, attempt?, reason?}`, once when bound, then at each change. */
  readonly pexConnectionState = output<PexEvent<'pex-connection-state'>>();

  constructor() {
    const element = hostElement<PexPluginHost>();
    writeToElement(element, 'brandingUrl', this.brandingUrl);
    writeToElement(element, 'platform', this.platform);
    writeToElement(element, 'participantRole', this.participantRole);
    writeToElement(element, 'registerTimeout', this.registerTimeout);
    writeToElement(element, 'commandTimeout', this.commandTimeout);
    writeToElement(element, 'connection', this.connection);
    writeToElement(element, 'participants', this.participants);
    // Written as the setter takes it (part of the details); the getter gives them all.
    writeToElement<HTMLElement & { conference: Partial<ConferenceDetails> }, 'conference'>(element, 'conference', this.conference);
    writeToElement(element, 'selfUUID', this.selfUUID);
    writeToElement(element, 'callInfo', this.callInfo);

    relayEvent(element, 'pex-command', this.pexCommand);
    relayEvent(element, 'pex-plugin-loaded', this.pexPluginLoaded);
    relayEvent(element, 'pex-plugin-unloaded', this.pexPluginUnloaded);
    relayEvent(element, 'pex-plugin-error', this.pexPluginError);
    relayEvent(element, 'pex-diagnostic', this.pexDiagnostic);
    relayEvent(element, 'pex-branding-loaded', this.pexBrandingLoaded);
    relayEvent(element, 'pex-plugins-settled', this.pexPluginsSettled);
    relayEvent(element, 'pex-action', this.pexAction);
    relayEvent(element, 'pex-dialog-close', this.pexDialogClose);
    relayEvent(element, 'pex-connection-state', this.pexConnectionState);
  }
}

/** `<pex-toolbar>`: the plugins' toolbar buttons. */
@Directive({ selector: 'pex-toolbar', standalone: true })
export class PexToolbarDirective {
  /** The accessible name of the toolbar. */
  readonly label = input<PexToolbar['label']>();

  constructor() {
    writeToElement(hostElement<PexToolbar>(), 'label', this.label);
  }
}

/** `<pex-conference-menu>`: the plugins' conference menu items. */
@Directive({ selector: 'pex-conference-menu', standalone: true })
export class PexConferenceMenuDirective {
  readonly label = input<PexConferenceMenu['label']>();

  constructor() {
    writeToElement(hostElement<PexConferenceMenu>(), 'label', this.label);
  }
}

/** `<pex-participant-menu>`: the plugins' items for one participant. */
@Directive({ selector: 'pex-participant-menu', standalone: true })
export class PexParticipantMenuDirective {
  readonly label = input<PexParticipantMenu['label']>();
  /** The participant the items are for (one of the roster's objects). */
  readonly participant = input<PexParticipantMenu['participant']>();

  constructor() {
    const element = hostElement<PexParticipantMenu>();
    writeToElement(element, 'label', this.label);
    writeToElement(element, 'participant', this.participant);
  }
}

/** `<pex-plugin-settings>`: Settings > Plugins, where the user turns plugins on and off. */
@Directive({ selector: 'pex-plugin-settings', standalone: true })
export class PexPluginSettingsDirective {
  readonly label = input<PexPluginSettings['label']>();

  constructor() {
    writeToElement(hostElement<PexPluginSettings>(), 'label', this.label);
  }
}

/** `<pex-template-dialog>`: a modal dialog with a title and the app's own content. */
@Directive({ selector: 'pex-template-dialog', standalone: true })
export class PexTemplateDialogDirective {
  readonly heading = input<PexTemplateDialog['heading']>();
  readonly closeDisabled = input<PexTemplateDialog['closeDisabled']>();
  readonly open = input<PexTemplateDialog['open']>();

  /** The dialog closed: `detail.value` is what it was closed with. */
  readonly pexDialogClose = output<PexEvent<'pex-dialog-close'>>();

  constructor() {
    const element = hostElement<PexTemplateDialog>();
    writeToElement(element, 'heading', this.heading);
    writeToElement(element, 'closeDisabled', this.closeDisabled);
    writeToElement(element, 'open', this.open);
    relayEvent(element, 'pex-dialog-close', this.pexDialogClose);
  }
}

/** All six, for a standalone component's `imports`. */
export const PEX_DIRECTIVES = [
  PexPluginHostDirective,
  PexToolbarDirective,
  PexConferenceMenuDirective,
  PexParticipantMenuDirective,
  PexPluginSettingsDirective,
  PexTemplateDialogDirective,
] as const;
