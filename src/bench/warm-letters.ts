/** Warm per-letter time: render every seed letter once to warm up, then again, timed, in this thread. */
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
let start = performance.now();
for (const a of assignments) await renderLetterPdf(decision, a, ctx, wording);
const coldMs = performance.now() - start;
start = performance.now();
for (const a of assignments) await renderLetterPdf(decision, a, ctx, wording);
const warmMs = performance.now() - start;
process.stdout.write(`${JSON.stringify({ letters: assignments.length, firstPassMs: coldMs, warmMsPerLetter: warmMs / assignments.length })}\n`);
