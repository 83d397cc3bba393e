/**
 * GitHub-style pipe tables ("| a | b |" rows, "| --- |" delimiter rows left out), as crawlers write a
 * page's tables. A cell merged across columns comes out as its text and empty cells; one merged down is
 * either repeated as empty cells or left out of the rows below (see `restoreSpans`).
 */
import { isPipeRow, type Line } from "./lines.ts";
import type { TextCell, TextPiece } from "./text-table.ts";

const DELIMITER_ROW = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;

/** The cells of a row: split at "|" not escaped as "\|", each trimmed, with the column it starts at. */
function cellsOf(line: Line): TextCell[] {
  const cells: TextCell[] = [];
  const body = line.text.replace(/\|\s*$/, "");
  let start = body.indexOf("|") + 1;
  for (let i = start; i <= body.length; i++) {
    if (i < body.length && (body[i] !== "|" || body[i - 1] === "\\")) continue;
    const raw = body.slice(start, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/\\\|/g, "|");
    cells.push({ lines: text === "" ? [] : [{ number: line.number, text }], position: { line: line.number, column: start + lead + 1 }, rowSpan: 1, colSpan: 1 });
    start = i + 1;
  }
  return cells;
}

/**
 * A row with fewer cells than the header lacks its leading cells: cells spanning rows (an STT, a group's
 * column, the first labels of a two-row header) are left out of the rows they reach into, so the cells of
 * the row above in those columns span down one row more. A short first row has nothing above it: it is
 * filled with empty cells at its end, as GitHub's tables are.
 */
function restoreSpans(rows: TextCell[][], rowLines: readonly Line[]): void {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  let above: TextCell[] = [];
  rows.forEach((row, r) => {
    const missing = width - row.length;
    if (missing > 0 && above.length === width) {
      for (const owner of new Set(above.slice(0, missing))) owner.rowSpan++;
      above = [...above.slice(0, missing), ...row];
      return;
    }
    // filled cells sit at the row's closing "|"
    const end = { line: rowLines[r]!.number, column: rowLines[r]!.text.trimEnd().length };
    while (row.length < width) row.push({ lines: [], position: end, rowSpan: 1, colSpan: 1 });
    above = row;
  });
}

/** The pipe table starting at `lines[start]`, and the index of the first line after it. */
export function parsePipeTable(lines: readonly Line[], start: number): { pieces: TextPiece[]; next: number } {
  const rowLines: Line[] = [];
  let i = start;
  for (; i < lines.length && isPipeRow(lines[i]); i++) if (!DELIMITER_ROW.test(lines[i]!.text)) rowLines.push(lines[i]!);
  const rows = rowLines.map(cellsOf);
  restoreSpans(rows, rowLines);
  return { pieces: [{ kind: "table", table: { position: { line: lines[start]!.number, column: lines[start]!.text.indexOf("|") + 1 }, rows } }], next: i };
}
