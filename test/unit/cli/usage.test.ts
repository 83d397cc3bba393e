/** Option values are checked before any work: a bad one is a usage error (exit 2), never a crash or a default. */
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../../src/cli/output.ts";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";
import { SEED_MODEL_FILE } from "../../support/seed.ts";

describe("usage errors", () => {
  it.each(["abc", "1000", String(availableParallelism() + 1), "-1", "1.5", ""])("--workers %j is a usage error", async (workers) => {
    const run = await runCliInProcess(["build", SEED_MODEL_FILE, "--workers", workers]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/--workers must be auto or a whole number from 0 to \d+/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it.each(["abc", "3601", "-5"])("--wait %j is a usage error", async (wait) => {
    const run = await runCliInProcess(["build", SEED_MODEL_FILE, "--wait", wait]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/--wait takes a number of seconds/);
  });

  it("--help lists every exit code", async () => {
    const run = await runCliInProcess(["--help"]);
    expect(run.status).toBe(EXIT.ok);
    for (const code of Object.values(EXIT)) expect(run.stdout).toMatch(new RegExp(`^  ${code}\\b`, "m"));
  });
});
