/**
 * A workbook (a source document of named sheets, each one table) → a model whose appendices are its
 * sheets. Each appendix sheet is laid out as the appendix recognizer reads a document's appendix: the rows
 * above the table's header row become the heading, title and "(Kèm theo …)" lines, the rest the table, and
 * recognizeAppendix reads them (columns, two-row headers, group rows merged across). A workbook that heads
 * some sheets "PHỤ LỤC" says which sheets are appendices (vanban's own: not its tracking and summary
 * sheets); in one that heads none, every sheet with a header row is one. The document part the workbook
 * lacks is read from the reference line where it can be, else a placeholder, and said so.
 */
import { diagnose } from "../diagnostics/rules.ts";
import { decisionSchema, SCHEMA_VERSION, type Appendix, type Decision } from "../model/schema.ts";
import type { SourceCell, SourceDocument, SourceParagraph, SourceRow, SourceTable } from "../read/source-document.ts";
import { recognizeAppendix } from "./appendix.ts";
import { columnKeyOf } from "./appendix-columns.ts";
import { ATTACHED_REFERENCE, isAppendixHeading } from "./boundaries.ts";
import { RecognizeContext } from "./context.ts";
import { editorialLetters, editorialRecipients } from "./editorial-defaults.ts";
import { DATE, MOTTO, NATIONAL_NAME } from "./header-marks.ts";
import type { RecognizeOptions, RecognizeResult } from "./recognize-document.ts";
import { cellLines, type Item, type TextLine } from "./source-lines.ts";
import { tableGrid, type GridCell, type GridRow } from "./table-grid.ts";

/** Rows above the header row read as the title block; a header further down is no table header. */
const MAX_TITLE_ROWS = 20;
/** A heading line: "PHỤ LỤC", "PHỤ LỤC II", or the heading and the title on one line ("PHỤ LỤC I: …") */
const HEADING_START = /^PH[ỤU]\s+L[ỤU]C\b/iu;
const SHEET_NUMERAL = /^ph[ụu]\s+l[ụu]c\s+((?:số\s+)?[IVXLC\d]+[a-z]?)$/iu;
const PLAIN_NUMBER = /^\d{1,5}\.?$/u;
/** "(Các nhiệm vụ do Sở Tư pháp chủ trì hoặc phối hợp)", under the reference of an agency's workbook */
const AGENCY_EXTRACT = /^\(Các nhiệm vụ do .+ chủ trì hoặc phối hợp\)$/u;
/** A totals row's label: "Tổng cộng", "Tổng số", "Cộng" (its figures are sums, not a row of the appendix) */
const TOTAL = /^(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*:?$/iu;
/** "(Kèm theo Quyết định số 503/QĐ-UBND ngày 06 tháng 02 năm 2013 của Ủy ban nhân dân tỉnh Quảng Nam)" */
const REFERENCED = /theo\s+(.+?)\s+số\s*(\d*)\s*\/\s*([\p{L}\p{N}][\p{L}\p{N}.-]*)/iu;
const NUMERIC_DATE = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const PLACE = /\b(?:tỉnh|thành phố)\s+([\p{Lu}][\p{L}\s]*?)\s*\)?$/u;

/** A workbook's source document: every section a named sheet. */
export const isWorkbook = (source: SourceDocument): boolean => source.sections.length > 0 && source.sections.every((section) => section.name !== undefined);

interface SheetLayout {
  name: string;
  section: number;
  table: SourceTable;
  /** the lines of the single-cell rows above the header, in order */
  lines: TextLine[];
  /** the index of the table's header row */
  header: number;
  hasHeading: boolean;
}

const filled = (row: GridRow) => row.filter((cell) => cell.text !== "");

/** A header row: an STT column, or two cells that name appendix columns. */
function isHeaderRow(row: GridRow): boolean {
  const cells = filled(row);
  if (cells.length < 2) return false;
  const roles = cells.map((cell) => columnKeyOf(cell.text.replace(/\s*\n\s*/g, " ")));
  return roles.includes("number") || roles.filter(Boolean).length >= 2;
}

function layoutOf(name: string, section: number, table: SourceTable): SheetLayout | undefined {
  // only the rows the header may stand in: a spanning cell above covers no more than they hold
  const grid = tableGrid({ ...table, rows: table.rows.slice(0, MAX_TITLE_ROWS + 1) }, section);
  const header = grid.findIndex(isHeaderRow);
  if (header < 0) return undefined;
  // a row of several cells above the header is a header grid (issuer | Quốc hiệu), not a title line
  const lines = table.rows
    .slice(0, header)
    .filter((_, r) => filled(grid[r]!).length === 1)
    .flatMap((row) => row.cells.flatMap((cell) => cellLines(cell, section)))
    .filter((line) => !NATIONAL_NAME.test(line.text) && !MOTTO.test(line.text));
  return { name, section, table, lines, header, hasHeading: lines.some((line) => HEADING_START.test(line.text)) };
}

const paragraph = (text: string, line: Pick<TextLine, "position" | "bold" | "italic">): SourceParagraph => ({
  kind: "paragraph",
  text,
  runs: [{ text, ...(line.bold ? { bold: true } : {}), ...(line.italic ? { italic: true } : {}) }],
  position: line.position,
});

/**
 * The body's empty cells merged down (a blank "Ghi chú" over a template's rows) as one empty cell per row:
 * they say nothing, and would keep the rows they cover from being left out.
 */
function withoutEmptyMerges(table: SourceTable, header: number, section: number): SourceTable {
  const grid = tableGrid(table, section);
  const rows = table.rows.map((row) => ({ ...row, cells: [...row.cells] }));
  // the grid columns of the cells put in each row so far, to place the next ones among them
  const added = rows.map((): number[] => []);
  grid.forEach((cells, r) => {
    if (r <= header) return;
    for (const cell of cells.filter((c) => c.rowSpan > 1 && c.text === "")) {
      const row = rows[r]!;
      const at = row.cells.findIndex((c) => c.position === cell.position);
      row.cells[at] = { ...row.cells[at]!, rowSpan: 1 };
      for (let below = r + 1; below < r + cell.rowSpan; below++) {
        const left = grid[below]!.filter((c) => c.column < cell.column).length + added[below]!.filter((column) => column < cell.column).length;
        rows[below]!.cells.splice(left, 0, { rowSpan: 1, colSpan: cell.colSpan, blocks: [], position: cell.position });
        added[below]!.push(cell.column);
      }
    }
  });
  return { ...table, rows };
}

/**
 * Rows that hold only an STT (a template numbered down to row 1,000), totals rows ("Tổng cộng" and its sums)
 * and rows of nothing are no rows of the table. A cell merged down over such rows (an empty "Ghi chú" column) covers that many fewer; a row that
 * starts a merge, or shows the text of one from above, is kept.
 */
function bodyRows(ctx: RecognizeContext, layout: SheetLayout, numberColumn: number | undefined): SourceRow[] {
  const table = withoutEmptyMerges(layout.table, layout.header, layout.section);
  const grid = tableGrid(table, layout.section);
  const sourceOf = new Map(table.rows.flatMap((row) => row.cells.map((cell) => [cell.position, cell] as const)));
  const shortened = new Map<SourceCell, number>();
  const left: GridCell[] = [];
  const totals: GridCell[] = [];
  let spanning: { cell: GridCell; until: number }[] = [];
  const kept = table.rows.filter((_, r) => {
    spanning = spanning.filter((s) => s.until > r);
    const covering = spanning.map((s) => s.cell);
    const cells = grid[r]!;
    for (const cell of cells) if (cell.rowSpan > 1) spanning.push({ cell, until: r + cell.rowSpan });
    const only = filled(cells);
    const numberOnly = only.length === 1 && only[0]!.column === numberColumn && PLAIN_NUMBER.test(only[0]!.text);
    const total = only.length > 0 && TOTAL.test(only[0]!.text);
    if (r <= layout.header || !(numberOnly || total || only.length === 0) || covering.some((c) => c.text !== "") || cells.some((c) => c.rowSpan > 1)) return true;
    for (const cell of covering) shortened.set(sourceOf.get(cell.position)!, (shortened.get(sourceOf.get(cell.position)!) ?? 0) + 1);
    if (total) totals.push(only[0]!);
    else if (numberOnly) left.push(only[0]!);
    return false;
  });
  if (left.length > 0) ctx.report("recognize/workbook-numbered-rows", { sheet: layout.name, count: left.length, first: cellName(left[0]!), last: cellName(left.at(-1)!) }, left[0]);
  if (totals.length > 0) ctx.report("recognize/workbook-total-rows", { sheet: layout.name, count: totals.length, text: totals[0]!.text, first: cellName(totals[0]!) }, totals[0]);
  const rows = kept.slice(layout.header).map((row) => ({ ...row, cells: row.cells.map((cell) => (shortened.has(cell) ? { ...cell, rowSpan: cell.rowSpan - shortened.get(cell)! } : cell)) }));
  const hidden = rows.filter((row) => row.hidden);
  // a row whose cells are all merged from above has none of its own to point at
  const first = hidden.find((row) => row.cells.length > 0)?.cells[0];
  if (hidden.length > 0) ctx.report("recognize/workbook-hidden-rows", { sheet: layout.name, count: hidden.length }, first && { position: first.position, section: layout.section });
  return rows;
}

/** "A12" of a cell's position, for a report. */
function cellName(cell: GridCell): string {
  const step = "path" in cell.position ? cell.position.path[0] : undefined;
  return step && "sheet" in step && "cell" in step && typeof step.cell === "string" ? step.cell : "?";
}

/** The items recognizeAppendix reads for one sheet: heading, title and reference lines, then the table. */
function sheetItems(ctx: RecognizeContext, layout: SheetLayout): Item[] {
  const { section } = layout;
  const start = { position: layout.table.rows[0]!.cells[0]!.position, bold: true, italic: false };
  const titleLines = layout.lines.slice(Math.max(0, layout.lines.findIndex((line) => HEADING_START.test(line.text))));
  // the line under the reference of one agency's workbook (a packet's): its rows are an extract
  const extract = titleLines.find((line) => AGENCY_EXTRACT.test(line.text));
  if (extract) ctx.report("recognize/workbook-extract", { sheet: layout.name, line: extract.text }, extract);
  const lines = titleLines.filter((line) => line !== extract);
  const items: Item[] = [];
  if (!layout.hasHeading) {
    const heading = SHEET_NUMERAL.exec(layout.name.trim())?.[1];
    const text = heading ? `PHỤ LỤC ${heading.toUpperCase()}` : "PHỤ LỤC";
    ctx.report("recognize/workbook-heading", { sheet: layout.name, heading: text }, { position: start.position, section });
    items.push({ block: paragraph(text, start), section });
  }
  const titled = lines.some((line) => !isAppendixHeading(line.text) && !ATTACHED_REFERENCE.test(line.text));
  for (const line of lines) items.push({ block: paragraph(line.text, line), section });
  if (!titled) {
    // a sheet named "Phụ lục 3" names its heading, not its title
    const title = isAppendixHeading(layout.name.trim()) ? "…" : layout.name.trim();
    ctx.report("recognize/workbook-title", { sheet: layout.name, title }, { position: start.position, section });
    items.splice(1, 0, { block: paragraph(title, start), section });
  }
  const headerCells = tableGrid({ ...layout.table, rows: layout.table.rows.slice(layout.header, layout.header + 1) }, section)[0]!;
  const numberColumn = headerCells.find((cell) => columnKeyOf(cell.text) === "number")?.column;
  const rows = bodyRows(ctx, layout, numberColumn);
  reportHiddenColumns(ctx, layout, headerCells, rows);
  items.push({ block: { ...layout.table, rows }, section });
  return items;
}

/**
 * Hidden columns holding text in the table's rows are read like the others (their text reaches the model),
 * so the clerk hears of them; the header cell of the first such column is the place named.
 */
function reportHiddenColumns(ctx: RecognizeContext, layout: SheetLayout, headerCells: GridRow, rows: SourceRow[]): void {
  const hidden = new Set((layout.table.hiddenColumns ?? []).map((column) => column - 1));
  if (hidden.size === 0) return;
  // each hidden column with text, by the first cell that shows it (the header's when it has one)
  const shown = new Map<number, GridCell>();
  for (const cell of headerCells) if (hidden.has(cell.column)) shown.set(cell.column, cell);
  const withText = new Set<number>();
  for (const row of tableGrid({ ...layout.table, rows }, layout.section))
    for (const cell of row)
      if (hidden.has(cell.column) && cell.text !== "") {
        withText.add(cell.column);
        if (!shown.has(cell.column)) shown.set(cell.column, cell);
      }
  if (withText.size === 0) return;
  const cells = [...withText].sort((a, b) => a - b).map((column) => shown.get(column)!);
  const columns = cells.map((cell) => cellName(cell).replace(/\d+$/, "")).join(", ");
  ctx.report("recognize/workbook-hidden-columns", { sheet: layout.name, count: cells.length, columns }, cells[0]);
}

/** The document the appendix is attached to, as far as its reference line names it. */
function documentOf(reference: string, fallbackYear: string): Pick<Decision, "document"> & { code: string; place?: string } {
  const named = REFERENCED.exec(reference);
  const symbol = named?.[3] ?? "QĐ-UBND";
  const words = DATE.exec(reference);
  const numeric = NUMERIC_DATE.exec(reference);
  const pad = (n: string | undefined) => (n ?? "").padStart(2, "0");
  const date = words ? [words[3], words[2] && pad(words[2]), words[1] && pad(words[1])].filter(Boolean).join("-") : numeric ? `${numeric[3]}-${pad(numeric[2])}-${pad(numeric[1])}` : fallbackYear;
  const place = PLACE.exec(reference)?.[1]?.trim();
  return {
    document: { type: (named?.[1] ?? "Quyết định").toLocaleUpperCase("vi"), typeCode: symbol.split("-")[0]!, number: named?.[2] ?? "", symbol, date },
    code: symbol.split("-").slice(1).join("-") || "UBND",
    ...(place ? { place } : {}),
  };
}

export function recognizeWorkbook(source: SourceDocument, options: RecognizeOptions = {}): RecognizeResult {
  const layouts: SheetLayout[] = [];
  const notes: { rule: "recognize/workbook-hidden-sheet" | "recognize/workbook-sheet-skipped"; sheet: string }[] = [];
  source.sections.forEach((section, i) => {
    const table = section.blocks.find((block): block is SourceTable => block.kind === "table");
    const layout = table && !section.hidden ? layoutOf(section.name!, i + 1, table) : undefined;
    if (section.hidden) notes.push({ rule: "recognize/workbook-hidden-sheet", sheet: section.name! });
    else if (layout) layouts.push(layout);
    else if (table) notes.push({ rule: "recognize/workbook-sheet-skipped", sheet: section.name! });
  });
  const headed = layouts.some((layout) => layout.hasHeading);
  const appendixSheets = layouts.filter((layout) => layout.hasHeading || !headed);
  for (const layout of layouts) if (!appendixSheets.includes(layout)) notes.push({ rule: "recognize/workbook-sheet-skipped", sheet: layout.name });
  const items: Item[] = [];
  // the context reads the items as they are laid out, sheet by sheet
  const reading = new RecognizeContext(items, options.file, source.sections.length);
  const starts = appendixSheets.map((layout) => {
    const at = items.length;
    items.push(...sheetItems(reading, layout));
    return at;
  });
  const fileOnly = options.file === undefined ? {} : { file: options.file };
  for (const note of notes) reading.diagnostics.push(diagnose(note.rule, { sheet: note.sheet }, fileOnly));
  const done = (decision?: Decision): RecognizeResult => ({ ...(decision ? { decision } : {}), diagnostics: reading.diagnostics, places: reading.places });
  if (appendixSheets.length === 0) {
    reading.diagnostics.push(diagnose("recognize/workbook-no-table", {}, fileOnly));
    return done();
  }
  const texts = appendixSheets.flatMap((layout) => layout.lines.map((line) => line.text));
  const reference = texts.find((text) => ATTACHED_REFERENCE.test(text)) ?? "";
  const year = /\b((?:19|20)\d{2})\b/.exec([...texts, reference].join(" "))?.[1] ?? "2000";
  const { document, code, place } = documentOf(reference, year);
  const planYear = /năm (\d{4})/iu.exec(texts.join(" "))?.[1] ?? document.date.slice(0, 4);
  const appendices: Appendix[] = [];
  starts.forEach((start) => appendices.push(...recognizeAppendix(reading, start, appendices.length, planYear).value));
  // the lines above the heading of vanban's own sheets are the issuer's (its name in bold)
  const issuerLines = appendixSheets[0]!.lines.slice(0, Math.max(0, appendixSheets[0]!.lines.findIndex((line) => HEADING_START.test(line.text))));
  const issuer = {
    parent: issuerLines.filter((line) => !line.bold).map((line) => line.text),
    lines: issuerLines.some((line) => line.bold) ? issuerLines.filter((line) => line.bold).map((line) => line.text) : ["ỦY BAN NHÂN DÂN"],
    code,
    place: place ?? "…",
  };
  const signer = { lines: ["…"], name: "…" };
  reading.report("recognize/workbook-document", {}, reading.locate(0));
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    profile: "nd30" as const,
    issuer,
    document,
    subject: appendices[0]?.title ?? appendixSheets[0]!.name,
    content: [{ kind: "paragraph" as const, label: "", text: "…" }],
    signer,
    recipients: editorialRecipients(),
    appendices,
  };
  const tasks = appendices.find((appendix) => appendix.columns.some((column) => column.role === "lead"));
  const parsed = decisionSchema.safeParse({ ...draft, ...(tasks ? { letters: editorialLetters(draft, tasks.title, options.followUp) } : {}) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reading.diagnostics.push(diagnose("recognize/model", { path: issue.path.join(".") || "(top)", reason: issue.message }, fileOnly));
    return done();
  }
  return done(parsed.data);
}
