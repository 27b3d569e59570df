/**
 * `pex-plugin-host/plugin-api`: the `PEX` global of the Connect app (webapp2) client plugin API,
 * typed, for plugin authors.
 *
 * A plain-JS plugin: put these two lines at the top of its source, and the editor (or `tsc`
 * with `checkJs`) knows `PEX` and checks the calls.
 *
 *     // @ts-check
 *     /// <reference types="pex-plugin-host/plugin-api" />
 *
 * JSDoc can name the types through the `PEX` namespace: `/** @param {PEX.Participant} participant *\/`.
 * A TypeScript plugin imports what it names: `import type { PluginRegistration } from 'pex-plugin-host/plugin-api'`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the payload defaults of types.d.ts */
import type * as api from './types.js';

export * from './types.js';

declare global {
  /**
   * The plugin API of the Connect app (webapp2): `PEX.pluginAPI`, `PEX.actions$`,
   * `PEX.actions`, `PEX.dispatchAction`, `PEX.conferenceQueryParams`, `PEX.selfUUID`.
   * Also `window.PEX`. (A `var`, not a `Window` member, so that it sits beside the host's own
   * declaration of `window.PEX` in an app that embeds the host.)
   */
  var PEX: api.Pex;

  /** The plugin API's types, for JSDoc in plain-JS plugins: `@param {PEX.Participant} participant`. */
  namespace PEX {
    type Pex = api.Pex;
    type PluginAPI = api.PluginAPI;
    type PluginRegistration = api.PluginRegistration;
    type Participant = api.Participant;
    type ConferenceDetails = api.ConferenceDetails;
    type ParticipantsObservable = api.ParticipantsObservable;
    type ConferenceDetailsObservable = api.ConferenceDetailsObservable;
    type ToolbarAction = api.ToolbarAction;
    type ParticipantsAction = api.ParticipantsAction;
    type ConferenceAction = api.ConferenceAction;
    type PluginState = api.PluginState;
    type PluginStateSubject = api.PluginStateSubject;
    type MenuItemLook = api.MenuItemLook;
    type StateSource = api.StateSource;
    type TemplateDialogOptions = api.TemplateDialogOptions;
    type TemplateDialogRef = api.TemplateDialogRef;
    type DialogOpening = api.DialogOpening;
    type RequestAnswer = api.RequestAnswer;
    type RequestSuccess = api.RequestSuccess;
    type DialOutAnswer = api.DialOutAnswer;
    type DialOutOptions = api.DialOutOptions;
    type LayoutTransforms = api.LayoutTransforms;
    type ChatMessage = api.ChatMessage;
    type ChatMessageToSend = api.ChatMessageToSend;
    type ConnectSuccessPayload = api.ConnectSuccessPayload;
    type PluginMenuItem = api.PluginMenuItem;
    type PexRTC = api.PexRTC;
    type Actions = api.Actions;
    type ActionPayloads = api.ActionPayloads;
    type PexAction<P = any> = api.PexAction<P>;
    type DispatchedAction<P = any> = api.DispatchedAction<P>;
    type ActionOfType<K extends string> = api.ActionOfType<K>;
    type ActionObservable<A extends api.PexAction = api.PexAction> = api.ActionObservable<A>;
    type PluginObservable<T> = api.PluginObservable<T>;
    type Subscribable<T> = api.Subscribable<T>;
    type Observer<T> = api.Observer<T>;
    type Subscription = api.Subscription;
    type Unsubscribable = api.Unsubscribable;
  }
}
