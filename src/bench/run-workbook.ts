/**
 * The appendix workbook alone at scale, in its own process for a clean peak-memory reading.
 * Usage: node dist/bench/run-workbook.js <agencies> <tasks>; prints one JSON line.
 */
import { readFile } from "node:fs/promises";
import { parseModel } from "../io/model-file.ts";
import { createRenderContext } from "../pipeline/render-context.ts";
import { renderAppendixXlsx } from "../write/xlsx/appendix-xlsx.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";
import { syntheticModel } from "./synthetic-model.ts";

const [agencies = "40", tasks = "10000"] = process.argv.slice(2);
const seed = parseModel(await readFile("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml").decision!;
const model = syntheticModel(seed, { agencies: Number(agencies), tasks: Number(tasks) });
const ctx = await createRenderContext(seed.profile);
const start = performance.now();
const bytes = await renderAppendixXlsx(resolveDecision(model.decision, new AgencyResolver(model.directory)), ctx);
process.stdout.write(
  `${JSON.stringify({ name: `workbook, ${agencies} agencies × ${tasks} tasks`, ms: performance.now() - start, bytes: bytes.byteLength, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
