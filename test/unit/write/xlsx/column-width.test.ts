import { describe, expect, it } from "vitest";
import { profileLayout } from "../../../../src/layout/profiles.ts";
import { COLUMN_MODEL } from "../../../../src/plan/columns.ts";
import { columnTextWidthPt, fitColumnChars, printableWidthChars } from "../../../../src/write/xlsx/column-width.ts";

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
    [["number", "content", "product", "lead", "support", "deadline"], 119],
    [["ref", "ref", "ref"], 10],
    [["number", "content", "product", "lead", "support", "deadline", "notes"], 119],
  ] as const)("splits %j over %i whole units by the shared column model", (roles, total) => {
    const widths = fitColumnChars(roles, total);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
    expect(widths.every(Number.isInteger)).toBe(true);
    const weights = roles.map((r) => COLUMN_MODEL[r].weight);
    const sum = weights.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => expect(Math.abs(w - (weights[i]! / sum) * total)).toBeLessThan(roles.length));
  });

  it("a minimum holds (the due date needs 11 units or Excel shows ###) and the others share the rest", () => {
    const roles = ["agency", "role", "group", "ref", "content", "product", "deadline", "due", "status"] as const;
    const widths = fitColumnChars(roles, 119, { due: 11 });
    expect(widths[7]).toBe(11);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(119);
  });

  it("leaves the cell padding out of the text width", () => {
    expect(columnTextWidthPt(10)).toBeLessThan(10 * 8 * 0.75);
    expect(columnTextWidthPt(20) - columnTextWidthPt(10)).toBeCloseTo(10 * 8 * 0.75, 5);
  });
});
