/**
 * thuvienphapluat's markdown tables: each cell is preceded by a line holding only "|" and a row is closed by
 * one, so "|" "|" ends a row and opens the next. A "|" followed by a blank line ends the table; in a scrape
 * without blank lines (no paragraph breaks at all), so does a "|" followed by text once the row is as wide
 * as the rows before it, or by more lines before the next "|" than a cell holds (the text after the table).
 * Every cell is closed by a "|": text that none closes is after the table. The export drops spans: a cell spanning rows is absent from the rows below, and a row of fewer cells is
 * either such a row or one whose last cell spans columns. `restoreSpans` puts them back so that every row
 * covers the table's width.
 */
import { isBlank, isCellBar, type Line } from "./lines.ts";
import type { TextCell, TextPiece } from "./text-table.ts";

/** More lines than a cell of a scrape holds (a long task, a long Nơi nhận list are 20–30 wrapped lines). */
const MAX_CELL_LINES = 40;

/** What a first cell holds in a numbered row: "1", "1.2", "I", "A", "a)", bold or not. */
const ROW_LABEL = /^(?:\*\*)?\s*(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z]|[a-zđ])\s*[.)]?\s*(?:\*\*)?$/u;

function cellAt(bar: Line, first: Line | undefined): TextCell {
  const line = first && !isCellBar(first) && !isBlank(first) ? first : bar;
  return { lines: [], position: { line: line.number, column: 1 }, rowSpan: 1, colSpan: 1 };
}

/** How many "|" lines there are from `from` on. */
function barsFrom(lines: readonly Line[], from: number): number {
  let count = 0;
  while (isCellBar(lines[from + count])) count++;
  return count;
}

/**
 * The table whose opening "|" is `lines[start]` (two, and the text between them, when a scrape without blank
 * lines glued one table's last row to the next one's first: see `splitGluedRow`), and the index of the first
 * line after it. Between two cells' text, k "|" lines close the first cell and then hold k − 1 empty cells or
 * row ends; there is one row end when k > 1, and the empty cells complete the row before it up to the
 * table's width, the rest open the next.
 */
export function parseCellBarTables(lines: readonly Line[], start: number, endsAtText: boolean): { pieces: TextPiece[]; next: number } {
  const rows: TextCell[][] = [];
  let row: TextCell[] = [];
  let width = 0;
  const closeRow = () => {
    if (row.length > 0) rows.push(row);
    width = endsAtText ? widthAfterFirstRow(rows) : Math.max(width, row.length);
    row = [];
  };
  const empty = (at: Line): TextCell => ({ lines: [], position: { line: at.number, column: 1 }, rowSpan: 1, colSpan: 1 });
  let cell = cellAt(lines[start]!, lines[start + 1]);
  // where the lines of `cell` start: text up to the end that no "|" closes is no cell but text after the table
  let cellFrom = start + 1;
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!isCellBar(line)) {
      cell.lines.push(line);
      i++;
      continue;
    }
    const bars = barsFrom(lines, i);
    const after = i + bars;
    const next = lines[after];
    row.push(cell);
    const fillers = Array.from({ length: bars - 1 }, (_, k) => empty(lines[i + 1 + k]!));
    if (isBlank(next)) {
      row = row.concat(fillers);
      i = after;
      break;
    }
    if (bars === 1) {
      if (endsAtText && ((width > 0 && row.length >= width) || linesToNextBar(lines, after) > MAX_CELL_LINES)) {
        i = after;
        break;
      }
    } else {
      const trailing = width > 0 ? Math.min(fillers.length - 1, Math.max(0, width - row.length)) : fillers.length - 1;
      row = row.concat(fillers.slice(0, trailing));
      closeRow();
      row = fillers.slice(trailing + 1);
    }
    cell = cellAt(lines[after - 1]!, next);
    cellFrom = after;
    i = after;
  }
  if (i >= lines.length && cell.lines.length > 0 && !row.includes(cell)) i = cellFrom;
  closeRow();
  const table = (part: TextCell[][]): TextPiece => {
    restoreSpans(part);
    return { kind: "table", table: { position: part === rows ? { line: lines[start]!.number, column: 1 } : part[0]![0]!.position, rows: part } };
  };
  // a "|" with no cell closed after it opens no table
  if (rows.length === 0) return { pieces: [], next: i };
  if (!endsAtText) return { pieces: [table(rows)], next: i };
  const glued = splitGluedRow(rows);
  return { pieces: glued ? [table(glued.before), { kind: "text", lines: glued.between }, table(glued.after)] : [table(rows)], next: i };
}

/**
 * Without blank lines, nothing marks where a table that ends in text is followed by another table (a
 * signature block, the appendix's heading, its table): the first one's last row, the text between and the
 * second one's header come out as one row, wider than any row after it. The text between is one "cell"
 * (from the first table's closing "|" to the second one's opening "|"), right before the cells of the
 * second table's width; the cells before it are the first table's row.
 */
function splitGluedRow(rows: TextCell[][]): { before: TextCell[][]; between: Line[]; after: TextCell[][] } | undefined {
  const [first] = rows;
  const extra = first === undefined ? 0 : first.length - widthAfterFirstRow(rows);
  // one cell more is a row of the table itself (a cell spanning every row below)
  if (extra < 2) return undefined;
  return { before: [first!.slice(0, extra - 1)], between: first![extra - 1]!.lines, after: [first!.slice(extra), ...rows.slice(1)] };
}

/** The widest row but the first, once two rows follow it (the first may be glued, see `splitGluedRow`). */
function widthAfterFirstRow(rows: readonly TextCell[][]): number {
  return rows.slice(rows.length > 2 ? 1 : 0).reduce((max, row) => Math.max(max, row.length), 0);
}

/** How many lines from `from` to the next "|" line (or the end). */
function linesToNextBar(lines: readonly Line[], from: number): number {
  let count = 0;
  while (from + count < lines.length && !isCellBar(lines[from + count])) count++;
  return count;
}

const cellText = (cell: TextCell) => cell.lines.map((l) => l.text).join(" ").trim();

/** Cells spanning down into a row are its first few columns (STT, content); more are a group row's title. */
const MAX_SPANNING_DOWN = 8;

/** The grid columns [start, end) a cell covers in a row. */
interface Covered {
  cell: TextCell;
  start: number;
  end: number;
}

/**
 * A short row whose first cell is a row label ("1.2", "II") has its last cell span the missing columns (a
 * group title across the table); one that starts with other text sits under cells of the row above that span
 * down into it, when those cells fit the missing columns.
 */
function restoreSpans(rows: TextCell[][]): void {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  let above: Covered[] = [];
  for (const row of rows) {
    const missing = width - row.length;
    const spanning = missing > 0 && missing <= MAX_SPANNING_DOWN ? above.filter((c) => c.start < missing) : [];
    const fits = spanning.length > 0 && above.at(-1)?.end === width && spanning.at(-1)!.end === missing && !ROW_LABEL.test(cellText(row[0]!));
    if (fits) for (const c of spanning) c.cell.rowSpan++;
    else if (missing > 0) row.at(-1)!.colSpan += missing;
    const covered = fits ? spanning : [];
    let column = fits ? missing : 0;
    for (const cell of row) {
      covered.push({ cell, start: column, end: column + cell.colSpan });
      column += cell.colSpan;
    }
    above = covered;
  }
}
