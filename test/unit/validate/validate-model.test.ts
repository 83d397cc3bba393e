import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/io/model-file.ts";
import { placeDiagnostics } from "../../../src/diagnostics/locate.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { JSON_SCHEMAS, renderJsonSchema } from "../../../src/resolve/json-schema.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { runCliInProcess } from "../../support/cli.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const seedYaml = readFileSync(SEED_MODEL_FILE, "utf8");
const env = await validationEnv();

function validate(source: string) {
  const loaded = parseModel(source, "model.yaml");
  if (!loaded.decision) return loaded.diagnostics;
  return [...loaded.diagnostics, ...placeDiagnostics(validateDecision(loaded.decision, env), "model.yaml", loaded.locate)];
}
/** An override of task I.1's lead, written for `text`. */
const OVERRIDE = (text: string, agencies: string, task = "I.1") => `overrides:\n  - task: ${task}\n    field: lead\n    text: ${text}\n    agencies: ${agencies}`;
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
      "deadline/before-issue": 1,
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

  it("is the importer's output for the bundled scrape (regenerate with `vanban import` or `vanban migrate`)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-import-"));
    const file = join(dir, "seeds", "model.yaml");
    const run = await runCliInProcess(["import", "seeds/qd-503-2013.txt", "-o", file]);
    expect(run.status).toBe(0);
    const written = readFileSync(file, "utf8").split("\n");
    // the modeline points at the schema from where the model is saved
    expect(written[0]).toBe(`# yaml-language-server: $schema=${relative(join(dir, "seeds"), resolve("schema/decision.schema.json"))}`);
    expect(written.slice(1)).toEqual(seedYaml.split("\n").slice(1));
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
    ["an unknown agency id in an override", (s: string) => s.replace("overrides: []", OVERRIDE("Văn phòng UBND tỉnh", "[van-phong-ubnd-tinhh]")), "van-phong-ubnd-tinhh", "agency/unknown-id"],
    ["an override that contradicts the text", (s: string) => s.replace("overrides: []", OVERRIDE("Văn phòng UBND tỉnh", "[so-tu-phap]")), "agencies: [so-tu-phap]", "override/contradicts"],
    ["an override written for text the cell no longer has", (s: string) => s.replace("overrides: []", OVERRIDE("Văn phòng UBND", "[so-tu-phap]")), "text: Văn phòng UBND", "override/stale"],
    ["an override of a task that does not exist", (s: string) => s.replace("overrides: []", OVERRIDE("Văn phòng UBND tỉnh", "[so-tu-phap]", "IX.9")), "task: IX.9", "override/unknown-task"],
    ["a document without a body", (s: string) => s.replace(/^articles:\n(  .*\n)+/m, ""), "schemaVersion:", "model/body-missing"],
    ["an unknown profile", (s: string) => s.replace("profile: nd30", "profile: nd31"), "profile: nd31", "model/schema"],
    ["an unknown reportVia agency", (s: string) => s.replace("reportVia: so-noi-vu", "reportVia: so-noi-vuu"), "reportVia: so-noi-vuu", "letters/report-via-unknown"],
  ])("%s", (_name, edit, needle, ruleId) => {
    const source = edit(seedYaml);
    const d = validate(source).find((x) => x.ruleId === ruleId);
    expect(d?.severity).toBe("error");
    expect(d?.start?.line).toBeGreaterThanOrEqual(lineIndex(source, needle) - (ruleId === "model/yaml" ? 0 : 1));
    expect(d?.start?.line).toBeLessThanOrEqual(lineIndex(source, needle) + 1);
  });

  it("a date that does not exist says why, and a draft's date without its day is a date", () => {
    const [bad] = validate(seedYaml.replace("date: 2013-02-06", "date: 2013-02-30")).filter((d) => d.ruleId === "model/schema");
    expect(bad!.message).toContain("2013-02-30 is no date: February 2013 has 28 days");
    expect(validate(seedYaml.replace("date: 2013-02-06", "date: 2013-13")).some((d) => d.message.includes("there is no month 13"))).toBe(true);
    expect(validate(seedYaml.replace("date: 2013-02-06", "date: 2013-02")).filter((d) => d.ruleId === "model/schema")).toEqual([]);
  });

  it("a pinned due date that the deadline's wording contradicts is an error", () => {
    const source = seedYaml.replace("overrides: []", "overrides:\n  - task: VIII.1\n    field: deadline\n    text: Tháng 1\n    due: 2013-02-15");
    const d = validate(source).find((x) => x.ruleId === "override/contradicts");
    expect(d?.severity).toBe("error");
    expect(d?.start?.line).toBe(lineIndex(source, "due: 2013-02-15"));
  });

  it("a lead whose text is edited is resolved from the new text: no stored id can disagree with it", () => {
    const source = seedYaml.replace("lead: Sở Tư pháp\n", "lead: Sở Y tế\n");
    const decision = parseModel(source, "model.yaml").decision!;
    expect(validate(source).filter((d) => d.severity === "error")).toEqual([]);
    const task = resolveDecision(decision, env.resolver).tasks.find((t) => t.task.lead === "Sở Y tế")!;
    expect(task.lead).toEqual(["so-y-te"]);
  });

  it("an agency no directory lists keeps its task, with a warning naming it", () => {
    const source = seedYaml.replace("lead: Sở Tư pháp\n", "lead: Trung tâm Hành chính công tỉnh\n");
    const warning = validate(source).find((d) => d.ruleId === "agency/unlisted")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain("Trung tâm Hành chính công tỉnh");
    expect(warning.start?.line).toBe(lineIndex(source, "lead: Trung tâm Hành chính công tỉnh"));
    const resolved = resolveDecision(parseModel(source, "model.yaml").decision!, env.resolver);
    const letter = resolved.assignments.find((a) => a.agency.name === "Trung tâm Hành chính công tỉnh")!;
    expect(letter.agency.addressee).toBe("Trung tâm Hành chính công tỉnh");
    expect(letter.lead.map((t) => t.task.content)).toHaveLength(1);
  });
});

describe("vanban validate (the CLI's entry, in this process)", () => {
  it("exits 0 on the seed and prints file:line:col diagnostics and the summary", async () => {
    const run = await runCliInProcess(["validate", SEED_MODEL_FILE]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^seeds\/qd-503-2013\.yaml:\d+:\d+ warning appendix\/group-sequence /m);
    expect(run.stderr).toContain("1 appendices, 37 tasks, 41 agencies");
  });
  it("--json gives machine-readable diagnostics", async () => {
    const run = await runCliInProcess(["validate", SEED_MODEL_FILE, "--json"]);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ tasks: 37, agencies: { resolved: 41, unlisted: [] } });
    expect(report.summary.appendices).toHaveLength(1);
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
      ['- number: "2a"', '- number: "2b"', '- number: "2c"', "- group: IV", "- group: V", "- group: VI", "- group: VII", "- group: VIII", "title: CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"].sort(),
    );
    expect(after).toContain("# ghi chú của văn thư");
    const again = await runCliInProcess(["validate", file, "--json"]);
    const rules = JSON.parse(again.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(rules).not.toContain("appendix/group-sequence");
    expect(rules).not.toContain("appendix/empty-number");
    expect(rules).not.toContain("text/known-typo");
  });
});
