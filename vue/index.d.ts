/**
 * `pex-plugin-host/vue`: the pex-* elements for Vue's template type checker (vue-tsc, the Vue
 * editor extension). Types only: nothing is registered with Vue at run time, and Vue's
 * compiler still needs `isCustomElement: (tag) => tag.startsWith('pex-')`.
 *
 * Add it once to the app's types, e.g. in `env.d.ts` (or any .ts file of the app):
 *
 *     import type {} from 'pex-plugin-host/vue';
 *
 * Each element becomes a global component whose props are the element's own writable
 * properties (read from its class, so `:participants.prop`, `:participant.prop`,
 * `branding-url` and `participant-role` are checked against the shipped types) and whose
 * events are the pex-* events of `PexEventDetails`, so `@pex-command` hands its handler a
 * `CustomEvent<PexCommandDetail>`. Every element lists every pex- event: they bubble and cross
 * shadow roots, so a listener on the host hears what the menus and dialogs inside it emit.
 */
import type { LitElement } from 'lit';
import type {
  ConferenceDetails,
  PexConferenceMenu,
  PexEventDetails,
  PexParticipantMenu,
  PexPluginHost,
  PexPluginSettings,
  PexTemplateDialog,
  PexToolbar,
} from 'pex-plugin-host';
import type { PexToasts } from 'pex-plugin-host/toasts.js';
import type { EmitFn, HTMLAttributes } from 'vue';

/** Every pex- event, as its listener receives it. */
type PexEvents = { [K in keyof PexEventDetails]: CustomEvent<PexEventDetails[K]> };

/** `pex-command` → `onPexCommand`: the listener prop Vue compiles `@pex-command` to. */
type ListenerName<K extends string> = K extends `${infer Head}-${infer Tail}` ? ListenerName<`${Head}${Capitalize<Tail>}`> : `on${Capitalize<K>}`;

type IfEquals<X, Y, Then, Else> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? Then : Else;

/**
 * The element's own properties a template may set: not LitElement's or HTMLElement's, not
 * methods, not read-only (getters such as `plugins` or `settled`).
 */
type SettableProperties<Element> = {
  [K in Exclude<keyof Element, keyof LitElement>]-?: Element[K] extends (...args: never[]) => unknown
    ? never
    : IfEquals<{ [Q in K]: Element[K] }, { -readonly [Q in K]: Element[K] }, K, never>;
}[Exclude<keyof Element, keyof LitElement>];

/**
 * A custom element not written in Vue, typed the way Vue's guide suggests: a constructor whose
 * `$props` are the element's settable properties plus the HTML attributes, and whose `$emit`
 * names the pex- events. `Writes` gives a property whose setter takes another type than its
 * getter gives (the host's `conference` takes part of the details).
 */
type VueCustomElement<Element extends HTMLElement, Writes = unknown> = new () => Element & {
  /** @deprecated For template type checking only: not on the element. */
  $props: HTMLAttributes &
    Partial<Omit<Pick<Element, SettableProperties<Element>>, keyof Writes>> &
    Writes & { [K in keyof PexEvents as ListenerName<K>]?: (event: PexEvents[K]) => void };
  /** @deprecated For template type checking only: not on the element. */
  $emit: EmitFn<{ [K in keyof PexEvents]: (event: PexEvents[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'pex-plugin-host': VueCustomElement<PexPluginHost, { conference?: Partial<ConferenceDetails> }>;
    'pex-toolbar': VueCustomElement<PexToolbar>;
    'pex-conference-menu': VueCustomElement<PexConferenceMenu>;
    'pex-participant-menu': VueCustomElement<PexParticipantMenu>;
    'pex-plugin-settings': VueCustomElement<PexPluginSettings>;
    'pex-template-dialog': VueCustomElement<PexTemplateDialog>;
    'pex-toasts': VueCustomElement<PexToasts>;
  }
}
