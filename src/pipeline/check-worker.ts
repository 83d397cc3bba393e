/** Worker thread: checks the DOCX posted to it (pipeline/layout-checker.ts) with its own parsed fonts. */
import { parentPort, workerData } from "node:worker_threads";
import { checkDocx } from "../check/check-docx.ts";
import { checkDiagnostics } from "../check/diagnostics.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FontChoice } from "../io/fonts.ts";
import type { Profile } from "../model/schema.ts";
import { createRenderContext } from "./render-context.ts";

export interface CheckWorkerData {
  profile: Profile;
  /** the font files the main thread chose: lines are measured with the faces the documents use */
  fonts: FontChoice;
}
export interface CheckJob {
  id: number;
  docx: Uint8Array;
  file: string;
}
export type CheckReply = { id: number; diagnostics: Diagnostic[] } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  // as in cli/main.ts: bundled dependencies' deprecation warnings are not the clerk's to act on
  process.noDeprecation = true;
  const data = workerData as CheckWorkerData;
  const ready = createRenderContext(data.profile, { use: data.fonts });
  port.on("message", async (job: CheckJob) => {
    try {
      const { measurer } = await ready;
      const diagnostics = checkDiagnostics(checkDocx(job.docx, { profile: data.profile, measurer }), job.file);
      port.postMessage({ id: job.id, diagnostics } satisfies CheckReply);
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies CheckReply);
    }
  });
}
