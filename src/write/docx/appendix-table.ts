/**
 * The task table of the appendix (APX-TABLE): columns as the model lists them, a repeating header row,
 * group rows (numeral | title across the rest), task rows in source order with the text as written.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from "docx";
import { ptToTwips } from "../../layout/units.ts";
import type { Appendix, ColumnKey, Group, Task } from "../../model/schema.ts";
import { CELL_PADDING_TWIPS } from "./borderless-table.ts";
import { styledRun, type Emphasis } from "./paragraphs.ts";
import { APPENDIX_CELL_STYLE, GAP_PT } from "./styles.ts";

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface ColumnSpec {
  /** share of the table width, relative to the other columns present */
  weight: number;
  align: Alignment;
  cell: (task: Task) => string;
}

/**
 * Widths sized for the 12 pt bold headers: each header wraps at most at its word boundaries into two lines
 * ("CƠ QUAN CHỦ TRÌ" fits one line, "THỜI GIAN / HOÀN THÀNH" two); the content column takes the rest.
 */
const COLUMNS: Record<ColumnKey, ColumnSpec> = {
  number: { weight: 6, align: AlignmentType.CENTER, cell: (task) => task.number },
  content: { weight: 29, align: AlignmentType.LEFT, cell: (task) => task.content },
  product: { weight: 15, align: AlignmentType.LEFT, cell: (task) => task.product },
  lead: { weight: 17, align: AlignmentType.LEFT, cell: (task) => task.lead.text },
  support: { weight: 19, align: AlignmentType.LEFT, cell: (task) => task.support.text },
  deadline: { weight: 14, align: AlignmentType.CENTER, cell: (task) => task.deadline.text },
  notes: { weight: 10, align: AlignmentType.LEFT, cell: (task) => task.notes ?? "" },
};

/** Splits `totalTwips` by weight, rounding the running sum so the widths add up exactly. */
function columnWidthsTwips(keys: readonly ColumnKey[], totalTwips: number): number[] {
  const weightSum = keys.reduce((sum, key) => sum + COLUMNS[key].weight, 0);
  let cumulative = 0;
  return keys.map((key) => {
    const start = Math.round((cumulative / weightSum) * totalTwips);
    cumulative += COLUMNS[key].weight;
    return Math.round((cumulative / weightSum) * totalTwips) - start;
  });
}

export function appendixTable(appendix: Appendix, widthTwips: number): Table {
  const keys = appendix.columns.map((column) => column.key);
  const widths = columnWidthsTwips(keys, widthTwips);

  const cell = (text: string, emphasis: Emphasis, alignment: Alignment, cellTwips: number, columnSpan = 1) =>
    new TableCell({
      width: { size: cellTwips, type: WidthType.DXA },
      ...(columnSpan > 1 ? { columnSpan } : {}),
      verticalAlign: VerticalAlignTable.CENTER,
      // font, size and colour from the cell style (FONT, APX-TABLE size)
      children: [new Paragraph({ style: APPENDIX_CELL_STYLE.id, alignment, children: text === "" ? [] : [styledRun(text, emphasis)] })],
    });

  // APX-TABLE: header cells bold, repeated on every page
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: appendix.columns.map((column, i) => cell(column.label, { bold: true }, AlignmentType.CENTER, widths[i]!)),
  });
  // Group rows bold across the row, kept with their first task.
  const groupRow = (group: Group) =>
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children:
        keys.length > 1
          ? [
              cell(group.numeral, { bold: true }, AlignmentType.CENTER, widths[0]!),
              cell(group.title, { bold: true }, AlignmentType.LEFT, widthTwips - widths[0]!, keys.length - 1),
            ]
          : [cell(`${group.numeral} ${group.title}`, { bold: true }, AlignmentType.LEFT, widthTwips)],
    });
  const taskRow = (task: Task) =>
    new TableRow({ cantSplit: true, children: keys.map((key, i) => cell(COLUMNS[key].cell(task), {}, COLUMNS[key].align, widths[i]!)) });

  const paddingTwips = ptToTwips(GAP_PT.appendixCellPadding);
  return new Table({
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS, top: paddingTwips, bottom: paddingTwips },
    rows: [headerRow, ...appendix.groups.flatMap((group) => [groupRow(group), ...group.tasks.map(taskRow)])],
  });
}
