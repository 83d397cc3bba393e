/**
 * The appendix (spec §7) as its own landscape section (PAGE-ORIENT, practice) that numbers its pages
 * from 1 (PAGE-NUM-APPENDIX): heading, title, reference line, a short line, the task table.
 */
import { SectionType, type ISectionOptions } from "docx";
import { shortLinePt } from "../../layout/header-plan.ts";
import type { TextMeasurer } from "../../layout/measure.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToTwips, twipsToPt } from "../../layout/units.ts";
import type { Appendix } from "../../model/schema.ts";
import { appendixTable } from "./appendix-table.ts";
import { lineParagraph } from "./lines.ts";
import { pageNumbering } from "./page-numbers.ts";
import { sectionProperties, textWidthTwips } from "./page-setup.ts";
import { centredParagraph } from "./paragraphs.ts";
import { GAP_PT } from "./styles.ts";
import { wrapLines } from "./wrap-lines.ts";

export function appendixSection(appendix: Appendix, layout: ProfileLayout, measurer: TextMeasurer): ISectionOptions {
  const { font, appendix: a } = layout;
  const widthTwips = textWidthTwips(layout, a.orientation);
  const titleStyle = { sizePt: a.titleSizePt, bold: true };
  const titleLines = wrapLines(measurer, appendix.title, titleStyle.sizePt, twipsToPt(widthTwips), { bold: true, kern: false });
  return {
    properties: { ...sectionProperties(layout, a.orientation, true), type: SectionType.NEXT_PAGE },
    ...pageNumbering(layout),
    children: [
      // APX-HEAD: as the model writes it, 14 pt bold centred
      centredParagraph(font, appendix.heading, { sizePt: a.headingSizePt, bold: true }, { keepNext: true }),
      // APX-TITLE: caps bold centred
      centredParagraph(font, appendix.title, titleStyle, { keepNext: true }),
      // APX-REF: italic centred, then a short line sized like TITLE-LINE on the appendix title
      centredParagraph(font, appendix.reference, { sizePt: a.referenceSizePt, italic: true }, { keepNext: true }),
      lineParagraph(font, widthTwips, shortLinePt(titleLines, titleStyle.sizePt, layout, measurer, false), ptToTwips(GAP_PT.beforeAppendixTable)),
      appendixTable(appendix, widthTwips),
    ],
  };
}
