/** Worker thread: renders the packets posted to it with its own pdfmake, exceljs and parsed fonts. */
import { parentPort, workerData } from "node:worker_threads";
import type { LetterWording } from "../letters/templates.ts";
import { renderPacketFiles, type PacketFiles } from "./packet-render.ts";
import { createRenderContext } from "./render-context.ts";
import type { AgencyAssignment } from "../resolve/assignments.ts";
import type { Decision, Profile } from "../model/schema.ts";
import type { AgencyDirectory } from "../resolve/directory-schema.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";

export interface PacketWorkerData {
  decision: Decision;
  profile: Profile;
  directory: AgencyDirectory;
  wording: LetterWording;
}
export interface PacketJob {
  index: number;
  assignment: AgencyAssignment;
}
export type PacketReply = { index: number; files: PacketFiles } | { index: number; error: string };

if (parentPort) {
  const port = parentPort;
  const data = workerData as PacketWorkerData;
  const ready = createRenderContext(data.profile, new AgencyResolver(data.directory));
  port.on("message", async (job: PacketJob) => {
    try {
      const rendered = await renderPacketFiles(data.decision, job.assignment, await ready, data.wording);
      // Copies own their whole ArrayBuffers, so they can be transferred (a pooled Buffer's cannot).
      const files = { letter: new Uint8Array(rendered.letter), workbook: new Uint8Array(rendered.workbook) };
      port.postMessage({ index: job.index, files } satisfies PacketReply, [files.letter.buffer, files.workbook.buffer]);
    } catch (error) {
      port.postMessage({ index: job.index, error: error instanceof Error ? error.message : String(error) } satisfies PacketReply);
    }
  });
}
