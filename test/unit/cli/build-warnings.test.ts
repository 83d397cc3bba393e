import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

describe("a directory of another place", () => {
  it("is a warning when validating and an error when building letters: a Lâm Đồng plan would write to Quảng Nam's agencies", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-place-"));
    const model = writeSmallModel(dir);
    writeFileSync(model, readFileSync(model, "utf8").replace("place: Quảng Nam", "place: Lâm Đồng"));
    const validated = await runCliInProcess(["validate", model]);
    expect(validated.status).toBe(0);
    expect(validated.stderr).toMatch(/warning agency\/directory-place the document is issued in Lâm Đồng/);
    const built = await runCliInProcess(["build", model, "-o", join(dir, "out"), "--formats", "docx", "--no-check"]);
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(/error agency\/directory-place/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
