/** `vanban check` reads at most its limit, whatever stat says: /dev/zero is refused as too large (exit 2), not read forever. */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../../src/cli/output.ts";
import { runCliInProcess } from "../../support/cli.ts";

describe("vanban check on an endless input", () => {
  it("stops at the limit with exit 2", async () => {
    const run = await runCliInProcess(["check", "/dev/zero", "--json"]);
    expect(run.status).toBe(EXIT.unreadable);
    expect(JSON.parse(run.stdout).error).toMatchObject({ kind: "too-large", message: expect.stringMatching(/holds more than \d+ bytes/) });
  });
});
