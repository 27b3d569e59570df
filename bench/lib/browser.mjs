/**
 * Headless Chromium through puppeteer-core (installed with the test runner).
 */
import puppeteer from 'puppeteer-core';
import { QUIET_CHROMIUM_ARGS } from '../../tools/lib/quiet-chromium.mjs';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * @param {{ args?: string[], network?: boolean }} [options] network: false keeps puppeteer from
 *   enabling the DevTools Network domain, which keeps a record per request in the page's heap.
 */
export async function launchBrowser({ args = [], network = true } = {}) {
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    networkEnabled: network,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...QUIET_CHROMIUM_ARGS, ...args],
  });
}

/**
 * A fresh page in its own browser context (no shared storage or cache with earlier runs),
 * HTTP cache off unless `cache` is true (turning it off needs the DevTools Network domain;
 * pages that measure the heap keep it on and launch without it: the server answers
 * `no-store` anyway).
 * Page errors and console errors are collected in `errors`.
 * @param {import('puppeteer-core').Browser} browser
 * @param {{ cache?: boolean }} [options]
 */
export async function freshPage(browser, { cache = false } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (!cache) await page.setCacheEnabled(false);
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (process.env.BENCH_CONSOLE) console.log('[page]', message.type(), message.text().slice(0, 200));
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return {
    page,
    errors,
    close: () => context.close(),
  };
}
