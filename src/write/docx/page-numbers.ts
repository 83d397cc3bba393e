/**
 * PAGE-NUM: an Arabic PAGE field, none on page 1. ND30 puts it centred in the top margin; TT01 bottom right.
 * Each call builds fresh headers and footers: every section gets its own, otherwise Word links a section
 * to the previous one's.
 */
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToHalfPt } from "../../layout/units.ts";

function pageNumberParagraph(layout: ProfileLayout): Paragraph {
  const alignment = layout.pageNumber.position === "top-center" ? AlignmentType.CENTER : AlignmentType.RIGHT;
  return new Paragraph({
    alignment,
    children: [
      new TextRun({ children: [PageNumber.CURRENT], font: layout.font.family, color: layout.font.color, size: ptToHalfPt(layout.pageNumber.sizePt) }),
    ],
  });
}

/** An empty header or footer still needs one paragraph to be valid. */
const empty = () => [new Paragraph({})];

export function pageNumbering(layout: ProfileLayout): { headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  const inHeader = layout.pageNumber.position === "top-center";
  return {
    headers: { default: new Header({ children: inHeader ? [pageNumberParagraph(layout)] : empty() }), first: new Header({ children: empty() }) },
    footers: { default: new Footer({ children: inHeader ? empty() : [pageNumberParagraph(layout)] }), first: new Footer({ children: empty() }) },
  };
}
