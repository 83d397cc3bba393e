/** Letters through their plan, as the pipeline renders them. */
import { composeLetterText, requireLetters } from "../../src/letters/letter-text.ts";
import type { LetterWording } from "../../src/letters/templates.ts";
import type { Decision } from "../../src/model/schema.ts";
import { composeLetterPlan } from "../../src/plan/letter.ts";
import type { DocumentPlan } from "../../src/plan/nodes.ts";
import type { AgencyAssignment } from "../../src/resolve/assignments.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import { writePdf } from "../../src/write/pdf/write-pdf.ts";

export function letterPlan(decision: Decision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): DocumentPlan {
  const text = composeLetterText(decision, assignment, wording, ctx.resolver.byId);
  return composeLetterPlan(decision, requireLetters(decision), assignment, text, ctx.layout, ctx.measurer);
}

export const renderLetterPdf = async (decision: Decision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): Promise<Uint8Array> =>
  writePdf(letterPlan(decision, assignment, ctx, wording), ctx.fonts, { toolName: ctx.toolName });

export const renderLetterDocx = async (decision: Decision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): Promise<Uint8Array> =>
  writeDocx(letterPlan(decision, assignment, ctx, wording), { toolName: ctx.toolName });
