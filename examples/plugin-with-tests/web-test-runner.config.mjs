import { chromeLauncher } from '@web/test-runner-chrome';
import { pluginHostTesting } from 'pex-plugin-host/testing/server';

export default {
  files: 'test/**/*.test.js',
  nodeResolve: true,
  // Serves branding/webapp2/ at /branding/ as it is on disk, and the Infinity simulator.
  ...pluginHostTesting({ folders: { '/branding/': 'branding/webapp2' } }),
  browsers: [
    chromeLauncher({
      launchOptions: {
        // Chromium from the system (Debian: apt-get install chromium), or set CHROME_PATH.
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        // --no-sandbox: Chromium refuses to run as root without it (containers, CI).
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      },
    }),
  ],
  // Dialogs and menus are about focus: one page at a time.
  concurrency: 1,
};
