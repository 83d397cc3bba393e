/**
 * Incremental rebuild benchmark: a full build into a temporary folder, then the same model with one task's
 * deadline moved. Prints one JSON line. Usage: node dist/bench/run-incremental.js seed | synthetic <agencies> <tasks>
 */
import { OUTPUT_FORMATS } from "../pipeline/formats.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPacketRenderer } from "../pipeline/packet-renderer.ts";
import { buildToFolder } from "../pipeline/build-folder.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { parseModel, serializeModel } from "../io/model-file.ts";
import { createRenderContext } from "../pipeline/render-context.ts";
import type { Decision, Group, Row } from "../model/schema.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";
import { syntheticModel } from "./synthetic-model.ts";

const [kind = "seed", agencies = "0", tasks = "0"] = process.argv.slice(2);
const { env } = await loadValidationEnv();
let decision = parseModel(await readFile("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml").decision!;
let resolver = env!.resolver;
if (kind === "synthetic") {
  const model = syntheticModel(decision, { agencies: Number(agencies), tasks: Number(tasks) });
  decision = model.decision;
  resolver = new AgencyResolver(model.directory);
}
const ctx = await createRenderContext(decision.profile);
const { renderer } = await createPacketRenderer(ctx, { workers: "auto" });
const target = join(mkdtempSync(join(tmpdir(), "vanban-incremental-")), "doc");
const build = async (model: Decision) => {
  const start = performance.now();
  const result = await buildToFolder(resolveDecision(model, resolver), resolver, ctx, renderer!, { target, source: serializeModel(model, join(target, "model.yaml")), toolVersion: "bench", formats: OUTPUT_FORMATS });
  return { ms: performance.now() - start, reused: result.reused.length, units: Object.keys(result.units).length, stagesMs: result.times };
};
const full = await build(decision);
const edited = structuredClone(decision);
const lastGroup = edited.appendices[0]!.items.at(-1) as Group;
(lastGroup.items.at(-1) as Row).deadline = "Quý IV";
const oneEdit = await build(edited);
await renderer!.close();
rmSync(join(target, ".."), { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ name: kind === "seed" ? "seed" : `${agencies} agencies × ${tasks} tasks`, fullMs: full.ms, oneEditMs: oneEdit.ms, ratio: oneEdit.ms / full.ms, unitsReused: oneEdit.reused, units: oneEdit.units, oneEditStagesMs: oneEdit.stagesMs })}\n`);
