import { describe, expect, it } from "vitest";
import { profileLayout } from "../../../../src/layout/profiles.ts";
import { columnTextWidthPt, fitColumnWidths, printableWidthChars } from "../../../../src/write/xlsx/column-width.ts";

describe("column widths (XLSX-PRINT: one page wide at ~100 %)", () => {
  it("fills the A4 landscape text width between the profile's margins", () => {
    const layout = profileLayout("nd30");
    const { heightMm, marginMm } = layout.page;
    const textWidthPt = ((heightMm - marginMm.left - marginMm.right) * 72) / 25.4;
    const chars = printableWidthChars(layout);
    // 8 px per character unit (Times New Roman 12 digit) at 96 dpi
    expect(chars * 8 * 0.75).toBeLessThanOrEqual(textWidthPt);
    expect((chars + 1) * 8 * 0.75).toBeGreaterThan(textWidthPt);
  });

  it.each([
    [[5, 30, 21, 17, 18, 11], 119],
    [[1, 1, 1], 10],
    [[5, 30, 21, 17, 18, 11, 12], 119],
  ])("splits %j over %i whole units in proportion", (weights, total) => {
    const widths = fitColumnWidths(weights, total);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
    expect(widths.every(Number.isInteger)).toBe(true);
    const sum = weights.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => expect(Math.abs(w - (weights[i]! / sum) * total)).toBeLessThan(weights.length));
  });

  it("leaves the cell padding out of the text width", () => {
    expect(columnTextWidthPt(10)).toBeLessThan(10 * 8 * 0.75);
    expect(columnTextWidthPt(20) - columnTextWidthPt(10)).toBeCloseTo(10 * 8 * 0.75, 5);
  });
});
