/**
 * Renders a document plan in the chosen formats: the decision (with its appendix) and each letter go through
 * the same plan, so their DOCX and PDF hold the same words in the same layout.
 */
import { checkDiagnostics } from "../check/diagnostics.ts";
import type { CheckReport } from "../check/report.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DocumentPlan } from "../plan/nodes.ts";
import type { RenderContext } from "../write/context.ts";
import type { OutputFormat } from "./formats.ts";

export type RenderedDocument = Partial<Record<OutputFormat, Uint8Array>>;

/** A DOCX written and checked elsewhere (the layout checker's thread: pipeline/layout-checker.ts). */
export interface CheckedDocx {
  docx: Uint8Array;
  /** the layout check's diagnostics, placed in the output file of that name */
  diagnosticsAt(name: string): Diagnostic[];
}
export type CheckedDocxWriter = (plan: DocumentPlan) => Promise<CheckedDocx>;

export const checkedDocxOf = (docx: Uint8Array, report: CheckReport): CheckedDocx => ({ docx, diagnosticsAt: (name) => checkDiagnostics(report, name) });

export interface RenderResult {
  files: RenderedDocument;
  /** the DOCX's layout check, when `checkedDocx` wrote it */
  checked?: CheckedDocx | undefined;
}

/** A render whose DOCX may still be being written elsewhere: `settle` waits for it. */
export interface PendingRender {
  files: RenderedDocument;
  formats: readonly OutputFormat[];
  elsewhere?: Promise<CheckedDocx> | undefined;
}

/**
 * With `checkedDocx`, the plan is handed to it before the PDF is written here, so that the DOCX is written
 * (and checked) on its thread meanwhile, and the caller may go on before it arrives (`settle`); the bytes
 * are the same either way (the writer is pure).
 */
export async function startRender(
  plan: DocumentPlan,
  ctx: RenderContext,
  formats: readonly OutputFormat[],
  checkedDocx?: CheckedDocxWriter,
): Promise<PendingRender> {
  const elsewhere = formats.includes("docx") && checkedDocx ? checkedDocx(plan) : undefined;
  // awaited by settle(); a failure must not count as unhandled meanwhile
  elsewhere?.catch(() => undefined);
  const files: RenderedDocument = {};
  if (formats.includes("docx") && !elsewhere) {
    const { writeDocx } = await import("../write/docx/write-docx.ts");
    files.docx = await writeDocx(plan, { toolName: ctx.toolName });
  }
  if (formats.includes("pdf")) {
    const { writePdf } = await import("../write/pdf/write-pdf.ts");
    files.pdf = await writePdf(plan, ctx.fonts, { toolName: ctx.toolName });
  }
  return { files, formats, elsewhere };
}

/** The render with its DOCX, in the order of its formats. */
export async function settle(render: PendingRender): Promise<RenderResult> {
  const checked = await render.elsewhere;
  const files: RenderedDocument = {};
  for (const format of render.formats) files[format] = format === "docx" ? (render.files.docx ?? checked?.docx) : render.files.pdf;
  return { files, checked };
}

export async function renderDocument(plan: DocumentPlan, ctx: RenderContext, formats: readonly OutputFormat[], checkedDocx?: CheckedDocxWriter): Promise<RenderResult> {
  return settle(await startRender(plan, ctx, formats, checkedDocx));
}
