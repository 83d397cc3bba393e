/** Excel column widths (character units) ↔ points, and widths that fill an A4 landscape page (XLSX-PRINT). */
import type { ProfileLayout } from "../../layout/profiles.ts";
import { mmToPt } from "../../layout/units.ts";
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

/** Whole-character widths in proportion to `weights`, adding up to `totalChars` (the rest goes to the widest). */
export function fitColumnWidths(weights: readonly number[], totalChars: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.max(1, Math.floor((w / sum) * totalChars)));
  const widest = weights.indexOf(Math.max(...weights));
  widths[widest]! += totalChars - widths.reduce((a, b) => a + b, 0);
  return widths;
}
