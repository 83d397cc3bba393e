import { join } from "node:path";
import { diffModels, formatChanges } from "../diff/model-diff.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";
import { loadAndValidate } from "./validate.ts";
import { MODEL_SNAPSHOT_NAME } from "../pipeline/output-names.ts";
import { completeOutputFolder } from "../io/output-dir.ts";

/**
 * `vanban diff <old.yaml> <new.yaml>` or `vanban diff <new.yaml> --against <out/doc>`: what changed and
 * which agencies' letters and packets are affected. The last build keeps its model as model.yaml.
 */
export async function runDiff(first: string, second: string | undefined, options: { against?: string; json?: boolean; directory?: string }): Promise<number> {
  const oldFile = options.against ? join(options.against, MODEL_SNAPSHOT_NAME) : first;
  const newFile = options.against ? first : second;
  if (!newFile) {
    process.stderr.write("vanban diff: give two models, or one model and --against <build folder>\n");
    return EXIT.usage;
  }
  // a build killed between its two commit renames: the folder is completed first
  if (options.against) await completeOutputFolder(options.against, "vanban diff --against");
  const [before, after] = await Promise.all([loadAndValidate(oldFile, options.directory), loadAndValidate(newFile, options.directory)]);
  const diagnostics = [...before.diagnostics, ...after.diagnostics].filter((d) => d.severity === "error");
  if (!before.resolved || !after.resolved || hasErrors(diagnostics)) {
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(diagnostics) });
    else printDiagnostics(diagnostics, {});
    return EXIT.errors;
  }
  const diff = diffModels(before.resolved, after.resolved);
  if (options.json) printJson({ ok: true, from: oldFile, to: newFile, ...diff });
  else process.stdout.write(formatChanges(diff, `Thay đổi: ${oldFile} → ${newFile}`));
  return EXIT.ok;
}
