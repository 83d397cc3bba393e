/** Runs and the paragraph shapes every part uses. */
import { AlignmentType, Paragraph, TextRun, type IParagraphOptions } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { mmToTwips, ptToHalfPt } from "../../layout/units.ts";
import { bodySpacing } from "./styles.ts";

/** Bold and italic; the size comes from the part. */
export interface Emphasis {
  bold?: boolean;
  italic?: boolean;
}

export interface RunStyle extends Emphasis {
  sizePt: number;
}

/**
 * Every run names the font and colour itself as well as inheriting the document defaults (FONT), so text
 * pasted into another document keeps them. Text is written in NFC.
 */
export function textRun(font: ProfileLayout["font"], text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: text.normalize("NFC"),
    font: font.family,
    color: font.color,
    size: ptToHalfPt(style.sizePt),
    bold: style.bold,
    italics: style.italic,
  });
}

/** A run that takes font, size and colour from its paragraph style (the appendix table's cells). */
export function styledRun(text: string, emphasis: Emphasis): TextRun {
  return new TextRun({ text: text.normalize("NFC"), bold: emphasis.bold, italics: emphasis.italic });
}

/** What a part may add to a paragraph: space around it, keeping it with the next one. */
type ParagraphExtras = Pick<IParagraphOptions, "spacing" | "keepNext">;

/** A centred single-run paragraph: header lines, titles, signature lines. */
export function centredParagraph(font: ProfileLayout["font"], text: string, style: RunStyle, extras: ParagraphExtras = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, ...extras, children: [textRun(font, text, style)] });
}

/** A body paragraph of (text, style) pieces at the body size (BODY-PARA). */
export function bodyParagraph(layout: ProfileLayout, pieces: readonly (readonly [string, Emphasis])[], extras: Pick<ParagraphExtras, "keepNext"> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwips(layout.body.firstLineIndentMm) },
    spacing: bodySpacing(layout),
    ...extras,
    children: pieces.map(([text, style]) => textRun(layout.font, text, { ...style, sizePt: layout.body.sizePt })),
  });
}
