/**
 * `pex-plugin-host/react`: the pex-* elements as React components (React 18 and 19), made with
 * `@lit/react`. Objects (`participants`, `conference`, `participant`, ...) are set as DOM
 * properties, not stringified into attributes, and every pex- event has a handler prop
 * (`onPexCommand`, `onPexPluginError`, ...) typed with its detail.
 *
 * Importing this module imports the package's entry (`pex-plugin-host`), which defines the
 * elements and installs `window.PEX`, and `pex-plugin-host/toasts.js`, so it runs in the
 * browser only.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  PexConferenceMenu as PexConferenceMenuElement,
  PexParticipantMenu as PexParticipantMenuElement,
  PexPluginHost as PexPluginHostElement,
  PexPluginSettings as PexPluginSettingsElement,
  PexTemplateDialog as PexTemplateDialogElement,
  PexToolbar as PexToolbarElement,
  type ConferenceDetails,
  type PexEvent,
  type PexEventName,
} from '../components/index.js';
import { PexToasts as PexToastsElement } from '../components/toasts.js';
import { setWhenChanged } from './set-when-changed.js';
import type { PexEventProp, PexReactComponent } from './types.js';

export type { PexComponentProps, PexEventHandlers, PexEventProp, PexReactComponent } from './types.js';

/**
 * Every pex- event, once: the type makes a new event in `PexEventDetails` a compile error here
 * until it is listed, so the host's wrapper never silently lacks its handler prop.
 */
const EVERY_PEX_EVENT: { readonly [Name in PexEventName]: true } = {
  'pex-command': true,
  'pex-plugin-loaded': true,
  'pex-plugin-unloaded': true,
  'pex-plugin-error': true,
  'pex-diagnostic': true,
  'pex-branding-loaded': true,
  'pex-plugins-settled': true,
  'pex-action': true,
  'pex-dialog-close': true,
  'pex-connection-state': true,
};

type EventMap<Names extends PexEventName> = { [Name in Names as PexEventProp<Name>]: EventName<PexEvent<Name>> };

/** `{onPexCommand: 'pex-command', ...}`: @lit/react adds a listener for each handler prop given. */
function eventMap<Names extends PexEventName>(names: readonly Names[]): EventMap<Names> {
  const propFor = (name: string) => `on${name.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;
  // Object.fromEntries types its keys as string; propFor builds exactly PexEventProp's names.
  return Object.fromEntries(names.map((name) => [propFor(name), name])) as unknown as EventMap<Names>;
}

/** The host dispatches every pex- event (a plugin dialog's `pex-dialog-close` bubbles up to it). */
const hostEvents = eventMap(Object.keys(EVERY_PEX_EVENT) as PexEventName[]);

/** What the host takes as props: the string settings, and the roster and details of app-driven mode. */
export type PexPluginHostProps = Pick<
  PexPluginHostElement,
  'brandingUrl' | 'platform' | 'participantRole' | 'registerTimeout' | 'commandTimeout' | 'connection' | 'participants' | 'selfUUID' | 'callInfo'
> & {
  /** Part of the details is enough: the rest keep their defaults (the element's setter takes a Partial). */
  conference: Partial<ConferenceDetails>;
};
export type PexToolbarProps = Pick<PexToolbarElement, 'label'>;
export type PexConferenceMenuProps = Pick<PexConferenceMenuElement, 'label'>;
export type PexParticipantMenuProps = Pick<PexParticipantMenuElement, 'label' | 'participant'>;
export type PexPluginSettingsProps = Pick<PexPluginSettingsElement, 'label'>;
export type PexTemplateDialogProps = Pick<PexTemplateDialogElement, 'heading' | 'closeDisabled' | 'open'>;
export type PexToastsProps = Pick<PexToastsElement, 'defaultTimeout'>;

/**
 * `<pex-plugin-host>`: loads the branding's plugins; wrap the rest of the client in it. The
 * roster, the details, the own uuid and the call info are set only when they change: the host
 * hands each value it is given to every plugin.
 */
export const PexPluginHost = setWhenChanged(
  createComponent({ react: React, tagName: 'pex-plugin-host', elementClass: PexPluginHostElement, events: hostEvents }),
  ['participants', 'conference', 'selfUUID', 'callInfo'] satisfies ReadonlyArray<keyof PexPluginHostProps>,
  'PexPluginHost',
) as PexReactComponent<PexPluginHostElement, PexPluginHostProps, PexEventName>;

/** `<pex-toolbar>`: the plugins' toolbar buttons (inside a PexPluginHost). */
export const PexToolbar = createComponent({
  react: React,
  tagName: 'pex-toolbar',
  elementClass: PexToolbarElement,
  displayName: 'PexToolbar',
}) as PexReactComponent<PexToolbarElement, PexToolbarProps>;

/** `<pex-conference-menu>`: the plugins' conference menu items. */
export const PexConferenceMenu = createComponent({
  react: React,
  tagName: 'pex-conference-menu',
  elementClass: PexConferenceMenuElement,
  displayName: 'PexConferenceMenu',
}) as PexReactComponent<PexConferenceMenuElement, PexConferenceMenuProps>;

/** `<pex-participant-menu>`: the plugins' items for one participant (`participant`). */
export const PexParticipantMenu = createComponent({
  react: React,
  tagName: 'pex-participant-menu',
  elementClass: PexParticipantMenuElement,
  displayName: 'PexParticipantMenu',
}) as PexReactComponent<PexParticipantMenuElement, PexParticipantMenuProps>;

/** `<pex-plugin-settings>`: Settings > Plugins, the list the user turns plugins on and off in. */
export const PexPluginSettings = createComponent({
  react: React,
  tagName: 'pex-plugin-settings',
  elementClass: PexPluginSettingsElement,
  displayName: 'PexPluginSettings',
}) as PexReactComponent<PexPluginSettingsElement, PexPluginSettingsProps>;

/** `<pex-template-dialog>`: a modal dialog with a title and HTML children, as plugins' dialogs are drawn. */
export const PexTemplateDialog = createComponent({
  react: React,
  tagName: 'pex-template-dialog',
  elementClass: PexTemplateDialogElement,
  events: eventMap(['pex-dialog-close']),
  displayName: 'PexTemplateDialog',
}) as PexReactComponent<PexTemplateDialogElement, PexTemplateDialogProps, 'pex-dialog-close'>;

/**
 * `<pex-toasts>`: where Web App 3 plugins' toasts show; place it inside a PexPluginHost to choose
 * where they go (without one the host makes its own). Importing this module defines it.
 */
export const PexToasts = createComponent({
  react: React,
  tagName: 'pex-toasts',
  elementClass: PexToastsElement,
  displayName: 'PexToasts',
}) as PexReactComponent<PexToastsElement, PexToastsProps>;
