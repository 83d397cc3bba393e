/**
 * Workbooks onto appendices: a clerk's sheet (title rows merged across, a two-row header, group rows merged
 * across, a template numbered far below its last task, a hidden row), a workbook whose "PHỤ LỤC" sheets
 * say which sheets are appendices, sheets without a title or a heading, and one with no table at all.
 * Built with exceljs, read by the XLSX reader and recognised in this process.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isGroup, type Appendix, type Group, type Row } from "../../../src/model/schema.ts";
import { readSource } from "../../../src/read/read-source.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";

async function recognize(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const read = readSource(new Uint8Array(await wb.xlsx.writeBuffer()), { name: "plan.xlsx" });
  return recognizeDocument(read.document!, { file: "plan.xlsx" });
}

/** A clerk's task sheet: rows as [STT, content, lead, support, deadline]; a group row is a label and a title. */
function clerkSheet(ws: ExcelJS.Worksheet, rows: (string | number)[][], options: { title?: boolean; tail?: number } = {}): void {
  let r = 1;
  if (options.title !== false) {
    ws.getCell(`A${r}`).value = "PHỤ LỤC II";
    ws.mergeCells(`A${r}:E${r}`);
    ws.getCell(`A${++r}`).value = "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026";
    ws.mergeCells(`A${r}:E${r}`);
    ws.getCell(`A${++r}`).value = "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh Lâm Đồng)";
    ws.mergeCells(`A${r}:E${r}`);
    r += 2;
  }
  const top = r;
  ws.getRow(top).values = ["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian hoàn thành"];
  ws.getRow(top + 1).values = ["", "", "Chủ trì", "Phối hợp", ""];
  ws.mergeCells(`A${top}:A${top + 1}`);
  ws.mergeCells(`B${top}:B${top + 1}`);
  ws.mergeCells(`C${top}:D${top}`);
  ws.mergeCells(`E${top}:E${top + 1}`);
  r = top + 2;
  for (const row of rows) {
    if (row.length === 1) {
      ws.getCell(`A${r}`).value = row[0]!;
      ws.mergeCells(`A${r}:E${r}`);
    } else ws.getRow(r).values = row;
    r++;
  }
  // the template goes on numbering rows nobody filled in, down to its totals row
  for (let n = 0; n < (options.tail ?? 0); n++, r++) ws.getCell(`A${r}`).value = rows.length + n + 1;
  if (options.tail) ws.getRow(r).values = ["Tổng cộng", "", { formula: "COUNTA(C7:C11)", result: 3 }];
}

const TASKS: (string | number)[][] = [
  ["I. CẢI CÁCH THỂ CHẾ"],
  [1, "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ngành", "Quý II"],
  [2, "Kiểm tra việc thi hành pháp luật", "Sở Tư pháp", "", "Tháng 12"],
  ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
  [1, "Công bố thủ tục hành chính", "Văn phòng UBND tỉnh", "Các sở, ngành", "Thường xuyên"],
];

const rowsOf = (items: readonly (Group | Row)[]): Row[] => items.flatMap((item) => (isGroup(item) ? rowsOf(item.items) : [item]));
const rules = (result: { diagnostics: { ruleId: string }[] }) => result.diagnostics.map((d) => d.ruleId);

describe("recognizing a workbook", () => {
  it("reads a clerk's sheet: title rows, a two-row header, group rows merged across; a numbered template tail (an empty cell merged down over it), its totals row and a hidden row are noted", async () => {
    const result = await recognize((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      clerkSheet(ws, TASKS, { tail: 300 });
      ws.getRow(9).hidden = true;
      // an empty deadline cell merged down over part of the template
      ws.mergeCells("E14:E40");
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const appendix = result.decision!.appendices[0]! as Appendix;
    expect([appendix.heading, appendix.title, appendix.reference]).toEqual([
      "PHỤ LỤC II",
      "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
      "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh Lâm Đồng)",
    ]);
    expect(appendix.columns.map((c) => [c.role, c.label])).toEqual([
      ["number", "STT"],
      ["content", "Nội dung nhiệm vụ"],
      ["lead", "Đơn vị thực hiện - Chủ trì"],
      ["support", "Đơn vị thực hiện - Phối hợp"],
      ["deadline", "Thời gian hoàn thành"],
    ]);
    expect(appendix.items.map((item) => (isGroup(item) ? [item.group, item.title, item.items.length] : "row"))).toEqual([
      ["I", "CẢI CÁCH THỂ CHẾ", 2],
      ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 1],
    ]);
    expect(rowsOf(appendix.items).map((row) => [row.number, row.lead, row.deadline])).toEqual([
      ["1", "Sở Tư pháp", "Quý II"],
      ["2", "Sở Tư pháp", "Tháng 12"],
      ["1", "Văn phòng UBND tỉnh", "Thường xuyên"],
    ]);
    // the document part, as far as the reference line names it
    expect(result.decision!.document).toEqual({ type: "KẾ HOẠCH", typeCode: "KH", number: "12", symbol: "KH-UBND", date: "2026-01-05" });
    expect(result.decision!.issuer.place).toBe("Lâm Đồng");
    const tail = result.diagnostics.find((d) => d.ruleId === "recognize/workbook-numbered-rows")!;
    expect([tail.at, tail.message]).toEqual(['sheet "Sheet1", cell A12', expect.stringContaining("300 row(s) hold only an STT (A12 to A311)")]);
    const totals = result.diagnostics.find((d) => d.ruleId === "recognize/workbook-total-rows")!;
    expect([totals.at, totals.message]).toEqual(['sheet "Sheet1", cell A312', expect.stringContaining('1 totals row(s) ("Tổng cộng"')]);
    const hidden = result.diagnostics.find((d) => d.ruleId === "recognize/workbook-hidden-rows")!;
    expect(hidden.at).toBe('sheet "Sheet1", cell A9');
    expect(rules(result)).toContain("recognize/workbook-document");
  });

  it("takes only the sheets headed PHỤ LỤC when some are; a hidden sheet is not read", async () => {
    const result = await recognize((wb) => {
      clerkSheet(wb.addWorksheet("Phụ lục II"), TASKS);
      const tracking = wb.addWorksheet("Theo dõi");
      tracking.getRow(1).values = ["Cơ quan", "STT", "Nội dung", "Tình trạng"];
      tracking.getRow(2).values = ["Sở Tư pháp", "I.1", "Rà soát", ""];
      clerkSheet(wb.addWorksheet("Cũ", { state: "hidden" }), TASKS);
    });
    expect(result.decision!.appendices.map((a) => a.heading)).toEqual(["PHỤ LỤC II"]);
    const notes = result.diagnostics.filter((d) => d.ruleId.startsWith("recognize/workbook-") && d.severity === "info");
    expect(notes.map((d) => [d.ruleId, d.message.match(/"([^"]+)"/)?.[1]])).toEqual([
      ["recognize/workbook-hidden-sheet", "Cũ"],
      ["recognize/workbook-sheet-skipped", "Theo dõi"],
    ]);
  });

  it("reads a hidden column with text like the others and warns, at its header cell; an empty hidden column says nothing", async () => {
    const result = await recognize((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      clerkSheet(ws, TASKS);
      ws.getColumn(4).hidden = true;
      ws.getColumn(7).hidden = true;
    });
    // the hidden Phối hợp column is read as written
    expect(rowsOf(result.decision!.appendices[0]!.items).map((row) => row.support)).toEqual(["Các sở, ngành", "", "Các sở, ngành"]);
    const hidden = result.diagnostics.filter((d) => d.ruleId === "recognize/workbook-hidden-columns");
    // D5 is merged into C5 (Đơn vị thực hiện): the column's own header is D6, Phối hợp
    expect(hidden.map((d) => [d.severity, d.at])).toEqual([["warning", 'sheet "Sheet1", cell D6']]);
    expect(hidden[0]!.message).toContain("1 hidden column(s) with text in its table (D)");
    const shown = await recognize((wb) => clerkSheet(wb.addWorksheet("Sheet1"), TASKS));
    expect(rules(shown)).not.toContain("recognize/workbook-hidden-columns");
  });

  it("heads and titles a sheet without title rows by its name (a placeholder where the name is a heading), and says so", async () => {
    const result = await recognize((wb) => {
      clerkSheet(wb.addWorksheet("Phụ lục 3"), TASKS.slice(1, 3), { title: false });
      clerkSheet(wb.addWorksheet("Nhiệm vụ 2026"), TASKS.slice(1, 3), { title: false });
    });
    expect(result.decision!.appendices.map((a) => [a.heading, a.title, rowsOf(a.items).length])).toEqual([
      ["PHỤ LỤC 3", "…", 2],
      ["PHỤ LỤC", "Nhiệm vụ 2026", 2],
    ]);
    const placed = (rule: string) => result.diagnostics.filter((d) => d.ruleId === rule).map((d) => d.at);
    expect(placed("recognize/workbook-heading")).toEqual(['sheet "Phụ lục 3", cell A1', 'sheet "Nhiệm vụ 2026", cell A1']);
    expect(placed("recognize/workbook-title")).toEqual(placed("recognize/workbook-heading"));
  });

  it("is an error when no sheet holds a table with a header row", async () => {
    const result = await recognize((wb) => {
      const ws = wb.addWorksheet("Ghi chú");
      ws.getCell("A1").value = "Danh sách gửi kèm";
      ws.getCell("A2").value = "Sở Nội vụ";
      wb.addWorksheet("Trống");
    });
    expect(result.decision).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.ruleId)).toEqual(["recognize/workbook-no-table"]);
  });
});
