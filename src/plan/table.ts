/**
 * Ruled tables (APX-TABLE and the letters' task tables): the header row repeats on every page and is kept with
 * the first row; rows do not split across pages, except a row taller than a page, which must split (a task is
 * never left out because it does not fit).
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import { linesHeightPt, runsText } from "./heights.ts";
import type { TableCell, TableNode, TableRow } from "./nodes.ts";

export interface TableInput {
  role: TableNode["role"];
  columnsPt: readonly number[];
  rows: readonly Omit<TableRow, "keepTogether" | "keepRoomPt">[];
  /** the height a row may take on a page below the repeated header */
  pageTextHeightPt: number;
  spaceAfterPt: number;
}

/** The column positions each row's cells take, honouring spans from the left and from rows above. */
export function cellColumns(rows: readonly Pick<TableRow, "cells">[], columnCount: number): number[][] {
  const coveredUntil = new Array<number>(columnCount).fill(-1);
  return rows.map((row, r) => {
    const starts: number[] = [];
    let column = 0;
    for (const cell of row.cells) {
      while (column < columnCount && coveredUntil[column]! >= r) column++;
      starts.push(column);
      const span = cell.colSpan ?? 1;
      for (let c = column; c < column + span && c < columnCount; c++) coveredUntil[c] = r + (cell.rowSpan ?? 1) - 1;
      column += span;
    }
    return starts;
  });
}

/**
 * Whether the table may be cut before each row: no cell merged down from a row above runs into it. Writers
 * that build a long table in parts (DOCX batches, PDF chunks) cut only there.
 */
export function cuttableRows(rows: readonly Pick<TableRow, "cells">[]): boolean[] {
  let mergedUntil = 0; // the first row below every cell merged down so far
  return rows.map((row, r) => {
    const cuttable = mergedUntil <= r;
    for (const cell of row.cells) mergedUntil = Math.max(mergedUntil, r + (cell.rowSpan ?? 1));
    return cuttable;
  });
}

/** Where a part of a table that starts at row `from` ends: after at least `rows` rows, at the first row it may be cut before. */
export function partEnd(cuttable: readonly boolean[], from: number, rows: number): number {
  let to = Math.min(cuttable.length, from + Math.max(1, rows));
  while (to < cuttable.length && !cuttable[to]) to++;
  return to;
}

function cellHeightPt(cell: TableCell, widthPt: number, table: Pick<TableNode, "sizePt" | "lineSpacing" | "paddingPt">, measurer: TextMeasurer): number {
  const bold = cell.runs.some((r) => r.bold);
  const lines = measurer.lineCount(runsText(cell.runs), table.sizePt, Math.max(1, widthPt - 2 * table.paddingPt.x), { bold });
  return linesHeightPt(lines, table.sizePt, table.lineSpacing, measurer) + 2 * table.paddingPt.y;
}

export function composeTable(input: TableInput, layout: ProfileLayout, measurer: TextMeasurer): TableNode {
  const base = {
    sizePt: layout.appendix.tableSizePt,
    lineSpacing: 1,
    paddingPt: layout.table.paddingPt,
  };
  const positions = cellColumns(input.rows, input.columnsPt.length);
  const heights = input.rows.map((row, r) =>
    Math.max(
      0,
      ...row.cells.map((cell, i) => {
        const start = positions[r]![i]!;
        const width = input.columnsPt.slice(start, start + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
        // a cell spanning rows shares its height with them: only a one-row cell decides alone
        return (cell.rowSpan ?? 1) > 1 ? 0 : cellHeightPt(cell, width, base, measurer);
      }),
    ),
  );
  const headerRows = input.rows.filter((row) => row.role === "header").length;
  const headerHeight = heights.slice(0, headerRows).reduce((a, b) => a + b, 0);
  const room = input.pageTextHeightPt - headerHeight;
  return {
    kind: "table",
    role: input.role,
    columns: input.columnsPt.map((widthPt) => ({ widthPt })),
    headerRows,
    rows: input.rows.map((row, r) => ({
      ...row,
      keepTogether: heights[r]! <= room,
      // a header row is kept with the first row by the table itself (repeated header rows)
      keepRoomPt: row.keepWithNext && row.role !== "header" ? heights[r]! + (heights[r + 1] ?? 0) : 0,
    })),
    ...base,
    strokePt: layout.table.strokePt,
    spaceAfterPt: input.spaceAfterPt,
    headHeightPt: heights.slice(0, headerRows + 1).reduce((a, b) => a + b, 0),
  };
}
