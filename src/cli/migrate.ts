import { hasErrors } from "../diagnostics/diagnostic.ts";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { serializeModel } from "../io/model-file.ts";
import { SCHEMA_VERSION } from "../model/schema.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";
import { loadAndValidate } from "./validate.ts";

/** The file's own comment lines at its top (not the modeline, which is written anew for where it is saved). */
function leadingComments(source: string): string[] {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("#")) break;
    if (!line.startsWith("# yaml-language-server:")) lines.push(line.replace(/^#\s?/, ""));
  }
  return lines;
}

/**
 * `vanban migrate <model.yaml> [-o <new.yaml>] [--json]`: rewrites a model of an older schema in the current
 * one, keeping every value; the stored agencies and due dates the text does not give become overrides.
 */
export async function runMigrate(file: string, options: { output?: string; json?: boolean; directory?: string }): Promise<number> {
  const { decision, diagnostics, source, migratedFrom } = await loadAndValidate(file, options.directory);
  const shown = diagnostics.filter((d) => d.ruleId !== "model/migrated");
  if (!decision || source === undefined || hasErrors(shown)) {
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(shown) });
    else printDiagnostics(shown, {});
    return EXIT.errors;
  }
  const target = options.output ?? file;
  if (migratedFrom === undefined && target === file) {
    if (options.json) printJson({ ok: true, output: file, from: SCHEMA_VERSION, to: SCHEMA_VERSION, changed: false });
    else process.stderr.write(`${file} is already in schema ${SCHEMA_VERSION}; nothing to do\n`);
    return EXIT.ok;
  }
  await writeFileAtomic(target, serializeModel(decision, target, leadingComments(source)));
  if (options.json) printJson({ ok: true, output: target, from: migratedFrom ?? SCHEMA_VERSION, to: SCHEMA_VERSION, changed: true, overrides: decision.overrides.length });
  else process.stderr.write(`migrated ${file} (schema ${migratedFrom ?? SCHEMA_VERSION}) → ${target} (schema ${SCHEMA_VERSION}); ${decision.overrides.length} override(s) kept\n`);
  return EXIT.ok;
}
