/** Errors in an agency directory point at their line (a syntax error, an entry the schema refuses). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DIRECTORY, loadDirectory } from "../../../src/io/directory.ts";

const dir = mkdtempSync(join(tmpdir(), "vanban-directory-"));
const bundled = readFileSync(DEFAULT_DIRECTORY, "utf8");

/** 1-based line of the first line of `text` equal to `line`. */
const lineOf = (text: string, line: string) => text.split("\n").indexOf(line) + 1;

function directoryWith(text: string): string {
  const file = join(dir, `d${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe("agency directory errors", () => {
  it("the bundled directory loads", async () => {
    expect((await loadDirectory()).directory?.agencies.length).toBeGreaterThan(20);
  });

  it("a syntax error: at its line, with the hint", async () => {
    const text = bundled.replace('    short: "STP"\n', '    short: STP: Tư pháp\n');
    const { directory, diagnostics } = await loadDirectory(directoryWith(text));
    expect(directory).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: "model/yaml", start: { line: lineOf(text, "    short: STP: Tư pháp"), column: 12 }, hint: expect.stringMatching(/double quotes/) })]);
  });

  it("an entry the schema refuses: at that entry's line, not at the top of the file", async () => {
    const text = bundled.replace('    name: "Sở Tư pháp"\n', "");
    const { diagnostics } = await loadDirectory(directoryWith(text));
    expect(diagnostics.length).toBeGreaterThan(0);
    // the entry of so-tu-phap, which lost its name
    expect(diagnostics[0]).toMatchObject({ ruleId: "model/schema", start: { line: lineOf(text, "  - id: so-tu-phap") } });
  });
});
