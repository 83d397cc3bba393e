/** Worker thread: renders letters posted to it with its own pdfmake instance and parsed fonts. */
import { parentPort, workerData } from "node:worker_threads";
import type { LetterWording } from "../letters/templates.ts";
import { createRenderContext } from "../io/render-context.ts";
import type { AgencyAssignment } from "../model/assignments.ts";
import type { Decision, Profile } from "../model/schema.ts";
import type { AgencyDirectory } from "../resolve/directory-schema.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";

export interface LetterWorkerData {
  decision: Decision;
  profile: Profile;
  directory: AgencyDirectory;
  wording: LetterWording;
}
export interface LetterJob {
  index: number;
  assignment: AgencyAssignment;
}
export type LetterReply = { index: number; bytes: Uint8Array } | { index: number; error: string };

if (parentPort) {
  const port = parentPort;
  const data = workerData as LetterWorkerData;
  const ready = Promise.all([createRenderContext(data.profile, new AgencyResolver(data.directory)), import("../render/pdf/letter-pdf.ts")]);
  port.on("message", async (job: LetterJob) => {
    try {
      const [ctx, { renderLetterPdf }] = await ready;
      // A copy owns its whole ArrayBuffer, so it can be transferred (a pooled Buffer's cannot).
      const bytes = new Uint8Array(await renderLetterPdf(data.decision, job.assignment, ctx, data.wording));
      port.postMessage({ index: job.index, bytes } satisfies LetterReply, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ index: job.index, error: error instanceof Error ? error.message : String(error) } satisfies LetterReply);
    }
  });
}
