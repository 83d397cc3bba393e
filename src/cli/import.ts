import { stat } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { loadValidationEnv } from "../pipeline/environment.ts";
import { serializeModel } from "../io/model-file.ts";
import { modelGivenAsScrape } from "../io/input-kind.ts";
import { decodeTextInput, readInputBytes } from "../io/read-text.ts";
import { detectFormat } from "../read/detect.ts";
import { readSource } from "../read/read-source.ts";
import { importSource } from "../recognize/import-source.ts";
import { recognizeDocument } from "../recognize/recognize-document.ts";
import { resolveDecision } from "../resolve/resolve-decision.ts";
import { summarize, summaryLine } from "../resolve/summary.ts";
import { runImportUpdate } from "./import-update.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";

export interface ImportOptions {
  output?: string;
  fix?: boolean;
  json?: boolean;
  directory?: string;
  /** overwrite an existing file at `output` */
  force?: boolean;
  /** the model whose appendices the input's update */
  update?: string;
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

function refuse(diagnostics: readonly Diagnostic[], options: ImportOptions, code: number = EXIT.errors): number {
  if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(diagnostics) });
  printDiagnostics(diagnostics, options);
  return code;
}

/** `-o` at a file that exists: refused without --force (a folder there is output/unwritable when written). */
async function overwriteRefused(options: ImportOptions): Promise<Diagnostic | undefined> {
  if (options.output === undefined || options.force) return undefined;
  const existing = await stat(options.output).catch(() => undefined);
  return existing?.isFile() ? diagnose("output/exists", { path: options.output }, { file: options.output }) : undefined;
}

/** --update: the input's appendices (its document part, a workbook's placeholders, is not used) merged into the model. */
async function updateModel(input: string, model: string, bytes: Uint8Array, diagnostics: Diagnostic[], options: ImportOptions): Promise<number> {
  const read = readSource(bytes, { name: input });
  const recognized = read.document ? recognizeDocument(read.document, { file: input }) : undefined;
  const found = [...diagnostics, ...read.diagnostics, ...(recognized?.diagnostics ?? [])]
    .filter((d) => d.ruleId !== "recognize/workbook-document")
    // merged, an agency's extract would remove every task it leaves out
    .map((d) => (d.ruleId === "recognize/workbook-extract" ? { ...d, severity: "error" as const } : d));
  const appendices = recognized?.decision?.appendices ?? [];
  if (hasErrors(found) || appendices.length === 0) return refuse(appendices.length === 0 && !hasErrors(found) ? [...found, diagnose("import/no-appendix", { file: input }, { file: input })] : found, options);
  return runImportUpdate(input, model, appendices, found, options);
}

/** `vanban import <file> [-o <model.yaml> [--force]] [--fix]`, or `vanban import <file> --update <model.yaml>` */
export async function runImport(input: string, options: ImportOptions): Promise<number> {
  const refused = await overwriteRefused(options);
  if (refused) return refuse([refused], options, EXIT.usage);
  const read = await readImportInput(input);
  const misuse = read.text !== undefined ? modelGivenAsScrape(read.text, input) : undefined;
  if (options.update !== undefined && read.bytes && !misuse) return updateModel(input, options.update, read.bytes, read.diagnostics, options);
  const { env, diagnostics: envDiagnostics } = await loadValidationEnv(options.directory);
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...envDiagnostics];
  if (misuse) diagnostics.push(misuse);
  const result = !misuse && read.bytes && env ? importSource(read.bytes, input, env, { fix: options.fix ?? false }) : undefined;
  if (result) diagnostics.push(...result.diagnostics);
  const decision = result?.decision;
  if (!decision || hasErrors(diagnostics)) return refuse(diagnostics, options);
  const header = [`Imported by vanban from ${input.split("/").at(-1)}; official wording kept as written.`];
  if (result.applied.length > 0) header.push(`--fix applied ${result.applied.length} change(s) to the official text: see the import report.`);
  // --json without -o prints the report, not the model: nothing to serialise
  if (options.output) await writeFileAtomic(options.output, serializeModel(decision, options.output, header));
  else if (!options.json) process.stdout.write(serializeModel(decision, "model.yaml", header));
  const summary = summarize(resolveDecision(decision, env!.resolver));
  if (options.json) {
    printJson({ ok: true, output: options.output ?? null, summary, fixes: result.applied, diagnostics: diagnosticsJson(diagnostics) });
    return EXIT.ok;
  }
  printDiagnostics(diagnostics, options);
  for (const fix of result.applied) process.stderr.write(`fixed ${fix.path.join(".")}: "${fix.from}" → "${fix.to}"\n`);
  process.stderr.write(`imported ${summaryLine(summary)}${options.output ? ` → ${options.output}` : ""}\n`);
  return EXIT.ok;
}
