/**
 * Sheet "Theo dõi": one row per agency × task role, for following up the plan. The deadline is kept as
 * written beside a real date (XLSX-PRINT), filters sit on the header row, and "Tình trạng" is left empty.
 */
import type { Workbook } from "exceljs";
import type { AssignedTask } from "../../resolve/resolve-decision.ts";
import { isoToUtcDate } from "../../model/dates.ts";
import type { RenderContext } from "../context.ts";
import type { CellLook } from "./cell-style.ts";
import { COLUMN_MODEL, type ColumnRole } from "../../plan/columns.ts";
import { fitColumnChars, printableWidthChars } from "./column-width.ts";
import { ROLE_LABELS, SHEET_NAMES, TRACKING_LABELS } from "./labels.ts";
import { setTableRanges, sheetOptions } from "./print-setup.ts";
import { DATE_NUM_FMT, DUE_MIN_CHARS } from "./sheet-layout.ts";
import { SheetWriter, type CellValue, type SheetTools } from "./sheet-writer.ts";
import type { WorkbookScope } from "./workbook-scope.ts";

const COLUMNS = ["agency", "role", "group", "ref", "content", "product", "deadline", "due", "status"] as const satisfies readonly ColumnRole[];
type TrackingColumn = (typeof COLUMNS)[number];

function trackingValues(agencyName: string, assigned: AssignedTask): Record<TrackingColumn, CellValue> {
  const { task } = assigned;
  const group = assigned.groups.at(-1);
  return {
    agency: agencyName,
    role: ROLE_LABELS[assigned.role],
    group: group ? [group.group, group.title].filter(Boolean).join(". ") : "",
    ref: assigned.ref,
    content: task.content,
    product: task.product,
    deadline: task.deadline,
    // Date.UTC: exceljs turns a Date into a serial in UTC.
    due: assigned.due === undefined ? undefined : isoToUtcDate(assigned.due),
    status: undefined,
  };
}

export function addTrackingSheet(wb: Workbook, scope: WorkbookScope, ctx: RenderContext, tools: SheetTools): void {
  const sizePt = ctx.layout.appendix.tableSizePt;
  const widths = fitColumnChars(COLUMNS, printableWidthChars(ctx.layout), { due: DUE_MIN_CHARS });
  const ws = wb.addWorksheet(SHEET_NAMES.tracking, sheetOptions(ctx.layout, 1));
  const sheet = new SheetWriter(ws, widths, tools.palette, tools.meter);
  const looks = Object.fromEntries(
    COLUMNS.map((c): [TrackingColumn, CellLook] => [
      c,
      { sizePt, horizontal: COLUMN_MODEL[c].align === "center" ? "center" : "left", border: true, ...(c === "due" ? { numFmt: DATE_NUM_FMT } : {}) },
    ]),
  ) as Record<TrackingColumn, CellLook>;

  sheet.row(COLUMNS.map((c) => ({ value: TRACKING_LABELS[c], look: { sizePt, bold: true, horizontal: "center", border: true } })));
  for (const { agency, lead, support } of scope.assignments) {
    for (const assigned of [...lead, ...support]) {
      const values = trackingValues(agency.name, assigned);
      sheet.row(COLUMNS.map((c) => ({ value: values[c], look: looks[c] })));
    }
  }
  setTableRanges(ws, { headerRow: 1, lastRow: sheet.lastRow, lastColumn: COLUMNS.length });
}
