/**
 * Models past a limit of src/validate/limits.ts are refused by validation with the limit's rule id at the
 * offending cell, paragraph or task, before anything is laid out: each hostile shape here took minutes or
 * gigabytes to render before (see the measurements in limits.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticModel } from "../../../src/bench/synthetic-model.ts";
import { loadAndValidate } from "../../../src/cli/validate.ts";
import type { Decision, Group, Row } from "../../../src/model/schema.ts";
import { AgencyResolver } from "../../../src/resolve/resolve-cell.ts";
import { checkLimits, MODEL_LIMITS } from "../../../src/validate/limits.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";
import { loadSeed } from "../../support/seed-docx.ts";
import { validationEnv, writeSmallModel } from "../../support/seed.ts";

const dir = mkdtempSync(join(tmpdir(), "vanban-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seed = (await loadSeed()).decision;
const env = await validationEnv();

const SMALL = writeSmallModel(dir);
const CONTENT = "content: Xây dựng, triển khai Chương trình ban hành văn bản QPPL năm 2013";
/** The line and column of task I.1's content value in the small model. */
const CONTENT_AT = (() => {
  const lines = readFileSync(SMALL, "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(CONTENT));
  return { line: line + 1, column: lines[line]!.indexOf("content:") + "content: ".length + 1 };
})();

/** The small model with task I.1's content replaced by `text`, validated from its file. */
async function validateContent(name: string, text: string) {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, readFileSync(SMALL, "utf8").replace(CONTENT, `content: ${JSON.stringify(text)}`));
  const { diagnostics } = await loadAndValidate(file);
  return diagnostics.filter((d) => d.severity === "error").map((d) => [d.ruleId, d.start?.line, d.start?.column]);
}

const words = (chars: number) => "khai triển ".repeat(Math.ceil(chars / 11)).slice(0, chars).trimEnd().padEnd(chars, "x");

describe("text limits: the offending cell, at its position", () => {
  const at = (ruleId: string) => [[ruleId, CONTENT_AT.line, CONTENT_AT.column]];
  it.each([
    ["a cell one character over the limit", words(MODEL_LIMITS.cellChars + 1), at("limit/text")],
    ["a cell at the limit", words(MODEL_LIMITS.cellChars), []],
    ["a word one character too long", `Kiểm tra ${"a".repeat(MODEL_LIMITS.wordChars + 1)} xong`, at("limit/long-word")],
    ["a word at the limit", `Kiểm tra ${"a".repeat(MODEL_LIMITS.wordChars)} xong`, []],
    ["one line break too many", "x\n".repeat(MODEL_LIMITS.lineBreaks + 1), at("limit/line-breaks")],
    ["line breaks at the limit", "x\n".repeat(MODEL_LIMITS.lineBreaks), []],
  ])("%s", async (name, text, expected) => {
    expect(await validateContent(name.replace(/\W+/g, "-"), text)).toEqual(expected);
  });

  // each of these took minutes to lay out (limits.ts); validation refuses it at once
  it.each([
    ["a 500 KB cell of words", words(500_000), ["limit/text"]],
    ["400 KB without a space", "a".repeat(400_000), ["limit/text", "limit/long-word"]],
    ["50,000 line breaks", "x\n".repeat(50_000), ["limit/text", "limit/line-breaks"]],
  ])("%s", (_, text, expected) => {
    const rows: Row[] = [{ number: "1", content: text, lead: "Sở Nội vụ", deadline: "Quý I", rows: [] }];
    const found = validateDecision(withItems([{ group: "I", title: "A", items: rows }]), env);
    expect(found.map((d) => [d.ruleId, d.path?.join(".")])).toEqual(expected.map((id) => [id, "appendices.0.items.0.items.0.content"]));
  });

  it("a paragraph (a căn cứ) and a line (the trích yếu, which the letters quote) have their own limits; the whole model's text has one too", () => {
    const long: Decision = { ...seed, legalBases: [words(MODEL_LIMITS.paragraphChars + 1), ...seed.legalBases], subject: words(MODEL_LIMITS.lineChars + 1) };
    expect(checkLimits(long, env).map((d) => [d.ruleId, d.path?.join(".")])).toEqual([
      ["limit/text", "subject"],
      ["limit/text", "legalBases.0"],
    ]);
    expect(checkLimits({ ...seed, legalBases: [words(MODEL_LIMITS.paragraphChars)], subject: words(MODEL_LIMITS.lineChars) }, env)).toEqual([]);
    // an override repeats a cell as it read: a cell's limit
    const pinned = { task: "I.1", field: "lead" as const, text: words(MODEL_LIMITS.cellChars), agencies: ["so-noi-vu"] };
    expect(checkLimits({ ...seed, overrides: [pinned] }, env)).toEqual([]);
    // cells each within the limit, too many of them
    const cells = Math.ceil(MODEL_LIMITS.modelChars / MODEL_LIMITS.cellChars) + 1;
    const rows: Row[] = Array.from({ length: cells }, (_, i) => ({ number: String(i + 1), content: words(MODEL_LIMITS.cellChars), lead: "Sở Nội vụ", deadline: "Quý I", rows: [] }));
    const found = checkLimits(withItems([{ group: "I", title: "A", items: rows }]), env).map((d) => d.ruleId);
    expect(found).toEqual(["limit/model-text"]);
  });
});

function withItems(items: (Group | Row)[], appendix: Partial<Decision["appendices"][number]> = {}): Decision {
  return { ...seed, appendices: [{ ...seed.appendices[0]!, items, ...appendix }] };
}

describe("count limits: the first task or row past the limit", () => {
  const ids = (d: Decision, e = env) => checkLimits(d, e).map((x) => [x.ruleId, x.path?.join(".")]);

  it("the seed and the bench's largest case (1,000 agencies × 10,000 tasks) are within every limit", () => {
    expect(ids(seed)).toEqual([]);
    const bench = syntheticModel(seed, { agencies: 1000, tasks: 10_000 });
    expect(ids(bench.decision, { ...env, resolver: new AgencyResolver(bench.directory) })).toEqual([]);
  });

  it("tasks: one past the limit is refused at that task, and validation stops there", () => {
    const groups: Group[] = Array.from({ length: MODEL_LIMITS.tasks / 10 + 1 }, (_, g) => ({
      group: String(g + 1),
      title: "NHÓM",
      items: Array.from({ length: 10 }, (_, i): Row => ({ number: String(i + 1), content: "Việc", lead: "Sở Thử nghiệm", deadline: "Quý I", rows: [] })),
    }));
    const decision = withItems(groups);
    // groups of 10: task 15,001 is the first row of group 1,501
    const expected = [["limit/tasks", `appendices.0.items.${MODEL_LIMITS.tasks / 10}.items.0`]];
    // no other rule runs on it (its lead is in no directory: no agency/unlisted)
    expect(validateDecision(decision, env).map((d) => [d.ruleId, d.path?.join(".")])).toEqual(expected);
  });

  it("agencies: the task that names the first agency past the limit", () => {
    const model = syntheticModel(seed, { agencies: MODEL_LIMITS.agencies + 1, tasks: MODEL_LIMITS.agencies + 1 });
    const found = checkLimits(model.decision, { ...env, resolver: new AgencyResolver(model.directory) });
    expect(found.map((d) => d.ruleId)).toEqual(["limit/agencies"]);
    // every task leads round-robin, supports at random: the first past the limit is at or before the last task
    expect(found[0]!.path).toEqual(expect.arrayContaining(["appendices", 0, "items"]));
  });

  it("letter rows: a group in every support cell lists each task in every letter", () => {
    const model = syntheticModel(seed, { agencies: 100, tasks: 1000 });
    const decision = withItems(
      (model.decision.appendices[0]!.items as Group[]).map((g) => ({ ...g, items: g.items.map((r) => ({ ...r, support: "Các Sở" })) })),
    );
    const found = checkLimits(decision, { ...env, resolver: new AgencyResolver(model.directory) });
    // 100 agencies a task: the 601st task passes 60,000 rows (row 1 of group 61)
    expect(found.map((d) => [d.ruleId, d.path?.join(".")])).toEqual([["limit/letter-rows", "appendices.0.items.60.items.0"]]);
  });

  it("rows of one appendix, a table without tasks too", () => {
    const rows: Row[] = Array.from({ length: MODEL_LIMITS.appendixRows + 1 }, (_, i) => ({ number: String(i + 1), content: "Đơn vị", rows: [] }));
    const units = withItems(rows, { columns: [{ role: "number", label: "STT" }, { role: "content", label: "TÊN ĐƠN VỊ" }] });
    expect(ids(units)).toEqual([["limit/appendix-rows", `appendices.0.items.${MODEL_LIMITS.appendixRows}`]]);
  });
});

describe("the file and the commands", () => {
  it("a model file over the size limit is refused as it is read", async () => {
    const file = join(dir, "huge.yaml");
    writeFileSync(file, `${readFileSync(SMALL, "utf8")}\n${"# padding\n".repeat(MODEL_LIMITS.modelBytes / 10 + 1)}`);
    const { diagnostics } = await loadAndValidate(file);
    expect(diagnostics.map((d) => [d.ruleId, d.message.includes(String(MODEL_LIMITS.modelBytes))])).toEqual([["input/too-large", true]]);
  });

  it("build refuses a hostile cell (exit 1, its position), writing nothing", async () => {
    const file = join(dir, "nospace.yaml");
    writeFileSync(file, readFileSync(SMALL, "utf8").replace(CONTENT, `content: ${"a".repeat(10_000)}`));
    const run = await runCliInProcess(["build", file, "-o", join(dir, "out")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`nospace.yaml:${CONTENT_AT.line}:${CONTENT_AT.column} error limit/long-word`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(() => readFileSync(join(dir, "out", "qd-503-2013", "manifest.json"))).toThrow();
  });
});
