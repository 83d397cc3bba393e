/** Excel column widths (character units) ↔ points, and widths that fill an A4 landscape page (XLSX-PRINT). */
import type { ProfileLayout } from "../../layout/profiles.ts";
import { mmToPt } from "../../layout/units.ts";
import { fitColumnsPt, type ColumnRole } from "../../plan/columns.ts";
import { CELL_PADDING_PX, MAX_DIGIT_WIDTH_PX, PX_PER_PT } from "./sheet-layout.ts";

/** The width text may take inside a column `widthChars` wide, in points. */
export function columnTextWidthPt(widthChars: number): number {
  return (Math.trunc(widthChars * MAX_DIGIT_WIDTH_PX) - CELL_PADDING_PX) / PX_PER_PT;
}

/** How many character units fit between the side margins of an A4 landscape page, so that it prints at ~100 %. */
export function printableWidthChars(layout: ProfileLayout): number {
  const { heightMm, marginMm } = layout.page;
  // Landscape: the long side is the width; PAGE-MARGIN keeps left/right as read on the turned page.
  const widthPx = mmToPt(heightMm - marginMm.left - marginMm.right) * PX_PER_PT;
  return Math.floor(widthPx / MAX_DIGIT_WIDTH_PX);
}

/**
 * Whole-character widths of the columns, split by the shared column model (plan/columns.ts) with the given
 * minimums, adding up to `totalChars` (the rest goes to the widest).
 */
export function fitColumnChars(roles: readonly ColumnRole[], totalChars: number, minChars: Partial<Record<ColumnRole, number>> = {}): number[] {
  const shares = fitColumnsPt(roles, totalChars, minChars);
  const widths = shares.map((w, i) => Math.max(1, minChars[roles[i]!] ?? 0, Math.floor(w)));
  const widest = shares.indexOf(Math.max(...shares));
  widths[widest]! += totalChars - widths.reduce((a, b) => a + b, 0);
  return widths;
}
