/** One agency's packet files (letter in each format + its workbook), rendered the same way in the main thread and in a worker. */
import { composeLetterText, requireLetters } from "../letters/letter-text.ts";
import type { LetterWording } from "../letters/templates.ts";
import { composeLetterPlan } from "../plan/letter.ts";
import type { AgencyAssignment, ResolvedDecision } from "../resolve/resolve-decision.ts";
import type { RenderContext } from "../write/context.ts";
import type { OutputFormat } from "./formats.ts";
import { settle, startRender, type CheckedDocx, type CheckedDocxWriter, type PendingRender, type RenderedDocument } from "./render-documents.ts";

export interface PacketFiles {
  letter: RenderedDocument;
  workbook: Uint8Array;
  /** the letter DOCX's layout check, when `checkedDocx` wrote it (never from a packet worker) */
  checked?: CheckedDocx | undefined;
}

/** A packet whose letter DOCX may still be being written on the checker's thread. */
export interface PendingPacket {
  letter: PendingRender;
  workbook: Uint8Array;
}

/**
 * Renders a packet's files; with `checkedDocx` the letter's DOCX is written elsewhere and the packet is
 * complete only once `settlePacket` has it, so that this thread can go on to the next letter meanwhile.
 */
export async function startPacket(
  resolved: ResolvedDecision,
  assignment: AgencyAssignment,
  ctx: RenderContext,
  wording: LetterWording,
  formats: readonly OutputFormat[],
  checkedDocx?: CheckedDocxWriter,
): Promise<PendingPacket> {
  const { renderAgencyXlsx } = await import("../write/xlsx/appendix-xlsx.ts");
  const text = composeLetterText(resolved, assignment, wording);
  const plan = composeLetterPlan(resolved, requireLetters(resolved.decision), assignment, text, ctx.layout, ctx.measurer);
  const letter = await startRender(plan, ctx, formats, checkedDocx);
  return { letter, workbook: await renderAgencyXlsx(resolved, ctx, assignment.agency.id) };
}

export async function settlePacket(packet: PendingPacket): Promise<PacketFiles> {
  const letter = await settle(packet.letter);
  return { letter: letter.files, workbook: packet.workbook, checked: letter.checked };
}

export async function renderPacketFiles(
  resolved: ResolvedDecision,
  assignment: AgencyAssignment,
  ctx: RenderContext,
  wording: LetterWording,
  formats: readonly OutputFormat[],
): Promise<PacketFiles> {
  return settlePacket(await startPacket(resolved, assignment, ctx, wording, formats));
}
