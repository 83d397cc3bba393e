import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "../../support/cli.ts";
import { writeSmallModel } from "../../support/seed.ts";

describe("vanban build's warnings", () => {
  it("prints every warning but the irregularities of the official text kept as written, which it counts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-warnings-"));
    const model = writeSmallModel(dir);
    writeFileSync(model, readFileSync(model, "utf8").replace("lead: Văn phòng UBND tỉnh", "lead: Trung tâm Phục vụ hành chính công"));
    const run = await runCliInProcess(["build", model, "-o", join(dir, "out"), "--formats", "docx", "--no-check"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning agency\/unlisted "Trung tâm Phục vụ hành chính công"/);
    // the seed's trích yếu in capitals and its editorial Nơi nhận are kept as written: counted, not printed
    expect(run.stderr).not.toMatch(/warning model\/subject-caps/);
    expect(run.stderr).not.toMatch(/warning model\/editorial-recipients/);
    expect(run.stderr).toMatch(/\(\d+ irregularities of the official text kept as written: vanban validate .* lists them\)/);
  });
});
