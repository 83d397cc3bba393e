/**
 * A plan section as a DOCX section: page size and orientation, margins, page numbers (an Arabic PAGE field,
 * none on the section's first page, in the header or the footer; restarted from 1 where the plan says).
 */
import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type ISectionOptions } from "docx";
import { ptToHalfPt, ptToTwips } from "../../layout/units.ts";
import type { PageNumbering, PageSetup, SectionPlan } from "../../plan/nodes.ts";
import type { DocxFont } from "./runs.ts";

function pageNumberParagraph(font: DocxFont, numbering: PageNumbering): Paragraph {
  return new Paragraph({
    alignment: numbering.position === "top-center" ? AlignmentType.CENTER : AlignmentType.RIGHT,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: font.family, color: font.colour, size: ptToHalfPt(numbering.sizePt) })],
  });
}

/** An empty header or footer still needs one paragraph; every section gets its own, or Word links it to the previous one's. */
const empty = () => [new Paragraph({})];

function headersAndFooters(font: DocxFont, numbering: PageNumbering): Pick<ISectionOptions, "headers" | "footers"> {
  const inHeader = numbering.position === "top-center";
  return {
    headers: { default: new Header({ children: inHeader ? [pageNumberParagraph(font, numbering)] : empty() }), first: new Header({ children: empty() }) },
    footers: { default: new Footer({ children: inHeader ? empty() : [pageNumberParagraph(font, numbering)] }), first: new Footer({ children: empty() }) },
  };
}

/** docx wants the portrait size with LANDSCAPE and swaps it itself (proto §2). */
function pageProperties(page: PageSetup, restart: boolean) {
  const portraitWidth = Math.min(page.widthPt, page.heightPt);
  const portraitHeight = Math.max(page.widthPt, page.heightPt);
  const m = page.marginsPt;
  return {
    size: {
      width: ptToTwips(portraitWidth),
      height: ptToTwips(portraitHeight),
      orientation: page.orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: { top: ptToTwips(m.top), bottom: ptToTwips(m.bottom), left: ptToTwips(m.left), right: ptToTwips(m.right), header: ptToTwips(m.header), footer: ptToTwips(m.footer) },
    ...(restart ? { pageNumbers: { start: 1 } } : {}),
  };
}

export function sectionOptions(font: DocxFont, section: SectionPlan, first: boolean, children: ISectionOptions["children"]): ISectionOptions {
  return {
    // PAGE-NUM: titlePage gives the first page its own, empty, header and footer
    properties: { titlePage: true, page: pageProperties(section.page, section.numbering.restart), ...(first ? {} : { type: SectionType.NEXT_PAGE }) },
    ...headersAndFooters(font, section.numbering),
    children,
  };
}

export const textWidthTwips = (page: PageSetup): number => ptToTwips(page.widthPt) - ptToTwips(page.marginsPt.left) - ptToTwips(page.marginsPt.right);
