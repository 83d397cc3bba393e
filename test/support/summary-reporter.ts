import type { Reporter, TestModule } from "vitest/node";

/** CI reads a plain "Tests: N passed, N failed" closing line; vitest's own summary is not in that form. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
    }
    // A module that fails to load has no failed test but must still fail the run.
    if (failed === 0 && modules.some((m) => m.state() === "failed")) failed = 1;
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
  }
}
