/**
 * Renders a document plan in the chosen formats: the decision (with its appendix) and each letter go through
 * the same plan, so their DOCX and PDF hold the same words in the same layout.
 */
import type { DocumentPlan } from "../plan/nodes.ts";
import type { RenderContext } from "../write/context.ts";
import type { OutputFormat } from "./formats.ts";

export type RenderedDocument = Partial<Record<OutputFormat, Uint8Array>>;

export async function renderDocument(plan: DocumentPlan, ctx: RenderContext, formats: readonly OutputFormat[]): Promise<RenderedDocument> {
  const out: RenderedDocument = {};
  if (formats.includes("docx")) {
    const { writeDocx } = await import("../write/docx/write-docx.ts");
    out.docx = await writeDocx(plan, { toolName: ctx.toolName });
  }
  if (formats.includes("pdf")) {
    const { writePdf } = await import("../write/pdf/write-pdf.ts");
    out.pdf = await writePdf(plan, ctx.fonts, { toolName: ctx.toolName });
  }
  return out;
}
