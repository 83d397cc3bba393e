/**
 * The decision alone at scale in one format, in its own process for a clean peak-memory reading: its appendix
 * table is written in parts (DOCX: write/docx/batched-tables.ts; PDF: write/pdf/chunks.ts).
 * Usage: node dist/bench/run-decision-file.js <docx|pdf> <agencies> <tasks>; prints one JSON line.
 */
import { readFile } from "node:fs/promises";
import { parseModel } from "../io/model-file.ts";
import { createRenderContext } from "../pipeline/render-context.ts";
import { composeDecisionPlan } from "../plan/decision.ts";
import { writeDocx } from "../write/docx/write-docx.ts";
import { writePdf } from "../write/pdf/write-pdf.ts";
import { syntheticModel } from "./synthetic-model.ts";

const [format = "docx", agencies = "1000", tasks = "10000"] = process.argv.slice(2);
const seed = parseModel(await readFile("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml").decision!;
const { decision } = syntheticModel(seed, { agencies: Number(agencies), tasks: Number(tasks) });
const ctx = await createRenderContext(seed.profile);
const plan = composeDecisionPlan(decision, ctx.layout, ctx.measurer);
const megabytes = (bytes: number) => bytes / 2 ** 20;
// what the model and its plan hold before the writer starts
const rssBeforeMb = megabytes(process.memoryUsage().rss);
const start = performance.now();
const bytes = format === "pdf" ? await writePdf(plan, ctx.fonts, { toolName: "bench" }) : await writeDocx(plan, { toolName: "bench" });
const name = `decision ${format.toUpperCase()} at ${Number(tasks).toLocaleString("en")} tasks`;
process.stdout.write(`${JSON.stringify({ name, ms: performance.now() - start, bytes: bytes.byteLength, rssBeforeMb, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
