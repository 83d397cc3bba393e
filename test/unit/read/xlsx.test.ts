/**
 * The XLSX reader: workbooks written by exceljs (as Excel writes them: shared strings, styles, merges) and
 * hand-written SpreadsheetML for what exceljs never writes (cells without references, inline strings,
 * formulas without results, the 1904 date system, a truncated part, a zip bomb).
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readSource } from "../../../src/read/read-source.ts";
import type { SourceCell, SourceDocument, SourceParagraph, SourceTable } from "../../../src/read/source-document.ts";
import { readXlsxSource } from "../../../src/read/xlsx/read-xlsx.ts";
import { formatNumber } from "../../../src/read/xlsx/number-format.ts";
import { docxOf, p, r } from "./support/docx-package.ts";

const tableOf = (doc: SourceDocument, sheet = 0) => doc.sections[sheet]!.blocks[0] as SourceTable;
const textOf = (cell: SourceCell | undefined) => (cell?.blocks[0] as SourceParagraph | undefined)?.text ?? "";
const texts = (table: SourceTable) => table.rows.map((row) => row.cells.map(textOf));

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A workbook of one sheet from its sheetData (and what follows it), written by hand. */
function handWritten(sheetData: string, options: { workbookPr?: string; strings?: string; cut?: number } = {}): Uint8Array {
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`;
  const files: Record<string, Uint8Array> = {
    "_rels/.rels": strToU8(`<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ""}<sheets><sheet name="Tờ 1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheet.slice(0, sheet.length - (options.cut ?? 0))),
    "xl/sharedStrings.xml": strToU8(`<sst xmlns="${MAIN}">${options.strings ?? ""}</sst>`),
  };
  return zipSync(files);
}

describe("readXlsxSource", () => {
  it("reads each sheet as a named section whose cells are one table, merged ranges as spans", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Phụ lục I");
      ws.getCell("A1").value = "PHỤ LỤC I";
      ws.mergeCells("A1:D1");
      ws.getCell("A2").value = "STT";
      ws.getCell("B2").value = "Nội dung";
      ws.getCell("C2").value = "Đơn vị thực hiện";
      ws.mergeCells("C2:D2");
      ws.getCell("C3").value = "Chủ trì";
      ws.getCell("D3").value = "Phối hợp";
      ws.mergeCells("A2:A3");
      ws.mergeCells("B2:B3");
      ws.getCell("A4").value = 1;
      ws.getCell("B4").value = "Rà soát\nthủ tục";
      wb.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = "x";
    });
    const { document, diagnostics } = readXlsxSource(bytes);
    expect(diagnostics).toEqual([]);
    expect(document!.format).toBe("xlsx");
    expect(document!.sections.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["Phụ lục I", false],
      ["Ẩn", true],
    ]);
    const table = tableOf(document!);
    expect(texts(table)).toEqual([["PHỤ LỤC I"], ["STT", "Nội dung", "Đơn vị thực hiện"], ["Chủ trì", "Phối hợp"], ["1", "Rà soát\nthủ tục", "", ""]]);
    expect(table.rows[0]!.cells[0]!.colSpan).toBe(4);
    expect(table.rows[1]!.cells.map((c) => [c.rowSpan, c.colSpan])).toEqual([
      [2, 1],
      [2, 1],
      [1, 2],
    ]);
    expect(table.rows[3]!.cells[1]!.position).toEqual({ path: [{ sheet: "Phụ lục I", cell: "B4" }] });
  });

  it("shows dates as dd/mm/yyyy, numbers by their format, rich text by its runs and formulas by their saved result", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = new Date(Date.UTC(2013, 11, 31));
      ws.getCell("A1").numFmt = "dd/mm/yyyy";
      ws.getCell("B1").value = new Date(Date.UTC(2026, 5, 30));
      ws.getCell("B1").numFmt = "d-mmm-yy";
      ws.getCell("C1").value = 0.125;
      ws.getCell("C1").numFmt = "0.0%";
      ws.getCell("D1").value = 1234567.891;
      ws.getCell("D1").numFmt = "#,##0.00";
      ws.getCell("E1").value = { richText: [{ text: "Sở " }, { text: "Nội vụ", font: { bold: true, italic: true } }] };
      ws.getCell("F1").value = { formula: "A2+1", result: 7 };
      ws.getCell("G1").value = { formula: 'CONCAT("Quý ","I")', result: "Quý I" };
      ws.getCell("H1").value = 0.1 + 0.2;
      ws.getCell("I1").value = true;
      ws.getCell("J1").value = "đậm";
      ws.getCell("J1").font = { bold: true };
      ws.getCell("J1").alignment = { horizontal: "center" };
    });
    const table = tableOf(readXlsxSource(bytes).document!);
    expect(texts(table)[0]).toEqual(["31/12/2013", "30/06/2026", "12.5%", "1,234,567.89", "Sở Nội vụ", "7", "Quý I", "0.3", "TRUE", "đậm"]);
    const rich = table.rows[0]!.cells[4]!.blocks[0] as SourceParagraph;
    expect(rich.runs.map((run) => [run.text, run.bold ?? false, run.italic ?? false])).toEqual([
      ["Sở ", false, false],
      ["Nội vụ", true, true],
    ]);
    const styled = table.rows[0]!.cells[9]!.blocks[0] as SourceParagraph;
    expect([styled.runs[0]!.bold, styled.alignment]).toEqual([true, "center"]);
  });

  it("is as long as its last filled row: a sheet formatted down to row 1,000 is not 1,000 rows", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "STT";
      ws.getCell("B1").value = "Nội dung";
      ws.getCell("B2").value = "Việc một";
      for (let row = 3; row <= 1000; row++) {
        ws.getCell(`B${row}`).border = { top: { style: "thin" } };
        ws.getCell(`C${row}`).value = "  ";
      }
      ws.getRow(2).hidden = true;
    });
    const table = tableOf(readXlsxSource(bytes).document!);
    expect(texts(table)).toEqual([
      ["STT", "Nội dung"],
      ["", "Việc một"],
    ]);
    expect(table.rows.map((row) => row.hidden ?? false)).toEqual([false, true]);
  });

  it("reads cells without references, inline strings, escapes and the 1904 date system; a formula without a result is a warning", () => {
    const bytes = handWritten(
      `<row><c t="inlineStr"><is><t>Dòng_x000D_\nhai</t></is></c><c t="s"><v>0</v></c><c><v>1</v></c><c><f>A9</f></c><c t="e"><v>#N/A</v></c></row>`,
      { workbookPr: `<workbookPr date1904="1"/>`, strings: `<si><r><rPr><b/></rPr><t>Quý </t></r><r><t>II</t></r><rPh><t>x</t></rPh></si>` },
    );
    const { document, diagnostics } = readXlsxSource(bytes, { file: "b.xlsx" });
    expect(texts(tableOf(document!))).toEqual([["Dòng\nhai", "Quý II", "1", "", "#N/A"]]);
    expect(diagnostics.map((d) => [d.ruleId, d.file])).toEqual([["read/xlsx-uncached-formula", "b.xlsx"]]);
    expect(diagnostics[0]!.message).toContain("D1");
    expect(formatNumber(1, "dd/mm/yyyy", "1904")).toBe("02/01/1904");
    expect(formatNumber(41639, "dd/mm/yyyy", "1900")).toBe("31/12/2013");
    expect(formatNumber(0.5, "h:mm", "1900")).toBe("12:00");
    expect([formatNumber(84905123456789, "General", "1900"), formatNumber(2 / 3, "General", "1900")]).toEqual(["84905123456789", "0.6666666667"]);
  });

  it("is not fooled by prototype names: a sheet named constructor, a string index __proto__, an attribute __proto__", () => {
    const bytes = handWritten(`<row r="1" __proto__="x"><c r="A1" t="s"><v>__proto__</v></c><c r="B1" t="s"><v>0</v></c></row>`, { strings: "<si><t>Sở Nội vụ</t></si>" });
    const renamed = unzipSync(bytes);
    renamed["xl/workbook.xml"] = strToU8(strFromU8(renamed["xl/workbook.xml"]!).replace('name="Tờ 1"', 'name="constructor"'));
    const { document, diagnostics } = readXlsxSource(zipSync(renamed));
    expect(diagnostics).toEqual([]);
    expect([document!.sections[0]!.name, texts(tableOf(document!))]).toEqual(["constructor", [["", "Sở Nội vụ"]]]);
  });

  it("is a clear error for a truncated part or a package that would inflate past the limits", () => {
    const truncated = readXlsxSource(handWritten(`<row r="1"><c r="A1"><v>1</v></c></row>`, { cut: 20 }));
    expect(truncated.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([["read/corrupt", "error"]]);
    expect(truncated.diagnostics[0]!.message).toContain("cut short");
    const rows = Array.from({ length: 130 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="XFD${i + 1}"><v>1</v></c></row>`).join("");
    const wide = readXlsxSource(handWritten(rows));
    expect(wide.diagnostics.map((d) => d.ruleId)).toEqual(["read/too-large"]);
    const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(4 * 1024 * 1024) });
    expect(readSource(bomb).diagnostics.map((d) => d.ruleId)).toEqual(["read/too-large"]);
  });

  it("is chosen by the bytes: a renamed workbook is read as XLSX, a DOCX renamed .xlsx as DOCX", async () => {
    const xlsx = await bytesOf((wb) => (wb.addWorksheet("S").getCell("A1").value = "ô"));
    expect(readSource(xlsx, { name: "plan.docx" }).document?.format).toBe("xlsx");
    expect(readSource(docxOf({ body: p(r("Điều 1.")) }), { name: "plan.xlsx" }).document?.format).toBe("docx");
  });
});
