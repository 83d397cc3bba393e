/** A table read from text, before its cells' lines become blocks. */
import type { TextPosition } from "../source-document.ts";
import type { Line } from "./lines.ts";

export interface TextCell {
  /** the cell's own lines (a pipe-table cell: one line holding the cell's text) */
  lines: Line[];
  position: TextPosition;
  rowSpan: number;
  colSpan: number;
}

export interface TextTable {
  position: TextPosition;
  rows: TextCell[][];
}
