/**
 * The header row(s) of an appendix table → the model's columns, in the order written. A two-row header
 * (a cell spanning two columns over "Chủ trì" / "Phối hợp") gives each grid column the labels above it,
 * joined; the role comes from the lowest label or, failing it, from the one above.
 */
import type { Column } from "../model/schema.ts";
import { columnKeyOf, OPTIONAL_COLUMNS } from "./appendix-columns.ts";
import type { RecognizeContext } from "./context.ts";
import type { GridCell, GridRow } from "./table-grid.ts";

export interface TableColumns {
  columns: Column[];
  /** how many rows the header takes, a row of column numbers ("(1) (2) (3)") under it included */
  headerRows: number;
  /** grid column → index in `columns` */
  byGridColumn: number[];
}

const COLUMN_NUMBER = /^(\(?\d{1,2}\)?|\([^)]{1,16}\))$/u;
const MAX_HEADER_ROWS = 3;

function headerDepth(rows: readonly GridRow[], width: number): number {
  const first = rows[0] ?? [];
  let depth = Math.max(1, ...first.map((cell) => cell.rowSpan));
  if (first.some((cell) => cell.colSpan > 1 && cell.colSpan < width && cell.rowSpan === 1)) depth = Math.max(depth, 2);
  if (depth === 1 && continuesHeader(first, rows[1])) depth = 2;
  return Math.min(depth, MAX_HEADER_ROWS, Math.max(rows.length - 1, 1));
}

/**
 * A second header row in a table that lost its spans (a pipe table): nothing in the STT column, and labels
 * under the empty cells a spanning header left to its right ("Đơn vị thực hiện" | "" over "Chủ trì" | "Phối hợp").
 */
function continuesHeader(header: GridRow, row: GridRow | undefined): boolean {
  if (!row || (row.find((cell) => cell.column === 0)?.text ?? "") !== "") return false;
  const emptyAbove = new Set(header.filter((cell) => cell.text === "").map((cell) => cell.column));
  return row.some((cell) => cell.text !== "" && emptyAbove.has(cell.column));
}

/** A row of column numbers under the header: every cell "1", "2" … or "(1)", "(2)" … */
function isColumnNumbers(row: GridRow | undefined, width: number): boolean {
  if (!row || row.length < Math.ceil(width / 2)) return false;
  return row.every((cell) => COLUMN_NUMBER.test(cell.text));
}

const covers = (cell: GridCell, column: number) => cell.column <= column && column < cell.column + cell.colSpan;

/** `path`: the appendix's place in the model, where each column's header cell is remembered */
export function readColumns(ctx: RecognizeContext, rows: readonly GridRow[], width: number, path: readonly (string | number)[]): TableColumns {
  const depth = headerDepth(rows, width);
  const header = rows.slice(0, depth);
  const columns: Column[] = [];
  const byGridColumn: number[] = [];
  const kept: { index: number; label: string; at: GridCell }[] = [];
  let previous: GridCell | undefined;
  for (let c = 0; c < width; c++) {
    const cells = header.flatMap((row) => row.filter((cell) => covers(cell, c)));
    const lowest = cells.at(-1);
    // a header cell spanning columns with nothing under it: one model column over several grid columns
    if (lowest && lowest === previous) {
      byGridColumn.push(columns.length - 1);
      continue;
    }
    previous = lowest;
    const texts = cells.map((cell) => cell.text.replace(/\s*\n\s*/g, " ")).filter((t) => t !== "");
    // a header over several columns keeps its words in each: "Cơ quan thực hiện - Chủ trì"
    const label = texts.length > 0 ? [...new Set(texts)].join(" - ") : `Cột ${c + 1}`;
    if (texts.length === 0) ctx.report("recognize/unlabelled-column", { column: c + 1, label }, lowest ?? rows[0]?.[0]);
    const role = columnKeyOf(texts.at(-1) ?? "") ?? (texts.length > 1 ? columnKeyOf(texts[0]!) : undefined);
    const at = lowest ?? rows[0]![0]!;
    ctx.mark([...path, "columns", columns.length], at);
    if (role && columns.some((column) => column.role === role)) {
      ctx.report("recognize/duplicate-column", { label, role }, at);
      columns.push({ label });
    } else if (role) columns.push({ role, label });
    else {
      kept.push({ index: columns.length, label, at });
      columns.push({ label });
    }
    byGridColumn.push(columns.length - 1);
  }
  // a table without a content column (a list of units, "Tên văn bản"): its column of its own that holds the
  // most text is the content (not one holding another numbering, "Theo NQ 01")
  const textIn = (index: number) =>
    rows.slice(depth).reduce((sum, row) => sum + row.filter((cell) => byGridColumn[cell.column] === index).reduce((n, cell) => n + cell.text.length, 0), 0);
  const main = columns.some((column) => column.role === "content") ? undefined : kept.reduce<(typeof kept)[number] | undefined>((best, k) => (best && textIn(best.index) >= textIn(k.index) ? best : k), undefined);
  if (main) {
    columns[main.index] = { role: "content", label: main.label };
    kept.splice(kept.indexOf(main), 1);
  }
  for (const column of kept) ctx.report("recognize/kept-column", { label: column.label }, column.at);
  const at = rows[0]?.[0];
  if (!columns.some((column) => column.role === "lead")) ctx.report("recognize/no-lead-column", {}, at);
  else for (const role of OPTIONAL_COLUMNS) if (!columns.some((column) => column.role === role)) ctx.report("recognize/optional-column-absent", { role }, at);
  const numbered = isColumnNumbers(rows[depth], width);
  if (numbered) ctx.report("recognize/column-numbers-row", {}, rows[depth]![0]);
  return { columns, headerRows: depth + (numbered ? 1 : 0), byGridColumn };
}
