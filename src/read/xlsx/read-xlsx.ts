/**
 * An XLSX workbook as a source document: a section per sheet (named, hidden ones marked), the sheet's cells
 * one table with merged ranges as row and column spans, each cell the text it shows: shared and inline
 * strings with their rich-text runs, numbers by their number format (dates as dd/mm/yyyy), formulas by the
 * result the file saved. The table covers the cells that hold text: a sheet formatted down to row 1,000 is
 * as long as its last filled row. A file that is not a readable workbook is a diagnostic, never a throw.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../../diagnostics/rules.ts";
import { attr, child, childrenNamed, findAll } from "../docx/ooxml/xml.ts";
import { relationships } from "../docx/ooxml/package.ts";
import { joinRuns, textOfRuns, type PageSetup, type SourceDocument, type SourceRow, type SourceRun, type SourceSection, type SourceTable } from "../source-document.ts";
import { formatDate, formatNumber, type DateSystem } from "./number-format.ts";
import { openXlsxPackage, XlsxReadError, type XlsxPackage } from "./package.ts";
import { isComplete, P, scanSharedStrings, scanSheet, scanStringItem, type ScannedCell, type ScannedRun, type ScannedSheet } from "./sheet-xml.ts";
import { readStyles, type CellFormat, type StyleTable } from "./styles.ts";

/** Rows × columns of one sheet's table: far above an appendix, far below what would exhaust memory. */
const MAX_SHEET_CELLS = 2_000_000;
const MAX_SHEETS = 200;
const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = new RegExp(`<${P}worksheet\\b`);
/** Paper sizes of SpreadsheetML's paperSize (18.18.56) that documents use, in mm. */
const PAPER_MM: Record<string, [number, number]> = { "1": [215.9, 279.4], "8": [297, 420], "9": [210, 297], "11": [148, 210] };

interface ReadCell {
  runs: SourceRun[];
  text: string;
  format: CellFormat;
}

interface WorkbookContext {
  pkg: XlsxPackage;
  styles: StyleTable;
  strings: ScannedRun[][];
  dates: DateSystem;
  diagnostics: Diagnostic[];
  place: Place;
}

/** "_x000D_" and the like: how SpreadsheetML writes characters XML cannot hold; a carriage return is no line of its own. */
function unescapeText(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n?/g, "\n").normalize("NFC");
}

/** A scanned run in the cell's font where rich text sets no look of its own. */
const runOf = (run: ScannedRun, cellLook: CellFormat["font"]): SourceRun => ({ text: unescapeText(run.text), ...(run.look ?? cellLook) });

/** "AB12" → column 28, row 12 (1-based); undefined for anything else. */
export function parseCellRef(ref: string): { column: number; row: number } | undefined {
  let column = 0;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // "$A$1"
  for (let letters = 0; i < ref.length && letters <= 3; i++, letters++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  if (ref.charCodeAt(i) === 36) i++;
  const row = Number(ref.slice(i));
  return column > 0 && column <= 16_384 && Number.isInteger(row) && row > 0 && i < ref.length ? { column, row } : undefined;
}

export function cellName(column: number, row: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** The runs of a cell, in the cell's own font where a rich-text run sets none. */
function cellRuns(cell: ScannedCell, format: CellFormat, ctx: WorkbookContext, uncached: string[], ref: string): SourceRun[] {
  const raw = cell.value;
  const plain = (text: string) => [runOf({ text }, format.font)];
  if (cell.type === "inlineStr") return scanStringItem(cell.inline ?? "").map((run) => runOf(run, format.font));
  if (raw === undefined) {
    if (cell.formula) uncached.push(ref);
    return [];
  }
  switch (cell.type) {
    case "s":
      return (ctx.strings[Number(raw)] ?? []).map((run) => runOf(run, format.font));
    case "b":
      return plain(raw === "1" ? "TRUE" : "FALSE");
    case "d": {
      const date = new Date(raw);
      return plain(Number.isNaN(date.getTime()) ? raw : formatDate(date));
    }
    case "n": {
      const number = Number(raw);
      return plain(raw.trim() === "" || !Number.isFinite(number) ? raw : formatNumber(number, format.numberFormat, ctx.dates));
    }
    default:
      // "str" (a formula's text result), "e" (#N/A, #REF!): as stored
      return plain(raw);
  }
}

function pageOf(sheet: ScannedSheet): PageSetup {
  const page: PageSetup = {};
  const paper = PAPER_MM[sheet.paperSize ?? "9"];
  const { orientation } = sheet;
  if (orientation === "landscape" || orientation === "portrait") page.orientation = orientation;
  if (paper && (sheet.paperSize !== undefined || orientation !== undefined)) {
    const [short, long] = paper;
    [page.widthMm, page.heightMm] = page.orientation === "landscape" ? [long, short] : [short, long];
  }
  return page;
}

/** Merged ranges as spans at their first cell, and the cells they cover. */
function mergesOf(sheet: ScannedSheet): { spans: Map<string, { rows: number; columns: number }>; covered: Set<string> } {
  const spans = new Map<string, { rows: number; columns: number }>();
  const covered = new Set<string>();
  for (const merge of sheet.merges) {
    const [from, to] = merge.split(":").map(parseCellRef);
    if (!from || !to) continue;
    const top = Math.min(from.row, to.row);
    const left = Math.min(from.column, to.column);
    const rows = Math.abs(to.row - from.row) + 1;
    const columns = Math.abs(to.column - from.column) + 1;
    // a range over a cell another range already covers is not one Excel would write: the first one wins
    if (covered.has(`${top}:${left}`) || rows * columns > MAX_SHEET_CELLS) continue;
    spans.set(`${top}:${left}`, { rows, columns });
    for (let r = top; r < top + rows; r++) for (let c = left; c < left + columns; c++) if (r !== top || c !== left) covered.add(`${r}:${c}`);
  }
  return { spans, covered };
}

function readSheet(name: string, part: string, hidden: boolean, ctx: WorkbookContext): SourceSection {
  const xml = ctx.pkg.text(part);
  if (!isComplete(xml, "worksheet")) throw new XlsxReadError("corrupt", `${part} (sheet "${name}") is cut short: it has no closing </worksheet>`);
  const sheet = scanSheet(xml);
  const cells = new Map<string, ReadCell>();
  const hiddenRows = new Set<number>();
  const uncached: string[] = [];
  let height = 0;
  let width = 0;
  let rowNumber = 0;
  for (const row of sheet.rows) {
    rowNumber = row.number ?? rowNumber + 1;
    if (row.hidden) hiddenRows.add(rowNumber);
    let column = 0;
    for (const cell of row.cells) {
      const at = parseCellRef(cell.ref ?? "");
      column = at?.column ?? column + 1;
      const format = ctx.styles.format(cell.style);
      const runs = joinRuns(cellRuns(cell, format, ctx, uncached, cellName(column, rowNumber)).filter((run) => run.text !== ""));
      const text = textOfRuns(runs);
      if (text.trim() === "") continue;
      cells.set(`${rowNumber}:${column}`, { runs, text, format });
      height = Math.max(height, rowNumber);
      width = Math.max(width, column);
    }
  }
  if (height * width > MAX_SHEET_CELLS) throw new XlsxReadError("too-large", `sheet "${name}" spans ${height} rows × ${width} columns, over the limit of ${MAX_SHEET_CELLS.toLocaleString("en")} cells`);
  if (uncached.length > 0) ctx.diagnostics.push(diagnose("read/xlsx-uncached-formula", { sheet: name, count: uncached.length, first: uncached[0]! }, ctx.place));
  const { spans, covered } = mergesOf(sheet);
  const rows: SourceRow[] = [];
  for (let r = 1; r <= height; r++) {
    const row: SourceRow = { cells: [] };
    if (hiddenRows.has(r)) row.hidden = true;
    for (let c = 1; c <= width; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const span = spans.get(key);
      const read = cells.get(key);
      const position = { path: [{ sheet: name, cell: cellName(c, r) }] };
      const alignment = read?.format.alignment;
      row.cells.push({
        // a range reaching past the last filled row or column covers what there is
        rowSpan: Math.max(1, Math.min(span?.rows ?? 1, height - r + 1)),
        colSpan: Math.max(1, Math.min(span?.columns ?? 1, width - c + 1)),
        blocks: read ? [{ kind: "paragraph", text: read.text, runs: read.runs, position, ...(alignment ? { alignment } : {}) }] : [],
        position,
      });
    }
    rows.push(row);
  }
  // the table's own columns a hidden range covers (a range may reach to the sheet's last column)
  const hiddenColumns = Array.from({ length: width }, (_, i) => i + 1).filter((column) => sheet.hiddenColumns.some((r) => r.min <= column && column <= r.max));
  const table: SourceTable = { kind: "table", rows, position: { path: [{ sheet: name }] }, ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}) };
  const section: SourceSection = { page: pageOf(sheet), blocks: rows.length > 0 ? [table] : [], name };
  if (hidden) section.hidden = true;
  return section;
}

/** The part a relationship of this type points to ("/sharedStrings", "/styles"), from `part`'s `_rels` file. */
function relatedPart(pkg: XlsxPackage, part: string, type: RegExp): string | undefined {
  const relsPart = part === "" ? "_rels/.rels" : part.replace(/[^/]+$/, (file) => `_rels/${file}.rels`);
  if (!pkg.has(relsPart)) return undefined;
  const rel = findAll(pkg.xml(relsPart), "Relationship").find((r) => type.test(attr(r, "Type") ?? ""));
  const target = rel === undefined ? undefined : relationships(pkg, part).get(attr(rel, "Id") ?? "");
  return target !== undefined && pkg.has(target) ? target : undefined;
}

function sharedStrings(pkg: XlsxPackage, part: string): ScannedRun[][] {
  const xml = pkg.text(part);
  if (!isComplete(xml, "sst")) throw new XlsxReadError("corrupt", `${part} is cut short: it has no closing </sst>`);
  return scanSharedStrings(xml);
}

function readWorkbook(bytes: Uint8Array, diagnostics: Diagnostic[], place: Place): SourceDocument {
  const pkg = openXlsxPackage(bytes);
  const workbookPart = relatedPart(pkg, "", OFFICE_DOCUMENT) ?? "xl/workbook.xml";
  const workbook = findAll(pkg.xml(workbookPart), "workbook")[0];
  const rels = relationships(pkg, workbookPart);
  const stringsPart = relatedPart(pkg, workbookPart, /\/sharedStrings$/);
  const stylesPart = relatedPart(pkg, workbookPart, /\/styles$/);
  const workbookPr = child(workbook, "workbookPr");
  const ctx: WorkbookContext = {
    pkg,
    styles: readStyles(stylesPart === undefined ? undefined : pkg.text(stylesPart)),
    strings: stringsPart === undefined ? [] : sharedStrings(pkg, stringsPart),
    dates: ["1", "true"].includes(attr(workbookPr, "date1904") ?? "") ? "1904" : "1900",
    diagnostics,
    place,
  };
  const sheets = childrenNamed(child(workbook, "sheets"), "sheet").slice(0, MAX_SHEETS);
  const sections = sheets.flatMap((sheet): SourceSection[] => {
    const part = rels.get(attr(sheet, "r:id") ?? "");
    // a chart sheet or a dialog sheet holds no cells
    if (part === undefined || !pkg.has(part) || !WORKSHEET.test(pkg.text(part).slice(0, 4096))) return [];
    return [readSheet(unescapeText(attr(sheet, "name") ?? ""), part, (attr(sheet, "state") ?? "visible") !== "visible", ctx)];
  });
  return { format: "xlsx", sections, footnotes: [] };
}

export function readXlsxSource(bytes: Uint8Array, place: Place = {}): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  try {
    return { document: readWorkbook(bytes, diagnostics, place), diagnostics };
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    return { diagnostics: [diagnose(error.kind === "too-large" ? "read/too-large" : "read/corrupt", { format: "XLSX", reason: error.message }, place)] };
  }
}
