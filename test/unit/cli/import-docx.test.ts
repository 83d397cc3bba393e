/** `vanban import` on a Word file: the format from the bytes, the model written, diagnostics placed in words. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/io/model-file.ts";
import { listTasks } from "../../../src/model/refs.ts";
import { runCliInProcess } from "../../support/cli.ts";
import { buildSeedDocx } from "../../support/seed-docx.ts";

describe("vanban import <file.docx>", () => {
  it("writes the model of the seed's DOCX, whatever the file is called, and prints the warnings at their cells", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-import-docx-"));
    const input = join(dir, "quyet-dinh.bin");
    writeFileSync(input, (await buildSeedDocx()).bytes);
    const output = join(dir, "model.yaml");
    const run = await runCliInProcess(["import", input, "-o", output]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${input} (section 2, table 1, row 19, cell 1) warning appendix/group-sequence`);
    const loaded = parseModel(readFileSync(output, "utf8"), output);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(listTasks(loaded.decision!)).toHaveLength(37);
  });
});
