/**
 * Warm per-letter time: render every seed letter once to warm up, then seven more passes, timed, in this
 * thread; the median pass counts (this machine's timings of the same pass vary by a third from run to run).
 * For scale, the same words are also rendered as plain paragraphs (no header grid, no tables): what pdfmake
 * needs for the text alone.
 */
import { readFile } from "node:fs/promises";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { parseModel } from "../io/model-file.ts";
import { createRenderContext } from "../pipeline/render-context.ts";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { composeLetterText } from "../letters/letter-text.ts";
import { loadLetterWording } from "../io/templates.ts";
import { resolveDecision, type AgencyAssignment } from "../resolve/resolve-decision.ts";
import { renderPdf } from "../write/pdf/pdfmake-runtime.ts";
import { writePdf } from "../write/pdf/write-pdf.ts";
import { composeLetterPlan } from "../plan/letter.ts";

const { env } = await loadValidationEnv();
const decision = parseModel(await readFile("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml").decision!;
const ctx = await createRenderContext(decision.profile);
const wording = await loadLetterWording();
const resolved = resolveDecision(decision, env!.resolver);
const { assignments } = resolved;
/** pdfkit writes one "/Type /Page" dictionary per page (and "/Type /Pages" once). */
const pageCount = (pdf: Uint8Array) => Buffer.from(pdf).toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

/** A letter's words as plain paragraphs: the text, one paragraph per table row, at the body size. */
function plainText(assignment: AgencyAssignment): TDocumentDefinitions {
  const text = composeLetterText(resolved, assignment, wording);
  const rows = (tasks: AgencyAssignment["lead"]) =>
    tasks.map(({ ref, task }) => [ref, task.content, task.product, task.lead, task.support, task.deadline].join(" "));
  const paragraphs = [text.opening, text.leadIntro, ...rows(assignment.lead), text.supportIntro, ...rows(assignment.support), text.closing];
  return { pageSize: "A4", defaultStyle: { fontSize: ctx.layout.body.sizePt }, content: paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 6] })) };
}

const PASSES = 7;

async function medianPassMs(render: (a: AgencyAssignment) => Promise<unknown>): Promise<number> {
  const passesMs: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (const a of assignments) await render(a);
    passesMs.push(performance.now() - start);
  }
  return passesMs.sort((a, b) => a - b)[(PASSES - 1) / 2]!;
}

const letterPlan = (a: AgencyAssignment) => composeLetterPlan(resolved, decision.letters!, a, composeLetterText(resolved, a, wording), ctx.layout, ctx.measurer);
const renderLetterPdf = (a: AgencyAssignment) => writePdf(letterPlan(a), ctx.fonts, { toolName: "bench" });
let pages = 0;
let start = performance.now();
for (const a of assignments) pages += pageCount(await renderLetterPdf(a));
const coldMs = performance.now() - start;
const warmMs = await medianPassMs(renderLetterPdf);
const plainDefinitions = new Map(assignments.map((a) => [a, plainText(a)]));
for (const a of assignments) await renderPdf(plainDefinitions.get(a)!, ctx.fonts);
const plainMs = await medianPassMs((a) => renderPdf(plainDefinitions.get(a)!, ctx.fonts));
process.stdout.write(
  `${JSON.stringify({ letters: assignments.length, pages, firstPassMs: coldMs, warmMsPerLetter: warmMs / assignments.length, warmMsPerPage: warmMs / pages, plainTextMsPerLetter: plainMs / assignments.length })}\n`,
);
