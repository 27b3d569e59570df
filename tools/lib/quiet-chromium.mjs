/**
 * Chromium's own UI kept from competing with the pages the tests and the benchmarks load.
 * Headless Chromium (156 here) still builds each new window's omnibox popup as a WebUI page
 * ("WebUI Top Renderer"): in a trace of one 30-frame Web App 3 load it kept that renderer's main
 * thread busy for 2.1 to 3.8 s, on a machine with two cores (bench/webapp3-trace.mjs lists each
 * load's busy threads). Turning the three popup features off leaves no such renderer; puppeteer
 * merges a `--disable-features` list with its own.
 */
export const QUIET_CHROMIUM_ARGS = ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup'];
