/**
 * Writes a document plan as PDF with pdfmake, node by node: one pdfmake section per plan section (its own
 * page size, orientation and numbering). Pure: fonts arrive as bytes and every date comes from the plan, so
 * the same plan gives the same bytes (REPRO). PDF-VERSION 1.7; PDF-FONTS: the faces are embedded as subsets.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { FontBytes } from "../../layout/font-bytes.ts";
import { isoToUtcDate } from "../../model/dates.ts";
import type { BlockNode, DocumentPlan } from "../../plan/nodes.ts";
import { BLOCK_HANDLERS, type PdfBlockContext } from "./blocks.ts";
import { keepBreakBudget, pageBreakHook } from "./keep-with-next.ts";
import { pdfMargins, pdfPageSize, sectionNumberings } from "./page-numbers.ts";
import { renderPdf } from "./pdfmake-runtime.ts";

export interface PdfOptions {
  /** written as the file's creator and producer */
  toolName: string;
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

export function pdfDefinition(plan: DocumentPlan, options: PdfOptions): TDocumentDefinitions {
  const numberings = sectionNumberings(plan.sections);
  let tables = 0;
  const ctx: PdfBlockContext = { nextTableSerial: () => tables++ };
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
    pageBreakBefore: pageBreakHook(keepBreakBudget(planSize(plan))),
    content: plan.sections.map((section, i) => ({
      section: sectionContent(section.blocks, ctx),
      pageSize: pdfPageSize(section.page),
      pageOrientation: section.page.orientation,
      pageMargins: pdfMargins(section.page),
      header: numberings[i]!.header ?? null,
      footer: numberings[i]!.footer ?? null,
    })),
  };
}

export function writePdf(plan: DocumentPlan, fonts: FontBytes, options: PdfOptions): Promise<Uint8Array> {
  return renderPdf(pdfDefinition(plan, options), fonts);
}
