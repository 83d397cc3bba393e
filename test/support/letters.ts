/** Letters through their plan, as the pipeline renders them. */
import { composeLetterText, requireLetters } from "../../src/letters/letter-text.ts";
import type { LetterWording } from "../../src/letters/templates.ts";
import { composeLetterPlan } from "../../src/plan/letter.ts";
import type { DocumentPlan } from "../../src/plan/nodes.ts";
import type { AgencyAssignment, ResolvedDecision } from "../../src/resolve/resolve-decision.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import type { PdfRenderOptions } from "../../src/write/pdf/pdfmake-runtime.ts";
import { writePdf } from "../../src/write/pdf/write-pdf.ts";

export function letterPlan(resolved: ResolvedDecision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): DocumentPlan {
  const text = composeLetterText(resolved, assignment, wording);
  return composeLetterPlan(resolved, requireLetters(resolved.decision), assignment, text, ctx.layout, ctx.measurer);
}

/** `fastPaths`: the PDF runtime's, set off to compare the bytes without them */
export const renderLetterPdf = async (resolved: ResolvedDecision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording, fastPaths?: PdfRenderOptions): Promise<Uint8Array> =>
  writePdf(letterPlan(resolved, assignment, ctx, wording), ctx.fonts, { toolName: ctx.toolName, fastPaths });

export const renderLetterDocx = async (resolved: ResolvedDecision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): Promise<Uint8Array> =>
  writeDocx(letterPlan(resolved, assignment, ctx, wording), { toolName: ctx.toolName });
