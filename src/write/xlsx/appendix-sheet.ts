/**
 * Sheet "Phụ lục": the appendix as printed (APX-HEAD, APX-TITLE, APX-REF, APX-TABLE). Column labels, order
 * and cell text come from the model as written; group rows are bold with the numeral in column A.
 */
import type { Workbook } from "exceljs";
import { columnKey } from "../../model/refs.ts";
import type { Decision } from "../../model/schema.ts";
import type { RenderContext } from "../context.ts";
import { columnRole } from "../../plan/appendix.ts";
import { COLUMN_MODEL } from "../../plan/columns.ts";
import { appendixTitleLines } from "../../plan/title-block.ts";
import { fitColumnChars, printableWidthChars } from "./column-width.ts";
import { agencyScopeLine } from "./labels.ts";
import { setTableRanges, sheetOptions } from "./print-setup.ts";
import { SPACER_ROW_PT } from "./sheet-layout.ts";
import { SheetWriter, type CellSpec, type SheetTools } from "./sheet-writer.ts";
import type { AppendixView, WorkbookScope } from "./workbook-scope.ts";

/** A line of the title block: across the left block (issuer, like the header grid's left column) or the full width. */
type TitleLine =
  | { kind: "text"; text: string; sizePt: number; bold?: boolean; italic?: boolean; across: "left" | "full" }
  | { kind: "spacer" };

function titleLines(decision: Decision, view: AppendixView, scope: WorkbookScope, ctx: RenderContext): TitleLine[] {
  const { header, appendix: sizes } = ctx.layout;
  const lines: TitleLine[] = [
    // HDR-PARENT not bold, HDR-ISSUER bold
    ...decision.issuer.parent.map((text): TitleLine => ({ kind: "text", text, sizePt: header.issuerSizePt, across: "left" })),
    ...decision.issuer.lines.map((text): TitleLine => ({ kind: "text", text, sizePt: header.issuerSizePt, bold: true, across: "left" })),
    { kind: "spacer" },
    // the appendix's title block, as the documents print it
    ...appendixTitleLines(view.appendix, ctx.layout).map((line): TitleLine => ({ kind: "text", text: line.text, sizePt: line.sizePt, bold: line.bold, italic: line.italic, across: "full" })),
  ];
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

/**
 * One sheet per appendix ("Phụ lục", or "Phụ lục I", "Phụ lục II", … when there are several). A cell the
 * documents merge down is repeated in each row it covers, so that a filter on the column keeps every row.
 */
export function addAppendixSheet(wb: Workbook, decision: Decision, view: AppendixView, sheetName: string, scope: WorkbookScope, ctx: RenderContext, tools: SheetTools): void {
  const { columns } = view.appendix;
  const sizePt = ctx.layout.appendix.tableSizePt;
  const lines = titleLines(decision, view, scope, ctx);
  const headerRow = lines.length + 1;
  const widths = fitColumnChars(columns.map(columnRole), printableWidthChars(ctx.layout));
  const ws = wb.addWorksheet(sheetName, sheetOptions(ctx.layout, headerRow));
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
  const groupLook = { sizePt, bold: true, border: true } as const;
  for (const entry of view.entries) {
    if (entry.kind === "group") {
      const { group } = entry;
      const groupCells: CellSpec[] =
        columns.length > 1
          ? [
              { value: group.group, look: { ...groupLook, horizontal: "center" } },
              { value: group.title, look: { ...groupLook, horizontal: "left" }, span: columns.length - 1 },
            ]
          : [{ value: [group.group, group.title].filter(Boolean).join(". "), look: { ...groupLook, horizontal: "left" } }];
      sheet.row(groupCells);
      continue;
    }
    sheet.row(
      columns.map((c) => ({ value: entry.shown.get(columnKey(c)) ?? "", look: { sizePt, horizontal: COLUMN_MODEL[columnRole(c)].align === "center" ? "center" : "left", border: true } })),
    );
  }
  setTableRanges(ws, { headerRow, lastRow: sheet.lastRow, lastColumn: columns.length });
}
