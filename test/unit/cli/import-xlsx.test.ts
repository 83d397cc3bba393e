/**
 * `vanban import` of workbooks, in this process: the seed's own workbook (built here as `vanban build`
 * builds it) merged back into the seed with --update changes nothing; one row edited in Excel (its
 * deadline and lead) is exactly that change, reported and written, the rest of the file kept line for
 * line. An existing -o is never overwritten without --force. The JSON summary's shape, on the seed and on
 * a model of two appendices.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../../src/cli/output.ts";
import { loadAndValidate } from "../../../src/cli/validate.ts";
import { parseModel } from "../../../src/io/model-file.ts";
import { isGroup, type Decision, type Group, type Row } from "../../../src/model/schema.ts";
import { createRenderContext } from "../../../src/pipeline/render-context.ts";
import type { ResolvedDecision } from "../../../src/resolve/resolve-decision.ts";
import type { RenderContext } from "../../../src/write/context.ts";
import { renderAgencyXlsx, renderAppendixXlsx } from "../../../src/write/xlsx/appendix-xlsx.ts";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";
import { SEED_MODEL_FILE } from "../../support/seed.ts";

let dir: string;
let seedXlsx: string;
let resolved: ResolvedDecision;
let ctx: RenderContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vanban-import-xlsx-"));
  resolved = (await loadAndValidate(SEED_MODEL_FILE)).resolved!;
  ctx = await createRenderContext(resolved.decision.profile);
  seedXlsx = join(dir, "phu-luc.xlsx");
  writeFileSync(seedXlsx, await renderAppendixXlsx(resolved, ctx));
});

function seedCopy(name: string, transform: (text: string) => string = (text) => text): string {
  const file = join(dir, name);
  writeFileSync(file, transform(readFileSync(SEED_MODEL_FILE, "utf8")));
  return file;
}

/** A clerk's note inside the appendix's rows: kept only if the merge edits cells rather than replacing the rows. */
const withNote = (text: string) => text.replace(/(\n {8}items:\n)( {10}- number: "1"\n)/, "$1          # rows checked against the signed original\n$2");

const json = (run: { stdout: string }) => JSON.parse(run.stdout);

interface SheetEdit {
  /** the row of the task with this content */
  rowOf: (content: string) => ExcelJS.Row;
  /** the column under this header */
  column: (label: string) => number;
  set: (cell: ExcelJS.Cell, value: ExcelJS.CellValue) => void;
}

let book: Promise<ExcelJS.Workbook> | undefined;

/** The seed's workbook saved with an edit of its appendix sheet, as Excel would save it (read once; each edit undone after). */
async function editedWorkbook(name: string, edit: (sheet: SheetEdit) => void): Promise<string> {
  book ??= new ExcelJS.Workbook().xlsx.readFile(seedXlsx);
  const sheet = (await book).getWorksheet("Phụ lục")!;
  const rows = [...Array(sheet.rowCount).keys()].map((r) => sheet.getRow(r + 1));
  const header = rows.find((row) => row.getCell(1).text === "STT")!;
  const column = (label: string) => [...Array(header.cellCount).keys()].find((c) => header.getCell(c + 1).text === label)! + 1;
  const undo: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
  edit({
    rowOf: (content) => rows.find((row) => row.getCell(column("NỘI DUNG")).text === content)!,
    column,
    set: (cell, value) => {
      undo.push([cell, cell.value]);
      cell.value = value;
    },
  });
  const file = join(dir, name);
  await (await book).xlsx.writeFile(file);
  for (const [cell, value] of undo.reverse()) cell.value = value;
  return file;
}

describe("vanban import <workbook> --update <model>", () => {
  it("merges the seed's own workbook into the seed: no change reported, the file not rewritten", async () => {
    const model = seedCopy("same.yaml");
    const run = await runCliInProcess(["import", seedXlsx, "--update", model]);
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain("Không có thay đổi.");
    expect(run.stderr).toContain("nothing changed, not rewritten");
    // its heading, title and reference are the model's own
    expect(run.stderr).not.toContain("import/update-kept-wording");
    expect(readFileSync(model, "utf8")).toBe(readFileSync(SEED_MODEL_FILE, "utf8"));
  });

  it("reports and writes exactly the cells edited in the workbook, keeping every other line of the model", async () => {
    const task = resolved.tasks.find((t) => t.task.lead === "Sở Tư pháp" && t.row.span === undefined && t.task.deadline !== "Quý IV")!;
    const edited = await editedWorkbook("edited.xlsx", ({ rowOf, column, set }) => {
      set(rowOf(task.task.content).getCell(column("THỜI GIAN HOÀN THÀNH")), "Quý IV");
      set(rowOf(task.task.content).getCell(column("CƠ QUAN CHỦ TRÌ")), "Sở Nội vụ");
    });

    const model = seedCopy("edited.yaml", withNote);
    const run = await runCliInProcess(["import", edited, "--update", model, "--json"]);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.status).toBe(EXIT.ok);
    const report = json(run);
    expect(report.changes.tasks).toEqual([
      {
        kind: "changed",
        ref: task.ref,
        group: expect.any(String),
        fields: [
          { field: "lead", from: "Sở Tư pháp", to: "Sở Nội vụ" },
          { field: "deadline", from: task.task.deadline, to: "Quý IV" },
          { field: "due", from: task.due, to: "2013-12-31" },
        ],
        moves: expect.arrayContaining([{ agency: "Sở Tư pháp", from: "lead", to: expect.any(String) }]),
      },
    ]);
    expect([report.changes.groups, report.changes.documentChanged, report.written]).toEqual([[], [], true]);
    // the written model: those two cells changed, every other line as it was
    const before = withNote(readFileSync(SEED_MODEL_FILE, "utf8")).split("\n");
    expect(before).toContain("          # rows checked against the signed original");
    const after = readFileSync(model, "utf8").split("\n");
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual([expect.stringMatching(/lead: Sở Nội vụ$/), expect.stringMatching(/deadline: Quý IV$/)]);
    const rows = (items: readonly (Group | Row)[]): Row[] => items.flatMap((item) => (isGroup(item) ? rows(item.items) : [item]));
    const written = rows((parseModel(after.join("\n"), model).decision as Decision).appendices[0]!.items).find((r) => r.content === task.task.content)!;
    expect([written.lead, written.deadline]).toEqual(["Sở Nội vụ", "Quý IV"]);
  });
});

describe("vanban import <workbook> --update <model>, wording the merge keeps", () => {
  it("keeps the model's appendix title where the workbook's differs, and says so at the model's line", async () => {
    const model = seedCopy("retitled.yaml", (text) => text.replace("    title: TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2013\n", "    title: CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2013\n"));
    const source = readFileSync(model, "utf8");
    const run = await runCliInProcess(["import", seedXlsx, "--update", model, "--json"]);
    expect(run.status).toBe(EXIT.ok);
    const kept = json(run).diagnostics.filter((d: { ruleId: string }) => d.ruleId === "import/update-kept-wording");
    expect(kept).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: model,
        start: expect.objectContaining({ line: source.split("\n").findIndex((line) => line.startsWith("    title: CÁC NHIỆM VỤ")) + 1 }),
        message: expect.stringContaining('"TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2013" (model: "CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2013")'),
      }),
    ]);
    expect(json(run).written).toBe(false);
    expect(readFileSync(model, "utf8")).toBe(source);
  });
});

describe("vanban import <workbook> --update <model>, a row deleted", () => {
  it("replaces the appendix's rows, reports the task removed, and moves an override to its task's new ref", async () => {
    const gone = resolved.tasks.find((t) => t.task.content === "Đơn giản hóa TTHC trong lĩnh vực đầu tư")!;
    const pinned = resolved.tasks.find((t) => t.task.content === "Đơn giản hóa TTHC trong lĩnh vực xây dựng")!;
    const override = `overrides:\n  - task: ${pinned.ref}\n    field: deadline\n    text: ${pinned.task.deadline}\n    due: 2013-09-30\n`;
    const model = seedCopy("deleted.yaml", (text) => text.replace("overrides: []\n", override).replace("signer:\n", "# signed copy checked\nsigner:\n"));
    // the row's cells cleared (exceljs's spliceRows leaves the merged group rows where they were)
    const edited = await editedWorkbook("deleted.xlsx", ({ rowOf, set }) => rowOf(gone.task.content).eachCell((cell) => set(cell, null)));

    const run = await runCliInProcess(["import", edited, "--update", model, "--json"]);
    expect(run.status).toBe(EXIT.ok);
    const changes = json(run).changes.tasks as { kind: string; ref: string; fields: { field: string }[] }[];
    expect(changes.filter((c) => c.kind !== "changed")).toEqual([expect.objectContaining({ kind: "removed", ref: gone.ref })]);
    // the rows after it keep their cells: only their positional refs move
    expect(new Set(changes.filter((c) => c.kind === "changed").flatMap((c) => c.fields.map((f) => f.field)))).toEqual(new Set(["ref"]));
    const after = await loadAndValidate(model);
    expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const moved = after.resolved!.tasks.find((t) => t.task.content === pinned.task.content)!;
    expect(moved.ref).not.toBe(pinned.ref);
    expect(after.resolved!.decision.overrides.map((o) => o.task)).toEqual([moved.ref]);
    expect(moved.due).toBe("2013-09-30");
    expect(after.resolved!.tasks).toHaveLength(resolved.tasks.length - 1);
    expect(readFileSync(model, "utf8")).toContain("# signed copy checked\nsigner:\n");
  });
});

describe("vanban import <an agency's workbook> --update <model>", () => {
  it("is refused: the extract would remove every task it leaves out; imported alone it is a warning", async () => {
    const extract = join(dir, "so-tu-phap.xlsx");
    writeFileSync(extract, await renderAgencyXlsx(resolved, ctx, "so-tu-phap"));
    const model = seedCopy("extract.yaml");
    const run = await runCliInProcess(["import", extract, "--update", model]);
    expect(run.status).toBe(EXIT.errors);
    expect(run.stderr).toMatch(/\(sheet "Phụ lục", cell A\d+\) error recognize\/workbook-extract .*Sở Tư pháp/);
    expect(readFileSync(model, "utf8")).toBe(readFileSync(SEED_MODEL_FILE, "utf8"));
    const alone = await runCliInProcess(["import", extract, "--json"]);
    expect(alone.status).toBe(EXIT.ok);
    expect(json(alone).diagnostics.find((d: { ruleId: string }) => d.ruleId === "recognize/workbook-extract").severity).toBe("warning");
  });
});

describe("vanban import -o <existing file>", () => {
  it("refuses to overwrite it without --force (exit 2), and replaces it with --force", async () => {
    const file = join(dir, "kept.yaml");
    writeFileSync(file, "# edited by hand\n");
    const refused = await runCliInProcess(["import", seedXlsx, "-o", file]);
    expect(refused.status).toBe(EXIT.usage);
    expect(refused.stderr).toContain(`${file}:1:1 error output/exists`);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("# edited by hand\n");
    const forced = await runCliInProcess(["import", seedXlsx, "-o", file, "--force"]);
    expect(forced.status).toBe(EXIT.ok);
    const imported = parseModel(readFileSync(file, "utf8"), file).decision!;
    expect(imported.appendices[0]!.title).toBe(resolved.decision.appendices[0]!.title);
    // editorial letters, reporting through the directory's Sở Nội vụ as every import's do
    expect([imported.letters?.origin, imported.letters?.reportVia]).toEqual(["editorial", "so-noi-vu"]);
  });
});

describe("the JSON summary", () => {
  it("of the seed (validate --json): the document, the signer, each appendix's columns and counts, the agencies", async () => {
    const { decision } = resolved;
    const count = (items: readonly (Group | Row)[], what: (item: Group | Row) => boolean): number =>
      items.reduce((n, item) => n + (what(item) ? 1 : 0) + (isGroup(item) ? count(item.items, what) : count(item.rows, what)), 0);
    const items = decision.appendices[0]!.items;
    const run = await runCliInProcess(["validate", SEED_MODEL_FILE, "--json"]);
    expect(json(run).summary).toEqual({
      document: { type: "QUYẾT ĐỊNH", number: "503", symbol: "QĐ-UBND", date: "2013-02-06" },
      signer: { name: decision.signer.name, capacity: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] },
      appendices: [
        {
          heading: "PHỤ LỤC",
          title: decision.appendices[0]!.title,
          kind: "tasks",
          columns: ["STT", "NỘI DUNG", "SẢN PHẨM", "CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN HOÀN THÀNH"],
          groups: count(items, isGroup),
          numbered: count(items, (item) => !isGroup(item) && item.number !== ""),
          rows: count(items, (item) => !isGroup(item)),
        },
      ],
      tasks: 37,
      agencies: { resolved: 41, unlisted: [] },
    });
  });

  it("of a workbook of two appendices (import --json): a task list and a list of units", async () => {
    const wb = new ExcelJS.Workbook();
    const tasks = wb.addWorksheet("Phụ lục I");
    tasks.addRows([["PHỤ LỤC I"], ["NHIỆM VỤ NĂM 2013"], [], ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"], ["I", "CẢI CÁCH THỂ CHẾ"], ["1", "Rà soát văn bản", "Sở Tư pháp", "Quý I"], ["", "Công bố kết quả", "Sở Tư pháp", "Quý II"]]);
    tasks.mergeCells("B5:D5");
    const units = wb.addWorksheet("Phụ lục II");
    units.addRows([["PHỤ LỤC II"], ["DANH SÁCH ĐƠN VỊ"], [], ["TT", "Tên đơn vị", "Ghi chú"], ["1", "Sở Nội vụ", ""], ["2", "Sở Tư pháp", ""], ["3", "Sở Y tế", "mới"]]);
    const file = join(dir, "two.xlsx");
    await wb.xlsx.writeFile(file);
    const run = await runCliInProcess(["import", file, "--json", "-o", join(dir, "two.yaml")]);
    expect(run.status).toBe(EXIT.ok);
    const { summary } = json(run);
    expect(summary.appendices).toEqual([
      { heading: "PHỤ LỤC I", title: "NHIỆM VỤ NĂM 2013", kind: "tasks", columns: ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"], groups: 1, numbered: 1, rows: 2 },
      { heading: "PHỤ LỤC II", title: "DANH SÁCH ĐƠN VỊ", kind: "table", columns: ["TT", "Tên đơn vị", "Ghi chú"], groups: 0, numbered: 3, rows: 3 },
    ]);
    expect(summary.tasks).toBe(2);
    expect(summary.agencies).toEqual({ resolved: 1, unlisted: [] });
    expect(Object.keys(summary.document)).toEqual(["type", "number", "symbol", "date"]);
  });
});
