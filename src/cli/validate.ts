import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { placeDiagnostics } from "../diagnostics/locate.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { fixModelFile } from "../io/apply-model-fixes.ts";
import { loadModel } from "../io/model-file.ts";
import type { Decision } from "../model/schema.ts";
import { summarize, type DecisionSummary } from "../resolve/summary.ts";
import type { ValidationEnv } from "../validate/context.ts";
import { validateDecision } from "../validate/validate-decision.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";

export interface ValidatedModel {
  decision?: Decision;
  env?: ValidationEnv;
  diagnostics: Diagnostic[];
  source?: string;
}

/** Loads a model file and runs schema and cross-field checks; positions point into the YAML. */
export async function loadAndValidate(file: string, directory?: string): Promise<ValidatedModel> {
  const [loaded, { env, diagnostics: envDiagnostics }] = await Promise.all([loadModel(file), loadValidationEnv(directory)]);
  const diagnostics = [...envDiagnostics, ...loaded.diagnostics];
  if (!loaded.decision || !env) return { diagnostics };
  diagnostics.push(...placeDiagnostics(validateDecision(loaded.decision, env), file, loaded.locate));
  const result: ValidatedModel = { decision: loaded.decision, env, diagnostics };
  if (loaded.source !== undefined) result.source = loaded.source;
  return result;
}

export function printSummary(summary: DecisionSummary): void {
  process.stderr.write(
    `${summary.document}: ${summary.groups} groups, ${summary.tasks} tasks, ${summary.agencies} agencies resolved` +
      (summary.unresolvedPhrases.length ? `, unresolved: ${summary.unresolvedPhrases.map((p) => `"${p}"`).join(", ")}` : "") +
      "\n",
  );
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
  const { decision, env, diagnostics } = await loadAndValidate(file, options.directory);
  const summary = decision && env ? summarize(decision, env.resolver) : undefined;
  const failed = !decision || hasErrors(diagnostics);
  if (options.json) printJson({ ok: !failed, summary: summary ?? null, diagnostics: diagnosticsJson(diagnostics) });
  else {
    printDiagnostics(diagnostics, options);
    if (summary) printSummary(summary);
  }
  return failed ? EXIT.errors : EXIT.ok;
}
