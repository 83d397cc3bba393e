/** One agency's packet files (letter in each format + its workbook), rendered the same way in the main thread and in a worker. */
import { composeLetterText, requireLetters } from "../letters/letter-text.ts";
import type { LetterWording } from "../letters/templates.ts";
import { composeLetterPlan } from "../plan/letter.ts";
import type { AgencyAssignment, ResolvedDecision } from "../resolve/resolve-decision.ts";
import type { RenderContext } from "../write/context.ts";
import type { OutputFormat } from "./formats.ts";
import { renderDocument, type RenderedDocument } from "./render-documents.ts";

export interface PacketFiles {
  letter: RenderedDocument;
  workbook: Uint8Array;
}

export async function renderPacketFiles(
  resolved: ResolvedDecision,
  assignment: AgencyAssignment,
  ctx: RenderContext,
  wording: LetterWording,
  formats: readonly OutputFormat[],
): Promise<PacketFiles> {
  const { renderAgencyXlsx } = await import("../write/xlsx/appendix-xlsx.ts");
  const text = composeLetterText(resolved, assignment, wording);
  const plan = composeLetterPlan(resolved, requireLetters(resolved.decision), assignment, text, ctx.layout, ctx.measurer);
  return { letter: await renderDocument(plan, ctx, formats), workbook: await renderAgencyXlsx(resolved, ctx, assignment.agency.id) };
}
