import { writeFileSync } from 'node:fs';

/**
 * web-test-runner prints no standard closing line; CI counts tests from
 * `N passed, N failed, N skipped`, printed last, once the runner is done.
 * A test file that failed to load (a session error) counts as one failure.
 */
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;

  function count(suite) {
    for (const test of suite.tests ?? []) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const child of suite.suites ?? []) count(child);
  }

  return {
    onTestRunFinished({ sessions }) {
      passed = failed = skipped = 0;
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        if ((session.errors?.length ?? 0) > 0 && !session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) failed++;
      }
    },
    stop() {
      process.on('exit', () => {
        // Under the test command (tools/run-tests.mjs), which adds these to the Node tests' counts.
        if (process.env.PEX_TEST_COUNTS) writeFileSync(process.env.PEX_TEST_COUNTS, JSON.stringify({ passed, failed, skipped }));
        else process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
      });
    },
  };
}
