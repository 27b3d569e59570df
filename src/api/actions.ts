/** `window.PEX.actions`: the action constants live with the conference that produces them. */
export { actions, type ActionName } from '../conference/actions.js';
