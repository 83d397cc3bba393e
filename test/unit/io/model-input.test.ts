/**
 * What a clerk sees for a model file that is not quite a model: YAML mistakes at their real place with what to
 * type, the encoding of a file that is not UTF-8, and a scrape given to validate/build (or a model to import).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel, parseModel } from "../../../src/io/model-file.ts";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";
import { SEED_MODEL_FILE, SEED_TEXT_FILE } from "../../support/seed.ts";

const dir = mkdtempSync(join(tmpdir(), "vanban-model-input-"));
const seed = readFileSync(SEED_MODEL_FILE, "utf8");

function file(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const yamlErrors = (source: string) => parseModel(source, "m.yaml").diagnostics.filter((d) => d.ruleId === "model/yaml");

describe("YAML syntax errors", () => {
  it("text containing ': ' unquoted: one error at the value, with the quoted line as the hint", () => {
    const [error, ...rest] = yamlErrors("profile: nd30\nsubject: BAN HÀNH: KẾ HOẠCH\n");
    expect(rest).toEqual([]);
    expect(error!.start).toEqual({ line: 2, column: 10 });
    expect(error!.hint).toContain(`put text containing ': ' in double quotes: subject: "BAN HÀNH: KẾ HOẠCH"`);
  });

  it("a key indented deeper than the one above: the error is on that key's line and column, not at the end of the line above", () => {
    const errors = yamlErrors("issuer:\n  code: UBND\n   place: Quảng Nam\nprofile: nd30\n");
    expect(errors.map((e) => e.start)).toEqual([{ line: 3, column: 4 }]);
    expect(errors[0]!.hint).toMatch(/indent this line by 2 spaces, like line 2/);
  });

  it("a key indented less than its siblings: the column where it starts", () => {
    const errors = yamlErrors("issuer:\n  code: UBND\n place: Quảng Nam\n");
    expect(errors.map((e) => e.start)).toEqual([{ line: 3, column: 2 }]);
    expect(errors[0]!.hint).toMatch(/indented by 1 space, the keys above by 2 spaces/);
  });

  it("tabs for indentation: one error for all the lines, not one per line", () => {
    const errors = yamlErrors("issuer:\n\tcode: UBND\n\tplace: Quảng Nam\n\tlines: [a]\nprofile: nd30\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.start).toEqual({ line: 2, column: 1 });
    expect(errors[0]!.message).toContain("(and 2 more lines)");
    expect(errors[0]!.hint).toMatch(/spaces only/);
  });

  it("an unclosed quote: the line where it opens", () => {
    const errors = yamlErrors('profile: nd30\nsubject: "BAN HÀNH\ndocument: x\n');
    expect(errors[0]!.start?.line).toBe(2);
    expect(errors[0]!.hint).toMatch(/close the quote/);
  });

  it("a list item holding ': ' (a mapping to YAML): the schema error says to quote it", () => {
    const source = seed.replace("  - Căn cứ Luật Tổ chức HĐND", "  - Căn cứ Luật: Tổ chức HĐND");
    const loaded = parseModel(source, "m.yaml");
    const error = loaded.diagnostics.find((d) => d.ruleId === "model/schema");
    expect(error?.start?.line).toBe(20);
    expect(error?.hint).toMatch(/double quotes/);
  });
});

describe("encodings", () => {
  it("Windows-1258 bytes: read/invalid-utf8 with the first bad byte's offset and line, naming the likely code page", async () => {
    // "subject: Ủy ban" with Ủ as U + 0xD2 (the combining hook above of Windows-1258)
    const bytes = Uint8Array.from([...new TextEncoder().encode("profile: nd30\nsubject: U"), 0xd2, ...new TextEncoder().encode("y ban\n")]);
    const loaded = await loadModel(file("cp1258.yaml", bytes));
    expect(loaded.decision).toBeUndefined();
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ ruleId: "read/invalid-utf8", message: expect.stringMatching(/0xD2 at offset 24 \(line 2\)/), hint: expect.stringMatching(/Windows-1258/) })]);
  });

  it("UTF-16 (by its byte-order mark) is read, with an info naming it", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, "utf16le")]);
    const loaded = await loadModel(file("utf16.yaml", utf16));
    expect(loaded.decision).toBeDefined();
    expect(loaded.diagnostics.map((d) => d.ruleId)).toContain("read/utf16");
  });
});

describe("the command meant", () => {
  it("validate and build given a scrape say to import it first", async () => {
    for (const command of ["validate", "build"]) {
      const run = await runCliInProcess([command, SEED_TEXT_FILE, "-q"]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/error input\/wrong-command this file looks like the scraped text of a decision, not a model/);
      expect(run.stderr).toContain(`vanban import ${SEED_TEXT_FILE} -o model.yaml`);
      expect(run.stderr.match(/ error /g)).toHaveLength(1);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });

  it("import given a model says which commands take it", async () => {
    const run = await runCliInProcess(["import", SEED_MODEL_FILE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error input\/wrong-command this file looks like a vanban model \(YAML\)/);
    expect(run.stderr).toContain(`vanban validate ${SEED_MODEL_FILE}`);
    expect(run.stdout).toBe("");
  });
});
