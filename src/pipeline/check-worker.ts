/**
 * Worker thread: checks the DOCX posted to it, or writes a posted plan as DOCX and checks that
 * (pipeline/layout-checker.ts), with its own parsed fonts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkDocx } from "../check/check-docx.ts";
import type { CheckReport } from "../check/report.ts";
import type { FontChoice } from "../io/fonts.ts";
import type { Profile } from "../model/schema.ts";
import type { DocumentPlan } from "../plan/nodes.ts";
import { collectGarbage } from "../write/collect-garbage.ts";
import { writeDocx } from "../write/docx/write-docx.ts";
import { createRenderContext } from "./render-context.ts";

export interface CheckWorkerData {
  profile: Profile;
  /** the font files the main thread chose: lines are measured with the faces the documents use */
  fonts: FontChoice;
  /** written as the DOCX's creator, as on the main thread */
  toolName: string;
}
/** A DOCX this large (a decision with an appendix of a few thousand rows; the seed's is 25 KB) is followed by a collection. */
const LARGE_DOCX_BYTES = 256 * 1024;

export type CheckTask = { kind: "check"; docx: Uint8Array } | { kind: "write"; plan: DocumentPlan };
export type CheckJob = { id: number } & CheckTask;
/** `docx`: the bytes a "write" job made */
export interface CheckAnswer {
  id: number;
  report: CheckReport;
  docx?: Uint8Array;
}
export type CheckReply = CheckAnswer | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  // as in cli/main.ts: bundled dependencies' deprecation warnings are not the clerk's to act on
  process.noDeprecation = true;
  const data = workerData as CheckWorkerData;
  const ready = createRenderContext(data.profile, { use: data.fonts });
  port.on("message", async (job: CheckJob) => {
    try {
      const { measurer } = await ready;
      // a copy that owns its whole ArrayBuffer, to be transferred (a pooled Buffer's cannot be)
      const docx = job.kind === "check" ? job.docx : new Uint8Array(await writeDocx(job.plan, { toolName: data.toolName }));
      // a long document's writing and reading leave hundreds of MB of garbage that V8 would let pile up
      // beside the main thread's work (collect-garbage.ts): let it go before the check and after it
      const large = docx.byteLength > LARGE_DOCX_BYTES;
      if (large) collectGarbage();
      const report = checkDocx(docx, { profile: data.profile, measurer });
      if (job.kind === "check") port.postMessage({ id: job.id, report } satisfies CheckReply);
      else port.postMessage({ id: job.id, report, docx } satisfies CheckReply, [docx.buffer as ArrayBuffer]);
      if (large) collectGarbage();
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies CheckReply);
    }
  });
}
