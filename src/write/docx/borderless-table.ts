/** The two-column borderless tables of the first page: the header grid (spec §2) and the closing row (§5–6). */
import { type Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from "docx";

/** Left and right cell padding, written explicitly so line indents can be computed from it. */
export const CELL_PADDING_TWIPS = 108;

/** The width a paragraph in a cell of `columnTwips` has. */
export const cellInnerTwips = (columnTwips: number): number => columnTwips - 2 * CELL_PADDING_TWIPS;

interface BorderlessRow {
  cells: readonly (readonly Paragraph[])[];
  /** keep the row on one page (signature with Nơi nhận) */
  cantSplit?: boolean;
}

export function borderlessTable(columnsTwips: readonly number[], rows: readonly BorderlessRow[]): Table {
  const totalTwips = columnsTwips.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: totalTwips, type: WidthType.DXA },
    columnWidths: [...columnsTwips],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS, top: 0, bottom: 0 },
    rows: rows.map(
      (row) =>
        new TableRow({
          ...(row.cantSplit ? { cantSplit: true } : {}),
          children: row.cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columnsTwips[i]!, type: WidthType.DXA },
                children: [...children],
              }),
          ),
        }),
    ),
  });
}
