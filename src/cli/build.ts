import { basename, join } from "node:path";
import { buildManifest, buildOutputs, type BuildResult, type StageTimes } from "../build/build-outputs.ts";
import { createLetterRenderer } from "../build/letters.ts";
import { manifestBytes, sha256 } from "../build/manifest.ts";
import { MemorySink } from "../build/output-sink.ts";
import { documentSlug, MANIFEST_NAME } from "../build/output-names.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { OutputTransaction } from "../io/output-dir.ts";
import { createRenderContext } from "../io/render-context.ts";
import { findAgency } from "../model/assignments.ts";
import type { Decision, Profile } from "../model/schema.ts";
import { summarize } from "../model/summary.ts";
import type { RenderContext } from "../render/context.ts";
import type { LetterRenderer } from "../build/letters.ts";
import { TemplateError, templateErrorDiagnostic } from "../letters/templates.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";
import { loadAndValidate, printSummary } from "./validate.ts";

export interface BuildCommandOptions {
  output: string;
  profile?: Profile;
  agency?: string[];
  templates?: string;
  directory?: string;
  workers?: string;
  json?: boolean;
  quiet?: boolean;
  toolVersion: string;
}

interface Job {
  decision: Decision;
  ctx: RenderContext;
  letters: LetterRenderer;
  target: string;
  progress: boolean;
}

/** Whole build: everything goes into one transaction on out/<document>/, committed at the end. */
async function buildAll(job: Job, modelSha256: string, toolVersion: string): Promise<BuildResult> {
  const transaction = await OutputTransaction.begin(job.target);
  // SIGINT/SIGTERM: drop the half-written folder; the previous build stays as it was.
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nvanban: interrupted (${signal}); previous outputs kept\n`);
    void transaction.abort().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const result = await buildOutputs(job.decision, job.ctx, transaction, {
      documents: true,
      letters: job.letters,
      ...(job.progress ? { onProgress: progressLine } : {}),
    });
    const manifest = buildManifest(job.decision, result.entries, { modelSha256, toolVersion });
    await transaction.write(MANIFEST_NAME, manifestBytes(manifest));
    await transaction.commit();
    return result;
  } catch (error) {
    await transaction.abort();
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** --agency: only those packets, each folder replaced atomically; the rest of the build stays as it was. */
async function buildPackets(job: Job, agencyIds: string[]): Promise<BuildResult> {
  const memory = new MemorySink();
  const result = await buildOutputs(job.decision, job.ctx, memory, { documents: false, agencies: agencyIds, letters: job.letters });
  for (const dir of result.packetDirs.values()) {
    const transaction = await OutputTransaction.begin(join(job.target, dir));
    for (const [path, data] of memory.files) if (path.startsWith(`${dir}/`)) await transaction.write(path.slice(dir.length + 1), data);
    await transaction.commit();
  }
  return result;
}

function progressLine(stage: string, done: number, total: number): void {
  process.stderr.write(`\r${stage} ${done}/${total}`);
}

/** `vanban build <model.yaml> [-o out] [--profile nd30|tt01] [--agency X]… [--templates DIR] [--json]` */
export async function runBuild(file: string, options: BuildCommandOptions): Promise<number> {
  const started = performance.now();
  const { decision, env, diagnostics, source } = await loadAndValidate(file, options.directory);
  const fail = (extra: Diagnostic[] = []) => {
    const all = [...diagnostics, ...extra];
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(all) });
    printDiagnostics(all, options);
    return EXIT.errors;
  };
  if (!decision || !env || hasErrors(diagnostics)) return fail();
  if (options.profile) decision.profile = options.profile;

  const agencyIds: string[] = [];
  for (const query of options.agency ?? []) {
    const agency = findAgency(query, env.resolver);
    if (!agency) return fail([diagnose("agency/unknown-id", { id: query }, { file })]);
    agencyIds.push(agency.id);
  }
  const ctx = await createRenderContext(decision.profile, env.resolver);
  const { renderer, diagnostics: templateDiagnostics } = await createLetterRenderer(ctx, { templatesDir: options.templates, workers: options.workers });
  if (!renderer) return fail(templateDiagnostics);
  const job: Job = {
    decision,
    ctx,
    letters: renderer,
    target: join(options.output, documentSlug(decision)),
    progress: process.stderr.isTTY && !options.json && !options.quiet,
  };
  let result: BuildResult;
  try {
    result = agencyIds.length > 0 ? await buildPackets(job, agencyIds) : await buildAll(job, sha256(source ?? ""), options.toolVersion);
  } catch (error) {
    if (error instanceof TemplateError) return fail([templateErrorDiagnostic(error)]);
    throw error;
  } finally {
    await renderer.close();
    if (job.progress) process.stderr.write("\r\x1b[K");
  }
  const times: StageTimes = { ...result.times, total: performance.now() - started };
  const summary = summarize(decision, env.resolver);
  if (options.json) {
    printJson({
      ok: true,
      output: job.target,
      profile: decision.profile,
      summary,
      letters: result.assignments.length,
      files: result.entries,
      timesMs: times,
      diagnostics: diagnosticsJson(diagnostics),
    });
    return EXIT.ok;
  }
  printDiagnostics(diagnostics, { quiet: true });
  printSummary(summary);
  process.stderr.write(
    `built ${basename(file)} (${decision.profile}) → ${job.target}: ${result.entries.length} files, ` +
      `${result.assignments.length} agency packets in ${Math.round(times.total!)} ms\n`,
  );
  return EXIT.ok;
}
