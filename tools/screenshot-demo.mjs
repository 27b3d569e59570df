// @ts-check
/* global window, document -- the functions given to page.evaluate / waitForFunction run in the page */
/**
 * Takes docs/demo.png (1280×800): the demo (`npm start`) on its own Vite dev server — the
 * Infinity simulator with scripted participants inside — in headless Chromium.
 *
 *   npm run screenshot            (node tools/screenshot-demo.mjs)
 *
 * It waits until the page has joined `meet` and the scripted participants have done a few
 * things, starts a recording through the recording plugin's dialog, asks the chat bot for !help,
 * raises the user's hand, locks the conference through the lock plugin and leaves the conference
 * menu open (its item now says Unlock). Chromium comes from
 * CHROME_PATH, else /usr/bin/chromium. Exits 1 if anything on the way fails or a plugin reports
 * an error.
 */
import { mkdir } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = join(ROOT, 'docs', 'demo.png');
const VIEWPORT = { width: 1280, height: 800 };
/** How long the scripted participants get to act before the screenshot (they act every 2.5 s). */
const SCRIPTED_MS = 8000;

/** A port nobody listens on now. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  process.chdir(ROOT); // the demo's config names its root relative to the project
  const port = await freePort();
  const server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  await server.listen();
  const url = `http://127.0.0.1:${port}/`;
  console.log(`demo at ${url}`);

  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  /** @type {string[]} */
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.setViewport(VIEWPORT);
    page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (message) => {
      // A failed resource load is reported below with its URL.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      // Browsers ask for /favicon.ico by themselves; the demo has none.
      if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
        problems.push(`${response.status()} from ${response.url()}`);
      }
    });
    // Plugin errors and branding diagnostics bubble (composed) up to the document.
    await page.evaluateOnNewDocument(() => {
      const seen = /** @type {string[]} */ ([]);
      Object.defineProperty(window, '__pexProblems', { value: seen });
      document.addEventListener('pex-plugin-error', (event) => {
        const { id, phase, error } = /** @type {CustomEvent} */ (event).detail;
        seen.push(`pex-plugin-error ${id} (${phase}): ${error?.message ?? error}`);
      });
      document.addEventListener('pex-diagnostic', (event) => {
        const { diagnostic } = /** @type {CustomEvent} */ (event).detail;
        if (diagnostic.severity !== 'info') seen.push(`${diagnostic.severity} ${diagnostic.file}: ${diagnostic.message}`);
      });
    });

    // 'load', not 'networkidle': the conference's event stream stays open.
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('In meet'), { timeout: 20_000 });
    const toolbarButton = (/** @type {string} */ label) =>
      page.waitForFunction(
        (name) => document.querySelector('pex-toolbar')?.shadowRoot?.querySelector(`[part="button"][aria-label="${name}"]`),
        { timeout: 10_000 },
        label,
      );
    await toolbarButton('Start recording');
    console.log('joined meet; letting the scripted participants act');
    await sleep(SCRIPTED_MS);

    // Start a recording through the recording plugin: toolbar button, then the dialog's Start.
    await (await toolbarButton('Start recording')).click();
    await page.waitForFunction(() => /** @type {HTMLInputElement | null} */ (document.getElementById('recordingPluginAlias'))?.value);
    await page.click('#recordingPluginStart');
    await toolbarButton('Stop recording');
    await page.waitForFunction(() => !document.querySelector('pex-template-dialog'));

    // Ask the chat bot for help from the demo's own chat form.
    await page.type('#chat-input', '!help');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('chat-log')?.textContent?.includes('Chat bot commands'));

    // Raise your own hand: the raised-hands plugin counts it on its toolbar button.
    await page.click('#raise-hand');
    await page.waitForFunction(() => document.getElementById('raise-hand')?.getAttribute('aria-pressed') === 'true');

    // Lock the conference through the lock plugin's conference-menu item, then open the menu
    // again: the item now says Unlock.
    const menuItem = async (/** @type {string} */ label) => {
      const handle = await page.waitForFunction(
        (name) =>
          [...(document.querySelector('pex-conference-menu')?.shadowRoot?.querySelectorAll('[part="item"]') ?? [])].find(
            (item) => item.textContent?.trim() === name,
          ),
        { timeout: 10_000 },
        label,
      );
      return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (handle);
    };
    await page.click('#conference-menu-button');
    await (await menuItem('Lock')).click();
    await page.waitForFunction(() => document.getElementById('lock')?.getAttribute('aria-pressed') === 'true');
    await page.click('#conference-menu-button');
    await (await menuItem('Unlock')).hover();
    // Catch someone speaking (a green tile) if the scripted participants oblige within a few seconds.
    await page.waitForFunction(() => document.querySelector('.tile.speaking'), { timeout: 6000 }).catch(() => {});
    await sleep(200);

    problems.push(...(await page.evaluate(() => /** @type {string[]} */ (Reflect.get(window, '__pexProblems')))));
    await mkdir(dirname(OUTPUT), { recursive: true });
    await page.screenshot({ path: /** @type {`${string}.png`} */ (OUTPUT) });
    console.log(`wrote ${OUTPUT} (${VIEWPORT.width}×${VIEWPORT.height})`);
  } finally {
    await browser.close();
    await server.close();
  }
  if (problems.length > 0) {
    console.error(`the page reported problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
