/**
 * Fingerprints of what each output unit is made from, for incremental builds. A unit whose fingerprint is
 * unchanged since the last build is copied from it instead of rendered. The view must hold everything the
 * renderers of that unit read; it may hold more (that only costs a rebuild).
 */
import { assignmentView, type AgencyAssignment } from "../resolve/assignments.ts";
import type { Decision } from "../model/schema.ts";
import type { RenderContext } from "../write/context.ts";
import { sha256 } from "./manifest.ts";
import { fontFingerprint } from "../io/fonts.ts";

export const DOCUMENTS_UNIT = "documents";
export const packetUnit = (agencyId: string) => `packet:${agencyId}`;

export interface KeyContext {
  ctx: RenderContext;
  toolVersion: string;
  /** fingerprint of the letter wording (templates) */
  wording: string;
  formats: readonly string[];
}

/** The decision DOCX and the whole workbook read the whole model and the directory (agency names). */
export function documentsKey(decision: Decision, k: KeyContext): string {
  return sha256(JSON.stringify({ decision, directory: k.ctx.resolver.directory, profile: k.ctx.layout.id, formats: k.formats, fonts: fontFingerprint(k.ctx.fonts), tool: k.toolVersion }));
}

/**
 * A packet (letter + the agency's workbook) reads the decision's header parts, the appendix's title block
 * and columns, only this agency's tasks with their groups' numeral and title, and the directory name of the
 * agency reports go through ("qua Sở Nội vụ").
 */
export function packetKey(decision: Decision, assignment: AgencyAssignment, k: KeyContext): string {
  const header = { ...decision, appendix: decision.appendix ? { ...decision.appendix, groups: undefined } : undefined };
  const reportVia = decision.letters?.reportVia;
  return sha256(
    JSON.stringify({
      header,
      reportViaName: reportVia === undefined ? undefined : k.ctx.resolver.byId.get(reportVia)?.name,
      ...assignmentView(assignment),
      wording: k.wording,
      profile: k.ctx.layout.id,
      // Times New Roman or Tinos, whichever this machine gave: measured and embedded
      fonts: fontFingerprint(k.ctx.fonts),
      tool: k.toolVersion,
    }),
  );
}
