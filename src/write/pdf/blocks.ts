/** One handler per plan node kind (the compiler checks that none is missing). */
import type { Content, CustomTableLayout, TableCell as PdfCell } from "pdfmake/interfaces.js";
import type { NodeHandlers, TableNode } from "../../plan/nodes.ts";
import { cellColumns } from "../../plan/table.ts";
import { keepRowWithNext, keepWithNext } from "./keep-with-next.ts";
import { gridRow, lineContent, runContent, stackContent } from "./stack.ts";

function tableLayout(node: TableNode): CustomTableLayout {
  return {
    hLineWidth: () => node.strokePt,
    vLineWidth: () => node.strokePt,
    paddingLeft: () => node.paddingPt.x,
    paddingRight: () => node.paddingPt.x,
    paddingTop: () => node.paddingPt.y,
    paddingBottom: () => node.paddingPt.y,
  };
}

/** Per document: a serial for each table, so that the keep-with-next ids of its rows are unique in the document. */
export interface PdfBlockContext {
  nextTableSerial(): number;
}

/** A fresh context: its tables numbered from 0. */
export function blockContext(): PdfBlockContext {
  let tables = 0;
  return { nextTableSerial: () => tables++ };
}

/**
 * The table, or the part of it from row `from` to row `to` below its header rows (a chunk of a long table:
 * chunks.ts). A part is laid out as the table is at the top of a page: header rows, then its rows; what
 * holds for the whole table (rows that may split) holds for the part.
 */
export function tableContent(node: TableNode, ctx: PdfBlockContext, from = node.headerRows, to = node.rows.length): Content {
  const tableSerial = ctx.nextTableSerial();
  const columnCount = node.columns.length;
  const starts = cellColumns(node.rows, columnCount);
  const indices = [...Array(node.headerRows).keys(), ...Array.from({ length: to - from }, (_, i) => from + i)];
  const body = indices.map((r) => {
    const row = node.rows[r]!;
    // pdfmake wants every position of the grid: spanned ones as empty placeholders
    const cells: PdfCell[] = new Array<PdfCell>(columnCount).fill({});
    row.cells.forEach((cell, i) => {
      const content: Record<string, unknown> = {
        text: cell.runs.length === 0 ? "" : cell.runs.map(runContent),
        alignment: cell.align,
        verticalAlignment: "middle",
      };
      if ((cell.colSpan ?? 1) > 1) content.colSpan = cell.colSpan;
      if ((cell.rowSpan ?? 1) > 1) content.rowSpan = cell.rowSpan;
      // a row kept with the next one (a group row) moves to the next page when the two do not fit
      // (keep-with-next.ts): every cell asks, as pdfmake breaks a page before a cell, not before its row
      const keep = keepRowWithNext(row, `vanban-keep-row:${tableSerial}:${r}`, i);
      // pdfmake's vertical alignment saves the graphics state on the page a cell starts and restores it where it
      // ends: a cell that moves to the next page would restore a state its page never saved
      if (keep.headlineLevel !== undefined) Object.assign(content, keep, { verticalAlignment: undefined });
      cells[starts[r]![i]!] = content as PdfCell;
    });
    return cells;
  });
  // pdfmake adds the padding and the vertical rules (one more than the columns) to the widths it is given
  const widths = node.columns.map((column, i) => column.widthPt - 2 * node.paddingPt.x - node.strokePt - (i === columnCount - 1 ? node.strokePt : 0));
  return {
    table: {
      headerRows: node.headerRows,
      // the header stays with the first row below it, unless that row is taller than a page (pdfmake would drop it)
      ...(node.headerRows > 0 && from === node.headerRows && node.rows[node.headerRows]?.keepTogether ? { keepWithHeaderRows: 1 } : {}),
      // pdfmake cannot move a row taller than a page: such a table lets its rows split (none is dropped)
      dontBreakRows: node.rows.every((row) => row.keepTogether),
      widths,
      body,
    },
    layout: tableLayout(node),
    fontSize: node.sizePt,
    lineHeight: node.lineSpacing,
    margin: [0, 0, 0, node.spaceAfterPt],
  };
}

export const BLOCK_HANDLERS: NodeHandlers<Content, PdfBlockContext> = {
  headerGrid: (node) => ({
    stack: [gridRow(node.columnsPt, node.cellPaddingPt, [node.issuer, node.national], 0), gridRow(node.columnsPt, node.cellPaddingPt, [node.number, node.placeDate], node.rowGapPt)],
    unbreakable: true,
  }),
  titleBlock: (node) => ({
    stack: [...node.lines.map((line) => lineContent(line)), ...stackContent([node.rule])],
    margin: [0, 0, 0, node.spaceAfterPt],
    unbreakable: true,
  }),
  paragraph: (node) => ({
    text: node.runs.map(runContent),
    fontSize: node.sizePt,
    alignment: node.align,
    ...(node.firstLineIndentPt > 0 ? { leadingIndent: node.firstLineIndentPt } : {}),
    lineHeight: node.lineSpacing,
    margin: [0, node.spaceBeforePt, 0, node.spaceAfterPt],
    ...keepWithNext(node),
  }),
  addressee: (node) => ({
    stack: node.lines.map((text) => ({ text, alignment: "center" })),
    fontSize: node.sizePt,
    lineHeight: 1,
    margin: [0, node.spaceBeforePt, 0, node.spaceAfterPt],
    unbreakable: true,
  }),
  table: (node, ctx) => tableContent(node, ctx),
  closing: (node) => ({ stack: [gridRow(node.columnsPt, node.cellPaddingPt, [node.recipients, node.signature], node.spaceBeforePt)], unbreakable: true }),
};
