/**
 * Warm per-letter time: render every seed letter once to warm up, then three more passes, timed, in this
 * thread; the median pass counts (this machine's timings vary by ±15 % from run to run).
 */
import { readFile } from "node:fs/promises";
import { loadValidationEnv } from "../io/environment.ts";
import { parseModel } from "../io/model-file.ts";
import { createRenderContext } from "../io/render-context.ts";
import { loadLetterWording } from "../letters/templates.ts";
import { listAssignments } from "../model/assignments.ts";
import { renderLetterPdf } from "../render/pdf/letter-pdf.ts";

const { env } = await loadValidationEnv();
const decision = parseModel(await readFile("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml").decision!;
const ctx = await createRenderContext(decision.profile, env!.resolver);
const wording = await loadLetterWording();
const assignments = listAssignments(decision.appendix!, env!.resolver);
/** pdfkit writes one "/Type /Page" dictionary per page (and "/Type /Pages" once). */
const pageCount = (pdf: Uint8Array) => Buffer.from(pdf).toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

let pages = 0;
let start = performance.now();
for (const a of assignments) pages += pageCount(await renderLetterPdf(decision, a, ctx, wording));
const coldMs = performance.now() - start;
const passesMs: number[] = [];
for (let pass = 0; pass < 3; pass++) {
  start = performance.now();
  for (const a of assignments) await renderLetterPdf(decision, a, ctx, wording);
  passesMs.push(performance.now() - start);
}
const warmMs = passesMs.sort((a, b) => a - b)[1]!;
process.stdout.write(
  `${JSON.stringify({ letters: assignments.length, pages, firstPassMs: coldMs, warmMsPerLetter: warmMs / assignments.length, warmMsPerPage: warmMs / pages })}\n`,
);
