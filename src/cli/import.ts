import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { importScrape } from "../import/import-decision.ts";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { serializeModel } from "../io/model-file.ts";
import { modelGivenAsScrape } from "../io/input-kind.ts";
import { readTextInput } from "../io/read-text.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";
import { summarize } from "../resolve/summary.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";

export interface ImportOptions {
  output?: string;
  fix?: boolean;
  json?: boolean;
  directory?: string;
}

/** `vanban import <scraped.txt> -o <model.yaml> [--fix]` */
export async function runImport(input: string, options: ImportOptions): Promise<number> {
  const text = await readTextInput(input);
  const { env, diagnostics: envDiagnostics } = await loadValidationEnv(options.directory);
  const diagnostics: Diagnostic[] = [...text.diagnostics, ...envDiagnostics];
  const misuse = text.text !== undefined ? modelGivenAsScrape(text.text, input) : undefined;
  if (misuse) diagnostics.push(misuse);
  const result = !misuse && text.text !== undefined && env ? importScrape(text.text, input, env, { fix: options.fix ?? false }) : undefined;
  if (result) diagnostics.push(...result.diagnostics);
  const decision = result?.decision;
  if (!decision || hasErrors(diagnostics)) {
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(diagnostics) });
    printDiagnostics(diagnostics, options);
    return EXIT.errors;
  }
  const header = [`Imported by vanban from ${input.split("/").at(-1)}; official wording kept as written.`];
  if (result.applied.length > 0) header.push(`--fix applied ${result.applied.length} change(s) to the official text: see the import report.`);
  const yaml = serializeModel(decision, options.output ?? "model.yaml", header);
  if (options.output) await writeFileAtomic(options.output, yaml);
  else if (!options.json) process.stdout.write(yaml);
  const summary = summarize(resolveDecision(decision, env!.resolver));
  if (options.json) {
    printJson({ ok: true, output: options.output ?? null, summary, fixes: result.applied, diagnostics: diagnosticsJson(diagnostics) });
    return EXIT.ok;
  }
  printDiagnostics(diagnostics, options);
  for (const fix of result.applied) process.stderr.write(`fixed ${fix.path.join(".")}: "${fix.from}" → "${fix.to}"\n`);
  process.stderr.write(
    `imported ${summary.document}: ${summary.appendices} appendices, ${summary.tasks} tasks, ${summary.agencies} agencies${options.output ? ` → ${options.output}` : ""}\n`,
  );
  return EXIT.ok;
}
