/** `window.PEX.pexrtc`, the PexRTC facade, and the global `PexRTC` where the page has none. */
export { installPexRTCConstructor, pexrtcFacade, type PexRTC } from './facade.js';
export { setCallSource, type CallSource, type CallSources, type PexRTCFields } from './call-state.js';
