/**
 * An appendix (spec §7) as its own landscape section (PAGE-ORIENT, practice) numbering its pages from 1
 * (PAGE-NUM-APPENDIX): title block, then its table with the model's columns in the order written, group rows
 * at every depth, rows and sub-rows as written, and cells merged down where the model merges them.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import { columnKey, tableEntries, writtenCell, type TableEntry } from "../model/refs.ts";
import type { Appendix, Column } from "../model/schema.ts";
import { COLUMN_MODEL, fitColumnsPt, type ColumnRole } from "./columns.ts";
import type { SectionPlan, TableCell, TableRow } from "./nodes.ts";
import { pageNumbering, pageSetup, textHeightPt, textWidthPt } from "./page.ts";
import { run } from "./paragraphs.ts";
import { composeTable } from "./table.ts";
import { composeAppendixTitle } from "./title-block.ts";

type PlannedRow = Omit<TableRow, "keepTogether" | "keepRoomPt">;

/** The column model's role of an appendix column: its own, or "kept" for a column kept by its label. */
export const columnRole = (column: Column): ColumnRole => column.role ?? "kept";

const cell = (text: string, column: Column, bold = false): TableCell => ({ runs: text === "" ? [] : [run(text, bold ? { bold } : {})], align: COLUMN_MODEL[columnRole(column)].align });

function groupRow(entry: Extract<TableEntry, { kind: "group" }>, columnCount: number): PlannedRow {
  const { group } = entry;
  // APX-TABLE: group rows bold across the row, the label in the first column, kept with their first row
  const cells: TableCell[] =
    columnCount > 1
      ? [
          { runs: group.group === "" ? [] : [run(group.group, { bold: true })], align: "center" },
          { runs: [run(group.title, { bold: true })], align: "left", colSpan: columnCount - 1 },
        ]
      : [{ runs: [run([group.group, group.title].filter(Boolean).join(" "), { bold: true })], align: "left" }];
  return { role: "group", cells, keepWithNext: true };
}

function itemRow(entry: Extract<TableEntry, { kind: "row" }>, columns: readonly Column[]): PlannedRow {
  const cells = columns.flatMap((column): TableCell[] => {
    const span = entry.rowSpans.get(columnKey(column)) ?? 1;
    if (span === 0) return []; // covered by a cell merged down from a row above
    const planned = cell(writtenCell(entry.row, column), column);
    return [span > 1 ? { ...planned, rowSpan: span } : planned];
  });
  return { role: "item", cells, keepWithNext: false };
}

/** The table rows of an appendix: its header row, then its groups and rows as written. */
export function appendixRows(appendix: Appendix): PlannedRow[] {
  const header: PlannedRow = { role: "header", cells: appendix.columns.map((column) => ({ ...cell(column.label, column, true), align: "center" })), keepWithNext: true };
  return [header, ...tableEntries(appendix).map((entry) => (entry.kind === "group" ? groupRow(entry, appendix.columns.length) : itemRow(entry, appendix.columns)))];
}

export function composeAppendixSection(appendix: Appendix, layout: ProfileLayout, measurer: TextMeasurer): SectionPlan {
  const page = pageSetup(layout, layout.appendix.orientation);
  const width = textWidthPt(page);
  return {
    page,
    numbering: pageNumbering(layout, true),
    blocks: [
      composeAppendixTitle(appendix, layout, measurer, width),
      composeTable(
        { role: "appendix", columnsPt: fitColumnsPt(appendix.columns.map(columnRole), width), rows: appendixRows(appendix), pageTextHeightPt: textHeightPt(page), spaceAfterPt: 0 },
        layout,
        measurer,
      ),
    ],
  };
}
