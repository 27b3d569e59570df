/**
 * Headless Chromium for the Node tests that open a page: the system's (Debian: apt-get install
 * chromium), or CHROME_PATH. --no-sandbox because Chromium refuses to run as root without it.
 */
import puppeteer from 'puppeteer-core';

/** Resolves to a launched browser; `extraArgs` go after the common flags. */
export function launchChromium(extraArgs = []) {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...extraArgs],
  });
}
