/**
 * PAGE-NUM for pdfmake: a header or footer function per section. A section that restarts its numbering
 * (PAGE-NUM-APPENDIX) counts from its own first page, and no section shows a number on its first page.
 * pdfmake lays headers and footers out page by page in order, once per layout pass, after the content: the
 * first call a section's function gets is that section's first page, and page 1 (always the first section's)
 * starts a new pass.
 *
 * A document laid out in chunks (chunks.ts) numbers each chunk's pages after the pages drawn before it; its
 * first section may have begun in an earlier chunk, whose first page is then known already.
 */
import type { Content, DynamicContent } from "pdfmake/interfaces.js";
import type { PageSetup, SectionPlan } from "../../plan/nodes.ts";

export interface SectionNumbering {
  header?: DynamicContent;
  footer?: DynamicContent;
}

function numberContent(text: string, section: SectionPlan): Content {
  const { numbering, page } = section;
  const m = page.marginsPt;
  if (numbering.position === "top-center") {
    // centred over the text width, the header distance from the top edge
    return { text, fontSize: numbering.sizePt, alignment: "center", margin: [m.left, m.header, m.right, 0] };
  }
  // bottom right: its line ends the footer distance above the bottom edge
  return { text, fontSize: numbering.sizePt, alignment: "right", margin: [m.left, Math.max(0, m.bottom - m.footer - numbering.sizePt), m.right, 0] };
}

/** Where a chunk starts: its first section, the pages before it, and the first page of each section begun so far. */
export interface NumberingStart {
  firstSection: number;
  pagesBefore: number;
  /** shared by the chunks of one document; a section's entry is set by its first page */
  firstPages: (number | undefined)[];
}

export function sectionNumberings(sections: readonly SectionPlan[], start?: NumberingStart): SectionNumbering[] {
  const { firstSection, pagesBefore, firstPages: firstPage } = start ?? { firstSection: 0, pagesBefore: 0, firstPages: sections.map(() => undefined) };
  // the chunk's first section keeps its first page if it began in an earlier chunk
  const resetFrom = firstPage[firstSection] !== undefined && pagesBefore > 0 ? firstSection + 1 : firstSection;
  return sections.map((section, index): SectionNumbering => {
    const numberFor: DynamicContent = (pageInChunk) => {
      if (index === firstSection && pageInChunk === 1) firstPage.fill(undefined, resetFrom);
      const currentPage = pagesBefore + pageInChunk;
      const first = (firstPage[index] ??= currentPage);
      if (currentPage === first) return null;
      const shown = section.numbering.restart ? currentPage - first + 1 : currentPage;
      return numberContent(String(shown), section);
    };
    return section.numbering.position === "top-center" ? { header: numberFor } : { footer: numberFor };
  });
}

/** pdfmake's page size for a section: the portrait size and the orientation (it swaps them itself). */
export function pdfPageSize(page: PageSetup): { width: number; height: number } {
  return { width: Math.min(page.widthPt, page.heightPt), height: Math.max(page.widthPt, page.heightPt) };
}

export const pdfMargins = (page: PageSetup): [number, number, number, number] => [page.marginsPt.left, page.marginsPt.top, page.marginsPt.right, page.marginsPt.bottom];
