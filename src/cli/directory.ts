import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document as YamlDocument } from "yaml";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { loadDirectory } from "../io/directory.ts";
import { loadModel } from "../io/model-file.ts";
import { deriveDirectory } from "../resolve/derive-directory.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";
import { directoryFor } from "./validate.ts";

const DIRECTORY_JSON_SCHEMA = fileURLToPath(new URL("../../schema/agency-directory.schema.json", import.meta.url));

/**
 * `vanban directory <model.yaml> [-o agencies.yaml] [--name …] [--json]`: a starting agency directory from the
 * model's cells, for an issuer the bundled directory does not cover. Name it in the model (`directory:`).
 */
export async function runDirectory(file: string, options: { output?: string; name?: string; json?: boolean }): Promise<number> {
  const loaded = await loadModel(file);
  const fail = (diagnostics: Diagnostic[]) => {
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(diagnostics) });
    else printDiagnostics(diagnostics, {});
    return EXIT.errors;
  };
  if (!loaded.decision) return fail(loaded.diagnostics);
  // the directory the model names (else the bundled one): where letters.reportVia's agency is found
  const current = loaded.decision.letters?.reportVia === undefined ? undefined : (await loadDirectory(directoryFor(file, loaded.decision))).directory;
  const directory = deriveDirectory(loaded.decision, options.name ?? loaded.decision.issuer.lines.join(" "), current);
  // a directory lists at least one agency (its schema says so): a model whose cells name none has nothing to derive
  if (directory.agencies.length === 0) return fail([diagnose("directory/nothing-to-derive", {}, { file })]);
  const target = options.output;
  const modeline = `# yaml-language-server: $schema=${path.relative(path.dirname(path.resolve(target ?? "agencies.yaml")), DIRECTORY_JSON_SCHEMA).split(path.sep).join("/")}`;
  const yaml = [modeline, `# Derived by vanban from the cells of ${path.basename(file)}: check each kind and Kính gửi form; turn collective phrases into groups.`, new YamlDocument(directory).toString({ lineWidth: 0 })].join("\n");
  if (target) await writeFileAtomic(target, yaml);
  if (options.json) printJson({ ok: true, output: target ?? null, agencies: directory.agencies.length, directory });
  else if (!target) process.stdout.write(yaml);
  else process.stderr.write(`${directory.agencies.length} agencies → ${target}; add \`directory: ${path.relative(path.dirname(path.resolve(file)), path.resolve(target)).split(path.sep).join("/")}\` to the model\n`);
  return EXIT.ok;
}
