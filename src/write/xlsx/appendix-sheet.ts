/**
 * Sheet "Phụ lục": the appendix as printed (APX-HEAD, APX-TITLE, APX-REF, APX-TABLE). Column labels, order
 * and cell text come from the model as written; group rows are bold with the numeral in column A.
 */
import type { Workbook } from "exceljs";
import type { ColumnKey, Decision, Task } from "../../model/schema.ts";
import type { RenderContext } from "../context.ts";
import { fitColumnWidths, printableWidthChars } from "./column-width.ts";
import { agencyScopeLine, SHEET_NAMES } from "./labels.ts";
import { setTableRanges, sheetOptions } from "./print-setup.ts";
import { APPENDIX_COLUMNS, SPACER_ROW_PT } from "./sheet-layout.ts";
import { SheetWriter, type CellSpec, type SheetTools } from "./sheet-writer.ts";
import type { WorkbookScope } from "./workbook-scope.ts";

/** A line of the title block: across the left block (issuer, like the header grid's left column) or the full width. */
type TitleLine =
  | { kind: "text"; text: string; sizePt: number; bold?: boolean; italic?: boolean; across: "left" | "full" }
  | { kind: "spacer" };

function titleLines(decision: Decision, scope: WorkbookScope, ctx: RenderContext): TitleLine[] {
  const { header, appendix: sizes } = ctx.layout;
  const { appendix } = scope;
  const lines: TitleLine[] = [
    // HDR-PARENT not bold, HDR-ISSUER bold
    ...decision.issuer.parent.map((text): TitleLine => ({ kind: "text", text, sizePt: header.issuerSizePt, across: "left" })),
    ...decision.issuer.lines.map((text): TitleLine => ({ kind: "text", text, sizePt: header.issuerSizePt, bold: true, across: "left" })),
    { kind: "spacer" },
    { kind: "text", text: appendix.heading, sizePt: sizes.headingSizePt, bold: true, across: "full" },
    { kind: "text", text: appendix.title, sizePt: sizes.titleSizePt, bold: true, across: "full" },
  ];
  if (appendix.reference !== "") lines.push({ kind: "text", text: appendix.reference, sizePt: sizes.referenceSizePt, italic: true, across: "full" });
  if (scope.agency) lines.push({ kind: "text", text: agencyScopeLine(scope.agency.name), sizePt: sizes.referenceSizePt, italic: true, across: "full" });
  lines.push({ kind: "spacer" });
  return lines;
}

/** Columns of the left block: the count whose share of the width is closest to the header grid's left column. */
function leftBlockSpan(widthsChars: readonly number[], share: number): number {
  const total = widthsChars.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const distances = widthsChars.map((w) => Math.abs((cumulative += w) / total - share));
  return distances.indexOf(Math.min(...distances)) + 1;
}

function taskText(task: Task, key: ColumnKey): string {
  switch (key) {
    case "number":
      return task.number;
    case "content":
      return task.content;
    case "product":
      return task.product;
    case "lead":
      return task.lead.text;
    case "support":
      return task.support.text;
    case "deadline":
      return task.deadline.text;
    case "notes":
      return task.notes ?? "";
  }
}

export function addAppendixSheet(wb: Workbook, decision: Decision, scope: WorkbookScope, ctx: RenderContext, tools: SheetTools): void {
  const { columns } = scope.appendix;
  const sizePt = ctx.layout.appendix.tableSizePt;
  const lines = titleLines(decision, scope, ctx);
  const headerRow = lines.length + 1;
  const widths = fitColumnWidths(columns.map((c) => APPENDIX_COLUMNS[c.key].weight), printableWidthChars(ctx.layout));
  const ws = wb.addWorksheet(SHEET_NAMES.appendix, sheetOptions(ctx.layout, headerRow));
  const sheet = new SheetWriter(ws, widths, tools.palette, tools.meter);
  const leftSpan = leftBlockSpan(widths, ctx.layout.header.leftColumnShare);

  for (const line of lines) {
    if (line.kind === "spacer") sheet.spacer(SPACER_ROW_PT);
    else {
      const { text, sizePt: lineSizePt, bold, italic } = line;
      sheet.row([{ value: text, look: { sizePt: lineSizePt, bold, italic, horizontal: "center" }, span: line.across === "left" ? leftSpan : columns.length }]);
    }
  }

  // APX-TABLE: header cells bold; the row repeats on every printed page (setTableRanges).
  sheet.row(columns.map((c) => ({ value: c.label, look: { sizePt, bold: true, horizontal: "center", border: true } })));
  for (const { group, tasks } of scope.sections) {
    const groupLook = { sizePt, bold: true, border: true } as const;
    const groupCells: CellSpec[] =
      columns.length > 1
        ? [
            { value: group.numeral, look: { ...groupLook, horizontal: "center" } },
            { value: group.title, look: { ...groupLook, horizontal: "left" }, span: columns.length - 1 },
          ]
        : [{ value: [group.numeral, group.title].filter(Boolean).join(". "), look: { ...groupLook, horizontal: "left" } }];
    sheet.row(groupCells);
    for (const { task } of tasks) {
      sheet.row(columns.map((c) => ({ value: taskText(task, c.key), look: { sizePt, horizontal: APPENDIX_COLUMNS[c.key].horizontal, border: true } })));
    }
  }
  setTableRanges(ws, { headerRow, lastRow: sheet.lastRow, lastColumn: columns.length });
}
