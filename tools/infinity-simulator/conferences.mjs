// @ts-check
/**
 * The simulator's conferences. Every alias not listed here answers request_token with 404
 * `{status: 'failed', result: 'Neither conference nor gateway found'}`.
 *
 * | alias    | PINs                                 | who joins as what                                   |
 * |----------|--------------------------------------|-----------------------------------------------------|
 * | `meet`   | none                                 | everyone HOST (role `chair`)                        |
 * | `secure` | host `1234`, guest `5678`            | no PIN: 403 `{pin: 'required', guest_pin: 'required'}`; a wrong PIN: 403 `'Invalid PIN'` |
 * | `guests` | host `1234`, guests need none        | no PIN (or `none`): GUEST; `1234`: HOST; another PIN: 403 `'Invalid PIN'` |
 *
 * `guests` starts with `started: false` (a VMR whose guests wait for a host): the first HOST to
 * join, or `start_conference`, starts it. The others are started from the beginning.
 */

/**
 * @typedef {{
 *   alias: string,
 *   name: string,
 *   hostPin: string | null,
 *   guestPin: string | null,
 *   guestsWithoutPin: boolean,
 *   startedInitially: boolean,
 *   description: string,
 * }} ConferenceDefinition
 */

/** @type {readonly ConferenceDefinition[]} */
export const CONFERENCES = [
  {
    alias: 'meet',
    name: 'Meet',
    hostPin: null,
    guestPin: null,
    guestsWithoutPin: false,
    startedInitially: true,
    description: 'open, no PIN; everyone joins as HOST (chair). Scripted participants live here.',
  },
  {
    alias: 'secure',
    name: 'Secure meeting',
    hostPin: '1234',
    guestPin: '5678',
    guestsWithoutPin: false,
    startedInitially: true,
    description: 'host PIN 1234, guest PIN 5678; no PIN or a wrong one: 403',
  },
  {
    alias: 'guests',
    name: 'Guests welcome',
    hostPin: '1234',
    guestPin: null,
    guestsWithoutPin: true,
    startedInitially: false,
    description: 'guests need no PIN, host PIN 1234; not started until a host joins',
  },
];

export const VERSION = { version_id: '36', pseudo_version: '36.0.0-simulator' };

/**
 * Decides who may join with the `pin` header given.
 * @param {ConferenceDefinition} def
 * @param {string | undefined} pin
 * @returns {{ role: 'HOST' | 'GUEST' } | { refusal: string | { pin: 'required' | 'none', guest_pin: 'required' | 'none', version: typeof VERSION } }}
 */
export function admit(def, pin) {
  const given = pin === undefined || pin === '' ? undefined : pin;
  if (def.hostPin === null) return { role: 'HOST' };
  if (def.guestsWithoutPin) {
    if (given === undefined || given === 'none') return { role: 'GUEST' };
    if (given === def.hostPin) return { role: 'HOST' };
    return { refusal: 'Invalid PIN' };
  }
  if (given === undefined) {
    return { refusal: { pin: 'required', guest_pin: def.guestPin ? 'required' : 'none', version: VERSION } };
  }
  if (given === def.hostPin) return { role: 'HOST' };
  if (def.guestPin !== null && given === def.guestPin) return { role: 'GUEST' };
  return { refusal: 'Invalid PIN' };
}
