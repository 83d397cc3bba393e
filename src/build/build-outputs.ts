/**
 * Renders every output of a model: the decision DOCX, the appendix XLSX and, per agency that must act,
 * a packet (letter PDF + its workbook + manifest), handing each file to a sink as soon as it exists.
 * Nothing here touches the disk; the CLI's sink is an atomic output folder. Renderers are imported
 * lazily: exceljs alone costs ~450 ms to load.
 */
import { listAssignments, type AgencyAssignment } from "../model/assignments.ts";
import type { Decision } from "../model/schema.ts";
import type { RenderContext } from "../render/context.ts";
import type { LetterRenderer, Progress } from "./letters.ts";
import { manifestBytes, manifestEntryOf, sortEntries, type ManifestEntry } from "./manifest.ts";
import { ManifestingSink, type OutputSink } from "./output-sink.ts";
import {
  agencySlugs,
  agencyXlsxName,
  appendixXlsxName,
  decisionDocxName,
  letterPdfName,
  MANIFEST_NAME,
  PACKETS_DIR,
} from "./output-names.ts";

export interface BuildOptions {
  /** only these agency ids get packets; undefined = all */
  agencies?: readonly string[];
  /** false = packets only (used with --agency) */
  documents: boolean;
  letters: LetterRenderer;
  onProgress?: Progress;
}

export type StageTimes = Record<string, number>;

export interface BuildResult {
  /** every file written, sorted by path */
  entries: ManifestEntry[];
  assignments: AgencyAssignment[];
  /** packet folder per agency id */
  packetDirs: Map<string, string>;
  times: StageTimes;
}

async function timed<T>(times: StageTimes, stage: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    times[stage] = (times[stage] ?? 0) + performance.now() - start;
  }
}

export async function buildOutputs(decision: Decision, ctx: RenderContext, sink: OutputSink, options: BuildOptions): Promise<BuildResult> {
  const out = new ManifestingSink(sink);
  const times: StageTimes = {};
  const [{ renderDecisionDocx }, { renderAppendixXlsx, renderAgencyXlsx }] = await Promise.all([
    import("../render/docx/decision-docx.ts"),
    import("../render/xlsx/appendix-xlsx.ts"),
  ]);
  const all = decision.appendix ? listAssignments(decision.appendix, ctx.resolver) : [];
  const slugs = agencySlugs(all.map((a) => a.agency));
  const chosen = options.agencies ? all.filter((a) => options.agencies!.includes(a.agency.id)) : all;
  // Letters may run on worker threads while this thread renders the DOCX and the workbooks.
  const letters = timed(times, "letters", () => options.letters.render(decision, chosen, options.onProgress));
  // Its failure is reported where it is awaited, below; until then it must not count as unhandled.
  letters.catch(() => undefined);
  if (options.documents) {
    await out.write(decisionDocxName(decision), await timed(times, "docx", () => renderDecisionDocx(decision, ctx)));
    if (decision.appendix) await out.write(appendixXlsxName(decision), await timed(times, "xlsx", () => renderAppendixXlsx(decision, ctx)));
  }
  const workbooks: Uint8Array[] = [];
  for (const assignment of chosen) workbooks.push(await timed(times, "packets", () => renderAgencyXlsx(decision, ctx, assignment.agency.id)));
  const pdfs = await letters;
  const packetDirs = new Map<string, string>();
  for (const [i, assignment] of chosen.entries()) {
    const slug = slugs.get(assignment.agency.id)!;
    const dir = `${PACKETS_DIR}/${slug}`;
    packetDirs.set(assignment.agency.id, dir);
    const packet: [string, Uint8Array][] = [
      [letterPdfName(slug), pdfs[i]!],
      [agencyXlsxName(slug), workbooks[i]!],
    ];
    const manifest = {
      agency: { id: assignment.agency.id, name: assignment.agency.name },
      document: `${decision.document.number}/${decision.document.symbol}`,
      lead: assignment.lead.map((t) => t.ref),
      support: assignment.support.map((t) => t.ref),
      files: packet.map(([name, data]) => manifestEntryOf(name, data)),
    };
    packet.push([MANIFEST_NAME, manifestBytes(manifest)]);
    for (const [name, data] of packet) await out.write(`${dir}/${name}`, data);
  }
  return { entries: sortEntries(out.entries), assignments: chosen, packetDirs, times };
}

/** The overall manifest: every file with its SHA-256, the model's hash and what built it. */
export function buildManifest(decision: Decision, entries: readonly ManifestEntry[], meta: { modelSha256: string; toolVersion: string }) {
  return {
    document: `${decision.document.number}/${decision.document.symbol} ${decision.document.date}`,
    profile: decision.profile,
    modelSha256: meta.modelSha256,
    tool: `vanban ${meta.toolVersion}`,
    files: entries,
  };
}
