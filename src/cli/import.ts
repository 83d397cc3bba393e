import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { serializeModel } from "../io/model-file.ts";
import { modelGivenAsScrape } from "../io/input-kind.ts";
import { decodeTextInput, readInputBytes } from "../io/read-text.ts";
import { detectFormat } from "../read/detect.ts";
import { importSource } from "../recognize/import-source.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";
import { summarize } from "../resolve/summary.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";

export interface ImportOptions {
  output?: string;
  fix?: boolean;
  json?: boolean;
  directory?: string;
}

/**
 * The input as bytes for the recognizer; a text input (the format comes from the bytes) is first checked
 * and normalised as every text input is (encoding, control characters, CRLF, NFC), and kept for the check
 * that it is not a model.
 */
async function readImportInput(input: string): Promise<{ bytes?: Uint8Array; text?: string; diagnostics: Diagnostic[] }> {
  const read = await readInputBytes(input);
  if (!read.bytes) return read;
  // an empty file is an empty text input ("input/empty"), as for every command
  if (read.bytes.length > 0 && detectFormat(read.bytes, { file: input }).format !== "text") return read;
  const decoded = decodeTextInput(read.bytes, input);
  if (decoded.text === undefined) return decoded;
  return { bytes: new TextEncoder().encode(decoded.text), text: decoded.text, diagnostics: decoded.diagnostics };
}

/** `vanban import <file> -o <model.yaml> [--fix]`: a DOCX, an HTML page, a text or markdown scrape */
export async function runImport(input: string, options: ImportOptions): Promise<number> {
  const read = await readImportInput(input);
  const { env, diagnostics: envDiagnostics } = await loadValidationEnv(options.directory);
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...envDiagnostics];
  const misuse = read.text !== undefined ? modelGivenAsScrape(read.text, input) : undefined;
  if (misuse) diagnostics.push(misuse);
  const result = !misuse && read.bytes && env ? importSource(read.bytes, input, env, { fix: options.fix ?? false }) : undefined;
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
