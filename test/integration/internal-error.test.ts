/**
 * A bug (an exception no command turned into a diagnostic) is still a diagnostic: internal/bug, exit 70, no stack trace.
 * Here, not among the unit tests: those share module registries between files, and this mocks a command.
 */
import { describe, expect, it, vi } from "vitest";
import { EXIT } from "../../src/cli/output.ts";
import { runCliInProcess, STACK_LINE } from "../support/cli.ts";

vi.mock("../../src/cli/diff.ts", () => ({
  runDiff: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'tasks')");
  },
}));

describe("a bug in a command", () => {
  it("is reported as internal/bug with exit code 70, without a stack trace", async () => {
    const run = await runCliInProcess(["diff", "a.yaml", "b.yaml"]);
    expect(run.status).toBe(EXIT.internal);
    expect(run.stderr).toMatch(/^-:1:1 error internal\/bug vanban failed unexpectedly: Cannot read properties of undefined \(reading 'tasks'\)$/m);
    expect(run.stderr).toMatch(/hint: this is a bug in vanban: please report it/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
