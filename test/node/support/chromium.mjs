/**
 * Headless Chromium for the Node tests that open a page: the system's (Debian: apt-get install
 * chromium), or CHROME_PATH. --no-sandbox because Chromium refuses to run as root without it.
 */
import puppeteer from 'puppeteer-core';
import { QUIET_CHROMIUM_ARGS } from '../../../tools/lib/quiet-chromium.mjs';

/** Resolves to a launched browser; `extraArgs` go after the common flags. */
export function launchChromium(extraArgs = []) {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The omnibox popup's WebUI renderer off: it competes with the page for the processor.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...QUIET_CHROMIUM_ARGS, ...extraArgs],
  });
}
