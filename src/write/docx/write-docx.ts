/**
 * Writes a document plan as DOCX, node by node. Pure: the same plan gives the same bytes (REPRO: the zip
 * entries and core properties are pinned to the document's date).
 */
import { Document, type Paragraph, type Table } from "docx";
import type { BlockNode, DocumentPlan } from "../../plan/nodes.ts";
import { zipPinned } from "../pin-zip.ts";
import { ROWS_PER_BATCH, TableBatches } from "./batched-tables.ts";
import { useFastAttributes } from "./fast-attributes.ts";
import { docxPackageParts, hasDocxCompiler } from "./package-parts.ts";
import { BLOCK_HANDLERS, type BlockContext } from "./blocks.ts";
import { sectionOptions, textWidthTwips } from "./section.ts";
import { documentStyles } from "./styles.ts";

export interface DocxOptions {
  /** written as the file's creator */
  toolName: string;
  /** the parts from docx's own zip instead of its compiler (package-parts.ts): the same bytes, slower */
  viaDocxZip?: boolean;
  /** rows of a long table built at once (batched-tables.ts): a memory knob, the same bytes for any value; Infinity builds every table whole */
  rowsPerBatch?: number;
}

useFastAttributes(true);

function writeBlock(block: BlockNode, ctx: BlockContext): (Paragraph | Table)[] {
  return (BLOCK_HANDLERS[block.kind] as (node: BlockNode, ctx: BlockContext) => (Paragraph | Table)[])(block, ctx);
}

export async function writeDocx(plan: DocumentPlan, options: DocxOptions): Promise<Uint8Array> {
  // without docx's compiler (or on the zip's path), no batch can be compiled on its own: every table is built whole
  const batches = hasDocxCompiler && !options.viaDocxZip ? new TableBatches(plan.font, options.rowsPerBatch ?? ROWS_PER_BATCH) : undefined;
  const sections = plan.sections.map((section, i) => {
    const ctx: BlockContext = { font: plan.font, textWidthTwips: textWidthTwips(section.page), ...(batches ? { tableSlots: batches.inSection(section) } : {}) };
    return sectionOptions(plan.font, section, i === 0, section.blocks.flatMap((block) => writeBlock(block, ctx)));
  });
  const { metadata } = plan;
  const document = new Document({
    title: metadata.title,
    subject: metadata.subject,
    creator: options.toolName,
    lastModifiedBy: options.toolName,
    keywords: metadata.keywords,
    description: metadata.description,
    revision: 1,
    styles: documentStyles(plan),
    sections,
  });
  return zipPinned(await docxPackageParts(document, options.viaDocxZip, batches && ((xml) => batches.fill(xml))), metadata.date);
}
