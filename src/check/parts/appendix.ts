/**
 * Appendices (spec §7), found by content: a top-level "Phụ lục …" / "PHỤ LỤC …" paragraph after the
 * closing (normally the first of its own section), then its title, the "(Kèm theo …)" reference line,
 * a short line, and the first table after the heading.
 */
import { drawnLineAfter, type DrawnLine, type Flow } from "../geometry.ts";
import type { Block, Table } from "../../read/docx/ooxml/blocks.ts";
import type { Section } from "../../read/docx/ooxml/document.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import { APPENDIX_PATTERN, isBlank, normalise } from "./text.ts";

export interface AppendixPart {
  section: Section;
  heading: Paragraph;
  title?: Paragraph;
  reference?: Paragraph;
  line?: DrawnLine;
  table?: Table;
}

/** Width between a section's margins, gutter included. */
export function sectionTextWidthTwips(section: Section): number {
  const { widthTwips = 0 } = section.page;
  const { left = 0, right = 0, gutter } = section.margins;
  return widthTwips - left - right - gutter;
}

export const sectionFlow = (section: Section): Flow => ({
  paragraphs: section.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : [])),
  boxTwips: sectionTextWidthTwips(section),
});

const isReference = (p: Paragraph) => /^\(.*\)$/su.test(normalise(p.text));

function readAppendix(section: Section, blocks: readonly Block[], headingBlock: number): AppendixPart {
  const heading = (blocks[headingBlock] as Extract<Block, { kind: "paragraph" }>).paragraph;
  const appendix: AppendixPart = { section, heading };
  const after = blocks.slice(headingBlock + 1);
  const tableIndex = after.findIndex((b) => b.kind === "table");
  const lead = (tableIndex < 0 ? after : after.slice(0, tableIndex)).flatMap((b) => (b.kind === "paragraph" && !isBlank(b.paragraph) ? [b.paragraph] : []));
  const [first, second] = lead;
  if (first && !isReference(first)) appendix.title = first;
  const reference = [first, second].find((p) => p !== undefined && isReference(p));
  if (reference) appendix.reference = reference;
  const lineHost = appendix.reference ?? appendix.title;
  const line = lineHost ? drawnLineAfter(sectionFlow(section), lineHost) : undefined;
  if (line) appendix.line = line;
  const table = tableIndex < 0 ? undefined : after[tableIndex];
  if (table?.kind === "table") appendix.table = table.table;
  return appendix;
}

/** Every appendix: at most one per section, searched from `fromBlock` of the first section given. */
export function findAppendices(sections: readonly Section[], fromBlock: number): AppendixPart[] {
  const appendices: AppendixPart[] = [];
  sections.forEach((section, i) => {
    const start = i === 0 ? fromBlock : 0;
    const headingBlock = section.blocks.findIndex(
      (b, j) => j >= start && b.kind === "paragraph" && APPENDIX_PATTERN.test(normalise(b.paragraph.text)) && normalise(b.paragraph.text).length <= 80,
    );
    if (headingBlock >= 0) appendices.push(readAppendix(section, section.blocks, headingBlock));
  });
  return appendices;
}
