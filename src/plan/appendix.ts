/**
 * An appendix (spec §7) as its own landscape section (PAGE-ORIENT, practice) numbering its pages from 1
 * (PAGE-NUM-APPENDIX): title block, then the task table with the model's columns, group rows and rows as written.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import type { Appendix, ColumnKey, Group, Task } from "../model/schema.ts";
import { COLUMN_MODEL, fitColumnsPt } from "./columns.ts";
import type { SectionPlan, TableCell, TableRow } from "./nodes.ts";
import { pageNumbering, pageSetup, textHeightPt, textWidthPt } from "./page.ts";
import { run } from "./paragraphs.ts";
import { composeTable } from "./table.ts";
import { composeAppendixTitle } from "./title-block.ts";

/** The text of a task's cell in a column, as written. */
export const TASK_CELL: Readonly<Record<ColumnKey, (task: Task) => string>> = {
  number: (task) => task.number,
  content: (task) => task.content,
  product: (task) => task.product,
  lead: (task) => task.lead.text,
  support: (task) => task.support.text,
  deadline: (task) => task.deadline.text,
  notes: (task) => task.notes ?? "",
};

const cell = (text: string, key: ColumnKey, bold = false): TableCell => ({ runs: text === "" ? [] : [run(text, bold ? { bold } : {})], align: COLUMN_MODEL[key].align });

function groupRow(group: Group, keys: readonly ColumnKey[]): Omit<TableRow, "keepTogether" | "keepRoomPt"> {
  // APX-TABLE: group rows bold across the row, the numeral in the first column, kept with their first task
  const cells: TableCell[] =
    keys.length > 1
      ? [
          { runs: [run(group.numeral, { bold: true })], align: "center" },
          { runs: [run(group.title, { bold: true })], align: "left", colSpan: keys.length - 1 },
        ]
      : [{ runs: [run(`${group.numeral} ${group.title}`, { bold: true })], align: "left" }];
  return { role: "group", cells, keepWithNext: true };
}

export function composeAppendixSection(appendix: Appendix, layout: ProfileLayout, measurer: TextMeasurer): SectionPlan {
  const page = pageSetup(layout, layout.appendix.orientation);
  const width = textWidthPt(page);
  const keys = appendix.columns.map((column) => column.key);
  const rows: Omit<TableRow, "keepTogether" | "keepRoomPt">[] = [
    { role: "header", cells: appendix.columns.map((column) => ({ ...cell(column.label, column.key, true), align: "center" })), keepWithNext: true },
    ...appendix.groups.flatMap((group) => [
      groupRow(group, keys),
      ...group.tasks.map((task): Omit<TableRow, "keepTogether" | "keepRoomPt"> => ({ role: "item", cells: keys.map((key) => cell(TASK_CELL[key](task), key)), keepWithNext: false })),
    ]),
  ];
  return {
    page,
    numbering: pageNumbering(layout, true),
    blocks: [
      composeAppendixTitle(appendix, layout, measurer, width),
      composeTable({ role: "appendix", columnsPt: fitColumnsPt(keys, width), rows, pageTextHeightPt: textHeightPt(page), spaceAfterPt: 0 }, layout, measurer),
    ],
  };
}
