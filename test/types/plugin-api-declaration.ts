/**
 * Compile-time check (run by `npm run typecheck`) that the published plugin-author declaration
 * (`plugin-api/`, hand-written so that it needs neither rxjs nor the host's internal paths) says
 * what the host's own source says. A drift on either side fails the type check here, naming
 * the pair: a `false` does not satisfy `true`.
 */
import type * as declared from '../../plugin-api/types.js';
import type { actions } from '../../src/api/actions.js';
import type { PexGlobal } from '../../src/api/pex-global.js';
import type { PexRTC as HostPexRTC } from '../../src/api/pexrtc/index.js';
import type { PluginAPI as HostPluginAPI, PluginMenuItemHandle } from '../../src/api/plugin-api.js';
import type { createCommandFunctions } from '../../src/api/command-functions.js';
import type { TemplateDialogOptions, TemplateDialogRef } from '../../src/api/dialog-bridge.js';
import type { CommandArgs } from '../../src/conference/commands.js';
import type { ConferenceDetails, Participant, PexAction } from '../../src/conference/types.js';
import type { ConnectSuccessPayload } from '../../src/conference/infinity/connection.js';
import type { RawChatMessage } from '../../src/conference/infinity/raw-types.js';
import type { MenuItemLook } from '../../src/runtime/menu-items.js';
import type { RegisteredPlugin } from '../../src/runtime/plugin-runtime.js';

type Expect<T extends true> = T;
/** Exactly the same type (modifiers included). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assignable<From, To> = [From] extends [To] ? true : false;
/** `T` without its index signatures: the members it names. */
type NamedMembers<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** What `installPexGlobal` puts on `window.PEX`: `createPluginAPI` spreads the command functions into the API object. */
type BuiltPex = Omit<PexGlobal, 'pluginAPI'> & { pluginAPI: HostPluginAPI & ReturnType<typeof createCommandFunctions> };

/**
 * The declared `actions$` with `ofType` at its widest (every type a `string`). The host's
 * `ofType` filters without narrowing the payload's type; the declaration narrows it by its
 * `ActionPayloads` table, whose entries are checked against the connection's own types below.
 */
interface WidestActionObservable extends declared.PluginObservable<declared.PexAction> {
  ofType(...types: string[]): WidestActionObservable;
  filter(predicate: (value: declared.PexAction, index: number) => boolean): WidestActionObservable;
}
type DeclaredPexAtWidest = Omit<declared.Pex, 'actions$'> & { actions$: WidestActionObservable };

export type PluginAPIDeclarationChecks = [
  // The object the host builds is a `Pex` as declared.
  Expect<Assignable<BuiltPex, DeclaredPexAtWidest>>,
  Expect<Assignable<declared.ActionObservable, WidestActionObservable>>,
  // The same pluginAPI functions: none declared that the host lacks, none the host has undeclared.
  Expect<Equal<keyof declared.PluginAPI, keyof NamedMembers<BuiltPex['pluginAPI']>>>,
  Expect<Equal<keyof declared.Pex, keyof PexGlobal>>,
  // The action constants: the same names with the same string values.
  Expect<Equal<declared.Actions, typeof actions>>,
  // Typed payloads only for action types that exist.
  Expect<Assignable<keyof declared.ActionPayloads, declared.Actions[keyof declared.Actions]>>,
  Expect<MutuallyAssignable<declared.ChatMessage, RawChatMessage>>,
  Expect<Equal<keyof declared.ChatMessage, keyof RawChatMessage>>,
  Expect<MutuallyAssignable<declared.ConnectSuccessPayload, ConnectSuccessPayload>>,
  Expect<Equal<keyof declared.ConnectSuccessPayload, keyof ConnectSuccessPayload>>,
  // The conference as plugins see it.
  Expect<MutuallyAssignable<declared.Participant, Participant>>,
  Expect<Equal<keyof declared.Participant, keyof Participant>>,
  Expect<MutuallyAssignable<declared.ConferenceDetails, ConferenceDetails>>,
  Expect<Equal<keyof declared.ConferenceDetails, keyof ConferenceDetails>>,
  Expect<MutuallyAssignable<declared.PexAction, PexAction>>,
  // What plugins hand to the host, and what it hands back.
  Expect<Assignable<declared.PluginRegistration, RegisteredPlugin>>,
  Expect<MutuallyAssignable<declared.TemplateDialogOptions, TemplateDialogOptions>>,
  Expect<Assignable<TemplateDialogRef, declared.TemplateDialogRef>>,
  Expect<MutuallyAssignable<declared.MenuItemLook, MenuItemLook>>,
  Expect<MutuallyAssignable<declared.PluginMenuItem, PluginMenuItemHandle>>,
  Expect<MutuallyAssignable<declared.DialOutOptions, CommandArgs['dialOut']['options']>>,
  // window.PEX.pexrtc: the same fields and methods.
  Expect<MutuallyAssignable<declared.PexRTC, Omit<HostPexRTC, typeof Symbol.toStringTag>>>,
  Expect<Equal<keyof declared.PexRTC, Exclude<keyof HostPexRTC, symbol>>>,
];
