/**
 * The appendix workbook (issue 5): sheets "Phụ lục", "Theo dõi", "Tổng hợp", for the whole plan or for one
 * agency. Pure: no fs, clock or env (REPRO: dates from the model, zip entry times pinned by pinZip).
 *
 * Written with exceljs's streaming writer into memory: rows are serialised as they are committed instead of
 * being kept as cell objects. For 10,000 tasks it used about half the memory of the plain writer and less
 * time (figures in the issue 5 report); the output is the same workbook.
 */
import { PassThrough } from "node:stream";
import type { Workbook } from "exceljs";
// The streaming writer alone: exceljs's index also loads its readers (unzipper, bluebird and more), about a
// fifth of a second of every build's start-up for code a build never runs.
import WorkbookWriter from "exceljs/lib/stream/xlsx/workbook-writer.js";
import { formatShortDate, isoToUtcDate } from "../../model/dates.ts";
import { appendixLabel } from "../../model/refs.ts";
import type { Decision } from "../../model/schema.ts";
import type { ResolvedDecision } from "../../resolve/resolve-decision.ts";
import type { RenderContext } from "../context.ts";
import { pinZip } from "../pin-zip.ts";
import { addAppendixSheet } from "./appendix-sheet.ts";
import { setNormalFont, StylePalette } from "./cell-style.ts";
import { RowHeightMeter } from "./row-height.ts";
import { addSummarySheet } from "./summary-sheet.ts";
import { SHEET_NAMES } from "./labels.ts";
import { addTrackingSheet } from "./tracking-sheet.ts";
import { agencyScope, fullScope, type WorkbookScope } from "./workbook-scope.ts";

/** Core properties; created/modified are the decision's date, never the clock. */
function describe(wb: Workbook, decision: Decision, scope: WorkbookScope, ctx: RenderContext): void {
  const { document } = decision;
  const first = scope.appendices[0]?.appendix;
  const title = first ? `${first.heading}: ${first.title}` : decision.subject;
  wb.title = scope.agency ? `${title} – ${scope.agency.name}` : title;
  wb.subject = `${document.type} số ${document.number}/${document.symbol} ngày ${formatShortDate(document.date)}: ${decision.subject}`;
  // The rule set in force is named in the output metadata (spec: profiles).
  wb.keywords = `${ctx.toolName}; profile: ${ctx.layout.id}; ${ctx.layout.ruleSet}`;
  wb.creator = ctx.toolName;
  wb.lastModifiedBy = ctx.toolName;
  wb.created = isoToUtcDate(document.date);
  wb.modified = isoToUtcDate(document.date);
}

async function renderWorkbook(decision: Decision, ctx: RenderContext, scope: WorkbookScope): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  // Stored, not deflated: pinZip compresses once when it rewrites the entries with fixed times.
  const wb = new WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true, zip: { store: true } });
  describe(wb, decision, scope, ctx);
  setNormalFont(wb, ctx.layout.font.family, ctx.layout.appendix.tableSizePt);
  const tools = { palette: new StylePalette(ctx.layout.font.family), meter: new RowHeightMeter(ctx.measurer) };
  scope.appendices.forEach((view, i) => {
    const name = scope.appendices.length === 1 ? SHEET_NAMES.appendix : `${SHEET_NAMES.appendix} ${appendixLabel(view.appendix, i)}`;
    addAppendixSheet(wb, decision, view, name, scope, ctx, tools);
  });
  addTrackingSheet(wb, scope, ctx, tools);
  addSummarySheet(wb, scope, ctx, tools);
  await wb.commit();
  return pinZip(Buffer.concat(chunks), decision.document.date);
}

/** The whole document's appendices, the tracking list and the per-agency summary. */
export async function renderAppendixXlsx(resolved: ResolvedDecision, ctx: RenderContext): Promise<Uint8Array> {
  return renderWorkbook(resolved.decision, ctx, fullScope(resolved));
}

/** The same workbook restricted to the tasks `agencyId` leads or supports. */
export async function renderAgencyXlsx(resolved: ResolvedDecision, ctx: RenderContext, agencyId: string): Promise<Uint8Array> {
  return renderWorkbook(resolved.decision, ctx, agencyScope(resolved, agencyId));
}
