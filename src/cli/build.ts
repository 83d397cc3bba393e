import { basename, join } from "node:path";
import { buildOutputs, LayoutCheckError, type BuildOptions, type BuildResult, type StageTimes } from "../pipeline/build-outputs.ts";
import { buildToFolder, replacePackets, type InterruptHook } from "../pipeline/build-folder.ts";
import { createPacketRenderer } from "../pipeline/packet-renderer.ts";
import { BuildSession } from "../pipeline/build-session.ts";
import type { LayoutChecker } from "../pipeline/layout-checker.ts";
import { MemorySink } from "../io/output-sink.ts";
import { documentSlug } from "../pipeline/output-names.ts";
import { OUTPUT_FORMATS, parseFormats, type OutputFormat } from "../pipeline/formats.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { formatDiagnostics } from "../diagnostics/format.ts";
import { diagnose, isKeptAsWritten } from "../diagnostics/rules.ts";
import { busyDiagnostic, outputFailureDiagnostic, staleLockDiagnostic } from "../io/output-failure.ts";
import { liveLockOf, OutputBusyError, type LockOptions } from "../io/output-lock.ts";
import { fontChoice, fontSummary } from "../io/fonts.ts";
import type { Profile } from "../model/schema.ts";
import { agenciesFor } from "../pipeline/agency-query.ts";
import type { ResolvedDecision } from "../resolve/resolve-decision.ts";
import type { AgencyResolver } from "../resolve/resolve-cell.ts";
import { summarize } from "../resolve/summary.ts";
import type { RenderContext } from "../write/context.ts";
import type { PacketRenderer } from "../pipeline/packet-renderer.ts";
import { TemplateError, templateErrorDiagnostic } from "../letters/templates.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";
import { installationChangedDiagnostic } from "./installation.ts";
import { interruptible } from "./signals.ts";
import { directoryPlaceMismatch } from "../validate/agencies.ts";
import { loadAndValidate, printSummary } from "./validate.ts";

export interface BuildCommandOptions {
  output: string;
  profile?: Profile;
  agency?: string[];
  templates?: string;
  directory?: string;
  workers?: string;
  /** --font-dir: searched first for Times New Roman's four faces */
  fontDir?: string;
  /** "docx,pdf" (default), "docx" or "pdf" */
  formats?: string;
  force?: boolean;
  /** false with --no-check */
  check?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** --wait: seconds to wait for another build writing the same folder (default: fail at once) */
  wait?: number;
  toolVersion: string;
  /** fonts and the layout checker kept between builds (`vanban watch`); a build of its own otherwise */
  session?: BuildSession;
  /** the command the lock names to whoever finds it busy: "watch" for the rebuilds of `vanban watch` */
  command?: "build" | "watch";
}

interface Job {
  toolVersion: string;
  formats: OutputFormat[];
  resolved: ResolvedDecision;
  ctx: RenderContext;
  packets: PacketRenderer;
  target: string;
  progress: boolean;
  lock: LockOptions;
  /** the layout check of every DOCX, and the DOCX writer on the checker's thread */
  checks: Pick<BuildOptions, "checkLayout" | "checkedDocx">;
}

/** The build's checks through `checker`, their diagnostics placed in the files under `target`. */
function layoutChecks(checker: LayoutChecker, target: string): Job["checks"] {
  return {
    checkLayout: (docx, name) => checker.check(docx, join(target, name)),
    // where the checker writes the DOCX on its thread
    ...(checker.write && {
      checkedDocx: async (plan) => {
        const checked = await checker.write!(plan);
        return { docx: checked.docx, diagnosticsAt: (name) => checked.diagnosticsAt(join(target, name)) };
      },
    }),
  };
}

/** --agency: only those packets, each folder replaced atomically; the rest of the build stays as it was. */
async function buildPackets(job: Job, agencyIds: string[]): Promise<BuildResult> {
  const memory = new MemorySink();
  const result = await buildOutputs(job.resolved, job.ctx, memory, { documents: false, formats: job.formats, agencies: agencyIds, packets: job.packets, toolVersion: job.toolVersion, ...job.checks });
  await replacePackets(job.target, { files: memory.files, result, lock: job.lock });
  return result;
}

function progressLine(stage: string, done: number, total: number): void {
  process.stderr.write(`\r${stage} ${done}/${total}`);
}

/** SIGINT or SIGTERM during a build: drop the half-written folder (the previous outputs stay), exit 130 or 143. */
const exitOnSignal: InterruptHook = (abort) => interruptible(abort);

/** `vanban build <model.yaml> [-o out] [--profile nd30|tt01] [--agency X]… [--templates DIR] [--json]` */
export async function runBuild(file: string, options: BuildCommandOptions): Promise<number> {
  const started = performance.now();
  const { decision, resolved, env, diagnostics, source } = await loadAndValidate(file, options.directory);
  const fail = (extra: Diagnostic[] = [], exitCode: number = EXIT.errors) => {
    const all = [...diagnostics, ...extra];
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(all) });
    printDiagnostics(all, options);
    return exitCode;
  };
  if (!decision || !resolved || !env || hasErrors(diagnostics)) return fail();
  // letters to another place's agencies are never sent: what validation warns of, a build of letters refuses
  const misplaced = decision.letters && resolved.assignments.length > 0 ? directoryPlaceMismatch(decision, env.resolver.directory, "error") : undefined;
  if (misplaced) {
    // the warning validation placed in the file, as an error
    const warned = diagnostics.findIndex((d) => d.ruleId === misplaced.ruleId);
    if (warned >= 0) diagnostics[warned] = { ...diagnostics[warned]!, severity: "error" };
    return fail(warned >= 0 ? [] : [misplaced]);
  }
  // Another build writing the same folder: said now, not after rendering (the lock itself is taken later).
  const busy = options.wait ? undefined : await liveLockOf(join(options.output, documentSlug(decision)));
  if (busy) return fail([busyDiagnostic(busy)], EXIT.busy);
  // The profile to build with: --profile, else the model's. The model stays as loaded.
  const profile = options.profile ?? decision.profile;

  const agencyIds: string[] = [];
  for (const query of options.agency ?? []) {
    const found = agenciesFor(query, resolved, env.resolver);
    if ("suggestions" in found) return fail([diagnose("cli/unknown-agency", { query, suggestions: found.suggestions.join(", ") }, { file })], EXIT.usage);
    for (const id of found.ids) if (!agencyIds.includes(id)) agencyIds.push(id);
  }
  const parsed = parseFormats(options.formats ?? OUTPUT_FORMATS.join(","));
  if ("unknown" in parsed) return fail([diagnose("cli/unknown-format", { formats: parsed.unknown.join(", ") }, { file })]);
  const { formats } = parsed;
  const session = options.session ?? new BuildSession();
  try {
    return await buildWith(session, { file, options, profile, formats, agencyIds, resolved, resolver: env.resolver, diagnostics, source, started, fail });
  } finally {
    if (!options.session) await session.close();
  }
}

interface PreparedBuild {
  file: string;
  options: BuildCommandOptions;
  profile: Profile;
  formats: OutputFormat[];
  agencyIds: string[];
  resolved: ResolvedDecision;
  resolver: AgencyResolver;
  /** validation's, to which the build adds its own */
  diagnostics: Diagnostic[];
  source: string | undefined;
  started: number;
  fail: (extra?: Diagnostic[], exitCode?: number) => number;
}

/** The build itself, once the model is valid and the arguments are understood. */
async function buildWith(session: BuildSession, prepared: PreparedBuild): Promise<number> {
  const { file, options, profile, formats, agencyIds, resolved, resolver, diagnostics, source, started, fail } = prepared;
  const { decision } = resolved;
  /** printed even on success: the clerk should know a build of theirs was cut short */
  const lockWarnings: Diagnostic[] = [];
  const ctx = await session.context(profile, { fontDir: options.fontDir });
  const { renderer, diagnostics: templateDiagnostics } = await createPacketRenderer(ctx, { templatesDir: options.templates, workers: options.workers, formats });
  if (!renderer) return fail(templateDiagnostics);
  const checker = options.check === false ? undefined : session.checker(ctx);
  const target = join(options.output, documentSlug(decision));
  const job: Job = {
    toolVersion: options.toolVersion,
    formats,
    resolved,
    ctx,
    packets: renderer,
    target,
    checks: checker ? layoutChecks(checker, target) : {},
    progress: process.stderr.isTTY && !options.json && !options.quiet,
    lock: {
      command: [`vanban ${options.command ?? "build"}`, file, ...(options.agency ?? []).map((a) => `--agency ${a}`)].join(" "),
      waitMs: (options.wait ?? 0) * 1000,
      onStale: (holder, lockFile) => {
        const warning = staleLockDiagnostic(holder, lockFile);
        diagnostics.push(warning);
        lockWarnings.push(warning);
      },
    },
  };
  let result: BuildResult;
  try {
    result =
      agencyIds.length > 0
        ? await buildPackets(job, agencyIds)
        : await buildToFolder(resolved, resolver, ctx, renderer, {
            target: job.target,
            source: source ?? "",
            toolVersion: options.toolVersion,
            force: options.force ?? false,
            formats,
            onInterrupt: exitOnSignal,
            lock: job.lock,
            ...job.checks,
            ...(job.progress ? { onProgress: progressLine } : {}),
          });
  } catch (error) {
    if (error instanceof TemplateError) return fail([templateErrorDiagnostic(error)]);
    if (error instanceof LayoutCheckError) return fail(error.diagnostics);
    const reinstalled = installationChangedDiagnostic(error);
    if (reinstalled) return fail([reinstalled], EXIT.internal);
    const failure = outputFailureDiagnostic(error);
    if (failure) return fail([failure], error instanceof OutputBusyError ? EXIT.busy : EXIT.output);
    throw error;
  } finally {
    await renderer.close();
    if (job.progress) process.stderr.write("\r\x1b[K");
  }
  const times: StageTimes = { ...result.times, total: performance.now() - started };
  // pieces of pdfmake/pdfkit/fontkit the PDF runtime could not patch (one warning, or none); asked only when
  // this build rendered PDFs, so that a rebuild which copied every unit never loads pdfmake
  const renderedPdf = formats.includes("pdf") && result.reused.length < Object.keys(result.units).length;
  const pdfWarning = renderedPdf ? (await import("../write/pdf/pdfmake-runtime.ts")).pdfRuntimeStatus(ctx.fonts).warning : undefined;
  const summary = summarize(resolved);
  if (options.json) {
    printJson({
      ok: true,
      output: job.target,
      profile,
      summary,
      letters: result.assignments.length,
      formats,
      workers: renderer.workersUsed,
      fonts: fontChoice(ctx.fonts),
      ...(pdfWarning ? { pdfRuntimeWarning: pdfWarning } : {}),
      reused: result.reused,
      files: result.entries,
      timesMs: times,
      diagnostics: diagnosticsJson(diagnostics),
    });
    return EXIT.ok;
  }
  // every warning but the source irregularities kept as written, which validate lists
  const kept = diagnostics.filter((d) => d.severity === "warning" && isKeptAsWritten(d.ruleId));
  printDiagnostics(diagnostics.filter((d) => d.severity !== "info" && !kept.includes(d)), { quiet: options.quiet ?? false });
  if (lockWarnings.length > 0) process.stderr.write(`${formatDiagnostics(lockWarnings)}\n`);
  if (kept.length > 0) process.stderr.write(`(${kept.length} irregularities of the official text kept as written: vanban validate ${file} lists them)\n`);
  printSummary(summary);
  process.stderr.write(`${fontSummary(ctx.fonts)}\n`);
  if (pdfWarning) process.stderr.write(`warning: ${pdfWarning.message}\n`);
  process.stderr.write(
    `built ${basename(file)} (${profile}) → ${job.target}: ${result.entries.length} files, ` +
      `${result.assignments.length} agency packets (${result.reused.length} units unchanged, copied) in ${Math.round(times.total!)} ms\n`,
  );
  return EXIT.ok;
}
