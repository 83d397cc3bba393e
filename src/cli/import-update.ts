/**
 * `vanban import <workbook.xlsx> --update <model.yaml>`: the workbook's appendices merged into a model, and
 * what changed reported as `vanban diff` reports it. Each appendix of the workbook replaces the model's
 * appendix of the same heading (else the one at its place; one the model lacks is added), keeping the
 * model's heading, title and reference lines. The YAML is edited in place, so that comments and everything
 * else stay as written: a table of the same shape changes only the cells that differ; another shape
 * replaces the appendix's columns and rows. Overrides follow their task when the rows move (tasks are
 * paired as the diff pairs them: by ref and content). Nothing is written when nothing changed, nor when
 * the merged model has errors.
 */
import { isScalar, parseDocument, type Document } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { placeDiagnostics } from "../diagnostics/locate.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { diffModels, formatChanges, pairTasks } from "../diff/model-diff.ts";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { modelNode, parseModel } from "../io/model-file.ts";
import { columnKey, tableEntries, type TableEntry } from "../model/refs.ts";
import type { Appendix, Decision } from "../model/schema.ts";
import { foldVietnamese } from "../model/text.ts";
import { resolveDecision, type ResolvedDecision } from "../resolve/resolve-decision.ts";
import { summarize } from "../resolve/summary.ts";
import type { ValidationEnv } from "../validate/context.ts";
import { diagnosticsJson, EXIT, printDiagnostics, printJson } from "./output.ts";
import { loadAndValidate, validateAndResolve } from "./validate.ts";

export interface UpdateOptions {
  output?: string;
  json?: boolean;
  directory?: string;
}

const shape = (entries: readonly TableEntry[]) => entries.map((e) => `${e.kind}:${e.path.join("/")}`).join("\n");
const labels = (appendix: Appendix) => appendix.columns.map((c) => c.label).join("\n");

/** Sets a scalar in place (keeping its quoting), or adds it. */
function setValue(doc: Document, path: readonly (string | number)[], value: string): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
}

/**
 * The cells of `incoming` that differ from `model`'s, written at their place; false when the two tables are
 * not of one shape, or a differing cell is merged down in either (the model's rows are then replaced).
 */
function patchCells(doc: Document, base: readonly (string | number)[], model: Appendix, incoming: Appendix): boolean {
  if (labels(model) !== labels(incoming)) return false;
  const before = tableEntries(model, [...base]);
  const after = tableEntries(incoming, [...base]);
  if (shape(before) !== shape(after)) return false;
  const edits: [(string | number)[], string][] = [];
  for (const [i, o] of before.entries()) {
    const n = after[i]!;
    if (o.kind === "group" && n.kind === "group") {
      if (o.group.group !== n.group.group) edits.push([[...o.path, "group"], n.group.group]);
      if (o.group.title !== n.group.title) edits.push([[...o.path, "title"], n.group.title]);
      continue;
    }
    if (o.kind !== "row" || n.kind !== "row") return false;
    for (const [c, column] of model.columns.entries()) {
      const key = columnKey(column);
      const shown = n.shown.get(columnKey(incoming.columns[c]!)) ?? "";
      if ((o.shown.get(key) ?? "") === shown) continue;
      if (o.rowSpans.get(key) !== 1) return false;
      edits.push([[...o.path, ...(column.role ? [column.role] : ["cells", column.label])], shown]);
    }
  }
  for (const [path, value] of edits) setValue(doc, path, value);
  return true;
}

/** The model appendix each incoming one updates: the one of the same heading, else the one at its place, else none (added). */
function targets(model: readonly Appendix[], incoming: readonly Appendix[]): (number | undefined)[] {
  const byHeading = (heading: string) => model.flatMap((a, i) => (foldVietnamese(a.heading) === foldVietnamese(heading) ? [i] : []));
  const taken = new Set<number>();
  return incoming.map((appendix, j) => {
    const same = byHeading(appendix.heading);
    const target = same.length === 1 && !taken.has(same[0]!) ? same[0]! : j < model.length && !taken.has(j) ? j : undefined;
    if (target !== undefined) taken.add(target);
    return target;
  });
}

const KEPT_FIELDS = { heading: "heading", title: "title", reference: "reference line" } as const;
/** Recognized defaults, not the workbook's wording: a sheet without title rows is headed and titled by its name. */
const DEFAULTED = new Set(["recognize/workbook-heading", "recognize/workbook-title"]);

/**
 * The heading, title and reference lines the merge keeps from the model where the workbook writes them
 * otherwise (white space aside): official wording is not dropped without a word. Not where the workbook's
 * were made up from a sheet's name.
 */
function keptWording(model: readonly Appendix[], incoming: readonly Appendix[], updated: readonly (number | undefined)[], read: readonly Diagnostic[]): Diagnostic[] {
  if (read.some((d) => DEFAULTED.has(d.ruleId))) return [];
  const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
  return updated.flatMap((target, j) => {
    if (target === undefined) return [];
    const [kept, theirs] = [model[target]!, incoming[j]!];
    return (Object.keys(KEPT_FIELDS) as (keyof typeof KEPT_FIELDS)[]).flatMap((field) =>
      theirs[field] !== "" && squash(theirs[field]) !== squash(kept[field])
        ? [diagnose("import/update-kept-wording", { field: KEPT_FIELDS[field], appendix: kept.heading, workbook: theirs[field], model: kept[field] }, { path: ["appendices", target, field] })]
        : [],
    );
  });
}

/** The model's YAML with the incoming appendices merged in; `updated`: the model appendix each updates (`targets`). */
export function mergeAppendices(source: string, model: Decision, incoming: readonly Appendix[], updated: readonly (number | undefined)[]): string {
  const doc = parseDocument(source);
  updated.forEach((target, j) => {
    const appendix = incoming[j]!;
    if (target === undefined) {
      if (!doc.hasIn(["appendices"])) doc.setIn(["appendices"], modelNode(doc, []));
      doc.addIn(["appendices"], modelNode(doc, appendix));
      return;
    }
    const base = ["appendices", target];
    if (patchCells(doc, base, model.appendices[target]!, appendix)) return;
    doc.setIn([...base, "columns"], modelNode(doc, appendix.columns));
    doc.setIn([...base, "items"], modelNode(doc, appendix.items));
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Overrides re-pointed at their task's new ref where the merge moved it (the merged model read without them: they may point nowhere yet). */
function followOverrides(text: string, file: string, before: ResolvedDecision, env: ValidationEnv): string {
  const decision = parseModel(text, file).decision;
  if (!decision || decision.overrides.length === 0) return text;
  const after = resolveDecision({ ...decision, overrides: [] }, env.resolver);
  const moved = new Map<string, string>();
  for (const [n, o] of pairTasks(before.tasks, after.tasks)) if (o.ref !== n.ref) moved.set(o.ref, n.ref);
  const pinned = decision.overrides.flatMap((o, i) => (moved.has(o.task) ? [i] : []));
  if (pinned.length === 0) return text;
  const doc = parseDocument(text);
  for (const i of pinned) setValue(doc, ["overrides", i, "task"], moved.get(decision.overrides[i]!.task)!);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function validated(text: string, file: string, env: ValidationEnv): { resolved?: ResolvedDecision; diagnostics: Diagnostic[] } {
  const loaded = parseModel(text, file);
  return loaded.decision ? validateAndResolve(loaded.decision, env, file, loaded.locate, loaded.diagnostics) : { diagnostics: loaded.diagnostics };
}

/** Merges `incoming` (the appendices read from `input`) into the model file `modelFile`; `diagnostics`: the reading's. */
export async function runImportUpdate(input: string, modelFile: string, incoming: readonly Appendix[], read: readonly Diagnostic[], options: UpdateOptions): Promise<number> {
  const target = options.output ?? modelFile;
  const before = await loadAndValidate(modelFile, options.directory);
  const fail = (diagnostics: readonly Diagnostic[]) => {
    if (options.json) printJson({ ok: false, diagnostics: diagnosticsJson(diagnostics) });
    printDiagnostics(diagnostics, options);
    return EXIT.errors;
  };
  if (!before.resolved || before.source === undefined || !before.env || before.migratedFrom) {
    // a model of an older schema is migrated first (`vanban migrate`): an edit in place would mix the two
    const migrated = before.diagnostics.filter((d) => d.ruleId === "model/migrated").map((d) => ({ ...d, severity: "error" as const }));
    return fail([...read, ...before.diagnostics.filter((d) => d.severity === "error"), ...migrated]);
  }
  const updated = targets(before.resolved.decision.appendices, incoming);
  const text = followOverrides(mergeAppendices(before.source, before.resolved.decision, incoming, updated), target, before.resolved, before.env);
  const after = validated(text, target, before.env);
  // what the model said before is not news: the merge's own diagnostics, and every error
  const known = new Set(before.diagnostics.map((d) => `${d.ruleId} ${d.message}`));
  const wording = keptWording(before.resolved.decision.appendices, incoming, updated, read);
  const kept = before.locate ? placeDiagnostics(wording, modelFile, before.locate) : wording;
  const diagnostics = [...read, ...kept, ...after.diagnostics.filter((d) => d.severity === "error" || !known.has(`${d.ruleId} ${d.message}`))];
  if (!after.resolved) return fail(diagnostics);
  const diff = diffModels(before.resolved, after.resolved);
  const changed = JSON.stringify(before.resolved.decision) !== JSON.stringify(after.resolved.decision);
  if (changed || target !== modelFile) await writeFileAtomic(target, text);
  if (options.json) {
    printJson({ ok: true, output: target, written: changed || target !== modelFile, changes: diff, summary: summarize(after.resolved), diagnostics: diagnosticsJson(diagnostics) });
    return EXIT.ok;
  }
  printDiagnostics(diagnostics, options);
  process.stdout.write(formatChanges(diff, `Thay đổi: ${modelFile} ← ${input.split("/").at(-1)}`));
  process.stderr.write(changed || target !== modelFile ? `updated ${target}\n` : `${target}: nothing changed, not rewritten\n`);
  return EXIT.ok;
}
