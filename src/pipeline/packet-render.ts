/** One agency's packet files, rendered the same way in the main thread and in a worker. */
import type { LetterWording } from "../letters/templates.ts";
import type { AgencyAssignment } from "../resolve/assignments.ts";
import type { Decision } from "../model/schema.ts";
import type { RenderContext } from "../write/context.ts";

export interface PacketFiles {
  letter: Uint8Array;
  workbook: Uint8Array;
}

export async function renderPacketFiles(decision: Decision, assignment: AgencyAssignment, ctx: RenderContext, wording: LetterWording): Promise<PacketFiles> {
  const [{ renderLetterPdf }, { renderAgencyXlsx }] = await Promise.all([
    import("../write/pdf/letter-pdf.ts"),
    import("../write/xlsx/appendix-xlsx.ts"),
  ]);
  return {
    letter: await renderLetterPdf(decision, assignment, ctx, wording),
    workbook: await renderAgencyXlsx(decision, ctx, assignment.agency.id),
  };
}
