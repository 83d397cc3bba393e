/** Runs and plain paragraphs: every text of the plan becomes runs that name the plan's font and size. */
import { AlignmentType, Paragraph, TextRun } from "docx";
import { ptToHalfPt, ptToTwips } from "../../layout/units.ts";
import type { Align, DocumentPlan, Run, StackLine } from "../../plan/nodes.ts";

export type DocxAlignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export const ALIGNMENT: Readonly<Record<Align, DocxAlignment>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** OOXML border widths are in eighths of a point. */
export const EIGHTHS_PER_PT = 8;

/** Word's single line spacing in `w:line` units (240 = 1 line). */
export const SINGLE_LINE_240 = 240;

export type DocxFont = DocumentPlan["font"];

/**
 * Column widths in twips, rounded at the running sum so they add up; a table as wide as the text (to within
 * rounding) ends exactly at the text width, which is rounded from the page and margins on its own.
 */
export function columnsTwips(widthsPt: readonly number[], textWidthTwips: number): number[] {
  let sumPt = 0;
  const bounds = widthsPt.map((w) => Math.round((sumPt += w) * 20));
  const last = bounds.length - 1;
  if (last >= 0 && Math.abs(bounds[last]! - textWidthTwips) <= 2) bounds[last] = textWidthTwips;
  return bounds.map((b, i) => b - (i === 0 ? 0 : bounds[i - 1]!));
}

/**
 * A run that names the font and colour itself as well as inheriting the document defaults (FONT), so text pasted
 * into another document keeps them. `sizePt` undefined: size and font from the paragraph style (table cells).
 */
export function textRun(font: DocxFont | undefined, run: Run, sizePt: number | undefined): TextRun {
  return new TextRun({
    text: run.text,
    ...(font ? { font: font.family, color: font.colour } : {}),
    ...(sizePt !== undefined ? { size: ptToHalfPt(sizePt) } : {}),
    bold: run.bold,
    italics: run.italic,
  });
}

/** One line of a stack (header, closing) as a paragraph. */
export function lineParagraph(font: DocxFont, line: StackLine, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENT[line.align],
    ...(keepNext ? { keepNext: true } : {}),
    ...(line.spaceBeforePt > 0 ? { spacing: { before: ptToTwips(line.spaceBeforePt) } } : {}),
    children: [textRun(font, line, line.sizePt)],
  });
}
