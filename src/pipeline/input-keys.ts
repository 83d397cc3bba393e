/**
 * Fingerprints of what each output unit is made from, for incremental builds. A unit whose fingerprint is
 * unchanged since the last build is copied from it instead of rendered. The view must hold everything the
 * renderers of that unit read; it may hold more (that only costs a rebuild).
 */
import { ownPacketView, sharedPacketView } from "../resolve/assignments.ts";
import type { AgencyAssignment, ResolvedDecision } from "../resolve/resolve-decision.ts";
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
export function documentsKey(resolved: ResolvedDecision, k: KeyContext): string {
  return sha256(JSON.stringify({ decision: resolved.decision, directory: resolved.directory, profile: k.ctx.layout.id, formats: k.formats, fonts: fontFingerprint(k.ctx.fonts), tool: k.toolVersion }));
}

/** The digest of the packets' shared view, once per resolved model (it holds the whole decision's text). */
const sharedDigests = new WeakMap<ResolvedDecision, string>();
function sharedDigest(resolved: ResolvedDecision): string {
  let digest = sharedDigests.get(resolved);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(sharedPacketView(resolved)));
    sharedDigests.set(resolved, digest);
  }
  return digest;
}

/** A packet (letter + the agency's workbook) reads its packet views (resolve/assignments.ts) and the wording. */
export function packetKey(resolved: ResolvedDecision, assignment: AgencyAssignment, k: KeyContext): string {
  return sha256(
    JSON.stringify({
      shared: sharedDigest(resolved),
      ...ownPacketView(resolved, assignment),
      wording: k.wording,
      profile: k.ctx.layout.id,
      // Times New Roman or Tinos, whichever this machine gave: measured and embedded
      fonts: fontFingerprint(k.ctx.fonts),
      tool: k.toolVersion,
    }),
  );
}
