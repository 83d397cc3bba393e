/**
 * The header grid (spec §2), format-neutral: the same plan feeds the DOCX decision and the PDF letters.
 * Line lengths are computed from the text with Times New Roman metrics (HDR-TN-LINE, HDR-ISSUER-LINE).
 */
import { formatPlaceDate } from "../model/dates.ts";
import type { Issuer } from "../model/schema.ts";
import type { TextMeasurer } from "./measure.ts";
import type { ProfileLayout } from "./profiles.ts";
import { mmToPt } from "./units.ts";

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

export interface HeaderPlan {
  /** widths of the two columns in points (they add up to the text width) */
  leftWidthPt: number;
  rightWidthPt: number;
  parentLines: string[];
  issuerLines: string[];
  /** length of the line under the issuer, in points (1/3–1/2 of the widest issuer line) */
  issuerLinePt: number;
  numberLine: string;
  /** công văn only: "V/v …" under the number */
  subjectLine?: string;
  nationalName: string;
  motto: string;
  /** length of the line under the motto = the motto's width */
  mottoLinePt: number;
  placeDate: string;
}

export function textWidthPt(layout: ProfileLayout, orientation: "portrait" | "landscape" = "portrait"): number {
  const { widthMm, heightMm, marginMm } = layout.page;
  const pageMm = orientation === "portrait" ? widthMm : heightMm;
  return mmToPt(pageMm - marginMm.left - marginMm.right);
}

export interface HeaderInput {
  issuer: Issuer;
  number: string;
  symbol: string;
  date: string;
  subjectLine?: string;
  /** kern like pdfkit (PDF) or not, like Word (DOCX) */
  kern: boolean;
}

export function planHeader(input: HeaderInput, layout: ProfileLayout, measurer: TextMeasurer): HeaderPlan {
  const total = textWidthPt(layout);
  const leftWidthPt = total * layout.header.leftColumnShare;
  const h = layout.header;
  const issuerWidest = Math.max(...input.issuer.lines.map((l) => measurer.widthPt(l, h.issuerSizePt, { bold: true, kern: input.kern })));
  const plan: HeaderPlan = {
    leftWidthPt,
    rightWidthPt: total - leftWidthPt,
    parentLines: input.issuer.parent,
    issuerLines: input.issuer.lines,
    issuerLinePt: issuerWidest * h.shortLineShare,
    // HDR-NUMBER: a number left blank is filled in by hand by the văn thư.
    numberLine: `Số: ${input.number === "" ? "      " : input.number.padStart(2, "0")}/${input.symbol}`,
    nationalName: NATIONAL_NAME,
    motto: MOTTO,
    mottoLinePt: measurer.widthPt(MOTTO, h.mottoSizePt, { bold: true, kern: input.kern }),
    placeDate: formatPlaceDate(input.issuer.place, input.date),
  };
  if (input.subjectLine !== undefined) plan.subjectLine = input.subjectLine;
  return plan;
}

/** TITLE-LINE: the line under the trích yếu, a share of the widest title line. */
export function shortLinePt(lines: readonly string[], sizePt: number, layout: ProfileLayout, measurer: TextMeasurer, kern: boolean): number {
  return Math.max(...lines.map((l) => measurer.widthPt(l, sizePt, { bold: true, kern }))) * layout.header.shortLineShare;
}
