/**
 * One benchmark case in its own process (so that peak memory is its own): builds a model into memory with
 * per-stage times and prints one JSON line. Usage: node dist/bench/run-case.js seed|synthetic <agencies> <tasks> [workers]
 */
import { OUTPUT_FORMATS } from "../pipeline/formats.ts";
import { readFile } from "node:fs/promises";
import { buildOutputs } from "../pipeline/build-outputs.ts";
import { createPacketRenderer } from "../pipeline/packet-renderer.ts";
import { DiscardingSink } from "../io/output-sink.ts";
import { importSource } from "../recognize/import-source.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { parseModel } from "../io/model-file.ts";
import { createRenderContext } from "../pipeline/render-context.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";
import { validateDecision } from "../validate/validate-decision.ts";
import { syntheticModel } from "./synthetic-model.ts";

export interface CaseResult {
  name: string;
  agencies: number;
  tasks: number;
  letters: number;
  files: number;
  bytes: number;
  stagesMs: Record<string, number>;
  totalMs: number;
  peakRssMb: number;
}

const ms = (start: number) => performance.now() - start;

async function main(): Promise<void> {
  const [kind = "seed", agencyArg = "0", taskArg = "0", workers = "auto"] = process.argv.slice(2);
  const stages: Record<string, number> = {};
  const started = performance.now();
  const { env } = await loadValidationEnv();
  let t = performance.now();
  const imported = importSource(new Uint8Array(await readFile("seeds/qd-503-2013.txt")), "seed.txt", env!);
  stages.import = ms(t);
  t = performance.now();
  const loaded = parseModel(await readFile("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml");
  let decision = loaded.decision!;
  let resolver = env!.resolver;
  if (kind === "synthetic") {
    const model = syntheticModel(imported.decision!, { agencies: Number(agencyArg), tasks: Number(taskArg) });
    decision = model.decision;
    resolver = new AgencyResolver(model.directory);
  }
  validateDecision(decision, { resolver, knownTypos: env!.knownTypos });
  stages.validate = ms(t);
  t = performance.now();
  const resolved = resolveDecision(decision, resolver);
  stages.resolve = ms(t);
  const ctx = await createRenderContext(decision.profile);
  const { renderer } = await createPacketRenderer(ctx, { workers });
  const sink = new DiscardingSink();
  const result = await buildOutputs(resolved, ctx, sink, { documents: true, formats: OUTPUT_FORMATS, packets: renderer!, toolVersion: "bench" });
  await renderer!.close();
  Object.assign(stages, result.times);
  const totalMs = ms(started);
  const out: CaseResult = {
    name: kind === "seed" ? "seed" : `${agencyArg} agencies × ${taskArg} tasks`,
    agencies: resolved.assignments.length,
    tasks: resolved.tasks.length,
    letters: result.assignments.length,
    files: result.entries.length,
    bytes: result.entries.reduce((n, e) => n + e.bytes, 0),
    stagesMs: stages,
    totalMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
