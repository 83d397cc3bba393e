/** Sheet "Tổng hợp": per agency, how many tasks it leads and supports, and its earliest due date. */
import type { Workbook } from "exceljs";
import type { AgencyAssignment } from "../../resolve/resolve-decision.ts";
import { isoToUtcDate } from "../../model/dates.ts";
import type { RenderContext } from "../context.ts";
import type { CellLook } from "./cell-style.ts";
import { SHEET_NAMES, SUMMARY_LABELS } from "./labels.ts";
import { setTableRanges, sheetOptions } from "./print-setup.ts";
import { DATE_NUM_FMT, SUMMARY_WIDTHS_CHARS } from "./sheet-layout.ts";
import { SheetWriter, type CellValue, type SheetTools } from "./sheet-writer.ts";
import type { WorkbookScope } from "./workbook-scope.ts";

type SummaryColumn = keyof typeof SUMMARY_WIDTHS_CHARS;
const COLUMNS = Object.keys(SUMMARY_WIDTHS_CHARS) as SummaryColumn[];
const LOOKS: Record<SummaryColumn, (sizePt: number) => CellLook> = {
  agency: (sizePt) => ({ sizePt, horizontal: "left", border: true }),
  lead: (sizePt) => ({ sizePt, horizontal: "center", border: true }),
  support: (sizePt) => ({ sizePt, horizontal: "center", border: true }),
  earliest: (sizePt) => ({ sizePt, horizontal: "center", border: true, numFmt: DATE_NUM_FMT }),
};

/** ISO dates compare as strings; undefined when no task has a date. */
function earliestDue({ lead, support }: AgencyAssignment): string | undefined {
  const dates = [...lead, ...support].flatMap((t) => (t.due === undefined ? [] : [t.due]));
  return dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : undefined;
}

export function addSummarySheet(wb: Workbook, scope: WorkbookScope, ctx: RenderContext, tools: SheetTools): void {
  const sizePt = ctx.layout.appendix.tableSizePt;
  const ws = wb.addWorksheet(SHEET_NAMES.summary, sheetOptions(ctx.layout, 1));
  const sheet = new SheetWriter(ws, COLUMNS.map((c) => SUMMARY_WIDTHS_CHARS[c]), tools.palette, tools.meter);

  sheet.row(COLUMNS.map((c) => ({ value: SUMMARY_LABELS[c], look: { sizePt, bold: true, horizontal: "center", border: true } })));
  for (const assignment of scope.assignments) {
    const earliest = earliestDue(assignment);
    const values: Record<SummaryColumn, CellValue> = {
      agency: assignment.agency.name,
      lead: assignment.lead.length,
      support: assignment.support.length,
      earliest: earliest === undefined ? undefined : isoToUtcDate(earliest),
    };
    sheet.row(COLUMNS.map((c) => ({ value: values[c], look: LOOKS[c](sizePt) })));
  }
  setTableRanges(ws, { headerRow: 1, lastRow: sheet.lastRow, lastColumn: COLUMNS.length });
}
