/** Worker thread: renders the packets posted to it with its own pdfmake, exceljs and parsed fonts. */
import { parentPort, workerData } from "node:worker_threads";
import type { LetterWording } from "../letters/templates.ts";
import type { OutputFormat } from "./formats.ts";
import { renderPacketFiles, type PacketFiles } from "./packet-render.ts";
import { createRenderContext } from "./render-context.ts";
import type { FontChoice } from "../io/fonts.ts";
import type { Decision, Profile } from "../model/schema.ts";
import type { AgencyDirectory } from "../resolve/directory-schema.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";

export interface PacketWorkerData {
  decision: Decision;
  profile: Profile;
  directory: AgencyDirectory;
  wording: LetterWording;
  formats: OutputFormat[];
  /** the font files the main thread chose: every thread embeds and measures the same faces */
  fonts: FontChoice;
}
/** Each thread resolves the model itself (resolution is pure): a job names only the agency. */
export interface PacketJob {
  index: number;
  agencyId: string;
}
export type PacketReply = { index: number; files: PacketFiles } | { index: number; error: string };

if (parentPort) {
  const port = parentPort;
  // as in cli/main.ts: bundled dependencies' deprecation warnings are not the clerk's to act on
  process.noDeprecation = true;
  const data = workerData as PacketWorkerData;
  const ready = createRenderContext(data.profile, { use: data.fonts });
  const resolved = resolveDecision(data.decision, new AgencyResolver(data.directory));
  const assignments = new Map(resolved.assignments.map((a) => [a.agency.id, a]));
  port.on("message", async (job: PacketJob) => {
    try {
      const rendered = await renderPacketFiles(resolved, assignments.get(job.agencyId)!, await ready, data.wording, data.formats);
      // Copies own their whole ArrayBuffers, so they can be transferred (a pooled Buffer's cannot).
      const own = (bytes: Uint8Array) => new Uint8Array(bytes);
      const letter = Object.fromEntries(Object.entries(rendered.letter).map(([format, bytes]) => [format, own(bytes)]));
      const files: PacketFiles = { letter, workbook: own(rendered.workbook) };
      const transfer = [...Object.values(letter), files.workbook].map((bytes) => bytes.buffer as ArrayBuffer);
      port.postMessage({ index: job.index, files } satisfies PacketReply, transfer);
    } catch (error) {
      port.postMessage({ index: job.index, error: error instanceof Error ? error.message : String(error) } satisfies PacketReply);
    }
  });
}
