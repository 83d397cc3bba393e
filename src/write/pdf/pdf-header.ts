/**
 * The header grid of a công văn (spec §2, §10) as pdfmake content, from the shared header plan: two column
 * rows, so "Số: …" and the place-date line start on one row whatever the heights above them.
 */
import type { Content } from "pdfmake/interfaces.js";
import type { HeaderPlan } from "../../layout/header-plan.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";

/** Stroke of the drawn lines under the issuer and the motto (a thin solid line). */
const RULE_STROKE_PT = 0.6;
/** Gap between the bottom of a text line (its descenders) and the line drawn under it. */
const RULE_GAP_PT = 2.5;
/** Space between the issuer/motto row and the number/date row. */
const ROW_GAP_PT = 6;

/** A centred solid line `widthPt` long (HDR-ISSUER-LINE, HDR-TN-LINE). */
function rule(widthPt: number): Content {
  return {
    canvas: [{ type: "line", x1: 0, y1: 0, x2: widthPt, y2: 0, lineWidth: RULE_STROKE_PT }],
    alignment: "center",
    margin: [0, RULE_GAP_PT, 0, 0],
  };
}

export interface HeaderOptions {
  /** the ascender of the regular face per point of size, to put "Số:" and the date on one baseline */
  ascenderEm: number;
}

export function headerContent(plan: HeaderPlan, layout: ProfileLayout, options: HeaderOptions): Content[] {
  const h = layout.header;
  const left: Content[] = [
    // HDR-PARENT: caps, not bold
    ...plan.parentLines.map((line): Content => ({ text: line, fontSize: h.issuerSizePt })),
    // HDR-ISSUER: caps, bold, centred
    ...plan.issuerLines.map((line): Content => ({ text: line, fontSize: h.issuerSizePt, bold: true })),
    rule(plan.issuerLinePt),
  ];
  const right: Content[] = [
    { text: plan.nationalName, fontSize: h.nationalNameSizePt, bold: true },
    { text: plan.motto, fontSize: h.mottoSizePt, bold: true },
    rule(plan.mottoLinePt),
  ];
  // The date line is larger than the number line: lower the number by the difference of their ascenders.
  const baselineShift = Math.max(0, (h.dateSizePt - h.numberSizePt) * options.ascenderEm);
  const numberBlock: Content[] = [{ text: plan.numberLine, fontSize: h.numberSizePt, margin: [0, baselineShift, 0, 0] }];
  if (plan.subjectLine !== undefined) {
    // TITLE-VV: under "Số:", 12–13 pt, not bold, 6 pt before
    numberBlock.push({ text: plan.subjectLine, fontSize: layout.title.vvSizePt, margin: [0, layout.title.vvSpaceBeforePt, 0, 0] });
  }
  const dateBlock: Content = {
    text: plan.placeDate,
    fontSize: h.dateSizePt,
    italics: true,
    margin: [0, Math.max(0, (h.numberSizePt - h.dateSizePt) * options.ascenderEm), 0, 0],
  };
  return [
    {
      columns: [
        { width: plan.leftWidthPt, stack: left },
        { width: plan.rightWidthPt, stack: right },
      ],
      columnGap: 0,
      alignment: "center",
    },
    {
      columns: [
        { width: plan.leftWidthPt, stack: numberBlock },
        { width: plan.rightWidthPt, stack: [dateBlock] },
      ],
      columnGap: 0,
      alignment: "center",
      margin: [0, ROW_GAP_PT, 0, 0],
    },
  ];
}
