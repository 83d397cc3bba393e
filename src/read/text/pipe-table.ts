/**
 * GitHub-style pipe tables ("| a | b |" rows, "| --- |" delimiter rows left out), as crawlers write a
 * page's tables. Merged cells come out as empty cells, so every cell spans one row and one column; a row
 * with fewer cells than the widest is filled with empty ones, as GitHub's tables do.
 */
import { isPipeRow, type Line } from "./lines.ts";
import type { TextCell, TextTable } from "./text-table.ts";

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

/** The pipe table starting at `lines[start]`, and the index of the first line after it. */
export function parsePipeTable(lines: readonly Line[], start: number): { tables: TextTable[]; next: number } {
  const rowLines: Line[] = [];
  let i = start;
  for (; i < lines.length && isPipeRow(lines[i]); i++) if (!DELIMITER_ROW.test(lines[i]!.text)) rowLines.push(lines[i]!);
  const rows = rowLines.map(cellsOf);
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  rows.forEach((row, r) => {
    // filled cells sit at the row's closing "|"
    const end = { line: rowLines[r]!.number, column: rowLines[r]!.text.trimEnd().length };
    while (row.length < width) row.push({ lines: [], position: end, rowSpan: 1, colSpan: 1 });
  });
  return { tables: [{ position: { line: lines[start]!.number, column: lines[start]!.text.indexOf("|") + 1 }, rows }], next: i };
}
