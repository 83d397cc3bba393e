/**
 * The header grid (spec §2) as a borderless table of two rows, so "Số:" and the place-date always share
 * a line whatever the heights above: row 1 = issuer | Quốc hiệu + Tiêu ngữ, row 2 = number | place-date.
 */
import type { Table } from "docx";
import type { HeaderPlan } from "../../layout/header-plan.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToTwips } from "../../layout/units.ts";
import { borderlessTable, cellInnerTwips } from "./borderless-table.ts";
import { lineParagraph } from "./lines.ts";
import { centredParagraph } from "./paragraphs.ts";
import { GAP_PT } from "./styles.ts";

/** Column widths in twips adding up to exactly `textWidthTwips` (the plan's split, rounded once). */
export function headerColumnsTwips(plan: HeaderPlan, textWidthTwips: number): [number, number] {
  const leftTwips = ptToTwips(plan.leftWidthPt);
  return [leftTwips, textWidthTwips - leftTwips];
}

export function headerGrid(plan: HeaderPlan, layout: ProfileLayout, textWidthTwips: number): Table {
  const { font, header: h } = layout;
  const [leftTwips, rightTwips] = headerColumnsTwips(plan, textWidthTwips);
  const issuerCell = [
    // HDR-PARENT: caps, not bold
    ...plan.parentLines.map((line) => centredParagraph(font, line, { sizePt: h.issuerSizePt })),
    // HDR-ISSUER: caps, bold, centred
    ...plan.issuerLines.map((line) => centredParagraph(font, line, { sizePt: h.issuerSizePt, bold: true })),
    // HDR-ISSUER-LINE: 1/3–1/2 of the issuer's width, centred
    lineParagraph(font, cellInnerTwips(leftTwips), plan.issuerLinePt),
  ];
  const nationalCell = [
    // HDR-QH: one line of the column (the plan measures it)
    centredParagraph(font, plan.nationalName, { sizePt: h.nationalNameSizePt, bold: true }),
    // HDR-TN
    centredParagraph(font, plan.motto, { sizePt: h.mottoSizePt, bold: true }),
    // HDR-TN-LINE: as long as the Tiêu ngữ
    lineParagraph(font, cellInnerTwips(rightTwips), plan.mottoLinePt),
  ];
  const numberRowSpacing = { before: ptToTwips(GAP_PT.beforeNumberRow) };
  return borderlessTable(
    [leftTwips, rightTwips],
    [
      { cells: [issuerCell, nationalCell] },
      {
        cells: [
          // HDR-NUMBER: upright
          [centredParagraph(font, plan.numberLine, { sizePt: h.numberSizePt }, { spacing: numberRowSpacing })],
          // HDR-DATE: italic, same line as "Số:"
          [centredParagraph(font, plan.placeDate, { sizePt: h.dateSizePt, italic: true }, { spacing: numberRowSpacing })],
        ],
      },
    ],
  );
}
