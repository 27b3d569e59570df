/**
 * The pex-* elements for Vue's template type checker (vue-tsc, the Vue editor extension).
 *
 * Vue's compiler leaves pex-* tags to the browser (isCustomElement in vite.config.ts), and the
 * type checker knows nothing of them unless told. Declared here as global components whose
 * props are the elements' properties and whose events are the pex-* events, so
 * `:participants.prop`, `:conference.prop`, `:participant.prop`, `branding-url`, `participant-role` and
 * `@pex-command` are checked, and a handler gets `CustomEvent<{name, args, ...}>`.
 * (Types only: at run time nothing is registered with Vue.)
 */
import type {
  ConferenceDetails,
  PexConferenceMenu,
  PexEventDetails,
  PexParticipantMenu,
  PexPluginHost,
  PexPluginSettings,
  PexToolbar,
} from 'pex-plugin-host';
import type { EmitFn, HTMLAttributes } from 'vue';

/** Every pex- event, as the listener receives it. */
type PexEvents = { [K in keyof PexEventDetails]: CustomEvent<PexEventDetails[K]> };

/** `pex-command` → `onPexCommand`: the listener prop Vue compiles `@pex-command` to. */
type ListenerName<K extends string> = K extends `${infer Head}-${infer Tail}` ? ListenerName<`${Head}${Capitalize<Tail>}`> : `on${Capitalize<K>}`;

/**
 * A custom element not written in Vue, typed the way Vue's guide suggests: a constructor
 * whose `$props` are the element's chosen properties (plus the HTML attributes; `Writes` for a
 * property whose setter takes another type than its getter gives) and whose `$emit` names its
 * events.
 */
type VueCustomElement<Element extends HTMLElement, Props extends keyof Element, Writes = unknown> = new () => Element & {
  /** @deprecated For template type checking only: not on the element. */
  $props: HTMLAttributes & Partial<Omit<Pick<Element, Props>, keyof Writes>> & Writes & { [K in keyof PexEvents as ListenerName<K>]?: (event: PexEvents[K]) => void };
  /** @deprecated For template type checking only: not on the element. */
  $emit: EmitFn<{ [K in keyof PexEvents]: (event: PexEvents[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'pex-plugin-host': VueCustomElement<
      PexPluginHost,
      'brandingUrl' | 'platform' | 'participantRole' | 'registerTimeout' | 'commandTimeout' | 'connection' | 'participants' | 'selfUUID',
      // The setter takes part of the details (the rest keep their defaults); the getter gives all.
      { conference?: Partial<ConferenceDetails> }
    >;
    'pex-toolbar': VueCustomElement<PexToolbar, 'label'>;
    'pex-conference-menu': VueCustomElement<PexConferenceMenu, 'label'>;
    'pex-participant-menu': VueCustomElement<PexParticipantMenu, 'label' | 'participant'>;
    'pex-plugin-settings': VueCustomElement<PexPluginSettings, 'label'>;
  }
}
