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

/** What a table parser gives: tables, and the text a scrape glued between two of them (see cell-bar-table.ts). */
export type TextPiece = { kind: "table"; table: TextTable } | { kind: "text"; lines: Line[] };
