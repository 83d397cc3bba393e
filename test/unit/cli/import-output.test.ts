/** `import -o` at a folder: output/unwritable naming the path the clerk gave, exit 4, nothing left behind. */
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../../src/cli/output.ts";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";
import { SEED_TEXT_FILE } from "../../support/seed.ts";

describe("vanban import -o at a folder", () => {
  it("is output/unwritable with exit 4", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-import-out-"));
    const folder = join(dir, "model.yaml");
    mkdirSync(join(folder, "inside"), { recursive: true });
    const run = await runCliInProcess(["import", SEED_TEXT_FILE, "-o", folder]);
    expect(run.status).toBe(EXIT.output);
    expect(run.stderr).toContain(`${folder}:1:1 error output/unwritable cannot write ${folder}: a folder is in the way`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(dir)).toEqual(["model.yaml"]);
  });
});
