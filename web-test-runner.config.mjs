import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { serveStatic } from './test/support/static-fixtures.mjs';
import { scratchFiles } from './test/support/scratch-files.mjs';
import { webapp3Bundles } from './test/support/webapp3-bundle.mjs';
import { allowAnyOrigin } from './test/support/cross-origin-files.mjs';
import { dropInAlone } from './test/support/drop-in-alone.mjs';
import { fileURLToPath } from 'node:url';
import { createSimulator, koaMiddleware } from './tools/infinity-simulator/simulator.mjs';
import { QUIET_CHROMIUM_ARGS } from './tools/lib/quiet-chromium.mjs';

// The Infinity simulator, same origin as the tests: /api/client/v2/... and /_simulator/...
const simulator = createSimulator();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [
    serveStatic('/test/fixtures/', fileURLToPath(new URL('./test/fixtures/', import.meta.url))),
    serveStatic('/demo/branding/', fileURLToPath(new URL('./demo/branding/', import.meta.url))),
    // webapp2's layout: the test page is at the root, so its custom_configuration/ (the host's
    // default branding folder, and where plugins fetch their own files page-relative) is here.
    serveStatic('/custom_configuration/', fileURLToPath(new URL('./test/fixtures/runtime/deployment-layout/', import.meta.url))),
    // The demo's Web App 3 plugin's frame reads its files cross-origin, as the demo's server lets it (test/demo-webapp3.test.ts).
    allowAnyOrigin('/demo/custom_configuration/plugins/'),
    // The demo's branding beside a page whose base is /demo/ (test/demo-plugins.test.ts), as the demo serves it.
    serveStatic('/demo/custom_configuration/', fileURLToPath(new URL('./demo/branding/webapp2/', import.meta.url))),
    scratchFiles(),
    // The built drop-in without the chunks beside it (test/dist-alone.test.ts).
    dropInAlone(fileURLToPath(new URL('./dist/', import.meta.url))),
    koaMiddleware(simulator),
  ],
  // Standard decorators and class fields need lowering for the browser; see TOOLCHAIN notes.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022' }),
    webapp3Bundles(),
    // Its event streams and timers end with the server.
    { name: 'infinity-simulator', serverStop: () => simulator.close() },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        // The popup blocker on, as in a user's browser: a Web App 3 plugin's popup must open
        // from the user's click (test/webapp3-popups.test.ts clicks as the user does).
        ignoreDefaultArgs: ['--disable-popup-blocking'],
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run in parallel pages; a page in the background must keep its timers
          // and animation frames running, or it stalls until it is in front.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
          // The omnibox popup's WebUI renderer off, so that the tests' timing is the page's own.
          ...QUIET_CHROMIUM_ARGS,
        ],
      },
    }),
  ],
  // One page at a time: a page in the background gets no focus, and dialogs and menus are about focus.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
