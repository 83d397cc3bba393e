/** The title block (spec §3): "QUYẾT ĐỊNH", the trích yếu as written, and the TITLE-LINE under it. */
import type { Paragraph } from "docx";
import { shortLinePt } from "../../layout/header-plan.ts";
import type { TextMeasurer } from "../../layout/measure.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToTwips, twipsToPt } from "../../layout/units.ts";
import type { Decision } from "../../model/schema.ts";
import { lineParagraph } from "./lines.ts";
import { centredParagraph } from "./paragraphs.ts";
import { GAP_PT } from "./styles.ts";
import { wrapLines } from "./wrap-lines.ts";

export function titleBlock(decision: Decision, layout: ProfileLayout, measurer: TextMeasurer, textWidthTwips: number): Paragraph[] {
  const { font, title } = layout;
  const subjectStyle = { sizePt: title.subjectSizePt, bold: true };
  // Word does not kern unless told to, so DOCX widths are measured without kerning.
  const subjectLines = wrapLines(measurer, decision.subject, subjectStyle.sizePt, twipsToPt(textWidthTwips), { bold: true, kern: false });
  return [
    // TITLE-TYPE
    centredParagraph(font, decision.document.type, { sizePt: title.typeSizePt, bold: true }, { spacing: { before: ptToTwips(GAP_PT.beforeTitle) }, keepNext: true }),
    // TITLE-SUBJECT: exactly as the model writes it
    centredParagraph(font, decision.subject, subjectStyle, { keepNext: true }),
    // TITLE-LINE: 1/3–1/2 of the widest line of the trích yếu
    lineParagraph(font, textWidthTwips, shortLinePt(subjectLines, subjectStyle.sizePt, layout, measurer, false)),
  ];
}
