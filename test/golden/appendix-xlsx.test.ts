/**
 * The seed appendix workbook read back two ways: the raw XML parts (fflate + fast-xml-parser, values kept as
 * strings) and exceljs's reader. Expectations come from the model and the spec, never from the output.
 * Optionally (soffice on PATH) LibreOffice prints it to PDF, with Times New Roman mapped to Tinos (same
 * metrics) through a private fontconfig file so the pages do not depend on the machine's fonts.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../../src/cli/validate.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import type { AgencyAssignment, ResolvedDecision } from "../../src/resolve/resolve-decision.ts";
import { listTasks, writtenCell } from "../../src/model/refs.ts";
import type { Decision } from "../../src/model/schema.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { renderAgencyXlsx, renderAppendixXlsx } from "../../src/write/xlsx/appendix-xlsx.ts";
import { convertToPdf, skipReasonFor } from "../support/libreoffice.ts";
import { seedGroups } from "../support/seed-docx.ts";

// ---------------------------------------------------------------------------------------------------------
// Reading the XML

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["row", "c", "si", "definedName", "mergeCell", "col", "font", "xf", "numFmt", "sheet"].includes(name),
});

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const textOf = (node: unknown): string => (typeof node === "string" ? node : ((node as Node | undefined)?.["#text"] ?? ""));

interface XCell {
  text?: string;
  number?: number;
  styleIndex: number;
}
interface XRow {
  heightPt?: number;
  customHeight: boolean;
  cells: Map<number, XCell>;
}
interface XSheet {
  name: string;
  index: number;
  root: Node;
  rows: Map<number, XRow>;
  widthsChars: number[];
  merges: string[];
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function cellRef(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), column: columnIndex(m[1]!) };
}

class XlsxXml {
  readonly files: Record<string, Uint8Array>;
  readonly strings: string[];
  readonly workbook: Node;
  readonly styles: Node;
  private readonly sheets = new Map<string, XSheet>();

  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    this.strings = ((this.xml("xl/sharedStrings.xml").sst.si ?? []) as Node[]).map((si) => textOf(si.t));
    this.workbook = this.xml("xl/workbook.xml").workbook;
    this.styles = this.xml("xl/styles.xml").styleSheet;
  }

  text(part: string): string {
    const file = this.files[part];
    if (!file) throw new Error(`no part ${part}`);
    return strFromU8(file);
  }

  xml(part: string): Node {
    return parser.parse(this.text(part));
  }

  sheetNames(): string[] {
    return (this.workbook.sheets.sheet as Node[]).map((s) => s["@name"]);
  }

  sheet(name: string): XSheet {
    let sheet = this.sheets.get(name);
    if (!sheet) this.sheets.set(name, (sheet = this.parseSheet(name)));
    return sheet;
  }

  private parseSheet(name: string): XSheet {
    const index = this.sheetNames().indexOf(name);
    expect(index, `sheet ${name}`).toBeGreaterThanOrEqual(0);
    const root = this.xml(`xl/worksheets/sheet${index + 1}.xml`).worksheet;
    const rows = new Map<number, XRow>();
    for (const row of (root.sheetData.row ?? []) as Node[]) {
      const cells = new Map<number, XCell>();
      for (const c of (row.c ?? []) as Node[]) {
        const { column } = cellRef(c["@r"]);
        const cell: XCell = { styleIndex: Number(c["@s"] ?? 0) };
        if (c.v !== undefined) {
          if (c["@t"] === "s") cell.text = this.strings[Number(textOf(c.v))];
          else cell.number = Number(textOf(c.v));
        }
        cells.set(column, cell);
      }
      rows.set(Number(row["@r"]), { heightPt: row["@ht"] === undefined ? undefined : Number(row["@ht"]), customHeight: row["@customHeight"] === "1", cells });
    }
    // a column left out of <cols> has the sheet's default width
    const defaultWidth = Number(root.sheetFormatPr["@defaultColWidth"] ?? 8.43);
    const widthsChars: number[] = [];
    for (const col of root.cols.col as Node[]) for (let i = Number(col["@min"]); i <= Number(col["@max"]); i++) widthsChars[i - 1] = Number(col["@width"]);
    for (let i = 0; i < widthsChars.length; i++) widthsChars[i] ??= defaultWidth;
    const merges = ((root.mergeCells?.mergeCell ?? []) as Node[]).map((m) => m["@ref"] as string);
    return { name, index, root, rows, widthsChars, merges };
  }

  definedName(name: string, sheetIndex: number): string | undefined {
    const names = (this.workbook.definedNames?.definedName ?? []) as Node[];
    const found = names.find((d) => d["@name"] === name && d["@localSheetId"] === String(sheetIndex));
    return found ? textOf(found) : undefined;
  }

  /** Font and number format of a cell style (cellXfs index). */
  cellStyle(styleIndex: number): { font: Node; numFmt?: string } {
    const xf = (this.styles.cellXfs.xf as Node[])[styleIndex]!;
    const font = (this.styles.fonts.font as Node[])[Number(xf["@fontId"] ?? 0)]!;
    const numFmtId = xf["@numFmtId"];
    const numFmt = ((this.styles.numFmts?.numFmt ?? []) as Node[]).find((f) => f["@numFmtId"] === numFmtId)?.["@formatCode"];
    return { font, numFmt };
  }
}

const cellText = (row: XRow | undefined, column: number): string => row?.cells.get(column)?.text ?? "";

/** Excel serial (1900 system) → ISO date. */
const serialToIso = (serial: number): string => new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

// ---------------------------------------------------------------------------------------------------------
// Fixture

let decision: Decision;
let resolved: ResolvedDecision;
let ctx: RenderContext;
let bytes: Uint8Array;
let xlsx: XlsxXml;
let assignments: readonly AgencyAssignment[];

beforeAll(async () => {
  const loaded = await loadAndValidate("seeds/qd-503-2013.yaml");
  decision = loaded.decision!;
  resolved = loaded.resolved!;
  ctx = await createRenderContext(decision.profile);
  bytes = await renderAppendixXlsx(resolved, ctx);
  xlsx = new XlsxXml(bytes);
  assignments = resolved.assignments;
});

/** Row number of the Phụ lục column headers, taken from the print titles ('Phụ lục'!$8:$8). */
function printTitleRow(sheet: XSheet, file: XlsxXml = xlsx): number {
  const titles = file.definedName("_xlnm.Print_Titles", sheet.index);
  const m = /^'(.+)'!\$(\d+):\$(\d+)$/.exec(titles ?? "");
  expect(m, `print titles of ${sheet.name}: ${titles}`).not.toBeNull();
  expect(m![1]).toBe(sheet.name);
  expect(m![2]).toBe(m![3]);
  return Number(m![2]);
}

// ---------------------------------------------------------------------------------------------------------

describe("appendix workbook: Phụ lục sheet", () => {
  it("has the three sheets in order", () => {
    expect(xlsx.sheetNames()).toEqual(["Phụ lục", "Theo dõi", "Tổng hợp"]);
  });

  it("has the title block: issuer lines, heading, title and reference, merged and centred", () => {
    const sheet = xlsx.sheet("Phụ lục");
    const headerRow = printTitleRow(sheet);
    const above = [...sheet.rows.entries()].filter(([n]) => n < headerRow).flatMap(([n, row]) => (row.cells.get(1)?.text ? [{ n, text: row.cells.get(1)!.text! }] : []));
    const { issuer } = decision;
    const appendix = decision.appendices[0];
    expect(above.map((l) => l.text)).toEqual([...issuer.parent, ...issuer.lines, appendix!.heading, appendix!.title, appendix!.reference]);
    for (const { n } of above) {
      expect(sheet.merges.some((m) => m.startsWith(`A${n}:`)), `row ${n} merged`).toBe(true);
      const xf = (xlsx.styles.cellXfs.xf as Node[])[sheet.rows.get(n)!.cells.get(1)!.styleIndex]!;
      expect(xf.alignment["@horizontal"]).toBe("center");
    }
    // APX-HEAD 14 pt bold; APX-REF italic
    const heading = xlsx.cellStyle(sheet.rows.get(above.find((l) => l.text === appendix!.heading)!.n)!.cells.get(1)!.styleIndex).font;
    expect(heading.sz["@val"]).toBe("14");
    expect(heading.b).toBeDefined();
    const reference = xlsx.cellStyle(sheet.rows.get(above.find((l) => l.text === appendix!.reference)!.n)!.cells.get(1)!.styleIndex).font;
    expect(reference.i).toBeDefined();
  });

  it("has the column labels as written, then 8 group rows and 37 task rows in source order with the source text", () => {
    const sheet = xlsx.sheet("Phụ lục");
    const headerRow = printTitleRow(sheet);
    const { columns } = decision.appendices[0]!;
    const groups = seedGroups(decision);
    expect(columns.map((_, i) => cellText(sheet.rows.get(headerRow), i + 1))).toEqual(columns.map((c) => c.label));

    const last = Math.max(...sheet.rows.keys());
    const dataRows = Array.from({ length: last - headerRow }, (_, i) => sheet.rows.get(headerRow + 1 + i));
    let r = 0;
    let groupRows = 0;
    let taskRows = 0;
    for (const group of groups) {
      const row = dataRows[r]!;
      const n = headerRow + 1 + r++;
      expect(cellText(row, 1)).toBe(group.group);
      expect(cellText(row, 2)).toBe(group.title);
      expect(sheet.merges).toContain(`B${n}:${String.fromCharCode(64 + columns.length)}${n}`);
      expect(xlsx.cellStyle(row.cells.get(2)!.styleIndex).font.b).toBeDefined();
      groupRows++;
      for (const task of group.items) {
        if ("group" in task) throw new Error("the seed's groups hold rows only");
        const taskRow = dataRows[r++]!;
        expect(columns.map((_, i) => cellText(taskRow, i + 1))).toEqual(columns.map((c) => writtenCell(task, c)));
        taskRows++;
      }
    }
    expect(r).toBe(dataRows.length);
    expect(groupRows).toBe(8);
    expect(taskRows).toBe(37);
    // the empty STT rows stay empty (cited by position in the tracking sheet: the seed's numerals repeat)
    expect(listTasks(decision).filter((t) => t.task.number === "").length).toBeGreaterThan(0);
  });

  it("gives every row with text at least the height its wrapped lines need", async () => {
    const normalFont = (xlsx.styles.fonts.font as Node[])[0]!;
    // Column widths are in digits of the Normal font (Times New Roman 12: the digit is 0.5 em).
    const digitPx = ctx.measurer.widthPt("0", Number(normalFont.sz["@val"])) * (96 / 72);
    for (const name of ["Phụ lục", "Theo dõi", "Tổng hợp"]) {
      const sheet = xlsx.sheet(name);
      const spans = new Map(
        sheet.merges.map((m) => {
          const [a, b] = m.split(":").map(cellRef) as [{ row: number; column: number }, { row: number; column: number }];
          return [`${a.row}:${a.column}`, b.column - a.column + 1];
        }),
      );
      let checked = 0;
      for (const [n, row] of sheet.rows) {
        for (const [column, cell] of row.cells) {
          if (!cell.text) continue;
          const span = spans.get(`${n}:${column}`) ?? 1;
          const boxPt = sheet.widthsChars.slice(column - 1, column - 1 + span).reduce((a, b) => a + b, 0) * digitPx * (72 / 96);
          const font = xlsx.cellStyle(cell.styleIndex).font;
          const sizePt = Number(font.sz["@val"]);
          const lines = ctx.measurer.lineCount(cell.text, sizePt, boxPt, { bold: font.b !== undefined, italic: font.i !== undefined });
          // 1.15 em: Times New Roman's own line height, below any application's row pitch.
          expect(row.customHeight, `${name}!row ${n}`).toBe(true);
          expect(row.heightPt!, `${name}!${column}:${n} "${cell.text}" needs ${lines} lines`).toBeGreaterThanOrEqual(lines * sizePt * 1.15);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }
  });
});

describe("appendix workbook: Theo dõi and Tổng hợp sheets", () => {
  /** Due dates of the seed's wordings (plan year 2013): the end of the quarter or month named. */
  const DUE_BY_WORDING: Record<string, string> = {
    "Quý I": "2013-03-31",
    "Quý II": "2013-06-30",
    "Quý III": "2013-09-30",
    "Quý IV": "2013-12-31",
    "Tháng 1": "2013-01-31",
    "Tháng 2": "2013-02-28",
    "Tháng 3": "2013-03-31",
    "Chậm nhất đến cuối năm 2013": "2013-12-31",
  };

  it("has one row per agency and role, with the agency, role, group, ref and text", () => {
    const sheet = xlsx.sheet("Theo dõi");
    const header = sheet.rows.get(1)!;
    expect([...header.cells.values()].map((c) => c.text)).toEqual(["Cơ quan", "Vai trò", "Nhóm nhiệm vụ", "STT", "Nội dung", "Sản phẩm", "Thời gian hoàn thành", "Hạn hoàn thành", "Tình trạng"]);
    const expected = assignments.flatMap(({ agency, lead, support }) =>
      [...lead, ...support].map((t) => [agency.name, t.role === "lead" ? "Chủ trì" : "Phối hợp", `${t.groups.at(-1)!.group}. ${t.groups.at(-1)!.title}`, t.ref, t.task.content, t.task.product, t.task.deadline]),
    );
    const actual = [...sheet.rows.entries()].filter(([n]) => n > 1).map(([, row]) => [1, 2, 3, 4, 5, 6, 7].map((c) => cellText(row, c)));
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(37);
    expect(actual.some((r) => /^II\.2[a-z]$/.test(r[3]!))).toBe(true);
    // the status column is left empty
    expect([...sheet.rows.entries()].filter(([n]) => n > 1).every(([, row]) => cellText(row, 9) === "")).toBe(true);
  });

  it("writes every due date as a real date (dd/mm/yyyy) beside the wording", () => {
    const sheet = xlsx.sheet("Theo dõi");
    const seen = new Set<string>();
    for (const [n, row] of sheet.rows) {
      if (n === 1) continue;
      const wording = cellText(row, 7);
      const due = row.cells.get(8)!;
      expect(DUE_BY_WORDING[wording], `wording "${wording}"`).toBeDefined();
      expect(due.text).toBeUndefined();
      expect(serialToIso(due.number!), `row ${n} "${wording}"`).toBe(DUE_BY_WORDING[wording]);
      expect(xlsx.cellStyle(due.styleIndex).numFmt).toBe("dd/mm/yyyy");
      seen.add(wording);
    }
    expect(seen).toContain("Quý I");
    expect(seen).toContain("Tháng 2");
  });

  it("reads back through exceljs with Date values and Times New Roman cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Theo dõi")!;
    let dates = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const due = row.getCell(8);
      expect(due.value).toBeInstanceOf(Date);
      expect(due.numFmt).toBe("dd/mm/yyyy");
      expect((due.value as Date).toISOString().slice(0, 10)).toBe(DUE_BY_WORDING[String(row.getCell(7).value)]);
      dates++;
    });
    expect(dates).toBe(ws.rowCount - 1);
    const apx = wb.getWorksheet("Phụ lục")!;
    apx.eachRow((row) => row.eachCell((cell) => expect(cell.font?.name).toBe("Times New Roman")));
    expect(apx.pageSetup.paperSize).toBe(9);
    expect(apx.pageSetup.orientation).toBe("landscape");
    expect(apx.pageSetup.fitToWidth).toBe(1);
    expect(apx.pageSetup.fitToHeight).toBe(0);
  });

  it("sums up each agency: tasks led, tasks supported, earliest due date", () => {
    const sheet = xlsx.sheet("Tổng hợp");
    const rows = [...sheet.rows.entries()].filter(([n]) => n > 1).map(([, row]) => row);
    expect(rows.map((r) => cellText(r, 1))).toEqual(assignments.map((a) => a.agency.name));
    rows.forEach((row, i) => {
      const a = assignments[i]!;
      expect(row.cells.get(2)!.number).toBe(a.lead.length);
      expect(row.cells.get(3)!.number).toBe(a.support.length);
      const earliest = [...a.lead, ...a.support].map((t) => DUE_BY_WORDING[t.task.deadline]!).sort()[0];
      expect(serialToIso(row.cells.get(4)!.number!)).toBe(earliest);
      expect(xlsx.cellStyle(row.cells.get(4)!.styleIndex).numFmt).toBe("dd/mm/yyyy");
    });
  });
});

describe("appendix workbook: print setup and file properties (XLSX-PRINT, REPRO)", () => {
  const lastColumnLetter = (sheet: XSheet) => String.fromCharCode(64 + sheet.widthsChars.length);

  it("prints every sheet on A4 landscape, one page wide, with margins from the profile", () => {
    const mm = (inches: string) => Number(inches) * 25.4;
    for (const name of xlsx.sheetNames()) {
      const { root } = xlsx.sheet(name);
      expect(root.sheetPr.pageSetUpPr["@fitToPage"]).toBe("1");
      expect(root.pageSetup["@paperSize"]).toBe("9");
      expect(root.pageSetup["@orientation"]).toBe("landscape");
      expect(root.pageSetup["@fitToWidth"]).toBe("1");
      expect(root.pageSetup["@fitToHeight"]).toBe("0");
      const margins = root.pageMargins;
      const range = ctx.layout.page.marginRangeMm;
      for (const side of ["left", "right", "top", "bottom"] as const) {
        expect(mm(margins[`@${side}`]), `${name} ${side}`).toBeGreaterThanOrEqual(range[side].min - 1e-9);
        expect(mm(margins[`@${side}`]), `${name} ${side}`).toBeLessThanOrEqual(range[side].max + 1e-9);
      }
    }
  });

  it("repeats the header row, sets the print area, filters and freezes the header on every sheet", () => {
    for (const name of xlsx.sheetNames()) {
      const sheet = xlsx.sheet(name);
      const headerRow = printTitleRow(sheet);
      const last = Math.max(...sheet.rows.keys());
      const col = lastColumnLetter(sheet);
      expect(xlsx.definedName("_xlnm.Print_Area", sheet.index)).toBe(`'${name}'!$A$1:$${col}$${last}`);
      expect(sheet.root.autoFilter["@ref"]).toBe(`A${headerRow}:${col}${last}`);
      const pane = sheet.root.sheetViews.sheetView.pane;
      expect(pane["@state"]).toBe("frozen");
      expect(pane["@ySplit"]).toBe(String(headerRow));
      expect(pane["@topLeftCell"]).toBe(`A${headerRow + 1}`);
    }
    expect(printTitleRow(xlsx.sheet("Theo dõi"))).toBe(1);
    expect(printTitleRow(xlsx.sheet("Phụ lục"))).toBeGreaterThan(5);
  });

  it("numbers pages at the top centre under ND30, bottom right under TT01, never on page 1", async () => {
    const headerFooter = (x: XlsxXml) => x.sheet("Phụ lục").root.headerFooter;
    const nd30 = headerFooter(xlsx);
    expect(nd30["@differentFirst"]).toBe("1");
    expect(textOf(nd30.oddHeader)).toMatch(/^&C&"Times New Roman,Regular"&1[34]&P$/);
    expect(nd30.firstHeader).toBeUndefined();
    expect(nd30.oddFooter).toBeUndefined();

    const tt01Ctx = await createRenderContext("tt01");
    const tt01 = headerFooter(new XlsxXml(await renderAppendixXlsx({ ...resolved, decision: { ...decision, profile: "tt01" } }, tt01Ctx)));
    expect(textOf(tt01.oddFooter)).toMatch(/^&R.*&P$/);
    expect(tt01.oddHeader).toBeUndefined();
    expect(tt01["@differentFirst"]).toBe("1");
  });

  it("uses Times New Roman for every font, the Normal style included", () => {
    const fonts = xlsx.styles.fonts.font as Node[];
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) expect(font.name["@val"]).toBe("Times New Roman");
    // the table body is 12 pt (APX-TABLE 12–13)
    const sheet = xlsx.sheet("Phụ lục");
    const firstTask = sheet.rows.get(printTitleRow(sheet) + 2)!;
    expect(xlsx.cellStyle(firstTask.cells.get(2)!.styleIndex).font.sz["@val"]).toBe("12");
  });

  it("writes every string in NFC", () => {
    expect(xlsx.strings.length).toBeGreaterThan(50);
    for (const s of xlsx.strings) expect(s).toBe(s.normalize("NFC"));
    const core = xlsx.text("docProps/core.xml");
    expect(core).toBe(core.normalize("NFC"));
  });

  it("names the tool, the profile and the decision in the metadata, dated from the model", () => {
    const core = xlsx.xml("docProps/core.xml")["cp:coreProperties"];
    expect(textOf(core["dc:creator"])).toBe(ctx.toolName);
    expect(textOf(core["dc:title"])).toContain(decision.appendices[0]!.title);
    expect(textOf(core["dc:subject"])).toContain(`${decision.document.number}/${decision.document.symbol}`);
    expect(textOf(core["cp:keywords"])).toContain(`profile: ${decision.profile}`);
    expect(textOf(core["cp:keywords"])).toContain(ctx.layout.ruleSet);
    expect(textOf(core["dcterms:created"])).toBe(`${decision.document.date}T00:00:00Z`);
    expect(textOf(core["dcterms:modified"])).toBe(`${decision.document.date}T00:00:00Z`);
  });

  it("builds byte-identical files from the same model", async () => {
    const again = await renderAppendixXlsx(resolved, ctx);
    expect(sha256(again)).toBe(sha256(bytes));
    const agency = [await renderAgencyXlsx(resolved, ctx, "so-tu-phap"), await renderAgencyXlsx(resolved, ctx, "so-tu-phap")];
    expect(sha256(agency[0]!)).toBe(sha256(agency[1]!));
  });
});

describe("per-agency workbook", () => {
  it("holds exactly the tasks so-tu-phap leads or supports, in source order", async () => {
    const agencyXlsx = new XlsxXml(await renderAgencyXlsx(resolved, ctx, "so-tu-phap"));
    const assignment = assignments.find((a) => a.agency.id === "so-tu-phap")!;
    expect(assignment.lead.length).toBeGreaterThan(0);
    expect(assignment.support.length).toBeGreaterThan(0);
    const keys = new Set([...assignment.lead, ...assignment.support].map((t) => t.key));
    const expectedTasks = listTasks(decision).filter((t) => keys.has(t.key));

    const sheet = agencyXlsx.sheet("Phụ lục");
    const headerRow = printTitleRow(sheet, agencyXlsx);
    const contentColumn = decision.appendices[0]!.columns.findIndex((c) => c.role === "content") + 1;
    const numerals = new Set(seedGroups(decision).map((g) => g.group));
    const taskContents = [...sheet.rows.entries()]
      .filter(([n, row]) => n > headerRow && !(numerals.has(cellText(row, 1)) && cellText(row, 3) === ""))
      .map(([, row]) => cellText(row, contentColumn));
    expect(taskContents).toEqual(expectedTasks.map((t) => t.task.content));
    expect(agencyXlsx.strings).toContain(assignment.agency.name);

    const tracking = agencyXlsx.sheet("Theo dõi");
    const trackingRows = [...tracking.rows.entries()].filter(([n]) => n > 1).map(([, row]) => row);
    expect(trackingRows.length).toBe(assignment.lead.length + assignment.support.length);
    expect(new Set(trackingRows.map((r) => cellText(r, 1)))).toEqual(new Set([assignment.agency.name]));
    expect(trackingRows.map((r) => cellText(r, 4))).toEqual([...assignment.lead, ...assignment.support].map((t) => t.ref));

    const summary = agencyXlsx.sheet("Tổng hợp");
    expect(summary.rows.size).toBe(2);
    expect(summary.rows.get(2)!.cells.get(2)!.number).toBe(assignment.lead.length);
  });

  it("rejects an agency id that is not in the directory", async () => {
    await expect(renderAgencyXlsx(resolved, ctx, "so-khong-co")).rejects.toThrow(/so-khong-co/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// LibreOffice print (optional)

const skipReason = skipReasonFor(["soffice"], "appendix XLSX through LibreOffice");
const sofficeOnPath = skipReason === "";

/** Prints an .xlsx to PDF with its own LibreOffice profile (no clash with other soffice runs). */
function printWithLibreOffice(xlsxBytes: Uint8Array, name: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "vanban-xlsx-"));
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, xlsxBytes);
  return new Uint8Array(readFileSync(convertToPdf([input], dir)[0]!));
}

interface PdfPage {
  widthPt: number;
  heightPt: number;
  /** text items with their baseline position */
  items: { text: string; x: number; y: number }[];
  /** all text without whitespace, for matching across line breaks */
  flat: string;
}

async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await import("../support/pdfjs.ts");
  const doc = await getDocument({ data: pdf, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    const items = (await page.getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim() !== "" ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : [],
    );
    pages.push({ widthPt: width, heightPt: height, items, flat: items.map((t) => t.text).join("").replace(/\s+/g, "") });
  }
  return pages;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe.skipIf(!sofficeOnPath)(`appendix workbook printed by LibreOffice${skipReason}`, () => {
  let pages: PdfPage[];
  let appendixPages: PdfPage[];

  beforeAll(async () => {
    pages = await readPdf(printWithLibreOffice(bytes, "phu-luc"));
    // The Phụ lục pages come first; each after the first starts with the repeated column labels.
    const labels = decision.appendices[0]!.columns.map((c) => squeeze(c.label));
    const withLabels = (p: PdfPage) => labels.every((l) => p.flat.includes(l));
    const end = pages.findIndex((p, i) => i > 0 && !withLabels(p));
    appendixPages = pages.slice(0, end === -1 ? pages.length : end);
  }, 180_000);

  it("prints A4 landscape pages", () => {
    expect(pages.length).toBeGreaterThan(appendixPages.length);
    for (const page of pages) {
      expect(page.widthPt).toBeCloseTo(841.89, 0);
      expect(page.heightPt).toBeCloseTo(595.28, 0);
    }
  });

  it("prints the Phụ lục one page wide, header row repeated, on as many pages as its row heights need", () => {
    const sheet = xlsx.sheet("Phụ lục");
    const headerRow = printTitleRow(sheet);
    // Rows never split, so at 100 % scale the pages are filled greedily; fitting to the width can only shrink.
    const usablePt = 595.28 - ((ctx.layout.page.marginMm.top + ctx.layout.page.marginMm.bottom) * 72) / 25.4;
    let expectedPages = 1;
    let usedPt = 0;
    for (const [, row] of [...sheet.rows.entries()].sort(([a], [b]) => a - b)) {
      if (usedPt + row.heightPt! > usablePt) {
        expectedPages++;
        usedPt = sheet.rows.get(headerRow)!.heightPt!;
      }
      usedPt += row.heightPt!;
    }
    expect(appendixPages.length).toBeGreaterThanOrEqual(2);
    expect(appendixPages.length).toBeLessThanOrEqual(expectedPages);
    expect(appendixPages.length).toBeGreaterThanOrEqual(expectedPages - 1);
    // every column label on every page: nothing was pushed to a second page across
    for (const page of appendixPages) for (const c of decision.appendices[0]!.columns) expect(page.flat).toContain(squeeze(c.label));
    const text = appendixPages.map((p) => p.flat).join("");
    expect(appendixPages[0]!.flat).toContain(squeeze(decision.appendices[0]!.heading));
    for (const { task } of listTasks(decision)) expect(text).toContain(squeeze(task.content));
  });

  it("numbers the pages at the top centre from page 2 (ND30 PAGE-NUM)", () => {
    const topMarginPt = (ctx.layout.page.marginMm.top * 72) / 25.4;
    const inTopMargin = (p: PdfPage) => p.items.filter((t) => t.y > p.heightPt - topMarginPt);
    expect(inTopMargin(appendixPages[0]!).map((t) => t.text)).toEqual([]);
    appendixPages.slice(1).forEach((page, i) => {
      const numbers = inTopMargin(page);
      expect(numbers.map((t) => t.text)).toEqual([String(i + 2)]);
      expect(Math.abs(numbers[0]!.x - page.widthPt / 2)).toBeLessThan(20);
    });
  });
});
