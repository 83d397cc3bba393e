/** One handler per plan node kind (the compiler checks that none is missing). */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type ITableOptions } from "docx";
import { ptToTwips } from "../../layout/units.ts";
import type { NodeHandlers, TableNode } from "../../plan/nodes.ts";
import { borderlessGrid } from "./grid.ts";
import { ruleParagraph } from "./rules.ts";
import { ALIGNMENT, columnsTwips, EIGHTHS_PER_PT, lineParagraph, SINGLE_LINE_240, textRun, type DocxFont } from "./runs.ts";
import { tableCellStyleId } from "./styles.ts";

export interface BlockContext {
  font: DocxFont;
  /** the section's text width */
  textWidthTwips: number;
  /** where a table too long to build at once is written batch by batch (batched-tables.ts); absent: every table whole */
  tableSlots?: TableSlots;
}

/** Takes a table to be written batch by batch: gives the table without its rows that holds their place, or undefined for a short one. */
export interface TableSlots {
  slotFor(node: TableNode, ctx: BlockContext): Table | undefined;
}

/** A table's properties apart from its rows: the same whether its rows come all at once or batch by batch. */
export function tableOptions(node: TableNode, ctx: BlockContext): Omit<ITableOptions, "rows"> {
  const widthsTwips = columnsTwips(node.columns.map((c) => c.widthPt), ctx.textWidthTwips);
  const border = { style: BorderStyle.SINGLE, size: Math.round(node.strokePt * EIGHTHS_PER_PT), color: ctx.font.colour };
  return {
    width: { size: widthsTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widthsTwips,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { left: ptToTwips(node.paddingPt.x), right: ptToTwips(node.paddingPt.x), top: ptToTwips(node.paddingPt.y), bottom: ptToTwips(node.paddingPt.y) },
  };
}

/** Rows `from` to `to` (exclusive) of a table; numbered as in the whole table, so the header rows are the table's first rows in any batch. */
export function tableRows(node: TableNode, ctx: BlockContext, from = 0, to = node.rows.length): TableRow[] {
  const widthsTwips = columnsTwips(node.columns.map((c) => c.widthPt), ctx.textWidthTwips);
  const style = tableCellStyleId(node.sizePt);
  const line = Math.round(node.lineSpacing * SINGLE_LINE_240);
  return node.rows.slice(from, to).map((row, i) => {
    let column = 0;
    return new TableRow({
      ...(from + i < node.headerRows ? { tableHeader: true } : {}),
      ...(row.keepTogether ? { cantSplit: true } : {}),
      children: row.cells.map((cell) => {
        const span = cell.colSpan ?? 1;
        const widthTwips = widthsTwips.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return new TableCell({
          width: { size: widthTwips, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
          verticalAlign: VerticalAlignTable.CENTER,
          // font, size and colour from the cell style: a 10,000-task table is not 60,000 copies of the same run properties
          children: [
            new Paragraph({
              style,
              alignment: ALIGNMENT[cell.align],
              ...(line !== SINGLE_LINE_240 ? { spacing: { line, lineRule: LineRuleType.AUTO } } : {}),
              ...(row.keepWithNext ? { keepNext: true } : {}),
              children: cell.runs.map((run) => textRun(undefined, run, undefined)),
            }),
          ],
        });
      }),
    });
  });
}

export const BLOCK_HANDLERS: NodeHandlers<(Paragraph | Table)[], BlockContext> = {
  headerGrid: (node, ctx) => [
    borderlessGrid(ctx.font, node.columnsPt, node.cellPaddingPt, [
      { cells: [node.issuer, node.national], spaceBeforePt: 0, cantSplit: true },
      { cells: [node.number, node.placeDate], spaceBeforePt: node.rowGapPt, cantSplit: true },
    ], ctx.textWidthTwips),
  ],
  titleBlock: (node, ctx) => [
    ...node.lines.map((line) => lineParagraph(ctx.font, line, true)),
    ruleParagraph(ctx.font, node.rule, ctx.textWidthTwips, ptToTwips(node.spaceAfterPt)),
  ],
  paragraph: (node, ctx) => [
    new Paragraph({
      alignment: ALIGNMENT[node.align],
      ...(node.firstLineIndentPt > 0 ? { indent: { firstLine: ptToTwips(node.firstLineIndentPt) } } : {}),
      spacing: { before: ptToTwips(node.spaceBeforePt), after: ptToTwips(node.spaceAfterPt), line: Math.round(node.lineSpacing * SINGLE_LINE_240), lineRule: LineRuleType.AUTO },
      ...(node.keepWithNext ? { keepNext: true } : {}),
      children: node.runs.map((run) => textRun(ctx.font, run, node.sizePt)),
    }),
  ],
  addressee: (node, ctx) =>
    node.lines.map(
      (text, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: ptToTwips(i === 0 ? node.spaceBeforePt : 0), after: ptToTwips(i === node.lines.length - 1 ? node.spaceAfterPt : 0) },
          keepNext: true,
          children: [textRun(ctx.font, { text }, node.sizePt)],
        }),
    ),
  table: (node, ctx) => {
    const out: (Paragraph | Table)[] = [ctx.tableSlots?.slotFor(node, ctx) ?? new Table({ ...tableOptions(node, ctx), rows: tableRows(node, ctx) })];
    // Word needs a paragraph after a table; it carries the space below it
    if (node.spaceAfterPt > 0) out.push(new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwips(node.spaceAfterPt), lineRule: LineRuleType.EXACT } }));
    return out;
  },
  closing: (node, ctx) => [borderlessGrid(ctx.font, node.columnsPt, node.cellPaddingPt, [{ cells: [node.recipients, node.signature], spaceBeforePt: node.spaceBeforePt, cantSplit: true }], ctx.textWidthTwips)],
};
