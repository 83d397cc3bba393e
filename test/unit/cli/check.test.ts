/**
 * `runCheck` (the `vanban check` command) on real files: the table of every rule, exit 0 / 1 / 2, the
 * profile taken from the document's keywords unless given, JSON output, and clear messages without a
 * stack trace for files that are not a readable DOCX.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { LAYOUT_RULE_IDS } from "../../../src/check/report.ts";
import { runCheck, type CheckCommandOptions } from "../../../src/cli/check.ts";
import { loadTinos } from "../../../src/io/fonts.ts";
import { TextMeasurer } from "../../../src/layout/measure.ts";
import { STACK_LINE } from "../../support/cli.ts";
import { buildDecisionFixture } from "../../support/fixture/decision-fixture.ts";
import { packDocx, p, r, sectPr } from "../../support/fixture/ooxml-package.ts";
import { buildSeedDocx } from "../../support/seed-docx.ts";

const dir = mkdtempSync(join(tmpdir(), "vanban-check-"));
const files: Record<string, string> = {};
const write = (name: string, data: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, data);
  return (files[name] = file);
};

beforeAll(async () => {
  const measurer = new TextMeasurer(await loadTinos());
  write("seed.docx", (await buildSeedDocx("nd30")).bytes);
  write("tt01.docx", await buildDecisionFixture(measurer, { profile: "tt01" }));
  write("march.docx", await buildDecisionFixture(measurer, { placeDate: "Quảng Nam, ngày 06 tháng 03 năm 2013" }));
  write("bare.docx", packDocx({ body: p(r("Một văn bản")) + sectPr() }));
});

afterEach(() => vi.restoreAllMocks());

async function run(file: string, options: CheckCommandOptions = {}) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await runCheck(file, options);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

const ruleRow = (stdout: string, id: string) => stdout.split("\n").find((line) => line.startsWith(`${id} `));

describe("vanban check on documents", () => {
  it("our seed: a row per rule with status, measured, expected and place; exit 0", async () => {
    const { code, stdout, stderr } = await run(files["seed.docx"]!);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("profile nd30 (document keywords), recognised as decision");
    for (const id of LAYOUT_RULE_IDS) expect(ruleRow(stdout, id), id).toBeDefined();
    expect(ruleRow(stdout, "PAGE-MARGIN")).toMatch(/pass\s+§1 top 1134.*top 1134–1417 tw/);
    expect(ruleRow(stdout, "HDR-DATE")).toMatch(/§1 ¶8 "Quảng Nam, ngày 06 tháng 02 năm 2013"$/);
    expect(ruleRow(stdout, "HDR-PARENT")).toMatch(/not-evaluated\s+\(no parent body/);
    expect(stdout).toContain("warning TITLE-SUBJECT:");
    expect(stdout).toMatch(/38 rules: 34 pass, 0 fail, 4 not evaluated; 2 warning\(s\)\n$/);
  });

  it("a failing document: exit 1, the failing rule in the table and in full below it", async () => {
    const { code, stdout } = await run(files["march.docx"]!);
    expect(code).toBe(1);
    expect(ruleRow(stdout, "HDR-DATE")).toMatch(/^HDR-DATE\s+fail\s+"Quảng Nam, ngày 06 tháng 03 năm 2013"/);
    expect(stdout).toContain('fail HDR-DATE: month written "03", expected "3"');
    expect(stdout).toMatch(/1 fail/);
  });

  it("--quiet lists the failing rules only", async () => {
    const { stdout } = await run(files["march.docx"]!, { quiet: true });
    const rows = LAYOUT_RULE_IDS.filter((id) => ruleRow(stdout, id) !== undefined);
    expect(rows).toEqual(["HDR-DATE"]);
  });

  it("the profile comes from the document's keywords, else nd30; --profile overrides it", async () => {
    const fromKeywords = await run(files["tt01.docx"]!);
    expect(fromKeywords.code).toBe(0);
    expect(fromKeywords.stdout).toContain("profile tt01 (document keywords)");
    const overridden = await run(files["tt01.docx"]!, { profile: "nd30" });
    expect(overridden.code).toBe(1);
    expect(overridden.stdout).toContain("profile nd30 (option)");
    expect(ruleRow(overridden.stdout, "PAGE-NUM")).toMatch(/fail/);
    const bare = await run(files["bare.docx"]!);
    expect(bare.stdout).toContain("profile nd30 (default), recognised as unknown");
    expect(bare.code).toBe(1);
  });

  it("--json: the report and the failures as diagnostics", async () => {
    const { code, stdout } = await run(files["march.docx"]!, { json: true });
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ ok: false, profile: "nd30", profileSource: "document keywords", kind: "decision" });
    expect(json.results).toHaveLength(LAYOUT_RULE_IDS.length);
    expect(json.diagnostics).toEqual([expect.objectContaining({ ruleId: "HDR-DATE", severity: "error", file: files["march.docx"], path: ["section", 1, "paragraph", 8] })]);
  });
});

describe("vanban check on files that are not a readable DOCX: exit 2, a clear message, no stack trace", () => {
  const ole = new Uint8Array(1536);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ole.set(Buffer.from("EncryptionInfo", "utf16le"), 1024);
  const docx = packDocx({ body: p(r("x")) + sectPr() });
  const cases: [name: string, data: string | Uint8Array, message: RegExp, kind: string][] = [
    ["notes.txt", "Quyết định 503/QĐ-UBND\n", /not a DOCX: it is not a zip package/, "not-zip"],
    ["truncated.docx", docx.slice(0, 300), /corrupt or truncated zip package/, "corrupt-zip"],
    ["other.zip", zipSync({ "readme.txt": strToU8("x") }), /not a DOCX: it has no word\/document\.xml/, "not-docx"],
    ["locked.docx", ole, /password-protected/, "password-protected"],
  ];
  it.each(cases)("%s", async (name, data, message, kind) => {
    const file = write(name, data);
    const text = await run(file);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe("");
    expect(text.stderr).toMatch(message);
    expect(text.stderr.startsWith(`vanban check: ${file}: `)).toBe(true);
    expect(text.stderr).not.toMatch(STACK_LINE);
    const json = await run(file, { json: true });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { kind } });
  });

  it("a missing file", async () => {
    const { code, stderr } = await run(join(dir, "missing.docx"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read the file \(ENOENT\)/);
  });
});
