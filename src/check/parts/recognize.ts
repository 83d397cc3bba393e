/**
 * Recognises the parts of an administrative document by content and position, not by style names, so
 * documents made elsewhere (in Word, formatting only through styles) are read the same way:
 * header grid → title block → (Kính gửi) → căn cứ → "QUYẾT ĐỊNH:" → articles → closing → appendices.
 */
import { drawnLineAfter, type DrawnLine } from "../geometry.ts";
import type { Block } from "../../read/docx/ooxml/blocks.ts";
import type { DocxDocument, Section } from "../../read/docx/ooxml/document.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import { findAppendices, sectionFlow, type AppendixPart } from "./appendix.ts";
import { findClosing, type ClosingPart } from "./closing.ts";
import { findHeaderGrid, type HeaderGridPart } from "./header-grid.ts";
import {
  ADDRESSEES_PATTERN,
  ARTICLE_PATTERN,
  BASIS_PATTERN,
  DECIDES_PATTERN,
  documentTypeOf,
  isBlank,
  isCaps,
  normalise,
  PART_PATTERN,
  PROPOSAL_PATTERN,
  SUBJECT_LINE_PATTERN,
} from "./text.ts";

export type DocumentKind = "decision" | "letter" | "other" | "unknown";

export interface TitlePart {
  type: Paragraph;
  /** the trích yếu: one paragraph, or several up to the line under it */
  subject: Paragraph[];
  line?: DrawnLine;
}

export interface DocumentParts {
  /** decision: type line "QUYẾT ĐỊNH"; letter: no type line, "V/v" under the number (công văn) */
  kind: DocumentKind;
  typeName?: string;
  mainSection: Section;
  header?: HeaderGridPart;
  title?: TitlePart;
  /** a "V/v …" line (TITLE-VV), in the grid or near the top */
  subjectLine?: Paragraph;
  /** RECIP-KG: "Kính gửi: …" of a công văn */
  addressees?: Paragraph;
  authority?: Paragraph;
  /** căn cứ lines and the closing "Theo đề nghị …" */
  bases: Paragraph[];
  decides?: Paragraph;
  /** BODY-PARA: the running text (căn cứ, articles and their content) */
  bodyParagraphs: Paragraph[];
  articles: Paragraph[];
  /** BODY-PART: "Phần I" / "Chương I" lines and the title line after each */
  partHeadings: { heading: Paragraph; title?: Paragraph }[];
  closing?: ClosingPart;
  appendices: AppendixPart[];
  /** 1-based section of a body paragraph */
  sectionOf: (p: Paragraph) => number | undefined;
}

const topParagraphs = (blocks: readonly Block[]): Paragraph[] => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));

/** Subject paragraphs after the type line: up to the one with a line under it, else just the first. */
function readTitle(section: Section, paragraphs: readonly Paragraph[], typeIndex: number): TitlePart {
  const flow = sectionFlow(section);
  const following = paragraphs.slice(typeIndex + 1).filter((p) => !isBlank(p)).slice(0, 3);
  for (const [i, p] of following.entries()) {
    const line = drawnLineAfter(flow, p);
    if (line) return { type: paragraphs[typeIndex]!, subject: following.slice(0, i + 1), line };
  }
  return { type: paragraphs[typeIndex]!, subject: following.slice(0, 1) };
}

function sectionIndex(doc: DocxDocument): (p: Paragraph) => number | undefined {
  const map = new Map<Paragraph, number>();
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      const paragraphs = block.kind === "paragraph" ? [block.paragraph] : block.table.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
      for (const p of paragraphs) map.set(p, section.index);
    }
  }
  return (p) => map.get(p);
}

export function recognise(doc: DocxDocument): DocumentParts {
  const gridSection = doc.sections.find((s) => findHeaderGrid(s.blocks)) ?? doc.sections[0]!;
  const header = findHeaderGrid(gridSection.blocks);
  const blocks = gridSection.blocks;
  const gridBlock = header ? blocks.findIndex((b) => b.kind === "table" && b.table === header.table) : -1;
  const closing = findClosing(blocks, gridBlock + 1);
  const bodyBlocks = blocks.slice(gridBlock + 1, closing?.startBlock ?? blocks.length);
  const paragraphs = topParagraphs(bodyBlocks);

  const isSubjectLine = (p: Paragraph) => SUBJECT_LINE_PATTERN.test(normalise(p.text));
  const typeIndex = paragraphs.findIndex((p) => !isBlank(p) && !isSubjectLine(p));
  const typeName = typeIndex >= 0 ? documentTypeOf(paragraphs[typeIndex]!.text) : undefined;
  const title = typeName !== undefined ? readTitle(gridSection, paragraphs, typeIndex) : undefined;
  // TITLE-VV: "V/v" under "Số:" in the grid, or written as a paragraph near the top
  const subjectLine = header?.subjectLine?.paragraph ?? paragraphs.filter((p) => !isBlank(p)).slice(0, 5).find(isSubjectLine);
  const kind: DocumentKind = typeName === "QUYẾT ĐỊNH" ? "decision" : typeName !== undefined ? "other" : subjectLine ? "letter" : "unknown";

  const titleEnd = title ? paragraphs.indexOf(title.line?.paragraph ?? title.subject.at(-1) ?? title.type) + 1 : 0;
  const rest = paragraphs.slice(titleEnd).filter((p) => !isBlank(p));
  const addressees = rest.find((p) => ADDRESSEES_PATTERN.test(normalise(p.text)));
  const decides = rest.find((p) => DECIDES_PATTERN.test(normalise(p.text)));
  const preambleEnd = decides ? rest.indexOf(decides) : 0;
  const firstBasis = rest.findIndex((p, i) => i < preambleEnd && BASIS_PATTERN.test(normalise(p.text)));
  const authority = firstBasis > 0 && isCaps(normalise(rest[0]!.text)) ? rest[0] : undefined;
  const bases = firstBasis < 0 ? [] : rest.slice(firstBasis, preambleEnd).filter((p) => BASIS_PATTERN.test(normalise(p.text)) || PROPOSAL_PATTERN.test(normalise(p.text)));

  const partHeadings = rest
    .filter((p) => PART_PATTERN.test(normalise(p.text)) && normalise(p.text).length <= 40)
    .map((heading) => {
      const next = rest[rest.indexOf(heading) + 1];
      return next && isCaps(normalise(next.text)) && !ARTICLE_PATTERN.test(normalise(next.text)) ? { heading, title: next } : { heading };
    });
  const headings = new Set<Paragraph | undefined>([subjectLine, authority, decides, addressees, ...partHeadings.flatMap((h) => [h.heading, h.title])]);
  const bodyParagraphs = rest.filter((p) => !headings.has(p));

  const parts: DocumentParts = {
    kind,
    mainSection: gridSection,
    bases,
    bodyParagraphs,
    articles: bodyParagraphs.filter((p) => ARTICLE_PATTERN.test(normalise(p.text))),
    partHeadings,
    appendices: findAppendices(doc.sections.slice(doc.sections.indexOf(gridSection)), closing ? closing.startBlock + 1 : blocks.length),
    sectionOf: sectionIndex(doc),
  };
  if (typeName !== undefined) parts.typeName = typeName;
  if (header) parts.header = header;
  if (title) parts.title = title;
  if (subjectLine) parts.subjectLine = subjectLine;
  if (addressees) parts.addressees = addressees;
  if (authority) parts.authority = authority;
  if (decides) parts.decides = decides;
  if (closing) parts.closing = closing;
  return parts;
}
