import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/io/model-file.ts";
import { placeDiagnostics } from "../../../src/diagnostics/locate.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { JSON_SCHEMAS, renderJsonSchema } from "../../../src/resolve/json-schema.ts";
import { runCliInProcess } from "../../support/cli.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const seedYaml = readFileSync(SEED_MODEL_FILE, "utf8");
const env = await validationEnv();

function validate(source: string) {
  const loaded = parseModel(source, "model.yaml");
  if (!loaded.decision) return loaded.diagnostics;
  return [...loaded.diagnostics, ...placeDiagnostics(validateDecision(loaded.decision, env), "model.yaml", loaded.locate)];
}
const lineIndex = (source: string, needle: string) => source.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("the bundled seed model", () => {
  it("starts with the yaml-language-server modeline", () => {
    expect(seedYaml.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/decision.schema.json");
  });

  it("validates with the expected warnings and no error", () => {
    const diagnostics = validate(seedYaml);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const counts: Record<string, number> = {};
    for (const d of diagnostics.filter((d) => d.severity === "warning")) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
    expect(counts).toEqual({
      "appendix/group-sequence": 5,
      "appendix/empty-number": 3,
      "text/known-typo": 1,
      "model/editorial-recipients": 1,
      "model/subject-caps": 1,
    });
  });

  it("places warnings at the YAML line of the value", () => {
    const typo = validate(seedYaml).find((d) => d.ruleId === "text/known-typo")!;
    expect(typo.start?.line).toBe(lineIndex(seedYaml, "title: CÔNG TÁC CHỈ ĐẠO, HÀNH"));
    expect(typo.start?.column).toBe(seedYaml.split("\n")[typo.start!.line - 1]!.indexOf("CÔNG") + 1);
  });

  it("is the importer's output for the bundled scrape (regenerate with `vanban import`)", async () => {
    const run = await runCliInProcess(["import", "seeds/qd-503-2013.txt"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(seedYaml);
  });
});

describe("model errors point into the YAML", () => {
  it("keeps '05' a string and flags a missing leading zero", () => {
    const five = seedYaml.replace('number: "503"', "number: 5");
    const diagnostics = validate(five);
    const d = diagnostics.find((x) => x.ruleId === "model/number-format");
    expect(d?.start?.line).toBe(lineIndex(five, "number: 5"));
    const zero = validate(seedYaml.replace('number: "503"', "number: 05"));
    expect(zero.some((x) => x.ruleId === "model/number-format")).toBe(false);
  });

  it.each([
    ["a bad date", (s: string) => s.replace("date: 2013-02-06", "date: 2013-02-30"), "date: 2013-02-30", "model/schema"],
    ["an unknown key", (s: string) => s.replace("subject: BAN", "subjekt: x\nsubject: BAN"), "subjekt: x", "model/schema"],
    ["a YAML syntax error", (s: string) => s.replace("profile: nd30", "profile: [nd30"), "profile: [nd30", "model/yaml"],
    ["an unknown agency id", (s: string) => s.replace("agencies: [van-phong-ubnd-tinh]", "agencies: [van-phong-ubnd-tinhh]"), "van-phong-ubnd-tinhh", "agency/unknown-id"],
    ["an unknown profile", (s: string) => s.replace("profile: nd30", "profile: nd31"), "profile: nd31", "model/schema"],
    ["an unknown reportVia agency", (s: string) => s.replace("reportVia: so-noi-vu", "reportVia: so-noi-vuu"), "reportVia: so-noi-vuu", "letters/report-via-unknown"],
  ])("%s", (_name, edit, needle, ruleId) => {
    const source = edit(seedYaml);
    const d = validate(source).find((x) => x.ruleId === ruleId);
    expect(d?.severity).toBe("error");
    expect(d?.start?.line).toBeGreaterThanOrEqual(lineIndex(source, needle) - (ruleId === "model/yaml" ? 0 : 1));
    expect(d?.start?.line).toBeLessThanOrEqual(lineIndex(source, needle) + 1);
  });

  it("warns when a deadline's due date disagrees with its wording", () => {
    const source = seedYaml.replace(/text: Tháng 1\n(\s+)due: 2013-01-31/, "text: Tháng 1\n$1due: 2013-02-15");
    const d = validate(source).find((x) => x.ruleId === "deadline/due-mismatch");
    expect(d?.start?.line).toBe(lineIndex(source, "due: 2013-02-15"));
  });

  it("warns when stored agency ids no longer match the edited text", () => {
    const source = seedYaml.replace("text: Sở Tư pháp\n", "text: Sở Y tế\n");
    expect(validate(source).some((x) => x.ruleId === "agency/stale")).toBe(true);
  });
});

describe("vanban validate (the CLI's entry, in this process)", () => {
  it("exits 0 on the seed and prints file:line:col diagnostics and the summary", async () => {
    const run = await runCliInProcess(["validate", SEED_MODEL_FILE]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^seeds\/qd-503-2013\.yaml:\d+:\d+ warning appendix\/group-sequence /m);
    expect(run.stderr).toContain("8 groups, 37 tasks, 41 agencies resolved");
  });
  it("--json gives machine-readable diagnostics", async () => {
    const run = await runCliInProcess(["validate", SEED_MODEL_FILE, "--json"]);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ groups: 8, tasks: 37, agencies: 41, unresolvedPhrases: [] });
    expect(report.diagnostics.every((d: { start?: { line: number } }) => d.start!.line > 0)).toBe(true);
  });
});

describe("JSON Schema", () => {
  it.each(Object.keys(JSON_SCHEMAS))("schema/%s is up to date (npm run schema)", (name) => {
    expect(readFileSync(`schema/${name}`, "utf8")).toBe(renderJsonSchema(name));
  });
});

describe("vanban validate --fix", () => {
  it("applies the suggested fixes in the file, keeping comments and every other line, and lists them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-fix-"));
    const file = join(dir, "model.yaml");
    const withComment = seedYaml.replace("profile: nd30\n", "profile: nd30 # ghi chú của văn thư\n");
    writeFileSync(file, withComment);
    const run = await runCliInProcess(["validate", file, "--fix"]);
    expect(run.status).toBe(0);
    expect(run.stderr.match(/^fixed /gm)).toHaveLength(9);
    const after = readFileSync(file, "utf8");
    const changed = after.split("\n").filter((line, i) => line !== withComment.split("\n")[i]);
    expect(changed.map((l) => l.trim()).sort()).toEqual(
      ['- number: "2a"', '- number: "2b"', '- number: "2c"', "- numeral: IV", "- numeral: V", "- numeral: VI", "- numeral: VII", "- numeral: VIII", "title: CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"].sort(),
    );
    expect(after).toContain("# ghi chú của văn thư");
    const again = await runCliInProcess(["validate", file, "--json"]);
    const rules = JSON.parse(again.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(rules).not.toContain("appendix/group-sequence");
    expect(rules).not.toContain("appendix/empty-number");
    expect(rules).not.toContain("text/known-typo");
  });
});
