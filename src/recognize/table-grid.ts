/**
 * A table as a grid: each cell at the grid column where it starts, a cell spanning rows absent from the rows
 * it covers (as the readers give it), so the column of every cell is known whatever the merges.
 */
import type { SourceTable } from "../read/source-document.ts";
import { cellLines, type Located } from "./source-lines.ts";

export interface GridCell extends Located {
  /** the cell's lines joined by line breaks, trimmed */
  text: string;
  /** the first grid column it covers (0-based) */
  column: number;
  rowSpan: number;
  colSpan: number;
  bold: boolean;
  /** the grid columns of the table the cell stands in (a table continued in another width keeps its own) */
  tableWidth: number;
}

export type GridRow = GridCell[];

/** Bounds a hostile table: a span far beyond the rows read is read as the rows there are. */
const MAX_COLUMNS = 200;

export function tableGrid(table: SourceTable, section: number): GridRow[] {
  const covered = new Map<number, Set<number>>();
  const rows = table.rows.map((row, r) => {
    const taken = covered.get(r) ?? new Set<number>();
    let column = 0;
    return row.cells.map((cell): GridCell => {
      while (taken.has(column) && column < MAX_COLUMNS) column++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, table.rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, MAX_COLUMNS));
      for (let below = r + 1; below < r + rowSpan; below++) {
        const set = covered.get(below) ?? new Set<number>();
        for (let c = column; c < column + colSpan; c++) set.add(c);
        covered.set(below, set);
      }
      const lines = cellLines(cell, section);
      const placed: GridCell = {
        text: lines.map((l) => l.text).join("\n"),
        column,
        rowSpan,
        colSpan,
        bold: lines.length > 0 && lines.every((l) => l.bold),
        tableWidth: 0,
        position: cell.position,
        section,
      };
      column += colSpan;
      return placed;
    });
  });
  const width = gridWidth(rows);
  for (const cell of rows.flat()) cell.tableWidth = width;
  return rows;
}

export function gridWidth(rows: readonly GridRow[]): number {
  return Math.max(0, ...rows.flatMap((row) => row.map((cell) => cell.column + cell.colSpan)));
}
