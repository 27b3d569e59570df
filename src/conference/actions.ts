/**
 * `window.PEX.actions`: the action constants of the plugin guide. Real plugins use these
 * constants and also the raw NgRx type strings of webapp2 directly, so each constant's
 * value IS the raw string: `actions.DISCONNECT_SUCCESS === '[Conference] Disconnect Success'`,
 * and both spellings meet in `ofType`.
 *
 * The strings of the guide-only constants (chat, timeline, participant connect/disconnect)
 * are not documented anywhere; they follow webapp2's `[Feature] Event` naming.
 */
export const actions = Object.freeze({
  SEND_CHAT_MESSAGE: '[Conference] Send Chat Message',
  RECEIVE_CHAT_MESSAGE: '[Conference] Receive Chat Message',
  SELECT_EVENT: '[Timeline] Select Event',
  PARTICIPANT_CONNECT_SUCCESS: '[Participant] Connect Success',
  PARTICIPANT_DISCONNECT_SUCCESS: '[Participant] Disconnect Success',
  CONNECT_SUCCESS: '[Conference] Connect Success',
  CONNECT_FAIL: '[Conference] Connect Fail',
  DISCONNECT: '[Conference] Disconnect',
  DISCONNECT_SUCCESS: '[Conference] Disconnect Success',
  SET_SELF_UUID: '[Conference] Set Self UUID',
  BUZZ_CHANGED: '[Conference] Buzz Changed',
  SET_REMOTE_CALL_TYPE: '[Conference] Set remote call type',
  /** The conference's layout changed (Infinity's `layout` event; payload its data). */
  LAYOUT_CHANGED: '[Conference] Layout Changed',
  PARTICIPANT_MUTED_CHANGED: '[Participant] Muted Changed',
  MUTE_CAMERA: '[Conference] Mute Camera',
  UNMUTE_CAMERA: '[Conference] Unmute Camera',
  MUTE_MICROPHONE: '[Conference] Mute Microphone',
  UNMUTE_MICROPHONE: '[Conference] Unmute Microphone',
  SCREEN_STATE: '[Home] Screen state',
  SET_LOCAL_MEDIA_STREAM: '[Media Device] Set Local Media Stream',
});

export type ActionName = keyof typeof actions;
