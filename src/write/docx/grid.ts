/** The borderless two-column grids of the header (spec §2) and the closing (§5–6): stacks of lines and rules. */
import { type Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import { ptToTwips } from "../../layout/units.ts";
import type { Stack } from "../../plan/nodes.ts";
import { ruleParagraph } from "./rules.ts";
import { columnsTwips, lineParagraph, type DocxFont } from "./runs.ts";

/** A stack's paragraphs; `extraBeforePt` is added above its first line (a gap between grid rows). */
export function stackParagraphs(font: DocxFont, stack: Stack, boxTwips: number, extraBeforePt = 0): Paragraph[] {
  return stack.map((item, i) => {
    if (item.kind === "rule") return ruleParagraph(font, item, boxTwips);
    return lineParagraph(font, i === 0 ? { ...item, spaceBeforePt: item.spaceBeforePt + extraBeforePt } : item);
  });
}

export interface GridRow {
  cells: readonly [Stack, Stack];
  /** above the first line of each cell */
  spaceBeforePt: number;
  /** keep the row on one page (signature with Nơi nhận) */
  cantSplit: boolean;
}

export function borderlessGrid(font: DocxFont, columnsPt: readonly [number, number], cellPaddingPt: number, rows: readonly GridRow[], textWidthTwips: number): Table {
  const widthsTwips = columnsTwips(columnsPt, textWidthTwips);
  const padding = ptToTwips(cellPaddingPt);
  return new Table({
    width: { size: widthsTwips[0]! + widthsTwips[1]!, type: WidthType.DXA },
    columnWidths: widthsTwips,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: padding, right: padding, top: 0, bottom: 0 },
    rows: rows.map(
      (row) =>
        new TableRow({
          ...(row.cantSplit ? { cantSplit: true } : {}),
          children: row.cells.map(
            (stack, i) =>
              new TableCell({
                width: { size: widthsTwips[i]!, type: WidthType.DXA },
                children: stackParagraphs(font, stack, widthsTwips[i]! - 2 * padding, row.spaceBeforePt),
              }),
          ),
        }),
    ),
  });
}
