/**
 * What the conference's actions (the ones webapp2 plugins hear on `PEX.actions$`, put there by
 * the app in app-driven mode and by the connection in connected mode) are as Web App 3 events,
 * in the payload shapes of `@pexip/plugin-api`'s types. Pure functions.
 */
import type { ApplicationMessage, EventPayload, LayoutEvent, Message, ParticipantID } from '@pexip/plugin-api';
import type { PexAction } from '../conference/types.js';

// The action types of src/conference/actions.ts, written here: importing its table into this
// chunk would make the drop-in export it.
const CONNECT_SUCCESS = '[Conference] Connect Success';
const CONNECT_FAIL = '[Conference] Connect Fail';
const DISCONNECT_SUCCESS = '[Conference] Disconnect Success';
const RECEIVE_CHAT_MESSAGE = '[Conference] Receive Chat Message';
const LAYOUT_CHANGED = '[Conference] Layout Changed';

/**
 * The action a plugin's `app:setDisconnectDestination` becomes: a plugin asking the client to
 * act, as a webapp2 plugin's `PEX.dispatchAction` does, so the app hears it as `pex-action`
 * (`detail.action.payload`: `{url, pluginId}`) and sends the user there once the call has ended.
 */
export const SET_DISCONNECT_DESTINATION = '[Web App 3] Set Disconnect Destination';

/** One event for the plugins: its name and payload. */
export type Webapp3Event = readonly [event: string, payload: unknown];

let messages = 0;

/** A message's own id (the package's `Message.id`): Infinity's message event carries none. */
function messageId(): string {
  messages += 1;
  return globalThis.crypto?.randomUUID?.() ?? `message-${Date.now()}-${messages}`;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * A received chat message (Infinity's `message_received`: `{origin, uuid, type, payload,
 * direct}`) as `event:message`, `event:directMessage` (`direct` true) or, for
 * `application/json`, `event:applicationMessage` with the payload parsed. An application
 * message whose payload is not a JSON object is not in the package's shape and is not sent.
 */
export function messageEvent(raw: unknown): Webapp3Event | undefined {
  const fields = record(raw);
  if (!fields || typeof fields.payload !== 'string') return undefined;
  const base = {
    at: new Date(),
    id: messageId(),
    displayName: typeof fields.origin === 'string' ? fields.origin : '',
    userId: (typeof fields.uuid === 'string' ? fields.uuid : '') as ParticipantID,
  };
  if (fields.type === 'application/json') {
    let message: unknown;
    try {
      message = JSON.parse(fields.payload);
    } catch {
      return undefined;
    }
    const object = record(message);
    return object ? ['event:applicationMessage', { ...base, message: object } satisfies ApplicationMessage] : undefined;
  }
  return [fields.direct === true ? 'event:directMessage' : 'event:message', { ...base, message: fields.payload } satisfies Message];
}

/**
 * The package's error code for a disconnect reason: the codes of the reasons that end a call,
 * as Pexip's clients number them; any other reason is `#pex117`, the code those clients give a
 * reason they do not know.
 */
const DISCONNECT_CODES: Readonly<Record<string, number>> = {
  'Invalid token': 113,
  'Timer expired awaiting token refresh': 113,
  'Conference host ended the conference with a DTMF command': 120,
  'API initiated conference termination': 121,
  'API initiated participant disconnect': 122,
  'Conference terminated by an administrator': 122,
  'Disconnected by an administrator': 123,
  'Disconnected by another participant': 124,
  'Conference terminated by another participant': 125,
  'Timeout waiting for conference host to join or permit access to locked conference': 126,
  'Signaling node disconnected': 129,
  'Media process disconnected': 130,
  'Media node disconnected': 131,
  'No participants can keep conference alive': 140,
  'All conference hosts departed hosted conference': 141,
  'Last remaining participant removed from conference after timeout': 142,
  'Test call finished': 143,
  'Call rejected': 150,
  'Call disconnected': 151,
};

/** What the user's own leaving is called in the package's `DisconnectReason`. */
const USER_LEFT = 'User initiated disconnect';

/** `event:disconnected` for why the call ended (no reason: the user left). */
export function disconnectedPayload(reason: string | undefined): EventPayload<'event:disconnected'> {
  const error = reason ?? USER_LEFT;
  return { error, errorCode: `#pex${DISCONNECT_CODES[error] ?? 117}` as EventPayload<'event:disconnected'>['errorCode'] };
}

/** Infinity's `layout` event (the `[Conference] Layout Changed` action's payload) as `event:layoutUpdate`: the same fields. */
export function layoutEvent(raw: unknown): Webapp3Event | undefined {
  const fields = record(raw);
  if (!fields || typeof fields.view !== 'string') return undefined;
  const requested = record(record(fields.requested_layout)?.primary_screen);
  const layout: LayoutEvent = {
    view: fields.view as LayoutEvent['view'],
    participants: (Array.isArray(fields.participants) ? fields.participants.filter((uuid) => typeof uuid === 'string') : []) as ParticipantID[],
    requested_layout: {
      primary_screen: {
        chair_layout: (typeof requested?.chair_layout === 'string' ? requested.chair_layout : fields.view) as LayoutEvent['view'],
        guest_layout: (typeof requested?.guest_layout === 'string' ? requested.guest_layout : fields.view) as LayoutEvent['view'],
      },
    },
  };
  if (typeof fields.overlay_text_enabled === 'boolean') layout.overlay_text_enabled = fields.overlay_text_enabled;
  if (Array.isArray(fields.pres_slot_coords)) layout.pres_slot_coords = fields.pres_slot_coords as LayoutEvent['pres_slot_coords'];
  return ['event:layoutUpdate', layout];
}

/** Whether the call is up after `action`: true on connect, false on disconnect or a failed connect, undefined when it says nothing of it. */
export function connectedAfter(action: PexAction): boolean | undefined {
  if (action.type === CONNECT_SUCCESS) return true;
  if (action.type === DISCONNECT_SUCCESS || action.type === CONNECT_FAIL) return false;
  return undefined;
}

/**
 * `event:conference:authenticated` (`{conferenceAlias}`) for a join, `[Conference] Connect
 * Success` with its alias: the host joins with its token, so being let in and being connected
 * are one moment (the package's event is for clients that ask for a PIN first).
 */
export function authenticatedEvent(action: PexAction): Webapp3Event | undefined {
  const alias = action.type === CONNECT_SUCCESS ? record(action.payload)?.alias : undefined;
  return typeof alias === 'string' ? ['event:conference:authenticated', { conferenceAlias: alias } satisfies EventPayload<'event:conference:authenticated'>] : undefined;
}

/**
 * The events an action is, other than the connection's state (see connectedAfter): chat and
 * application messages, the layout.
 */
export function actionEvents(action: PexAction): Webapp3Event | undefined {
  if (action.type === RECEIVE_CHAT_MESSAGE) return messageEvent(action.payload);
  if (action.type === LAYOUT_CHANGED) return layoutEvent(action.payload);
  return undefined;
}

/** Why the call ended, as a disconnect action says it: `{reason}` (the connection's), `{msg}` (a failed connect), or a string. */
export function disconnectReason(action: PexAction): string | undefined {
  const payload = action.payload;
  if (typeof payload === 'string' && payload) return payload;
  const fields = record(payload);
  const reason = fields?.reason ?? fields?.msg;
  return typeof reason === 'string' && reason ? reason : undefined;
}
