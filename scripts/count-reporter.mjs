import { writeFileSync } from 'node:fs';

/** Sums passed / failed / skipped tests of every session in a @web/test-runner run. */
function count(suite, totals) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite.suites ?? []) count(s, totals);
}

/**
 * A @web/test-runner reporter that prints `browser: N passed, N failed` when the run ends and,
 * when `VT_COUNTS_FILE` is set, writes the counts there for `scripts/test.mjs`.
 * A test file that fails to load counts as one failure.
 */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed++;
      }
      if (process.env.VT_COUNTS_FILE) writeFileSync(process.env.VT_COUNTS_FILE, JSON.stringify(totals));
      console.log(`browser: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
