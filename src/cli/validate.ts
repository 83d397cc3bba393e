import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { placeDiagnostics, type Locator } from "../diagnostics/locate.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { fixModelFile } from "../io/apply-model-fixes.ts";
import { loadModel } from "../io/model-file.ts";
import type { Decision } from "../model/schema.ts";
import { withoutRedundantOverrides } from "../resolve/prune-overrides.ts";
import { resolveDecision, type ResolvedDecision } from "../resolve/resolve-decision.ts";
import { summarize, summaryLine, type DecisionSummary } from "../resolve/summary.ts";
import type { ValidationEnv } from "../validate/context.ts";
import { validateDecision } from "../validate/validate-decision.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";

export interface ValidatedModel {
  decision?: Decision;
  /** the model as every later stage reads it; set when the model has no errors */
  resolved?: ResolvedDecision;
  env?: ValidationEnv;
  diagnostics: Diagnostic[];
  source?: string;
  /** positions in `source` by model path, for diagnostics placed after validation */
  locate?: Locator;
  migratedFrom?: string;
}

/** The agency directory to read a model against: --directory, else the one the model names (relative to it), else the bundled one. */
export function directoryFor(file: string, decision: Decision | undefined, directory?: string): string | undefined {
  if (directory !== undefined) return directory;
  return decision?.directory === undefined ? undefined : path.resolve(path.dirname(file), decision.directory);
}

/**
 * The cross-field checks of a parsed model, placed in its YAML (after what `diagnostics` holds already), and
 * the resolved model when none is an error.
 */
export function validateAndResolve(
  decision: Decision,
  env: ValidationEnv,
  file: string,
  locate: Locator,
  diagnostics: readonly Diagnostic[] = [],
): Pick<ValidatedModel, "resolved" | "diagnostics"> {
  const all = [...diagnostics, ...placeDiagnostics(validateDecision(decision, env), file, locate)];
  return hasErrors(all) ? { diagnostics: all } : { diagnostics: all, resolved: resolveDecision(decision, env.resolver) };
}

/** Loads a model file and runs schema and cross-field checks; positions point into the YAML. */
export async function loadAndValidate(file: string, directory?: string): Promise<ValidatedModel> {
  const loaded = await loadModel(file);
  const { env, diagnostics: envDiagnostics } = await loadValidationEnv(directoryFor(file, loaded.decision, directory));
  const diagnostics = [...envDiagnostics, ...loaded.diagnostics];
  if (!loaded.decision || !env) return { diagnostics };
  // schema 1 stored a resolved value beside every cell: keep only those the text does not give
  const decision = loaded.migratedFrom ? withoutRedundantOverrides(loaded.decision, env.resolver) : loaded.decision;
  const result: ValidatedModel = { decision, env, locate: loaded.locate, ...validateAndResolve(decision, env, file, loaded.locate, diagnostics) };
  if (loaded.migratedFrom) result.migratedFrom = loaded.migratedFrom;
  if (loaded.source !== undefined) result.source = loaded.source;
  return result;
}

export function printSummary(summary: DecisionSummary): void {
  process.stderr.write(`${summaryLine(summary)}\n`);
}

/** `vanban validate <model.yaml> [--json] [--fix]` */
export async function runValidate(file: string, options: { json?: boolean; quiet?: boolean; directory?: string; fix?: boolean }): Promise<number> {
  if (options.fix) {
    const before = await loadAndValidate(file, options.directory);
    const fixes = before.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    if (before.decision && before.source !== undefined && !hasErrors(before.diagnostics) && fixes.length > 0) {
      const applied = await fixModelFile(file, before.source, fixes);
      if (!options.json) for (const f of applied) process.stderr.write(`fixed ${f.path.join(".")}: "${f.from}" → "${f.to}"\n`);
    }
  }
  const { decision, resolved, diagnostics } = await loadAndValidate(file, options.directory);
  const summary = resolved ? summarize(resolved) : undefined;
  const failed = !decision || hasErrors(diagnostics);
  if (options.json) printJson({ ok: !failed, summary: summary ?? null, diagnostics: diagnosticsJson(diagnostics) });
  else {
    printDiagnostics(diagnostics, options);
    if (summary) printSummary(summary);
  }
  return failed ? EXIT.errors : EXIT.ok;
}
