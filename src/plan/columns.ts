/**
 * The one column model of every table: the appendix in the decision (DOCX, PDF) and in the workbook, the
 * letters' task tables and the workbook's tracking sheet. A column's role gives its share of the width and
 * its alignment; columns that must not wrap (refs, dates) get a measured minimum.
 */
import type { ColumnRole as ModelColumnRole } from "../model/schema.ts";
import type { Align } from "./nodes.ts";

/** The model's column roles, "kept" for a column kept by its label, and the columns of letters and sheets. */
export type ColumnRole = ModelColumnRole | "kept" | "ref" | "others" | "due" | "agency" | "role" | "group" | "status";

/**
 * Weights sized for the 12 pt bold headers: a header wraps at most at its word boundaries into two lines
 * ("CƠ QUAN CHỦ TRÌ" one line, "THỜI GIAN / HOÀN THÀNH" two); the content column takes the most.
 */
export const COLUMN_MODEL: Readonly<Record<ColumnRole, { weight: number; align: Align }>> = {
  number: { weight: 5, align: "center" },
  ref: { weight: 6, align: "center" },
  content: { weight: 29, align: "left" },
  product: { weight: 18, align: "left" },
  lead: { weight: 17, align: "left" },
  support: { weight: 18, align: "left" },
  others: { weight: 18, align: "left" },
  deadline: { weight: 12, align: "center" },
  due: { weight: 11, align: "center" },
  result: { weight: 14, align: "left" },
  funding: { weight: 10, align: "center" },
  followUp: { weight: 12, align: "left" },
  notes: { weight: 12, align: "left" },
  kept: { weight: 12, align: "left" },
  agency: { weight: 15, align: "left" },
  role: { weight: 9, align: "center" },
  group: { weight: 16, align: "left" },
  status: { weight: 7, align: "left" },
};

/**
 * Splits `totalPt` between the columns by weight; a column whose share is below its minimum gets the minimum
 * and the others share what is left (repeated until every minimum holds or nothing is left to share).
 */
export function fitColumnsPt(roles: readonly ColumnRole[], totalPt: number, minPt: Partial<Record<ColumnRole, number>> = {}): number[] {
  const fixed = new Map<number, number>();
  for (;;) {
    const free = roles.map((_, i) => i).filter((i) => !fixed.has(i));
    const left = totalPt - [...fixed.values()].reduce((a, b) => a + b, 0);
    const weightSum = free.reduce((sum, i) => sum + COLUMN_MODEL[roles[i]!].weight, 0);
    const widths = roles.map((role, i) => fixed.get(i) ?? (left * COLUMN_MODEL[role].weight) / weightSum);
    const short = free.filter((i) => widths[i]! < (minPt[roles[i]!] ?? 0));
    if (short.length === 0 || short.length === free.length) return widths;
    for (const i of short) fixed.set(i, minPt[roles[i]!]!);
  }
}
