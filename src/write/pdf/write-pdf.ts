/**
 * Writes a document plan as PDF with pdfmake, node by node: one pdfmake section per plan section (its own
 * page size, orientation and numbering). Pure: fonts arrive as bytes and every date comes from the plan, so
 * the same plan gives the same bytes (REPRO). PDF-VERSION 1.7; PDF-FONTS: the faces are embedded as subsets.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { FontBytes } from "../../layout/font-bytes.ts";
import { isoToUtcDate } from "../../model/dates.ts";
import type { BlockNode, DocumentPlan } from "../../plan/nodes.ts";
import { BLOCK_HANDLERS, blockContext, type PdfBlockContext } from "./blocks.ts";
import { keepBreakBudget, pageBreakHook } from "./keep-with-next.ts";
import { pdfMargins, pdfPageSize, sectionNumberings } from "./page-numbers.ts";
import { CHUNK_ROWS, chunkedDocument, type SectionWriter } from "./chunks.ts";
import { renderChunkedPdf, renderPdf, type PdfRenderOptions } from "./pdfmake-runtime.ts";

export interface PdfOptions {
  /** written as the file's creator and producer */
  toolName: string;
  /** a table longer than this is laid out in chunks of as many rows (chunks.ts); the pages are the same */
  chunkRows?: number;
  /** the PDF runtime's fast paths, each on unless set off here (tests compare the bytes with them off) */
  fastPaths?: PdfRenderOptions;
}

/** Blocks and table rows: what a layout of the document costs. */
const planSize = (plan: DocumentPlan): number =>
  plan.sections.reduce((sum, s) => sum + s.blocks.reduce((n, b) => n + (b.kind === "table" ? b.rows.length : 1), 0), 0);

const writeBlock = (block: BlockNode, ctx: PdfBlockContext): Content => (BLOCK_HANDLERS[block.kind] as (node: BlockNode, ctx: PdfBlockContext) => Content)(block, ctx);

/** Nodes pdfmake lays out as unbreakable blocks: it does not report where such a block finally lands. */
const UNBREAKABLE: ReadonlySet<BlockNode["kind"]> = new Set(["headerGrid", "titleBlock", "addressee", "closing"]);

/**
 * A paragraph kept with an unbreakable block (the last paragraph and the signature) goes into one unbreakable
 * stack with it (the plan keeps such a pair within a page); before anything else keep-with-next is the
 * pageBreakBefore hook's (keep-with-next.ts).
 */
function sectionContent(blocks: readonly BlockNode[], ctx: PdfBlockContext): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.kind === "paragraph" && block.keepWithNext && next && UNBREAKABLE.has(next.kind)) {
      // no page break may be asked for inside an unbreakable block: pdfmake would drop what follows it
      out.push({ stack: [writeBlock({ ...block, keepWithNext: false }, ctx), writeBlock(next, ctx)], unbreakable: true });
      i++;
    } else out.push(writeBlock(block, ctx));
  }
  return out;
}

/** The document's pdfmake sections: each plan section's blocks, page setup and numbering. */
function sectionWriter(plan: DocumentPlan): SectionWriter {
  return {
    content: (section, from, to, ctx) => sectionContent(plan.sections[section]!.blocks.slice(from, to), ctx),
    node: (index, content, numbering) => {
      const section = plan.sections[index]!;
      return {
        section: content,
        pageSize: pdfPageSize(section.page),
        pageOrientation: section.page.orientation,
        pageMargins: pdfMargins(section.page),
        header: numbering.header ?? null,
        footer: numbering.footer ?? null,
      };
    },
    pageBreakBefore: () => pageBreakHook(keepBreakBudget(planSize(plan))),
  };
}

/** Everything but the content: page setup of the first section and the metadata. */
function documentSettings(plan: DocumentPlan, options: PdfOptions): Omit<TDocumentDefinitions, "content"> {
  const first = plan.sections[0]!;
  const date = isoToUtcDate(plan.metadata.date);
  const { metadata } = plan;
  return {
    version: "1.7", // PDF-VERSION: ≥ 1.4 (pdfmake writes 1.3 by default)
    pageSize: pdfPageSize(first.page),
    pageMargins: pdfMargins(first.page),
    language: metadata.language,
    info: {
      title: metadata.title,
      author: metadata.author,
      subject: metadata.subject,
      keywords: metadata.keywords,
      creator: options.toolName,
      producer: `${options.toolName} (pdfmake)`,
      // REPRO: dates from the model, never the clock; pdfkit derives the file /ID from them
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { fontSize: plan.baseSizePt },
  };
}

/** The whole document as one pdfmake definition. */
export function pdfDefinition(plan: DocumentPlan, options: PdfOptions): TDocumentDefinitions {
  const writer = sectionWriter(plan);
  const numberings = sectionNumberings(plan.sections);
  const ctx = blockContext();
  return {
    ...documentSettings(plan, options),
    pageBreakBefore: writer.pageBreakBefore(),
    content: plan.sections.map((section, i) => writer.node(i, writer.content(i, 0, section.blocks.length, ctx), numberings[i]!)),
  };
}

export function writePdf(plan: DocumentPlan, fonts: FontBytes, options: PdfOptions): Promise<Uint8Array> {
  const chunked = chunkedDocument(plan, sectionWriter(plan), options.chunkRows ?? CHUNK_ROWS);
  if (!chunked) return renderPdf(pdfDefinition(plan, options), fonts, options.fastPaths);
  return renderChunkedPdf(documentSettings(plan, options), chunked, () => pdfDefinition(plan, options), fonts, options.fastPaths);
}
